# Sourced by tests/fleet/suite after prometheus.sh (uses its programs,
# still running: URL_leak_heap, URL_leak_gor, URL_healthy, and PD).
#
# The HTTP side of one `watch --targets FILE --listen 127.0.0.1:0` over the
# three programs: /metrics (text and OpenMetrics) with each target's labels,
# the status page listing every target, and /report?target= serving the
# page of that target alone from the shared recording (--target of
# `leakhound report`); an unknown target is a 404.
fleet_http() {
  local hp_heap=${URL_leak_heap#http://} hp_gor=${URL_leak_gor#http://} hp_ok=${URL_healthy#http://}
  local i listen="" m
  cat >"$PD/targets.json" <<JSON
[{"targets": ["$hp_heap", "$hp_gor"], "labels": {"team": "leaky"}},
 {"targets": ["$hp_ok"], "labels": {"team": "fine"}}]
JSON
  timeout 80 "$LEAKHOUND" watch --targets "$PD/targets.json" --interval 250ms \
    --duration 70s -q --db "$PD/fleet.db" --listen 127.0.0.1:0 \
    >"$PD/fleet.out" 2>"$PD/fleet.err" &
  local fpid=$!
  PIDS+=("$fpid")
  for i in $(seq 50); do
    listen=$(sed -n 's|^leakhound: serving http://\([0-9.:]*\)/metrics$|\1|p' "$PD/fleet.err")
    [ -n "$listen" ] && curl -sf "http://$listen/metrics" -o /dev/null && break
    listen=""
    sleep 0.1
  done
  [ -n "$listen" ] || { fail fleet/targets-listen "no /metrics: $(head -c 300 "$PD/fleet.err")"; return; }
  # within 25 s the heap leak is judged, with its labels first
  m=""
  for i in $(seq 100); do
    curl -sf "http://$listen/metrics" -o "$PD/fleet-m.txt" || break
    if grep -q "^leakhound_leak_suspected{[^}]*team=\"leaky\",target=\"$URL_leak_heap\",series=\"heap_inuse_bytes\"[^}]*} 1$" "$PD/fleet-m.txt" &&
       grep -q "^leakhound_leak_suspected{[^}]*team=\"fine\",target=\"$URL_healthy\",series=\"heap_inuse_bytes\"} 0$" "$PD/fleet-m.txt"; then
      m=1; break
    fi
    sleep 0.25
  done
  if [ -n "$m" ] && "$PROMTOOL" check metrics <"$PD/fleet-m.txt" >"$PD/fleet-pm.out" 2>&1 && ! [ -s "$PD/fleet-pm.out" ]; then
    pass fleet/targets-metrics-labels
  else
    fail fleet/targets-metrics-labels "$(grep leak_suspected "$PD/fleet-m.txt" | head -n 6 | tr '\n' '|' | head -c 800) $(head -c 200 "$PD/fleet-pm.out")"
  fi
  curl -s -H 'Accept: application/openmetrics-text; version=1.0.0' "http://$listen/metrics" -o "$PD/fleet-om.txt"
  if python3 "$LEAKHOUND_ROOT/tests/fleet/om_check.py" <"$PD/fleet-om.txt" >"$PD/fleet-om.out" 2>&1 &&
     [ "$(grep -c "^leakhound_samples_total{" "$PD/fleet-om.txt")" = 3 ]; then
    pass fleet/targets-openmetrics
  else
    fail fleet/targets-openmetrics "$(head -c 400 "$PD/fleet-om.out")"
  fi
  # the page renders the verdicts of the moment: on a loaded machine the
  # heap target's verdict can waver while its window fills, so look again
  # for a few seconds (the page's content is what is checked here)
  status_ok() {
    grep -q 'id="summary">3 targets, ' "$PD/fleet-status.html" &&
      [ "$(grep -c '<a href="/report?target=' "$PD/fleet-status.html")" = 3 ] &&
      grep -q "<h2>$URL_leak_heap <span class=\"leak\">" "$PD/fleet-status.html" &&
      grep -q 'team=&quot;fine&quot;' "$PD/fleet-status.html"
  }
  for i in $(seq 40); do
    curl -s "http://$listen/" -o "$PD/fleet-status.html"
    status_ok && break
    sleep 0.25
  done
  if status_ok; then
    pass fleet/targets-status-page
  else
    fail fleet/targets-status-page "$(grep -E '<h2>|summary|labels' "$PD/fleet-status.html" | head -c 600) $(tail -c 300 "$PD/fleet.err")"
  fi
  # the report of one target: its own leak's site, not the other leak's
  local c1 c2 c3
  c1=$(curl -s -o "$PD/fleet-r1.html" -w '%{http_code}' -G --data-urlencode "target=$URL_leak_heap" "http://$listen/report")
  c2=$(curl -s -o "$PD/fleet-r2.html" -w '%{http_code}' -G --data-urlencode "target=$URL_healthy" "http://$listen/report")
  c3=$(curl -s -o "$PD/fleet-r3.txt" -w '%{http_code}' "http://$listen/report?target=nope")
  if [ "$c1" = 200 ] && grep -q 'watch-timeafter/main.go' "$PD/fleet-r1.html" &&
     ! grep -q 'watch-goroutines/main.go' "$PD/fleet-r1.html" &&
     grep -q "$URL_leak_heap" "$PD/fleet-r1.html" &&
     [ "$c2" = 200 ] && grep -q '<title>leakhound report</title>' "$PD/fleet-r2.html" &&
     ! grep -q 'growing-allocation-site\|watch-timeafter/main.go' "$PD/fleet-r2.html" &&
     [ "$c3" = 404 ] && grep -q "no target 'nope'" "$PD/fleet-r3.txt"; then
    pass fleet/targets-report
  else
    fail fleet/targets-report "$c1 $c2 $c3: $(head -c 300 "$PD/fleet-r1.html") / $(head -c 300 "$PD/fleet-r3.txt") $(tail -c 300 "$PD/fleet.err")"
  fi
  kill "$fpid" 2>/dev/null
  # leakhound report --target on the fleet's recording: an unknown target
  # is an error naming the targets there
  "$LEAKHOUND" report "$PD/fleet.db" --target http://127.0.0.1:1 -o "$PD/fleet-r4.html" \
    >/dev/null 2>"$PD/fleet-r4.err"
  c1=$?
  if [ "$c1" = 2 ] && grep -q "has no target 'http://127.0.0.1:1' (its targets: .*$URL_healthy" "$PD/fleet-r4.err"; then
    pass fleet/report-target-unknown
  else
    fail fleet/report-target-unknown "exit $c1: $(head -c 300 "$PD/fleet-r4.err")"
  fi
}
if [ -n "${URL_leak_heap:-}" ] && [ -n "${URL_healthy:-}" ] && [ -n "${URL_leak_gor:-}" ]; then
  fleet_http
fi
