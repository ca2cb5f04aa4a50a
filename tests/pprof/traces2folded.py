#!/usr/bin/env python3
"""Turn `go tool pprof -traces` output (count-valued sample types) into
folded stacks, "root;...;leaf value" sorted, the form `leakhound flame
--folded` prints, so the suite can check the flame graph's stacks against
pprof's own sample listing."""
import re
import sys

stacks = {}
block = None
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("-----------+"):
        if block and block[1]:
            key = ";".join(reversed(block[1]))
            stacks[key] = stacks.get(key, 0) + block[0]
        block = [0, []]
        continue
    if block is None:
        continue
    m = re.match(r"^ {0,9}(-?\d+)   (.*)$", line)
    if m and not block[1]:
        block[0] = int(m.group(1))
        block[1].append(re.sub(r" \((partial-)?inline\)$", "", m.group(2)))
        continue
    m = re.match(r"^ {13}(\S.*)$", line)
    if m and block[1]:
        block[1].append(re.sub(r" \((partial-)?inline\)$", "", m.group(1)))
if block and block[1]:
    key = ";".join(reversed(block[1]))
    stacks[key] = stacks.get(key, 0) + block[0]
for k in sorted(stacks, key=lambda s: s.encode()):
    if stacks[k]:
        print(f"{k} {stacks[k]}")
