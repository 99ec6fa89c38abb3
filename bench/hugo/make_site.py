#!/usr/bin/env python3
"""The Hugo side of issue 12's comparison: a Hugo site of N station pages whose data holds P sheets per station,
made from the same synthetic content `kaoping sample` writes, so both tools render the same sheets.

Usage: bench/hugo/make_site.py CONTENT RUBRIC_JSON SITE_DIR [PERIODS]   (PERIODS: the latest ones, default 2)

Each station page shows, for each of its periods, the sheet's 47 criteria (number, content, points, score,
扣分原因) and a total summed by the template; the home page lists every station with a link. All data lives in
Hugo's data folder, which Hugo reads whole at start, as it would for a site built from such sheets.
"""
import json
import os
import shutil
import sys

content, rubric_path, site = sys.argv[1], sys.argv[2], sys.argv[3]
keep = int(sys.argv[4]) if len(sys.argv) > 4 else 2

if os.path.exists(site):
    sys.exit(f"{site} exists; give a new folder")
here = os.path.dirname(os.path.abspath(__file__))
shutil.copytree(os.path.join(here, "layouts"), os.path.join(site, "layouts"))
with open(os.path.join(site, "config.toml"), "w", encoding="utf-8") as f:
    f.write('baseURL = "/"\ntitle = "考评（Hugo 对照）"\n'
            'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')

rubric = json.load(open(rubric_path, encoding="utf-8"))
criteria = [{"id": c["id"], "number": c["number"], "content": c["content"], "points": c["points"],
             "section": s["title"]} for s in rubric["sections"] for c in s["criteria"]]
os.makedirs(os.path.join(site, "data"))
json.dump({"criteria": criteria}, open(os.path.join(site, "data", "rubric.json"), "w", encoding="utf-8"),
          ensure_ascii=False)

periods = sorted(json.load(open(os.path.join(content, "periods", p), encoding="utf-8"))["id"]
                 for p in os.listdir(os.path.join(content, "periods")))[-keep:]
json.dump({"latest": periods}, open(os.path.join(site, "data", "periods.json"), "w", encoding="utf-8"))
sheets = 0
for p in periods:
    # Hugo reads data/sheets/<period>/<station>.json as .Site.Data.sheets.<period>.<station>: the sheet as
    # Kaoping reads it, copied byte for byte. Hugo's data keys must be identifiers, hence the underscore.
    target = os.path.join(site, "data", "sheets", "p" + p.replace("-", "_"))
    shutil.copytree(os.path.join(content, "sheets", p), target)
    sheets += len(os.listdir(target))

stations = json.load(open(os.path.join(content, "stations.json"), encoding="utf-8"))["stations"]
pages = os.path.join(site, "content", "stations")
os.makedirs(pages)
with open(os.path.join(site, "content", "_index.md"), "w", encoding="utf-8") as f:
    f.write('---\ntitle: "各司法所"\n---\n')
for s in stations:
    with open(os.path.join(pages, s["id"] + ".md"), "w", encoding="utf-8") as f:
        f.write(f'---\ntitle: "{s["name"]}"\nstation: "{s["id"]}"\n---\n')
print(f"hugo site: {len(stations)} station pages, {sheets} sheets ({', '.join(periods)}) in {site}")
