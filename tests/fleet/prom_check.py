#!/usr/bin/env python3
"""Poll a real Prometheus' HTTP API until the leakhound fleet is judged right.

usage: prom_check.py BASE SECONDS [--leak URL=SERIES_RE=FILE]... [--healthy URL]...

Holds when, at one poll:
  * every scrape of job leakhound is up (up == 1), in OpenMetrics (counted
    by leakhound_http_requests_total), with leakhound's own process figures;
  * for each --leak target, leakhound_leak_suspected is 1 on a series whose
    name matches SERIES_RE, and LeakhoundLeakSuspected is firing for it with
    "FILE:LINE" in its description;
  * for each --healthy target, leakhound_leak_suspected has judged series and
    was 0 on every one at every scrape so far (max_over_time), and no
    LeakhoundLeakSuspected alert (pending or firing) names it.
Exit 0 when it holds before SECONDS have passed, 1 otherwise (the last
state is printed).
"""
import json
import re
import sys
import time
import urllib.parse
import urllib.request


def api(base, path, **params):
    url = base + path
    if params:
        url += "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=5) as r:
        doc = json.load(r)
    if doc.get("status") != "success":
        raise RuntimeError("%s: %s" % (path, doc))
    return doc["data"]


def query(base, q):
    return api(base, "/api/v1/query", query=q)["result"]


def check(base, leaks, healthy):
    """A list of what does not hold yet (empty: all holds)."""
    bad = []
    up = query(base, 'up{job="leakhound"}')
    ups = sorted((s["metric"]["instance"], s["value"][1]) for s in up)
    if len(ups) != len(leaks) + len(healthy) or any(v != "1" for _, v in ups):
        bad.append("up: %s" % ups)
    # Prometheus 2.42 asks for OpenMetrics first: every instance was
    # scraped so (leakhound counts its requests by format), and leakhound's
    # own process metrics arrived
    om = query(base, 'leakhound_http_requests_total{handler="/metrics",format="openmetrics"} > 0')
    if len(om) != len(ups):
        bad.append("OpenMetrics scrapes: %s" % [(s["metric"]["instance"], s["value"][1]) for s in om])
    rss = query(base, 'process_resident_memory_bytes{job="leakhound"} > 1e6')
    if len(rss) != len(ups):
        bad.append("process_resident_memory_bytes: %s" % [s["value"][1] for s in rss])
    alerts = [a for a in api(base, "/api/v1/alerts")["alerts"]
              if a["labels"].get("alertname") == "LeakhoundLeakSuspected"]
    for url, series_re, site in leaks:
        sel = 'leakhound_leak_suspected{target="%s"}' % url
        got = {s["metric"]["series"]: s["value"][1] for s in query(base, sel)}
        if not any(re.fullmatch(series_re, k) and v == "1" for k, v in got.items()):
            bad.append("%s: verdicts %s, want 1 on %s" % (url, got, series_re))
        mine = [a for a in alerts if a["labels"].get("target") == url]
        fired = [a for a in mine if a["state"] == "firing" and
                 re.search(re.escape(site) + r":[0-9]+\b",
                           a["annotations"].get("description", ""))]
        if not fired:
            bad.append("%s: alerts %s" % (url, [(a["state"], a["annotations"]) for a in mine]))
    for url in healthy:
        now = query(base, 'leakhound_leak_suspected{target="%s"}' % url)
        ever = query(base, 'max_over_time(leakhound_leak_suspected{target="%s"}[10m])' % url)
        got = {s["metric"]["series"]: s["value"][1] for s in ever}
        if not now or any(v != "0" for v in got.values()):
            bad.append("%s (healthy): verdicts ever %s" % (url, got))
        mine = [a for a in alerts if a["labels"].get("target") == url]
        if mine:
            bad.append("%s (healthy): alerts %s" % (url, [a["labels"] for a in mine]))
    return bad


def main(argv):
    base, seconds = argv[1], float(argv[2])
    leaks, healthy = [], []
    i = 3
    while i < len(argv):
        if argv[i] == "--leak":
            url, series_re, site = argv[i + 1].split("=", 2)
            leaks.append((url, series_re, site))
        elif argv[i] == "--healthy":
            healthy.append(argv[i + 1])
        else:
            raise SystemExit("unknown argument " + argv[i])
        i += 2
    start = time.time()
    bad = ["no poll"]
    while time.time() - start < seconds:
        try:
            bad = check(base, leaks, healthy)
        except Exception as e:  # Prometheus not answering yet
            bad = ["error: %s" % e]
        if not bad:
            print("holds after %.1f s" % (time.time() - start))
            return 0
        time.sleep(1)
    print("does not hold after %.0f s:" % seconds)
    for b in bad:
        print("  " + b)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
