#!/usr/bin/env bash
# Two jars' full builds, alternating: which is quicker when the machine's speed drifts by a fifth within minutes
# (BENCHMARKS.md, eighteenth round). Each jar is copied into a folder of its own with a class archive made as the
# Maven build makes it (an archive serves only the jar it was made with, by path), and each build goes into an empty
# folder. A line per build, then the medians and B's CPU over A's pair by pair. Run from the repository root.
# Usage: bench/pairs.sh JAR_A JAR_B [N] [ROUNDS]   (N stations × P=8 periods, default 10,000; ROUNDS default 8;
#        WORK=/tmp/kaoping-bench for the content, OUT=/dev/shm/kaoping-pairs for the builds)
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1; B=$2; N=${3:-10000}; ROUNDS=${4:-8}; P=${P:-8}
WORK=${WORK:-/tmp/kaoping-bench}
OUT=${OUT:-/dev/shm/kaoping-pairs}
WALL_DECIMALS=2
source bench/timed.sh
mkdir -p "$WORK" "$OUT"
content="$WORK/c$N-p$P"
[ -d "$content" ] || java -jar "$A" sample --stations "$N" --periods "$P" --seed 1 --out "$content" > /dev/null
for k in A B; do
    jar=$A; [ $k = B ] && jar=$B
    jar_line "$jar"
    dir="$OUT/jar-$k"
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$jar" "$dir/kaoping.jar"
    java -XX:TieredStopAtLevel=1 -jar "$dir/kaoping.jar" sample --stations 25 --periods 2 --seed 1 \
        --out "$dir/archive-content" > /dev/null
    java -XX:ArchiveClassesAtExit="$dir/kaoping.jsa" -XX:+VerifySharedSpaces -Xlog:cds=off -Xlog:cds+dynamic=off \
        -XX:TieredStopAtLevel=1 -jar "$dir/kaoping.jar" build --content "$dir/archive-content" \
        --out "$dir/archive-site" > /dev/null
done
echo
echo "| round | jar | wall s | CPU s (user+sys) | peak RSS MB |"
echo "|---:|---|---:|---:|---:|"
: > "$WORK/pairs-ab.txt"
for i in $(seq 1 "$ROUNDS"); do
    line=""
    for k in A B; do
        rm -rf "$OUT/site" "$OUT/site.lock" # the harness's own folder
        read -r w c m < <(timed java -jar "$OUT/jar-$k/kaoping.jar" build --content "$content" --out "$OUT/site")
        echo "| $i | $k | $w | $c | $m |"
        line="$line $w $c"
    done
    echo "$line" >> "$WORK/pairs-ab.txt"
done
echo
python3 - "$WORK/pairs-ab.txt" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
med = lambda i: statistics.median(r[i] for r in rows)
ratios = [r[3] / r[1] for r in rows]
print(f"medians: A {med(0):.2f} s wall, {med(1):.1f} s CPU; B {med(2):.2f} s wall, {med(3):.1f} s CPU")
print(f"B's CPU over A's: median {statistics.median(ratios):.3f}, B quicker in {sum(x < 1 for x in ratios)} of {len(rows)} rounds")
PY
