# Fault tests of watch (sourced by tests/watch/suite, after its helpers):
# the target killed and restarted on the same port, two writers on one
# recording, a recording named twice, a foreign database, and kill -9 of
# leakhound with every sample it reported kept.

newport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ---- restart on the same port: the new segment has the new pid ----
port=$(newport)
start frestart1 watch-steady -port "$port" -life 30s && {
  timeout 30 "$LEAKHOUND" watch "http://127.0.0.1:$port" --interval 250ms --duration 5s \
    --db "$TMP/frestart.db" >"$TMP/frestart.report" 2>"$TMP/frestart.stderr" &
  wpid=$!
  sleep 1.5; kill "$(pid_of frestart1)"; sleep 0.8
  start frestart2 watch-steady -port "$port" -life 30s
  wait $wpid; rc=$?
  p1=$(pid_of frestart1); p2=$(pid_of frestart2)
  pids=$(sqlite3 "$TMP/frestart.db" "SELECT group_concat(pid, ',') FROM segments ORDER BY id")
  # every sample of the new segment after its first has the process series
  missing=$(sqlite3 "$TMP/frestart.db" "SELECT count(*) FROM samples WHERE segment = (SELECT max(id) FROM segments) AND (rss IS NULL OR threads IS NULL OR fds IS NULL)")
  n2=$(sqlite3 "$TMP/frestart.db" "SELECT count(*) FROM samples WHERE segment = (SELECT max(id) FROM segments)")
  if [ $rc = 0 ] && [ "$pids" = "$p1,$p2" ] && [ "$missing" = 0 ] && [ "${n2:-0}" -ge 3 ] \
     && grep -q "new series: target restarted (process $p1 is gone, process $p2 listens on its port)" "$TMP/frestart.report"; then
    pass "watch/fault-restart-new-pid"
  else
    fail "watch/fault-restart-new-pid" "exit $rc, segment pids '$pids' want '$p1,$p2', $missing of $n2 new samples without rss/threads/fds: $(grep 'new series' "$TMP/frestart.report" | head -n 2 | tr '\n' '|') $(head -c 200 "$TMP/frestart.stderr")"
  fi
  kill "$p2" 2>/dev/null
}

# ---- two writers on one recording: the second is refused ----
start fwriters watch-steady -life 30s && {
  url=$(url_of fwriters)
  timeout 30 "$LEAKHOUND" watch "$url" --interval 250ms --duration 3s \
    --db "$TMP/fwriters.db" -q >/dev/null 2>"$TMP/fwriters1.stderr" &
  wpid=$!
  sleep 1
  lpid=$(pgrep -P $wpid)   # leakhound, under timeout
  timeout 10 "$LEAKHOUND" watch "$url" --interval 250ms --duration 1s \
    --db "$TMP/fwriters.db" -q >/dev/null 2>"$TMP/fwriters2.stderr"
  rc2=$?
  timeout 10 "$LEAKHOUND" watch --resume "$TMP/fwriters.db" --duration 1s \
    -q >/dev/null 2>"$TMP/fwriters3.stderr"
  rc3=$?
  wait $wpid; rc1=$?
  segs=$(sqlite3 "$TMP/fwriters.db" "SELECT count(*) FROM segments")
  if [ $rc1 = 0 ] && [ $rc2 = 2 ] && [ $rc3 = 2 ] && [ "$segs" = 1 ] \
     && grep -q "cannot write '$TMP/fwriters.db': another leakhound (pid $lpid) is recording into it" "$TMP/fwriters2.stderr" \
     && grep -q "another leakhound (pid $lpid)" "$TMP/fwriters3.stderr"; then
    pass "watch/fault-two-writers"
  else
    fail "watch/fault-two-writers" "exits $rc1 $rc2 $rc3 (want 0 2 2), $segs segments: $(head -c 200 "$TMP/fwriters2.stderr") | $(head -c 200 "$TMP/fwriters3.stderr")"
  fi
  # the finished recording, named again without --resume
  n1=$(sqlite3 "$TMP/fwriters.db" "SELECT count(*) FROM samples")
  timeout 10 "$LEAKHOUND" watch "$url" --interval 250ms --duration 1s \
    --db "$TMP/fwriters.db" -q >/dev/null 2>"$TMP/fwriters4.stderr"
  rc=$?
  n2=$(sqlite3 "$TMP/fwriters.db" "SELECT count(*) FROM samples")
  if [ $rc = 2 ] && [ "$n1" = "$n2" ] \
     && grep -q "it already holds a leakhound recording (of $url); give --resume" "$TMP/fwriters4.stderr"; then
    pass "watch/fault-existing-recording"
  else
    fail "watch/fault-existing-recording" "exit $rc, samples $n1 -> $n2: $(head -c 200 "$TMP/fwriters4.stderr")"
  fi
  # a clean exit leaves no samples only in the WAL
  wal=$(stat -c %s "$TMP/fwriters.db-wal" 2>/dev/null || echo 0)
  if [ "$wal" = 0 ]; then pass "watch/fault-checkpoint-at-exit"
  else fail "watch/fault-checkpoint-at-exit" "$wal bytes left in the -wal file"; fi
  # another SQLite database, and a file that is no database
  sqlite3 "$TMP/foreign.db" "CREATE TABLE t(a); INSERT INTO t VALUES(1);"
  printf 'hello\n' >"$TMP/text.db"
  bad=""
  for f in foreign text; do
    for how in db resume report; do
      # report of a text file is a wrong input of report, not a recording
      [ $f/$how = text/report ] && continue
      case $how in
        db) timeout 10 "$LEAKHOUND" watch "$url" --duration 1s --db "$TMP/$f.db" -q ;;
        resume) timeout 10 "$LEAKHOUND" watch --resume "$TMP/$f.db" --duration 1s -q ;;
        report) timeout 10 "$LEAKHOUND" report "$TMP/$f.db" ;;
      esac >/dev/null 2>"$TMP/foreign.stderr"
      rc=$?
      { [ $rc = 2 ] && grep -q "not a leakhound recording" "$TMP/foreign.stderr"; } \
        || bad="$bad $f/$how: exit $rc $(head -c 150 "$TMP/foreign.stderr");"
    done
  done
  t=$(sqlite3 "$TMP/foreign.db" "SELECT group_concat(name) FROM sqlite_master")
  [ "$t" = t ] || bad="$bad the foreign database was changed ($t);"
  [ "$(cat "$TMP/text.db")" = hello ] || bad="$bad the text file was changed;"
  if [ -z "$bad" ]; then pass "watch/fault-foreign-file"
  else fail "watch/fault-foreign-file" "$bad"; fi
  kill "$(pid_of fwriters)" 2>/dev/null
}

# ---- kill -9 of leakhound: every sample it reported is in the file ----
start fkill watch-steady -life 30s && {
  timeout 30 "$LEAKHOUND" watch "$(url_of fkill)" --interval 200ms --duration 20s \
    --db "$TMP/fkill.db" -o "$TMP/fkill.final" >"$TMP/fkill.lines" 2>/dev/null &
  wpid=$!
  sleep 2.5; lpid=$(pgrep -P $wpid); kill -9 $lpid; wait $wpid 2>/dev/null
  shown=$(grep -c '^t=' "$TMP/fkill.lines")
  kept=$(sqlite3 "$TMP/fkill.db" "SELECT count(*) FROM samples")
  heaps=$(sqlite3 "$TMP/fkill.db" "SELECT count(*) FROM profiles WHERE kind='heap'")
  ok=$(sqlite3 "$TMP/fkill.db" "PRAGMA integrity_check")
  # the lock died with it: the recording can be resumed at once
  timeout 10 "$LEAKHOUND" watch --resume "$TMP/fkill.db" --duration 0.5s -q >/dev/null 2>"$TMP/fkill.resume"
  rrc=$?
  if [ -n "$lpid" ] && [ "$shown" -ge 5 ] && [ "$kept" -ge "$shown" ] && [ "$heaps" -ge "$shown" ] && [ "$ok" = ok ] \
     && [ "$rrc" = 0 ]; then
    pass "watch/fault-kill-9-every-sample"
  else
    fail "watch/fault-kill-9-every-sample" "$shown samples shown, $kept kept, $heaps heap profiles, integrity $ok, resume exit $rrc $(head -c 200 "$TMP/fkill.resume")"
  fi
  kill "$(pid_of fkill)" 2>/dev/null
}
