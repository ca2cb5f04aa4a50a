#!/usr/bin/env python3
"""Write a large synthetic Go heap profile (profile.proto, gzip) for the
pprof benchmark: N samples with distinct stacks drawn from a random call
tree of F functions in ~F/10 files, some locations with inlined frames,
four heap sample types.  Deterministic for a given seed.

    genprofile.py OUT.pb.gz [SAMPLES] [FUNCTIONS] [SEED]
"""
import gzip
import random
import sys


def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field_varint(num, v):
    return varint(num << 3) + varint(v)


def field_bytes(num, b):
    return varint(num << 3 | 2) + varint(len(b)) + b


def packed(num, vals):
    return field_bytes(num, b"".join(varint(v) for v in vals))


def main():
    out = sys.argv[1]
    nsamples = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
    nfuncs = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    # "nolabels": the same samples without Go's "bytes" label (pprof -dot
    # draws labels as tag boxes, which leakhound graph does not)
    labels = not (len(sys.argv) > 5 and sys.argv[5] == "nolabels")

    strings = [""]
    index = {"": 0}

    def s(x):
        if x not in index:
            index[x] = len(strings)
            strings.append(x)
        return index[x]

    buf = bytearray()
    for t, u in (("alloc_objects", "count"), ("alloc_space", "bytes"),
                 ("inuse_objects", "count"), ("inuse_space", "bytes")):
        buf += field_bytes(1, field_varint(1, s(t)) + field_varint(2, s(u)))
    # one mapping: the binary
    buf += field_bytes(3, field_varint(1, 1) + field_varint(2, 0x400000) +
                       field_varint(3, 0x2000000) + field_varint(5, s("/usr/local/bin/bigserver")) +
                       field_varint(7, 1) + field_varint(8, 1) + field_varint(9, 1) + field_varint(10, 1))
    pkgs = ["main", "net/http", "encoding/json", "github.com/acme/store", "github.com/acme/cache/v2",
            "runtime", "bufio", "bytes", "strings", "github.com/acme/rpc/internal/codec"]
    funcs = []
    for i in range(nfuncs):
        pkg = pkgs[i % len(pkgs)]
        name = "%s.%s%d" % (pkg, rnd.choice(["handle", "decode", "alloc", "(*Server).serve",
                                             "(*Cache).put", "grow", "read", "encode"]), i)
        fname = "/src/%s/file%d.go" % (pkg, i % (nfuncs // 10 + 1))
        funcs.append((i + 1, name, fname, 10 + i % 400))
        # sparse ids: function ids are not dense
    fid = lambda i: funcs[i][0] * 3 + 7
    for (i, name, fname, line) in funcs:
        buf += field_bytes(5, field_varint(1, i * 3 + 7) + field_varint(2, s(name)) +
                           field_varint(3, s(name)) + field_varint(4, s(fname)))
    # locations: 8 per function, some with an inlined callee
    nloc = nfuncs * 8
    locs = []
    for l in range(nloc):
        f = l % nfuncs
        lines = []
        if rnd.random() < 0.15:
            g = rnd.randrange(nfuncs)
            lines.append(field_bytes(4, field_varint(1, fid(g)) + field_varint(2, funcs[g][3] + 2)))
        lines.append(field_bytes(4, field_varint(1, fid(f)) + field_varint(2, funcs[f][3] + l % 37)))
        locid = l * 2 + 5
        locs.append(locid)
        buf += field_bytes(4, field_varint(1, locid) + field_varint(2, 1) +
                           field_varint(3, 0x401000 + l * 16) + b"".join(lines))
    # call tree: each location has a few likely callees, so stacks share
    # prefixes like real programs but most are distinct
    callees = [[rnd.randrange(nloc) for _ in range(4)] for _ in range(nloc)]
    roots = [rnd.randrange(nloc) for _ in range(20)]
    for _ in range(nsamples):
        depth = rnd.randint(8, 40)
        cur = rnd.choice(roots)
        stack = [cur]
        for _ in range(depth):
            cur = rnd.choice(callees[cur]) if rnd.random() < 0.9 else rnd.randrange(nloc)
            stack.append(cur)
        stack.reverse()  # leaf first
        objs = rnd.randint(1, 50)
        size = objs * rnd.choice([16, 32, 64, 512, 4096])
        live = objs if rnd.random() < 0.3 else 0
        body = packed(1, [locs[x] for x in stack]) + packed(2, [objs, size, live, live * size // objs])
        if labels:
            body += field_bytes(3, field_varint(1, s("bytes")) + field_varint(3, size // objs))
        buf += field_bytes(2, body)
    buf += field_varint(9, 1700000000 * 10**9)
    buf += field_bytes(11, field_varint(1, s("space")) + field_varint(2, s("bytes")))
    buf += field_varint(12, 524288)
    for x in strings:
        buf += field_bytes(6, x.encode())
    with gzip.open(out, "wb", compresslevel=6) as f:
        f.write(bytes(buf))


if __name__ == "__main__":
    main()
