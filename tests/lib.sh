# Shared helpers for test suites (source it).  A suite prints one line per
# check: "PASS: name" or "FAIL: name: why".
LEAKHOUND_BUILD="${LEAKHOUND_BUILD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}"
LEAKHOUND_ROOT="${LEAKHOUND_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
LEAKHOUND="$LEAKHOUND_BUILD/leakhound"
export LEAKHOUND LEAKHOUND_BUILD LEAKHOUND_ROOT
export PATH="$LEAKHOUND_BUILD:$PATH"
# Go must not reach the network and needs a writable cache.
export GOCACHE="${GOCACHE:-/tmp/leakhound-gocache}" GOPATH="${GOPATH:-/tmp/leakhound-gopath}"
export GOPROXY=off GOFLAGS="${GOFLAGS:--mod=mod}" GOTOOLCHAIN=local GO111MODULE=on
export GOROOT_SRC="$(go env GOROOT 2>/dev/null)/src"

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }
# check NAME CONDITION-COMMAND...: PASS if the command succeeds.
check() { local n=$1; shift; if "$@"; then pass "$n"; else fail "$n" "'$*' failed"; fi; }

# A scratch directory removed when the suite exits.
TMP=$(mktemp -d /tmp/leakhound-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# run_golden DIR: every sub-folder of DIR is a case:
#   cmd     a shell command line run inside the case folder (`leakhound` is on PATH)
#   stdout  expected standard output (optional)
#   stderr  expected standard error (optional)
#   exit    expected exit code (optional, default 0)
# UPDATE_GOLDEN=1 rewrites stdout/stderr/exit from the actual run.
run_golden() {
  local dir=$1 c name out err rc want
  for c in "$dir"/*/; do
    c=${c%/}; name="$(basename "$dir")/$(basename "$c")"
    [ -f "$c/cmd" ] || { fail "$name" "no cmd file"; continue; }
    out="$TMP/golden.out"; err="$TMP/golden.err"
    (cd "$c" && timeout 60 bash -c "$(cat cmd)" >"$out" 2>"$err" </dev/null); rc=$?
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
      cp "$out" "$c/stdout"; rm -f "$c/stderr" "$c/exit"
      if [ -s "$err" ]; then cp "$err" "$c/stderr"; fi
      if [ "$rc" != 0 ]; then echo "$rc" >"$c/exit"; fi
    fi
    want=0; [ -f "$c/exit" ] && want=$(cat "$c/exit")
    if [ "$rc" != "$want" ]; then
      fail "$name" "exit $rc, want $want; stderr: $(head -c 300 "$err")"; continue
    fi
    if [ -f "$c/stdout" ] && ! cmp -s "$out" "$c/stdout"; then
      fail "$name" "stdout differs: $(diff "$c/stdout" "$out" | head -n 8 | tr '\n' '|')"; continue
    fi
    if [ -f "$c/stderr" ] && ! cmp -s "$err" "$c/stderr"; then
      fail "$name" "stderr differs: $(diff "$c/stderr" "$err" | head -n 8 | tr '\n' '|')"; continue
    fi
    pass "$name"
  done
}

# build_in_module MODULE OUTDIR PROG...: build the tests/progs programs PROG
# as if tests/progs were the module MODULE (its go.mod's module line and the
# imports of its own packages rewritten), e.g. under a dot-less `module app`
# the way `go mod init app` makes one.  The binaries go to OUTDIR/PROG; the
# sources stay in OUTDIR/src (file paths in dumps are below it).  cgo is off
# unless CGO_ENABLED=1 (without cgo the runtime tells a deadlock, "all
# goroutines are asleep"; with it, it cannot).
build_in_module() {
  local mod=$1 out=$2 p; shift 2
  mkdir -p "$out/src"
  sed "s|^module .*|module $mod|" "$LEAKHOUND_ROOT/tests/progs/go.mod" >"$out/src/go.mod"
  for p in "$@"; do
    mkdir -p "$out/src/$p"
    (cd "$LEAKHOUND_ROOT/tests/progs/$p" && find . -name '*.go' -print) | while read -r f; do
      mkdir -p "$out/src/$p/$(dirname "$f")"
      sed "s|\"leakhound.test/progs/|\"$mod/|" "$LEAKHOUND_ROOT/tests/progs/$p/$f" >"$out/src/$p/$f"
    done
    (cd "$out/src" && CGO_ENABLED=${CGO_ENABLED:-0} go build -o "$out/$p" "./$p") || return 1
  done
}
