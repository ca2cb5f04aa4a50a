#!/usr/bin/env python3
"""svgcheck.py DOT SVG [REF_SVG]: the SVG Graphviz made of a DOT graph.

Checks that SVG parses as XML, has one <g class="node"> per node statement
of DOT with the same titles (Graphviz puts the node's label in <title>), and
one <g class="edge"> per edge statement.  With REF_SVG (from `dot -Tsvg`),
the node titles and the edge count must match it too.  Prints a summary,
exits 1 with the reason on a mismatch.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def dot_graph(path):
    nodes, edges = {}, 0
    for line in open(path, encoding="utf-8"):
        m = re.match(r'^(N[N\d_]+) -> (N[N\d_]+) ', line)
        if m:
            edges += 1
            continue
        m = re.match(r'^(N[N\d_]+) \[label ?= ?"((?:[^"\\]|\\.)*)"', line)
        if m:
            nodes[m.group(1)] = m.group(2)
            continue
        m = re.match(r'^subgraph cluster_L \{ "((?:[^"\\]|\\.)*)" \[.*label="((?:[^"\\]|\\.)*)"', line)
        if m:
            nodes[m.group(1)] = m.group(2)
    return nodes, edges


def svg_graph(path):
    root = ET.parse(path).getroot()
    nodes, edges = [], 0
    for g in root.iter(NS + "g"):
        cls = g.get("class")
        if cls == "node":
            nodes.append(g.find(NS + "title").text)
        elif cls == "edge":
            edges += 1
    return nodes, edges


def main():
    dnodes, dedges = dot_graph(sys.argv[1])
    snodes, sedges = svg_graph(sys.argv[2])
    if not dnodes:
        sys.exit("no nodes in the DOT graph")
    if sorted(snodes) != sorted(dnodes):
        sys.exit("node titles differ: dot %s, svg %s" %
                 (sorted(dnodes)[:5], sorted(snodes)[:5]))
    if sedges != dedges:
        sys.exit("%d edges in the svg, %d in the dot" % (sedges, dedges))
    # the node's text lines are the label's lines (\n separated)
    root = ET.parse(sys.argv[2]).getroot()
    texts = set(t.text or "" for t in root.iter(NS + "text"))
    for label in dnodes.values():
        first = re.split(r"\\[nl]", label)[0].replace('\\"', '"')
        if first and first not in texts:
            sys.exit("label line %r not drawn" % first)
    if len(sys.argv) > 3:
        rnodes, redges = svg_graph(sys.argv[3])
        if sorted(rnodes) != sorted(snodes) or redges != sedges:
            sys.exit("differs from dot -Tsvg: %d/%d nodes, %d/%d edges" %
                     (len(snodes), len(rnodes), sedges, redges))
    print("%d nodes, %d edges" % (len(snodes), sedges))


main()
