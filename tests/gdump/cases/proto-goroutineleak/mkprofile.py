#!/usr/bin/env python3
"""Write dump.pb: a goroutineleak profile in the protobuf form Go 1.26+
serves at /debug/pprof/goroutineleak (Debian's Go 1.19 has no such profile).
Encoded by hand from the field numbers of pprof's profile.proto: sample type
goroutineleak/count, two stacks parked in runtime.chansend and
runtime.chanrecv under user frames, one with a label."""
import gzip


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7f
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, payload):          # length-delimited
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def vfield(num, n):               # varint
    return varint(num << 3) + varint(n)


def packed(num, values):
    return field(num, b''.join(varint(v) for v in values))


strings = ['']


def s(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)


funcs = [  # id, name, file
    (1, 'runtime.gopark', '/usr/local/go/src/runtime/proc.go'),
    (2, 'runtime.chansend', '/usr/local/go/src/runtime/chan.go'),
    (3, 'runtime.chansend1', '/usr/local/go/src/runtime/chan.go'),
    (4, 'main.process.func1', '/app/leak.go'),
    (5, 'runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s'),
    (6, 'runtime.chanrecv', '/usr/local/go/src/runtime/chan.go'),
    (7, 'runtime.chanrecv1', '/usr/local/go/src/runtime/chan.go'),
    (8, 'main.collect.func1', '/app/leak.go'),
]
locs = [  # id, address, function id, line
    (1, 0x43b256, 1, 435), (2, 0x40708c, 2, 283), (3, 0x406c3d, 3, 161),
    (4, 0x674d2a, 4, 15), (5, 0x46b181, 5, 1700), (6, 0x407e5b, 6, 639),
    (7, 0x407998, 7, 489), (8, 0x674f3f, 8, 27),
]
out = field(1, vfield(1, s('goroutineleak')) + vfield(2, s('count')))
label = field(3, vfield(1, s('job')) + vfield(2, s('collect')))
out += field(2, packed(1, [1, 2, 3, 4, 5]) + packed(2, [2]))
out += field(2, packed(1, [1, 6, 7, 8, 5]) + packed(2, [1]) + label)
out += field(3, vfield(1, 1) + vfield(2, 0x400000) + vfield(3, 0x800000) +
             vfield(5, s('/app/leak')) + vfield(7, 1) + vfield(8, 1) + vfield(9, 1))
for lid, addr, fid, line in locs:
    out += field(4, vfield(1, lid) + vfield(2, 1) + vfield(3, addr) +
                 field(4, vfield(1, fid) + vfield(2, line)))
for fid, name, fname in funcs:
    out += field(5, vfield(1, fid) + vfield(2, s(name)) + vfield(3, s(name)) +
                 vfield(4, s(fname)))
out += field(11, vfield(1, s('goroutineleak')) + vfield(2, s('count')))
out += vfield(12, 1)
out = out + b''.join(field(6, t.encode()) for t in strings)
open('dump.pb', 'wb').write(gzip.compress(out, mtime=0))
