#!/usr/bin/env python3
# bench/pprof/firstpage.py: seconds from starting a web UI command to its
# first page.  The command prints the address it serves (http://HOST:PORT)
# on stdout or stderr; the page PATH is then fetched until it answers 200.
# "{port}" in an argument is replaced by a free port, and the address is
# then http://127.0.0.1:PORT (go tool pprof -http prints port 0 as 0).
#   firstpage.py PATH -- COMMAND [ARGS...]      prints "SECONDS BYTES"
import os, re, socket, subprocess, sys, tempfile, time, urllib.request

def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: firstpage.py PATH -- COMMAND [ARGS...]")
    path, cmd = sys.argv[1], sys.argv[3:]
    addr = None
    if any("{port}" in a for a in cmd):
        with socket.socket() as so:
            so.bind(("127.0.0.1", 0))
            port = so.getsockname()[1]
        cmd = [a.replace("{port}", str(port)) for a in cmd]
        addr = "http://127.0.0.1:%d" % port
    log = tempfile.TemporaryFile()
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
                         env=dict(os.environ, BROWSER="true"))
    try:
        while addr is None:
            if p.poll() is not None:
                log.seek(0)
                sys.exit("%s exited: %s" % (cmd[0], log.read()[-300:]))
            if time.monotonic() - t0 > 120:
                sys.exit("no address within 120 s")
            log.seek(0)
            m = re.search(rb"http://(127\.0\.0\.1|localhost):[0-9]+", log.read())
            if m:
                addr = m.group(0).decode()
            else:
                time.sleep(0.01)
        while True:
            try:
                with urllib.request.urlopen(addr + path, timeout=120) as r:
                    body = r.read()
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() - t0 > 120:
                    sys.exit("no page within 120 s")
                time.sleep(0.01)
        print("%.2f %d" % (time.monotonic() - t0, len(body)))
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()

main()
