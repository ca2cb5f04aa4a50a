#!/usr/bin/env python3
"""Check an OpenMetrics 1.0.0 text exposition on stdin against the rules
leakhound must follow; print what breaks them, exit 1 if anything does.

  * the last line is "# EOF", nothing after it, no empty lines;
  * every family has TYPE (and HELP) before its samples, once, and its
    samples are not interleaved with another family's;
  * a counter family is named without _total and its samples are
    FAMILY_total (or FAMILY_created); a gauge's samples are FAMILY;
  * a UNIT is a suffix "_UNIT" of the family name;
  * every sample is NAME{labels} VALUE with a float value, labels quoted.
"""
import re
import sys

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"'
                    r'(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*)?\})? (\S+)$')
FLOAT = re.compile(r'^(NaN|[+-]Inf|[+-]?[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?)$')


def main():
    text = sys.stdin.read()
    bad = []
    if not text.endswith("# EOF\n"):
        bad.append("does not end with '# EOF\\n'")
    lines = text.split("\n")[:-1]
    types, units, helps = {}, {}, {}
    done = set()
    current = None
    nsamples = 0
    for i, line in enumerate(lines, 1):
        if line == "# EOF":
            if i != len(lines):
                bad.append("line %d: # EOF before the end" % i)
            break
        if not line:
            bad.append("line %d: empty line" % i)
            continue
        if line.startswith("#"):
            m = re.match(r'^# (TYPE|UNIT|HELP) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (.*))?$', line)
            if not m:
                bad.append("line %d: bad metadata %r" % (i, line))
                continue
            kind, fam, rest = m.group(1), m.group(2), m.group(3) or ""
            if fam != current:
                if current is not None:
                    done.add(current)
                if fam in done:
                    bad.append("line %d: family %s again" % (i, fam))
                current = fam
            table = {"TYPE": types, "UNIT": units, "HELP": helps}[kind]
            if fam in table:
                bad.append("line %d: second %s for %s" % (i, kind, fam))
            table[fam] = rest
            if kind == "TYPE":
                if rest not in ("counter", "gauge", "info", "stateset", "histogram",
                                "gaugehistogram", "summary", "unknown"):
                    bad.append("line %d: type %r" % (i, rest))
                if rest == "counter" and fam.endswith("_total"):
                    bad.append("line %d: counter family %s ends with _total" % (i, fam))
            if kind == "UNIT" and not fam.endswith("_" + rest):
                bad.append("line %d: unit %s is not a suffix of %s" % (i, rest, fam))
            continue
        m = SAMPLE.match(line)
        if not m:
            bad.append("line %d: bad sample %r" % (i, line))
            continue
        name, value = m.group(1), m.group(3)
        nsamples += 1
        if not FLOAT.match(value):
            bad.append("line %d: bad value %r" % (i, value))
        if current is None or current not in types:
            bad.append("line %d: sample %s before any TYPE" % (i, name))
            continue
        t = types[current]
        want = [current + "_total", current + "_created"] if t == "counter" else [current]
        if name not in want:
            bad.append("line %d: sample %s in %s family %s" % (i, name, t, current))
    if not nsamples:
        bad.append("no samples")
    for b in bad:
        print(b)
    print("%d families, %d samples, %d units" % (len(types), nsamples, len(units)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
