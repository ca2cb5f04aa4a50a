#!/usr/bin/env python3
"""Generate hostile-but-valid inputs for the suites, so that no big file is
checked in:

  gen_deep.py profile FRAMES OUT [--samples N] [--distinct K] [--gzip]
      a pprof heap profile (the four sample types of Go's) whose stacks are FRAMES
      deep: frame i is function main.f<i mod 97> (a recursion as Go
      programs make it) except the leaf; N samples spread over K distinct
      stacks (the stacks differ in their leaf)
  gen_deep.py dump FRAMES OUT [--goroutines N]
      a goroutine dump (debug=2 text) with N goroutines FRAMES deep
  gen_deep.py dump1 FRAMES OUT
      a debug=1 goroutine profile with one FRAMES-deep group
  gen_deep.py godepth FORM N OUT
      Go source nested N levels in FORM (see DEPTH_FORMS), or "-" to list
      the forms with their multiplier: the go/parser nesting levels one
      level of the form costs
  gen_deep.py go KIND N OUT
      Go source: KIND binop (1+1+...), selector (a.b.b...), paren
      (((...1...))), call (f(f(...))), block ({{...}}), composite
      ([]T{{...}}), index (a[a[...]]), unary (- - - x), star (****T)
"""
import gzip
import sys


def varint(n):
    out = bytearray()
    if n < 0:
        n += 1 << 64
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, wire, payload):
    if wire == 0:
        return varint(num << 3) + varint(payload)
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def msg(*fields):
    return b"".join(fields)


def profile(frames, samples, distinct):
    strings = ["", "inuse_space", "bytes", "main.go", "main.leaf",
               "alloc_objects", "count", "alloc_space", "inuse_objects", "space"]
    nfunc = min(frames, 97)
    fbase = len(strings)
    strings += ["main.f%d" % i for i in range(nfunc)]
    out = [field(1, 2, msg(field(1, 0, t), field(2, 0, u)))
           for t, u in ((5, 6), (7, 2), (8, 6), (1, 2))]
    out.append(field(11, 2, msg(field(1, 0, 9), field(2, 0, 2))))  # period_type
    out.append(field(12, 0, 524288))
    # function ids: 1..nfunc recursive frames, nfunc+1 the leaf
    for i in range(nfunc):
        out.append(field(5, 2, msg(field(1, 0, i + 1), field(2, 0, fbase + i),
                                   field(3, 0, fbase + i), field(4, 0, 3))))
    out.append(field(5, 2, msg(field(1, 0, nfunc + 1), field(2, 0, 4),
                               field(3, 0, 4), field(4, 0, 3))))
    # location ids: 1..nfunc one per function, then one leaf per distinct stack
    for i in range(nfunc):
        out.append(field(4, 2, msg(field(1, 0, i + 1), field(3, 0, 0x1000 + i),
                                   field(4, 2, msg(field(1, 0, i + 1), field(2, 0, 10 + i))))))
    for k in range(distinct):
        out.append(field(4, 2, msg(field(1, 0, nfunc + 1 + k), field(3, 0, 0x9000 + k),
                                   field(4, 2, msg(field(1, 0, nfunc + 1), field(2, 0, 1 + k))))))
    # stack leaf first; frames-1 recursive frames above the leaf
    rec = b"".join(varint((frames - 2 - j) % nfunc + 1) for j in range(frames - 1))
    stacks = []
    for k in range(distinct):
        locs = varint(nfunc + 1 + k) + rec
        stacks.append(field(2, 2, msg(field(1, 2, locs), field(2, 2, varint(2) + varint(2048) + varint(1) + varint(1024)))))
    per, extra = divmod(samples, distinct)
    for k in range(distinct):
        out.append(stacks[k] * (per + (1 if k < extra else 0)))
    for s in strings:
        out.append(field(6, 2, s.encode()))
    return b"".join(out)


def dump(frames, goroutines):
    lines = []
    for g in range(goroutines):
        lines.append("goroutine %d [chan receive]:" % (g + 1))
        lines.append("main.leaf(0xc000010000)")
        lines.append("\t/src/main.go:5 +0x25")
        for i in range(frames - 2):
            lines.append("main.f%d(...)" % (i % 97))
            lines.append("\t/src/main.go:%d +0x%x" % (10 + i % 97, 0x20 + i % 97))
        lines.append("created by main.main")
        lines.append("\t/src/main.go:3 +0x30")
        lines.append("")
    return ("\n".join(lines) + "\n").encode()


def dump1(frames):
    addrs = " ".join("0x%x" % (0x401000 + i) for i in range(frames))
    lines = ["goroutine profile: total 3", "3 @ " + addrs]
    for i in range(frames):
        lines.append("#\t0x%x\tmain.f%d+0x25\t/src/main.go:%d" % (0x401000 + i, i % 97, 10 + i % 97))
    lines.append("")
    return ("\n".join(lines) + "\n").encode()


def gosrc(kind, n):
    head = "package p\n\n"
    if kind == "binop":
        return head + "var x = " + "+".join(["1"] * n) + "\n"
    if kind == "selector":
        return head + "var x = a" + ".b" * n + "\n"
    if kind == "paren":
        return head + "var x = " + "(" * n + "1" + ")" * n + "\n"
    if kind == "call":
        return head + "var x = " + "f(" * n + "1" + ")" * n + "\n"
    if kind == "index":
        return head + "var x = " + "a[" * n + "1" + "]" * n + "\n"
    if kind == "unary":
        return head + "var x = " + "- " * n + "1\n"
    if kind == "star":
        return head + "var x " + "*" * n + "int\n"
    if kind == "composite":
        return head + "var x = []any" + "{" * n + "}" * n + "\n"
    if kind == "block":
        return head + "func f() " + "{" * n + "}" * n + "\n"
    raise SystemExit("unknown kind " + kind)


# FORM: (multiplier, prefix, left, middle, right, suffix); N levels are
# prefix + left*N + middle + right*N + suffix.
DEPTH_FORMS = {
    "binary": (1, "package p\n\nvar x = ", "1+", "1", "", "\n"),
    "selector": (1, "package p\n\nvar x = a", "", "", ".b", "\n"),
    "index": (1, "package p\n\nvar x = a", "", "", "[1]", "\n"),
    "calls": (1, "package p\n\nvar x = f", "", "", "()", "\n"),
    "methods": (2, "package p\n\nvar x = a", "", "", ".m()", "\n"),
    "unary": (1, "package p\n\nvar x = ", "^", "1", "", "\n"),
    "pointer": (1, "package p\n\nvar x ", "*", "int", "", "\n"),
    "slicetype": (1, "package p\n\nvar x ", "[]", "int", "", "\n"),
    "maptype": (1, "package p\n\nvar x ", "map[int]", "int", "", "\n"),
    "paren": (2, "package p\n\nvar x = ", "1+(", "1", ")", "\n"),
    "call": (2, "package p\n\nvar x = ", "f(", "1", ")", "\n"),
    "slicelit": (2, "package p\n\nvar x = ", "[]any{", "", "}", "\n"),
    "if": (2, "package p\n\nfunc f() {\n", "if true {", "", "}", "\n}\n"),
    "for": (1, "package p\n\nfunc f() {\n", "for {", "", "}", "\n}\n"),
    "funclit": (2, "package p\n\nfunc f() {\n", "go func() {", "", "}()", "\n}\n"),
}


def godepth(form, n):
    _, pre, left, mid, right, post = DEPTH_FORMS[form]
    return pre + left * n + mid + right * n + post


def main(a):
    opts = {}
    pos = []
    i = 0
    while i < len(a):
        if a[i] == "--gzip":
            opts["gzip"] = True
        elif a[i].startswith("--"):
            opts[a[i][2:]] = int(a[i + 1])
            i += 1
        else:
            pos.append(a[i])
        i += 1
    if pos[0] == "profile":
        data = profile(int(pos[1]), opts.get("samples", 1), opts.get("distinct", 1))
        out = pos[2]
    elif pos[0] == "dump":
        data = dump(int(pos[1]), opts.get("goroutines", 1))
        out = pos[2]
    elif pos[0] == "dump1":
        data = dump1(int(pos[1]))
        out = pos[2]
    elif pos[0] == "godepth":
        if pos[1] == "-":
            for k, v in DEPTH_FORMS.items():
                print(k, v[0])
            return
        data = godepth(pos[1], int(pos[2])).encode()
        out = pos[3]
    elif pos[0] == "go":
        data = gosrc(pos[1], int(pos[2])).encode()
        out = pos[3]
    else:
        raise SystemExit(__doc__)
    if opts.get("gzip"):
        data = gzip.compress(data, 9)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv[1:])
