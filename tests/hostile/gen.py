#!/usr/bin/env python3
"""Write the hostile inputs of tests/hostile into the folder argv[1].

Every input is made here from a few parameters (nothing binary is checked
in): protobuf profiles are encoded by the small writer below, following
src/pprof/profile.proto.  Each file name is the input's name in
tests/hostile/cases.
"""
import gzip
import os
import sqlite3
import struct
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def put(name, data, mode="wb"):
    with open(os.path.join(out, name), mode) as f:
        f.write(data)


# ---- a minimal protobuf writer ----

def varint(v):
    v &= (1 << 64) - 1
    b = bytearray()
    while True:
        c = v & 0x7F
        v >>= 7
        if v:
            b.append(c | 0x80)
        else:
            b.append(c)
            return bytes(b)


def key(field, wt):
    return varint(field << 3 | wt)


def fv(field, v):            # varint field
    return key(field, 0) + varint(v)


def fb(field, data):         # length-delimited field
    return key(field, 2) + varint(len(data)) + data


def packed(field, vals):
    return fb(field, b"".join(varint(v) for v in vals))


class Profile:
    def __init__(self):
        self.strings = [""]
        self.index = {"": 0}
        self.parts = []

    def s(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def sample_type(self, typ, unit):
        self.parts.append(fb(1, fv(1, self.s(typ)) + fv(2, self.s(unit))))

    def function(self, fid, name, file):
        self.parts.append(fb(5, fv(1, fid) + fv(2, self.s(name)) +
                             fv(3, self.s(name)) + fv(4, self.s(file))))

    def location(self, lid, fid, line):
        self.parts.append(fb(4, fv(1, lid) + fb(4, fv(1, fid) + fv(2, line))))

    def sample(self, locs, values):
        return fb(2, packed(1, locs) + packed(2, values))

    def encode(self, samples=b""):
        return (b"".join(self.parts) + samples +
                b"".join(fb(6, t.encode()) for t in self.strings))


def heap_profile(nframes, nsamples=1, values=(1, 4096)):
    p = Profile()
    p.sample_type("inuse_objects", "count")
    p.sample_type("inuse_space", "bytes")
    for i in range(1, nframes + 1):
        p.function(i, "main.f%d" % i, "/src/main.go")
        p.location(i, i, i)
    one = p.sample(range(1, nframes + 1), values)
    return p.encode(one * nsamples)


# ---- profiles ----
small = heap_profile(3)
put("ok.pb.gz", gzip.compress(small))
put("deep-4000.pb.gz", gzip.compress(heap_profile(4000)))
put("deep-100000.pb.gz", gzip.compress(heap_profile(100000), 6))
# 10 million samples of one stack: 175 KB of gzip
put("samples-10m.pb.gz", gzip.compress(heap_profile(2, 10_000_000), 9))
# values at the edge of int64: sums wrap, nothing crashes
put("huge-values.pb.gz", gzip.compress(heap_profile(3, 4, ((1 << 63) - 1, (1 << 63) - 1))))
# a length prefix of 2^62 in the first field
put("huge-length.pb", key(6, 2) + varint(1 << 62) + b"abc")
# 2^31 packed location ids announced, 6 present
put("huge-count.pb", fb(1, fv(1, 1) + fv(2, 2)) +
    key(2, 2) + varint(1 << 31) + key(1, 2) + varint(1 << 30) + b"\x01\x02")
# a sample referring to a location that does not exist
bad = Profile()
bad.sample_type("inuse_space", "bytes")
put("dangling-location.pb", bad.encode(bad.sample([7], [1])))
# truncations of a valid profile at several points
raw = heap_profile(20)
for k in (1, 3, 5):
    put("trunc-%d.pb" % k, raw[:len(raw) * k // 7])
gz = gzip.compress(raw)
put("trunc.pb.gz", gz[:len(gz) // 2])
# a valid profile that decompresses to exactly 1,000,000 bytes (padded with
# one unused string): --max-input 1000000 reads it, 999999 refuses it
pad = 1000000 - len(raw) - 1
while len(raw) + 1 + len(varint(pad)) + pad > 1000000:
    pad -= 1
exact = raw + fb(6, b"x" * pad)
assert len(exact) == 1000000
put("exact-1m.pb.gz", gzip.compress(exact))
# gzip bombs: 100 MiB of zeros in 100 KB (below the 1 GiB cap: decoded,
# then refused as protobuf) and the same nested twice
z = zlib.compressobj(9, zlib.DEFLATED, 31)
chunk = bytes(1 << 20)
parts = [z.compress(chunk) for _ in range(100)]
parts.append(z.flush())
bomb = b"".join(parts)
put("bomb.gz", bomb)
put("bomb2.gz", gzip.compress(bomb))
# wrong types
put("page.html", b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"
    b"</head><body><h1>502</h1></body></html>\n")
put("data.json", b'{"error": "not found", "code": 404}\n')
con = sqlite3.connect(os.path.join(out, "foreign.db"))
con.execute("CREATE TABLE t(a)")
con.execute("INSERT INTO t VALUES (1)")
con.commit()
con.close()
put("random.bin", bytes((i * 7919 + 13) % 251 for i in range(65536)))
put("empty", b"")

# ---- goroutine dumps ----
def dump(frames, header="goroutine 1 [running]:\n"):
    body = "".join("main.f%d(...)\n\t/src/main.go:%d +0x1\n" % (i, i)
                   for i in range(frames))
    return (header + body + "created by main.main in goroutine 1\n"
            "\t/src/main.go:1 +0x1\n").encode()


put("deep-100000.txt", dump(100000))
put("nul.txt", dump(3).replace(b"\n\n", b"\n") + b"\x00\x00\x00\n" +
    dump(2, "goroutine 2 [chan receive]:\n"))
put("cut-header.txt", dump(2) + b"\ngoroutine 7 [chan rec")
put("huge-id.txt", dump(2, "goroutine 99999999999999999999999 [running]:\n"))
put("huge-total.txt", b"goroutine profile: total 99999999999999999999\n"
    b"99999999999999999999 @ 0x1 0x2\n#\t0x1\tmain.f+0x1\t/src/main.go:3\n")
put("long-line.txt", b"goroutine 1 [running]:\n" + b"main." + b"x" * (8 << 20) +
    b"()\n\t/src/main.go:1 +0x1\n")
# a goroutine profile (protobuf) whose stack has 100,000 frames
g = Profile()
g.sample_type("goroutine", "count")
for i in range(1, 100001):
    g.function(i, "main.g%d" % i, "/src/main.go")
    g.location(i, i, i)
put("goroutine-deep.pb.gz", gzip.compress(g.encode(g.sample(range(1, 100001), [5]))))

# ---- Go sources for lint ----
put("nesting.go", ("package p\n\nvar x = " + "(" * 100000 + "1" + ")" * 100000 +
                   "\n").encode())
# go/parser counts each link of a binary or selector chain against its
# nesting limit (maxNestLev, 100,000): 99,990 links parse, 100,001 do not
put("chain.go", ("package p\n\nvar x = 1" + "+1" * 99990 + "\n").encode())
put("selchain.go", ("package p\n\nvar x = a" + ".b" * 99990 + "\n").encode())
put("chain-over.go", ("package p\n\nvar x = 1" + "+1" * 100001 + "\n").encode())
put("binary.go", b"package p\n\x00\x01\x02\xff\xfe func F() {}\n")
put("deep-blocks.go", ("package p\n\nfunc F() {\n" + "{" * 5000 + "}" * 5000 +
                       "\n}\n").encode())

# ---- a recording cut in half ----
put("page.txt", b"hello\n")
