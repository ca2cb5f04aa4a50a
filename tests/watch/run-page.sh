# Sourced by tests/watch/suite: the page of `run --pprof` takes the path of
# watch's (its goroutine table compares goroutine profiles, as watch's
# findings do): the runtime's own goroutines and main.main are not "new",
# and every group the table ranks as a suspect is one the findings name.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
timeout 60 "$LEAKHOUND" run --pprof "http://127.0.0.1:$port" --interval 250ms --duration 4s \
  --db "$TMP/runpage.db" --html "$TMP/runpage.html" --format json \
  -- env PPROF_PORT="$port" "$BIN/watch-goroutines" -shape send -life 30s \
  >"$TMP/runpage.out" 2>"$TMP/runpage.err"
rc=$?
rows=$(sed 's/<tr/\n<tr/g' "$TMP/runpage.html" 2>/dev/null | grep '^<tr id="g')
bad=$(grep -E 'GC worker|finalizer wait|<code class="fn">main\.main</code>' <<<"$rows" | grep -c 'class="new"')
nsus=$(grep -c '^<tr id="g[0-9-]*" class="suspect"' <<<"$rows")
if [ "$rc" = 1 ] && [ -n "$rows" ] && [ "$bad" = 0 ] && [ "$nsus" -ge 1 ] && python3 - "$TMP/runpage.out" "$nsus" <<'PYEOF'
import json, sys
text = open(sys.argv[1]).read()
d = json.loads(text[text.index('{"tool"'):])
sites = {f["file"] + ":" + str(f["line"]) for f in d["findings"]
         if f["rule"] in ("growing-goroutine-group", "goroutine-leak-suspect")}
assert sites and len(sites) >= int(sys.argv[2]) - 1, (sites, sys.argv[2])
PYEOF
then pass "watch/run-page-same-path-as-watch ($nsus suspect rows)"
else fail "watch/run-page-same-path-as-watch" "exit $rc, $bad runtime/main rows marked new, $nsus suspects: $(head -c 300 "$TMP/runpage.err")"; fi
