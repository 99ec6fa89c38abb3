#!/usr/bin/env bash
# Issue 12's comparison, side by side on one machine and in the same minutes: Kaoping builds N stations × P periods
# (default 10,000 × 8: 80,000 sheets); Hugo (Debian's package) renders N station pages whose data holds the latest
# two sheets of each station (20,000 at N = 10,000: the issue's "10,000 pages whose data holds 20,000 such
# sheets"), made by bench/hugo/make_site.py from the same synthetic content. The two alternate PAIRS times (default
# 5), each into an empty folder on tmpfs; a line per run, then the medians and Kaoping's time over Hugo's. The
# issue's target is "four times Hugo's data in half again its time, with less memory": a ratio of at most 1.5.
# Usage: bench/hugo.sh [N]   (P=8, PAIRS=5, WORK=/tmp/kaoping-bench, OUT=/dev/shm/kaoping-hugo, JAR=another jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-generator/target/kaoping.jar}
WORK=${WORK:-/tmp/kaoping-bench}
OUT=${OUT:-/dev/shm/kaoping-hugo}
N=${1:-10000}
P=${P:-8}
command -v hugo > /dev/null || { echo "hugo is not installed: apt-get install hugo"; exit 1; }
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$WORK" "$OUT"
content="$WORK/c$N-p$P"
[ -d "$content" ] || java -jar "$JAR" sample --stations "$N" --periods "$P" --seed 1 --out "$content" > /dev/null
site="$WORK/hugo-c$N-p$P"
[ -d "$site" ] || bench/hugo/make_site.py "$content" rubrics/lushan-2022.json "$site"

WALL_DECIMALS=2 # pairs a second apart
source bench/timed.sh

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(hugo version | cut -d' ' -f1-2); load average $(cut -d' ' -f1-3 /proc/loadavg)"
jar_line "$JAR"
echo
echo "| pair | tool | sheets | wall s | CPU s (user+sys) | peak RSS MB | files | output MB | load average | steal % |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
: > "$WORK/pairs.txt"
for i in $(seq 1 "${PAIRS:-5}"); do
    rm -rf "$OUT/kaoping" "$OUT/hugo"  # the harness's own folders
    read -r kw kc km < <(timed java -jar "$JAR" build --content "$content" --out "$OUT/kaoping")
    ks=$(cat "$WORK/steal.txt")
    echo "| $i | Kaoping | $((N * P)) | $kw | $kc | $km | $(find "$OUT/kaoping" -type f | wc -l) | $(du -sm "$OUT/kaoping" | cut -f1) | $(cut -d' ' -f1 /proc/loadavg) | $ks |"
    read -r hw hc hm < <(timed hugo --quiet -s "$site" -d "$OUT/hugo")
    hs=$(cat "$WORK/steal.txt")
    echo "| $i | Hugo | $(find "$site/data/sheets" -name '*.json' | wc -l) | $hw | $hc | $hm | $(find "$OUT/hugo" -type f | wc -l) | $(du -sm "$OUT/hugo" | cut -f1) | $(cut -d' ' -f1 /proc/loadavg) | $hs |"
    echo "$kw $kc $km $hw $hc $hm $ks $hs" >> "$WORK/pairs.txt"
done
echo
bench/hugo/check_totals.py "$content" "$OUT/hugo"
rm -rf "$OUT/kaoping" "$OUT/hugo"
python3 - "$WORK/pairs.txt" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
med = lambda i: statistics.median(r[i] for r in rows)
ratios = sorted(r[0] / r[3] for r in rows)
print(f"medians: Kaoping {med(0):.2f} s wall, {med(1):.1f} s CPU, {med(2):.0f} MB; "
      f"Hugo {med(3):.2f} s wall, {med(4):.1f} s CPU, {med(5):.0f} MB")
print(f"Kaoping's wall over Hugo's, pair by pair: {', '.join(f'{x:.2f}' for x in ratios)} "
      f"(median {statistics.median(ratios):.2f}; target at most 1.5)")
print(f"Kaoping's CPU over Hugo's: median {statistics.median(r[1] / r[4] for r in rows):.2f}")
# A pair in which the hypervisor took more than a twentieth of the machine from either run measured the neighbours too.
calm = sorted(r[0] / r[3] for r in rows if max(r[6], r[7]) <= 5)
print(f"pairs with at most 5 % steal in both runs: {len(calm)} of {len(rows)}"
      + (f", wall ratios {', '.join(f'{x:.2f}' for x in calm)} (median {statistics.median(calm):.2f})" if calm else ""))
PY
