#!/usr/bin/env python3
"""That the Hugo side rendered the sheets it was given: every station page's 合计 (summed by Hugo's template, in
floating point) equals the published total in the same period's file, to 1e-6. Usage: check_totals.py CONTENT HUGO_OUT"""
import json
import os
import re
import sys

content, out = sys.argv[1], sys.argv[2]
published = {}
for name in os.listdir(os.path.join(content, "periods")):
    period = json.load(open(os.path.join(content, "periods", name), encoding="utf-8"))
    for r in period["results"]:
        published[(period["id"], r["station"])] = r["published"]["total"]
pages = checked = 0
for station in os.listdir(os.path.join(out, "stations")):
    if station == "index.html":  # the section's list
        continue
    html = open(os.path.join(out, "stations", station, "index.html"), encoding="utf-8").read()
    found = re.findall(r"<h2>([\w-]+)（[^）]*）</h2>.*?<p>合计：([0-9.e+-]+)</p>", html, re.S)
    if not found:
        sys.exit(f"{station}: no sheet on its page")
    for period, total in found:
        if abs(float(total) - published[(period, station)]) > 1e-6:
            sys.exit(f"{station} {period}: Hugo summed {total}, published {published[(period, station)]}")
        checked += 1
    pages += 1
print(f"Hugo's totals: {checked} sheets on {pages} pages, each equal to its published total")
