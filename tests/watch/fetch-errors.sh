# Sourced by tests/watch/suite: one libcurl wrapper (src/base/http.c), so
# a fetch that fails reads the same from `top` (a profile source) and from
# `watch` (a sample): the same "cannot fetch 'URL': reason" for a refused
# connection and for an HTTP error.
# same_fetch_error NAME BASE: top BASE/debug/pprof/heap and watch BASE
same_fetch_error() {
  local name=$1 base=$2 t w
  t=$("$LEAKHOUND" top "$base/debug/pprof/heap" 2>&1 >/dev/null)
  timeout 30 "$LEAKHOUND" watch "$base" --interval 250ms --duration 500ms \
    --db "$TMP/fe-$name.db" -q >/dev/null 2>"$TMP/fe-$name.err"
  w=$(sed -n "s/^leakhound: cannot sample the target: \(cannot fetch '[^']*\/heap'[^;]*\).*/\1/p" "$TMP/fe-$name.err" | head -n 1)
  if [ -n "$w" ] && [ "$t" = "leakhound: $w" ]; then
    pass "watch/fetch-error-same-as-top-$name ($w)"
  else
    fail "watch/fetch-error-same-as-top-$name" "top: '$t'; watch: '$(head -c 300 "$TMP/fe-$name.err")'"
  fi
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
same_fetch_error refused "http://127.0.0.1:$port"
if start fe404 watch-fakepprof -mode 404 -life 30s; then
  same_fetch_error http404 "$(url_of fe404)"
  kill "$(pid_of fe404)" 2>/dev/null
fi
