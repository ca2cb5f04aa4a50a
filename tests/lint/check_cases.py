#!/usr/bin/env python3
"""Golden rule cases, analysistest-style.

Every .go file under tests/lint/<rule>/ (any depth) is one case, linted on
its own with only that rule enabled.  Lines that must be reported carry a
comment  // want "rule-id"  or  // want "rule-id:severity"  (several quoted
words for several findings on the line).  Every other line must stay
silent.  A go.mod beside the file (or above it, up to tests/lint/) sets the
Go version the timer rules see.  Prints PASS/FAIL lines for tests/lib.sh.
"""
import json, os, re, subprocess, sys

root = os.path.dirname(os.path.abspath(__file__))
lh = os.environ.get("LEAKHOUND", "leakhound")
want_re = re.compile(r'//\s*want\s+((?:"[^"]*"\s*)+)')

def wants(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = want_re.search(line)
            if not m:
                continue
            for w in re.findall(r'"([^"]*)"', m.group(1)):
                rule, _, sev = w.partition(":")
                out.append((n, rule, sev or None))
    return out

def main():
    rules = sys.argv[1:] or sorted(d for d in os.listdir(root)
                                   if os.path.isdir(os.path.join(root, d))
                                   and not d.startswith(("_", ".")) and d != "golden")
    failed = 0
    for rule in rules:
        for dirpath, dirs, files in sorted(os.walk(os.path.join(root, rule))):
            dirs.sort()
            for fn in sorted(files):
                if not fn.endswith(".go"):
                    continue
                path = os.path.join(dirpath, fn)
                name = "lint/" + os.path.relpath(path, root)
                p = subprocess.run([lh, "lint", "--format", "json", "--include-tests",
                                    "--enable", rule, path],
                                   capture_output=True, text=True, timeout=60)
                if p.returncode not in (0, 1):
                    print(f"FAIL: {name}: exit {p.returncode}: {p.stderr.strip()[:300]}")
                    failed += 1
                    continue
                got = [(f["line"], f["rule"], f["severity"])
                       for f in json.loads(p.stdout)["findings"]]
                exp = wants(path)
                missing = [w for w in exp
                           if not any(g[0] == w[0] and g[1] == w[1] and
                                      (w[2] is None or g[2] == w[2]) for g in got)]
                extra = [g for g in got
                         if not any(g[0] == w[0] and g[1] == w[1] for w in exp)]
                want_rc = 1 if exp else 0
                if missing or extra or p.returncode != want_rc:
                    why = []
                    if missing:
                        why.append("missing " + ", ".join(f"{l}:{r}{':'+s if s else ''}" for l, r, s in missing))
                    if extra:
                        why.append("unexpected " + ", ".join(f"{l}:{r}:{s}" for l, r, s in extra))
                    if p.returncode != want_rc:
                        why.append(f"exit {p.returncode}, want {want_rc}")
                    print(f"FAIL: {name}: {'; '.join(why)}")
                    failed += 1
                else:
                    print(f"PASS: {name} ({len(exp)} findings)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
