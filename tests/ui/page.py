#!/usr/bin/env python3
"""Read a page of `leakhound ui` for the ui suite.

    page.py rows FILE [CONTAINER-ID]  the rows of <table id="top"> (inside
                                      the element CONTAINER-ID if given),
                                      cells joined by one space
    page.py pre FILE                  the text of <pre id="out"> without the
                                      lint notes (<span class="lint">)
    page.py hdr FILE                  the text of <pre id="hdr">
    page.py cli-rows FILE             the table rows of `leakhound top`
                                      output, whitespace squeezed
"""
import html.parser
import re
import sys


class Page(html.parser.HTMLParser):
    def __init__(self, container=None):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.cdepth = None
        self.stack = []
        self.rows, self.cell, self.row = [], None, None
        self.in_top = False
        self.pre = None
        self.pre_text = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag)
        if self.container and a.get("id") == self.container:
            self.cdepth = len(self.stack)
        inside = self.container is None or self.cdepth is not None
        if tag == "table" and a.get("id") == "top" and inside:
            self.in_top = True
        if self.in_top and tag == "tr":
            self.row = []
        if self.in_top and tag == "td":
            self.cell = []
        if tag == "pre" and a.get("id") in ("out", "hdr"):
            self.pre = a["id"]
        if self.pre and tag == "span" and "lint" in (a.get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.in_top and tag == "td" and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        if self.in_top and tag == "tr" and self.row:
            self.rows.append(" ".join(self.row))
            self.row = None
        if tag == "table":
            self.in_top = False
        if tag == "pre":
            self.pre = None
        if tag == "span" and self.skip:
            self.skip -= 1
        if self.stack:
            self.stack.pop()
        if self.cdepth is not None and len(self.stack) < self.cdepth:
            self.cdepth = None

    def handle_data(self, d):
        if self.cell is not None:
            self.cell.append(d)
        if self.pre and not self.skip:
            self.pre_text.append((self.pre, d))


def main():
    what, f = sys.argv[1], sys.argv[2]
    text = open(f, encoding="utf-8").read()
    if what == "cli-rows":
        lines = text.split("\n")
        for i, l in enumerate(lines):
            if re.match(r"^\s+flat\s+flat%", l):
                for r in lines[i + 1:]:
                    if r.strip():
                        print(" ".join(r.split()))
                break
        return
    p = Page(sys.argv[3] if len(sys.argv) > 3 else None)
    p.feed(text)
    if what == "rows":
        for r in p.rows:
            print(r)
    elif what in ("pre", "hdr"):
        want = "out" if what == "pre" else "hdr"
        sys.stdout.write("".join(d for k, d in p.pre_text if k == want))


main()
