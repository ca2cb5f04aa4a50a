#!/usr/bin/env python3
"""Compare leakhound's goroutine groups with panicparse's on the same dump.

usage: ppcompare.py PANICPARSE_OUTPUT LEAKHOUND_JSON

PANICPARSE_OUTPUT is `panicparse -aggressive -no-color -parse=false
-full-path DUMP`; LEAKHOUND_JSON is `leakhound goroutines --all --format json
DUMP`.  A group is identified on both sides by its count, state (wait
minutes removed), locked flag, creating site (file:line) and the file:line of
every frame.  Prints the groups found on one side only and exits 1 if any.
"""
import json
import re
import sys
from collections import Counter

HEAD = re.compile(r'^(\d+): (.*?)(?: \[locked\])?(?: \[Created by (.+) @ (\S+)\])?$')


def pp_groups(text):
    groups = []
    cur = None
    for line in text.splitlines():
        m = HEAD.match(line)
        if m and not line.startswith(' '):
            state = re.sub(r' \[\d+(~\d+)? minutes\]$', '', m.group(2))
            locked = ' [locked]' in line
            cur = {'count': int(m.group(1)), 'state': state, 'locked': locked,
                   'created': m.group(4) or '', 'frames': []}
            groups.append(cur)
            continue
        if cur is not None and line.startswith('    '):
            parts = line.split()
            if len(parts) >= 2 and re.search(r':\d+$', parts[1]):
                cur['frames'].append(parts[1])
    return groups


def lh_groups(doc):
    out = []
    for g in doc['groups']:
        cb = g['created_by']
        # panicparse keeps Go 1.26's "(leaked)" mark in the state text
        state = g['state'] + (' (leaked)' if g['leaked'] else '')
        out.append({'count': g['count'], 'state': state,
                    'locked': g['locked_to_thread'],
                    'created': '%s:%d' % (cb['file'], cb['line']) if cb else '',
                    'frames': ['%s:%d' % (f['file'], f['line']) for f in g['frames']]})
    return out


def key(g):
    return (g['count'], g['state'], g['locked'], g['created'], tuple(g['frames']))


def main():
    pp = pp_groups(open(sys.argv[1], encoding='utf-8', errors='replace').read())
    lh = lh_groups(json.load(open(sys.argv[2], encoding='utf-8')))
    a, b = Counter(map(key, pp)), Counter(map(key, lh))
    bad = 0
    for k in (a - b):
        print('only panicparse: %d %s created %s top %s' % (k[0], k[1], k[3], k[4][:1]))
        bad = 1
    for k in (b - a):
        print('only leakhound: %d %s created %s top %s' % (k[0], k[1], k[3], k[4][:1]))
        bad = 1
    print('%d groups, %d goroutines compared' % (len(lh), sum(g['count'] for g in lh)))
    return bad


if __name__ == '__main__':
    sys.exit(main())
