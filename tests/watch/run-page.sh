# Sourced by tests/watch/suite: the page of `run --pprof` takes the path of
# watch's (its goroutine table compares goroutine profiles, as watch's
# findings do): the runtime's own goroutines and main.main are not "new",
# and every group the table ranks as a suspect is one the findings name;
# the dump's group and the growth at its site are one finding; the
# goroutine series counts whole goroutines.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# 12 s: the growth at the site must have its verdict (sequential, with an
# error budget) for the dump's finding to cite it; 7 s under a loaded CI
# machine missed it in 2 of 6 runs, 12 s in none of 6
timeout 60 "$LEAKHOUND" run --pprof "http://127.0.0.1:$port" --interval 250ms --duration 12s \
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
# one leak, one finding: the dump's group and watch's growth at one site
# are merged (the growth is related evidence of the dump's finding)
at = {}
for f in d["findings"]:
    if f["rule"] in ("growing-goroutine-group", "goroutine-leak-suspect"):
        at.setdefault((f["file"].split("/")[-1], f["line"]), []).append(f["rule"])
assert all(len(r) == 1 for r in at.values()), at
sus = [f for f in d["findings"] if f["rule"] == "goroutine-leak-suspect"]
assert any("grew by" in r.get("message", "") for f in sus for r in f.get("related", [])), sus
# whole numbers of goroutines in the series finding
import re
g = [f["message"] for f in d["findings"] if f["rule"] == "goroutine-growth"]
assert g and all(re.search(r"\(from \d+ to \d+ over", m) for m in g), g
PYEOF
then pass "watch/run-page-same-path-as-watch ($nsus suspect rows)"
else fail "watch/run-page-same-path-as-watch" "exit $rc, $bad runtime/main rows marked new, $nsus suspects: $(head -c 300 "$TMP/runpage.err")"; fi
