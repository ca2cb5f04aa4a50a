#!/usr/bin/env python3
"""Drive `leakhound pprof PROFILE` through a real pseudo-terminal.

Usage: pty_drive.py LEAKHOUND PROFILE OUTDIR CMD...
Each CMD is typed (the word UP means: press arrow-up, then Enter; UP:TEXT does the same and
expects TEXT to be the recalled line); after each
the screen text up to the next "(pprof) " prompt is saved, with the echoed
command line, carriage returns and terminal escapes removed, to
OUTDIR/N.out (N = 1, 2, ...).  Ends with "quit".  Exits 1 on a timeout or if
the program does not exit 0.
"""
import os, pty, re, select, sys, time

PROMPT = b"(pprof) "
ESC = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\x07")


def read_until(fd, token, timeout=30.0):
    buf = b""
    end = time.time() + timeout
    while token not in buf:
        left = end - time.time()
        if left <= 0:
            raise TimeoutError("no %r in %r" % (token, buf[-300:]))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
    return buf


def clean(raw, echo):
    text = ESC.sub(b"", raw).replace(b"\r", b"")
    # drop the echoed command line: up to the first line ending with it
    lines = text.split(b"\n")
    for i, l in enumerate(lines):
        if l.rstrip().endswith(echo):
            # libedit may redraw the line: skip every copy of it
            while i + 1 < len(lines) and lines[i + 1].rstrip().endswith(echo):
                i += 1
            return b"\n".join(lines[i + 1:])
    raise TimeoutError("no echo of %r in %r" % (echo, text[:300]))


def main():
    lh, profile, outdir, cmds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execv(lh, [lh, "pprof", profile])
    try:
        read_until(fd, PROMPT)
        last = b""
        for i, c in enumerate(cmds, 1):
            up = c == "UP" or c.startswith("UP:")
            if c.startswith("UP:"):
                last = c[3:].encode()
            elif not up:
                last = c.encode()
            os.write(fd, b"\x1b[A\r" if up else c.encode() + b"\r")
            raw = read_until(fd, PROMPT)
            raw = raw[: raw.rfind(PROMPT)]
            with open(os.path.join(outdir, "%d.out" % i), "wb") as f:
                f.write(clean(raw, last))
        os.write(fd, b"quit\r")
        try:
            read_until(fd, b"\x00", timeout=10)   # until EOF
        except TimeoutError:
            pass
    except TimeoutError as e:
        print("timeout:", e, file=sys.stderr)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        return 1
    _, st = os.waitpid(pid, 0)
    return 0 if os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
