# Live checks of `watch --targets` (sourced by suite).  Real Go programs of
# tests/progs on random loopback ports (PPROF_PORT=0), one targets file:
#   group team=a: watch-timeafter (leaks), watch-steady (healthy)
#   group team=b: watch-sawtooth (healthy, killed mid-run), a hung server
#                 (accepts connections, never answers: every request of it
#                 runs into its timeout of 1 s)
# and, written into the file mid-run, a second watch-steady (team=c).
# Every program exits by itself (-life); leakhound is bounded by --duration.
BIN=$TMP/bin
mkdir -p "$BIN"
LPIDS=()
live_cleanup() {
  local p
  for p in "${LPIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${LPIDS[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$TMP"
}
trap live_cleanup EXIT

for p in watch-timeafter watch-steady watch-sawtooth; do
  (cd "$LEAKHOUND_ROOT/tests/progs" && go build -o "$BIN/$p" "./$p") \
    >"$TMP/build-$p.log" 2>&1 || fail "targets/build-$p" "$(head -c 300 "$TMP/build-$p.log")"
done

# lstart NAME PROG: start PROG on a free loopback port; ADDR_<NAME>=host:port
lstart() {
  local name=$1 prog=$2 i a=""
  PPROF_PORT=0 "$BIN/$prog" -life 60s >"$TMP/$name.out" 2>"$TMP/$name.err" &
  LPIDS+=("$!"); printf -v "PID_$name" '%s' "$!"
  for i in $(seq 50); do
    a=$(awk '/^pprof http/{sub("http://", "", $2); print $2; exit}' "$TMP/$name.out" 2>/dev/null)
    [ -n "$a" ] && break; sleep 0.1
  done
  printf -v "ADDR_$name" '%s' "$a"
  [ -n "$a" ] || fail "targets/start-$name" "$prog did not start: $(head -c 200 "$TMP/$name.err")"
}
lstart leak watch-timeafter
lstart steady watch-steady
lstart saw watch-sawtooth
lstart late watch-steady
# the hung server: listens, never accepts (the kernel completes the
# connection, nobody answers)
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(64)
print(s.getsockname()[1], flush=True); time.sleep(40)' >"$TMP/hung.port" &
LPIDS+=("$!")
for i in $(seq 50); do [ -s "$TMP/hung.port" ] && break; sleep 0.1; done
ADDR_hung=127.0.0.1:$(cat "$TMP/hung.port")

T=$TMP/fleet.yml
cat >"$T" <<EOF
# a Prometheus file_sd list
- targets: [$ADDR_leak, "$ADDR_steady"]
  labels: {team: a, __meta_dropped: x}
- targets:
    - $ADDR_saw
    - $ADDR_hung
  labels:
    team: b
EOF
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

DB=$TMP/fleet.db
for try in 1 2 3; do
  MPORT=$(free_port); rm -f "$DB" "$DB-wal" "$DB-shm"
  timeout 60 "$LEAKHOUND" watch --targets "$T" --interval 250ms --duration 20s \
    --db "$DB" --listen "127.0.0.1:$MPORT" --format json -o "$TMP/fleet.json" \
    >"$TMP/fleet.out" 2>"$TMP/fleet.err" &
  WPID=$!
  sleep 4
  if ! kill -0 "$WPID" 2>/dev/null && grep -q "cannot serve" "$TMP/fleet.err"; then
    wait "$WPID"; continue
  fi
  # mid-run: the sawtooth program dies, the file gains a target, /metrics
  kill "$PID_saw" 2>/dev/null
  sleep 1
  cat >>"$T" <<EOF
- targets: ["$ADDR_late"]
  labels: {team: c}
EOF
  T_EDIT=$(date +%s.%N)
  sleep 5
  # the leak's verdict may still be settling on a loaded machine: read
  # /metrics until it says so (at most 8 s; the watch runs 20 s)
  for i in $(seq 16); do
    curl -s --max-time 5 "http://127.0.0.1:$MPORT/metrics" >"$TMP/metrics.txt"
    grep -q "^leakhound_leak_suspected{instance=\"$ADDR_leak\",[^}]*series=\"heap_inuse_bytes\"[^}]*} 1$" \
      "$TMP/metrics.txt" && break
    sleep 0.5
  done
  curl -s --max-time 5 "http://127.0.0.1:$MPORT/" >"$TMP/status.html"
  RCODE=$(curl -s --max-time 40 -o "$TMP/rep.html" -w '%{http_code}' \
    "http://127.0.0.1:$MPORT/report?target=http://$ADDR_leak")
  wait "$WPID"; WRC=$?
  break
done
J=$TMP/fleet.json

if [ "$WRC" = 1 ] && jq -e . "$J" >/dev/null 2>&1; then
  pass targets/live-exit-leak
else
  fail targets/live-exit-leak "exit $WRC: $(head -c 300 "$TMP/fleet.err")"
fi

verdict() { jq -r --arg u "http://$1" '.targets[] | select(.url == $u) | .verdict' "$J"; }
v_leak=$(verdict "$ADDR_leak"); v_steady=$(verdict "$ADDR_steady")
v_saw=$(verdict "$ADDR_saw"); v_hung=$(verdict "$ADDR_hung"); v_late=$(verdict "$ADDR_late")
if [ "$v_leak" = leak ] && [ "$v_steady" = "no leak" ] && [ "$v_saw" = "no leak" ] &&
   [ "$v_hung" = unreachable ] && [ "$v_late" != leak ] && [ -n "$v_late" ]; then
  pass targets/live-verdict-per-target
else
  fail targets/live-verdict-per-target "leak=$v_leak steady=$v_steady sawtooth=$v_saw hung=$v_hung late=$v_late"
fi

# the leak's findings name their target and its labels
if jq -e --arg u "http://$ADDR_leak" '[.findings[] | select(.message | startswith("target " + $u + " {") and contains("team=\"a\""))] | length > 0' "$J" >/dev/null &&
   ! jq -e --arg u "http://$ADDR_steady" '[.findings[] | select(.message | contains($u))] | length > 0' "$J" >/dev/null; then
  pass targets/live-findings-labelled
else
  fail targets/live-findings-labelled "$(jq -c '[.findings[].message]' "$J" | head -c 300)"
fi

# a hung and a dead target delay no other: every live target's samples
# start within 0.5 s of their slot (a request of the hung one takes 1 s),
# and the recorded gaps of the steady target stay near the interval
maxd=$(jq -r --arg h "http://$ADDR_hung" '[.targets[] | select(.url != $h) | .max_delay_seconds] | max' "$J")
gap=$(sqlite3 "$DB" "SELECT max(t - prev) FROM (SELECT t, lag(t) OVER (ORDER BY id) AS prev FROM samples WHERE target = (SELECT id FROM targets WHERE url = 'http://$ADDR_steady'))" 2>&1)
hungs=$(jq -r --arg h "http://$ADDR_hung" '.targets[] | select(.url == $h) | .samples' "$J")
if awk -v d="$maxd" -v g="$gap" 'BEGIN { exit !(d != "" && d < 0.5 && g != "" && g < 0.75) }' &&
   [ "${hungs:-0}" -ge 3 ]; then
  pass "targets/live-no-delay (max delay ${maxd}s, largest gap ${gap}s, hung target ${hungs} samples)"
else
  fail targets/live-no-delay "$(jq -c "[.targets[] | [.url, .max_delay_seconds]]" "$J") max delay $maxd s, largest gap of the steady target $gap s, hung samples $hungs"
fi

# the killed target: sampled before and after its death (errors after)
saw_n=$(jq -r --arg u "http://$ADDR_saw" '.targets[] | select(.url == $u) | "\(.samples) \(.sample_errors)"' "$J")
if [ -n "$saw_n" ] && awk -v s="$saw_n" 'BEGIN { split(s, a, " "); exit !(a[1] >= 40 && a[2] >= 10 && a[2] < a[1]) }'; then
  pass "targets/live-killed-target ($saw_n samples/errors)"
else
  fail targets/live-killed-target "samples/errors: $saw_n"
fi

# the target added to the file mid-run was watched from within ~1 s
late_first=$(sqlite3 "$DB" "SELECT min(t) FROM samples WHERE target = (SELECT id FROM targets WHERE url = 'http://$ADDR_late')" 2>&1)
late_n=$(jq -r --arg u "http://$ADDR_late" '.targets[] | select(.url == $u) | .samples' "$J")
if [ -n "$late_first" ] && awk -v a="$late_first" -v e="$T_EDIT" -v n="$late_n" 'BEGIN { exit !(a - e < 2.5 && a > e - 0.5 && n >= 10) }'; then
  pass "targets/live-file-edited-adds-target ($late_n samples, first $(awk -v a="$late_first" -v e="$T_EDIT" 'BEGIN{printf "%.2f", a-e}') s after the edit)"
else
  fail targets/live-file-edited-adds-target "first sample at $late_first, edit at $T_EDIT, $late_n samples"
fi

# one recording: rows keyed by target, labels kept, __ labels dropped
rows=$(sqlite3 "$DB" "SELECT count(DISTINCT target) FROM samples; SELECT count(*) FROM samples WHERE target IS NULL; SELECT labels FROM targets WHERE url = 'http://$ADDR_saw'; PRAGMA journal_mode" 2>&1 | tr '\n' '|')
if [ "$rows" = '5|0|{"instance":"'"$ADDR_saw"'","team":"b"}|wal|' ]; then
  pass targets/live-recording-keyed
else
  fail targets/live-recording-keyed "$rows"
fi

# /metrics: every target's series with its instance and labels, each family
# declared once, and the leak's verdict 1
M=$TMP/metrics.txt
if grep -q "^leakhound_leak_suspected{instance=\"$ADDR_leak\",team=\"a\",target=\"http://$ADDR_leak\",series=\"heap_inuse_bytes\"[^}]*} 1$" "$M" &&
   grep -q "^leakhound_samples_total{instance=\"$ADDR_late\",team=\"c\",target=\"http://$ADDR_late\"}" "$M" &&
   [ "$(grep -c '^# TYPE leakhound_samples_total ' "$M")" = 1 ] &&
   ! grep -q "__meta" "$M"; then
  pass targets/live-metrics-labels
else
  fail targets/live-metrics-labels "$(grep -m3 'leak_suspected\|samples_total{' "$M" | head -c 300)"
fi
if command -v promtool >/dev/null && ! promtool check metrics <"$M" 2>&1 | grep -qi "error"; then
  pass targets/live-metrics-promtool
elif command -v promtool >/dev/null; then
  fail targets/live-metrics-promtool "$(promtool check metrics <"$M" 2>&1 | head -c 300)"
fi

# report: a fleet recording needs --target (URL or instance); the leaking
# target's page carries its leak, the steady one's none
"$LEAKHOUND" report "$DB" -o "$TMP/r0.html" >/dev/null 2>"$TMP/r0.err"; r0=$?
"$LEAKHOUND" report "$DB" --target "http://$ADDR_leak" -o "$TMP/r1.html" >/dev/null 2>"$TMP/r1.err"; r1=$?
"$LEAKHOUND" report "$DB" --target "$ADDR_steady" -o "$TMP/r2.html" >/dev/null 2>"$TMP/r2.err"; r2=$?
if [ "$r0" = 2 ] && grep -q "a recording of 5 targets" "$TMP/r0.err" && [ "$r1" = 1 ] &&
   grep -q "heap-growth" "$TMP/r1.html" && [ "$r2" = 0 ] && ! grep -q "heap-growth" "$TMP/r2.html"; then
  pass targets/report-one-target
else
  fail targets/report-one-target "exits $r0 $r1 $r2: $(head -c 200 "$TMP/r0.err") $(head -c 200 "$TMP/r2.err")"
fi

# --retention: samples older than it are deleted from the recording while
# it runs (checked at the end: none older than the retention plus the
# pruning period), the newest kept
DB2=$TMP/ret.db
printf -- '- targets: ["%s", "%s"]\n' "$ADDR_steady" "$ADDR_late" >"$TMP/ret.yml"
timeout 30 "$LEAKHOUND" watch --targets "$TMP/ret.yml" --interval 200ms --duration 6s \
  --retention 2s --db "$DB2" --format json -o "$TMP/ret.json" >/dev/null 2>"$TMP/ret.err"
rrc=$?; t_end=$(date +%s.%N)
span=$(sqlite3 "$DB2" "SELECT max(t) - min(t), count(*) FROM samples" 2>&1 | tr '|' ' ')
pruned=$(jq -r .samples_pruned "$TMP/ret.json" 2>/dev/null)
if [ "$rrc" = 0 ] && awk -v s="$span" -v p="$pruned" 'BEGIN { split(s, a, " "); exit !(a[1] <= 2.5 && a[2] >= 10 && p >= 20) }'; then
  pass "targets/retention (kept span ${span% *} s, $pruned samples pruned)"
else
  fail targets/retention "exit $rrc, span/count $span, pruned $pruned: $(head -c 200 "$TMP/ret.err")"
fi

# a target that restarts (same port, new process) starts a new segment of
# its own; the other target keeps one
RP=$(free_port)
PPROF_PORT=$RP "$BIN/watch-steady" -life 30s >"$TMP/rs1.out" 2>&1 &
rs1=$!; LPIDS+=("$rs1")
for i in $(seq 50); do grep -q '^pprof http' "$TMP/rs1.out" 2>/dev/null && break; sleep 0.1; done
printf -- '- targets: ["127.0.0.1:%s"]\n- targets: ["%s"]\n  labels: {__scrape_interval__: 1s}\n' "$RP" "$ADDR_late" >"$TMP/rs.yml"
timeout 30 "$LEAKHOUND" watch --targets "$TMP/rs.yml" --interval 200ms --duration 8s \
  --db "$TMP/rs.db" --format json -o "$TMP/rs.json" >/dev/null 2>"$TMP/rs.err" &
rw=$!
sleep 3
kill "$rs1"; wait "$rs1" 2>/dev/null
PPROF_PORT=$RP "$BIN/watch-steady" -life 30s >"$TMP/rs2.out" 2>&1 &
LPIDS+=("$!")
wait "$rw"
segs=$(jq -r --arg u "http://127.0.0.1:$RP" --arg o "http://$ADDR_late" \
  '[(.targets[] | select(.url == $u) | .segments), (.targets[] | select(.url == $o) | .segments)] | map(tostring) | join(" ")' "$TMP/rs.json" 2>/dev/null)
why=$(sqlite3 "$TMP/rs.db" "SELECT reason FROM segments WHERE target = (SELECT id FROM targets WHERE url = 'http://127.0.0.1:$RP') ORDER BY id" 2>&1 | tail -1)
if [ "$segs" = "2 1" ] && grep -q "restarted" <<<"$why"; then
  pass "targets/restart-new-segment ($why)"
else
  fail targets/restart-new-segment "segments '$segs', reason '$why': $(head -c 200 "$TMP/rs.err")"
fi

# the status page lists every target (the added one too); /report?target=
# draws one target's page out of the fleet recording
if grep -q "$ADDR_late" "$TMP/status.html" && grep -q "$ADDR_leak" "$TMP/status.html" &&
   [ "$RCODE" = 200 ] && grep -q "heap-growth" "$TMP/rep.html"; then
  pass targets/live-status-and-report
else
  fail targets/live-status-and-report "report HTTP $RCODE: $(head -c 200 "$TMP/rep.html")"
fi

# __scrape_interval__ of a group: its target sampled every 1 s, the other
# at --interval 200ms (8 s each)
ns=$(jq -r --arg u "http://127.0.0.1:$RP" --arg o "http://$ADDR_late" \
  '"\([.targets[] | select(.url == $u) | .samples][0]) \([.targets[] | select(.url == $o) | .samples][0])"' "$TMP/rs.json" 2>/dev/null)
if awk -v s="$ns" 'BEGIN { split(s, a, " "); exit !(a[1] >= 25 && a[2] >= 6 && a[2] <= 10) }'; then
  pass "targets/per-target-interval (samples at 200ms and 1s: $ns)"
else
  fail targets/per-target-interval "samples at 200ms and 1s: $ns"
fi
