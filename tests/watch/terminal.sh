# Sourced by tests/watch/suite: the live views on a terminal (a pty from
# script(1)): colour and cursor codes only where the terminal takes them
# (NO_COLOR drops the colour, TERM=dumb every escape code), and run's
# status line shown by default.
ESC=$'\033'
# tty NAME ENV... -- LEAKHOUND-ARGS...: leakhound under a pty, its screen
# (stdout and stderr) in $TMP/NAME.tty
tty_run() {
  local name=$1 envs=() cmd; shift
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  printf -v cmd '%q ' "$LEAKHOUND" "$@"
  env "${envs[@]}" timeout 30 script -qfc "$cmd" /dev/null >"$TMP/$name.tty" 2>&1 </dev/null
}
if command -v script >/dev/null; then
  start termw watch-steady -life 60s && {
    u=$(url_of termw)
    tty_run tw-color -u NO_COLOR TERM=xterm -- watch "$u" --interval 250ms --duration 1s --db "$TMP/tw1.db"
    tty_run tw-nocolor TERM=xterm NO_COLOR=1 -- watch "$u" --interval 250ms --duration 1s --db "$TMP/tw2.db"
    tty_run tw-dumb -u NO_COLOR TERM=dumb -- watch "$u" --interval 250ms --duration 1s --db "$TMP/tw3.db"
    if grep -q "${ESC}\[1mleakhound watch" "$TMP/tw-color.tty" && grep -q "${ESC}\[[0-9]*A" "$TMP/tw-color.tty"; then
      pass "watch/tty-view-color"
    else fail "watch/tty-view-color" "$(head -c 200 "$TMP/tw-color.tty" | cat -v)"; fi
    if grep -q "^leakhound watch" "$TMP/tw-nocolor.tty" && grep -q "${ESC}\[[0-9]*A" "$TMP/tw-nocolor.tty" \
       && ! grep -q "${ESC}\[[0-9;]*m" "$TMP/tw-nocolor.tty"; then
      pass "watch/tty-view-no-color"
    else fail "watch/tty-view-no-color" "$(head -c 200 "$TMP/tw-nocolor.tty" | cat -v)"; fi
    if grep -q "^t=[0-9.]*s rss=" "$TMP/tw-dumb.tty" && ! grep -q "$ESC" "$TMP/tw-dumb.tty"; then
      pass "watch/tty-view-dumb"
    else fail "watch/tty-view-dumb" "$(head -c 200 "$TMP/tw-dumb.tty" | cat -v)"; fi
    kill "$(pid_of termw)" 2>/dev/null
  }
  tty_run tr-line TERM=xterm -- run --interval 250ms --duration 1s --db "$TMP/tr1.db" -- "$BIN/watch-steady" -life 30s
  tty_run tr-dumb TERM=dumb -- run --interval 250ms --duration 1s --db "$TMP/tr2.db" -- "$BIN/watch-steady" -life 30s
  tty_run tr-quiet TERM=xterm -- run -q --interval 250ms --duration 1s --db "$TMP/tr3.db" -- "$BIN/watch-steady" -life 30s
  n=$(grep -o $'\r'"${ESC}\[Kt=[0-9.]*s rss=" "$TMP/tr-line.tty" | wc -l)
  if [ "$n" -ge 3 ] && grep -q "no leak found" "$TMP/tr-line.tty"; then
    pass "watch/run-tty-status-line ($n redraws)"
  else fail "watch/run-tty-status-line" "$n redraws: $(head -c 300 "$TMP/tr-line.tty" | cat -v)"; fi
  if [ "$(grep -c "^t=[0-9.]*s rss=" "$TMP/tr-dumb.tty")" -ge 3 ] && ! grep -q "$ESC" "$TMP/tr-dumb.tty"; then
    pass "watch/run-tty-dumb-lines"
  else fail "watch/run-tty-dumb-lines" "$(head -c 300 "$TMP/tr-dumb.tty" | cat -v)"; fi
  if ! grep -q "t=[0-9.]*s rss=" "$TMP/tr-quiet.tty" && grep -q "no leak found" "$TMP/tr-quiet.tty"; then
    pass "watch/run-tty-quiet"
  else fail "watch/run-tty-quiet" "$(head -c 300 "$TMP/tr-quiet.tty" | cat -v)"; fi
else
  fail "watch/tty-views" "script(1) is not installed (util-linux)"
fi
