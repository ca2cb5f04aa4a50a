# Sourced by tests/fleet/suite (uses TMP, PIDS, pass/fail, LEAKHOUND).
#
# A real Prometheus (Debian's /usr/bin/prometheus) scrapes one
# `leakhound watch --listen 127.0.0.1:0` per real Go program: two leaking
# (watch-timeafter: heap; watch-goroutines -shape send: goroutines) and one
# healthy (watch-steady).  It evaluates the shipped alert rules.  Asserted
# through Prometheus' HTTP API (tests/fleet/prom_check.py): every scrape is
# up, the leaking targets' verdict is 1 on their series and the healthy
# one's 0 on every judged series, and LeakhoundLeakSuspected fires for the
# leaking targets only, with the site in its description.  Everything on
# 127.0.0.1; every process is in PIDS (killed by the suite's trap); the whole
# part is bounded by deadlines (about 30 s when it passes, at most ~90 s).
PD="$TMP/prom"
mkdir -p "$PD/bin"
PROMETHEUS=$(command -v prometheus || echo /usr/bin/prometheus)

prom_build_ok=1
for p in watch-timeafter watch-goroutines watch-steady; do
  if ! (cd "$LEAKHOUND_ROOT/tests/progs" && go build -o "$PD/bin/$p" "./$p") \
      >"$PD/build-$p.log" 2>&1; then
    fail "fleet/prom-build-$p" "$(head -c 300 "$PD/build-$p.log")"
    prom_build_ok=0
  fi
done

# prom_target NAME PROG ARGS...: start PROG, then a watch of it serving on a
# port the kernel picks; sets URL_<NAME> (pprof) and LISTEN_<NAME>
# (host:port of /metrics).  0 when both are up.
prom_target() {
  local name=$1 prog=$2 i url="" listen=""; shift 2
  "$PD/bin/$prog" -life 100s "$@" >"$PD/$name.out" 2>"$PD/$name.err" &
  PIDS+=($!)
  for i in $(seq 50); do
    url=$(awk '/^pprof http/{print $2; exit}' "$PD/$name.out" 2>/dev/null)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { fail "fleet/prom-$name" "$prog did not start: $(head -c 200 "$PD/$name.err")"; return 1; }
  timeout 100 "$LEAKHOUND" watch "$url" --interval 250ms --duration 90s -q \
    --db "$PD/$name.db" --listen 127.0.0.1:0 >"$PD/w-$name.out" 2>"$PD/w-$name.err" &
  PIDS+=($!)
  for i in $(seq 50); do
    listen=$(sed -n 's|^leakhound: serving http://\([0-9.:]*\)/metrics$|\1|p' "$PD/w-$name.err")
    [ -n "$listen" ] && curl -sf "http://$listen/metrics" -o /dev/null && break
    listen=""
    sleep 0.1
  done
  [ -n "$listen" ] || { fail "fleet/prom-$name" "no /metrics: $(head -c 300 "$PD/w-$name.err")"; return 1; }
  printf -v "URL_$name" '%s' "$url"
  printf -v "LISTEN_$name" '%s' "$listen"
}

prom_run() {
  prom_target leak_heap watch-timeafter || return
  prom_target leak_gor watch-goroutines -shape send || return
  prom_target healthy watch-steady || return

  # The shipped rules, with the leak alert's `for: 1m` cut to 3s so that it
  # fires within the test (the only change; checked below).
  sed '0,/^\( *\)for: .*/s//\1for: 3s/' \
    "$LEAKHOUND_ROOT/contrib/prometheus/leakhound.rules.yml" >"$PD/rules.yml"
  if [ "$(diff "$LEAKHOUND_ROOT/contrib/prometheus/leakhound.rules.yml" "$PD/rules.yml" |
          grep -c '^[<>]')" != 2 ] || ! grep -q '^        for: 3s$' "$PD/rules.yml"; then
    fail fleet/prom-rules-copy "the rules file no longer has the leak alert's for: first"
    return
  fi
  cat >"$PD/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $PD/rules.yml
scrape_configs:
  - job_name: leakhound
    static_configs:
      - targets: ["$LISTEN_leak_heap", "$LISTEN_leak_gor", "$LISTEN_healthy"]
EOF
  if ! "$PROMTOOL" check config "$PD/prometheus.yml" >"$PD/pc.out" 2>&1; then
    fail fleet/prom-config "$(head -c 300 "$PD/pc.out")"
    return
  fi

  # Prometheus on a random loopback port, retried when taken
  local try p ppid="" base=""
  for try in 1 2 3 4 5; do
    p=$((20000 + RANDOM % 40000))
    timeout 100 "$PROMETHEUS" --config.file="$PD/prometheus.yml" \
      --storage.tsdb.path="$PD/tsdb$try" --web.listen-address="127.0.0.1:$p" \
      --log.level=warn >"$PD/prom.out" 2>"$PD/prom.err" &
    ppid=$!
    for i in $(seq 100); do
      curl -sf "http://127.0.0.1:$p/-/ready" -o /dev/null && { base="http://127.0.0.1:$p"; break; }
      kill -0 "$ppid" 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$base" ] && break
    kill "$ppid" 2>/dev/null; wait "$ppid" 2>/dev/null
  done
  PIDS+=("$ppid")
  [ -n "$base" ] || { fail fleet/prom-start "Prometheus did not come up: $(tail -c 300 "$PD/prom.err")"; return; }
  pass fleet/prom-start

  # poll Prometheus' API until everything holds, for at most 60 s
  if python3 "$LEAKHOUND_ROOT/tests/fleet/prom_check.py" "$base" 60 \
       --leak "$URL_leak_heap=heap_inuse_(bytes|objects)=watch-timeafter/main.go" \
       --leak "$URL_leak_gor=goroutines=watch-goroutines/main.go" \
       --healthy "$URL_healthy" >"$PD/check.out" 2>&1; then
    pass fleet/prom-verdicts-and-alerts
  else
    fail fleet/prom-verdicts-and-alerts "$(tail -n 12 "$PD/check.out" | tr '\n' '|' | head -c 1500)"
  fi
  sed 's/^/    prometheus: /' "$PD/check.out" | tail -n 4 >&2
}

PROMTOOL=${PROMTOOL:-$(command -v promtool || echo /usr/bin/promtool)}
if [ "$prom_build_ok" = 1 ]; then
  if [ -x "$PROMETHEUS" ]; then
    prom_run
  else
    fail fleet/prom-start "no prometheus at $PROMETHEUS (scripts/bootstrap installs it)"
  fi
fi
