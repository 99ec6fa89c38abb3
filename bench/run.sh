#!/usr/bin/env bash
# Kaoping benchmarks (BENCHMARKS.md): synthetic provinces of N stations × P periods, built with default JVM
# settings; figures from /usr/bin/time -v (wall, user+sys CPU, peak resident memory) and hyperfine.
# Usage: bench/run.sh [N ...]   (default: 1000 5000 10000; P=8, seed 1; WORK=/tmp/kaoping-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=generator/target/kaoping.jar
WORK=${WORK:-/tmp/kaoping-bench}
P=${P:-8}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 5000 10000)
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"

# One timed run: prints "wall_s cpu_s peak_mb" for the command.
timed() {
    local log="$WORK/time.txt"
    /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" > "$WORK/last.out" 2>&1 || { cat "$WORK/last.out"; exit 1; }
    awk '{printf "%.1f %.1f %.0f\n", $1, $2 + $3, $4 / 1024}' "$log"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| stations | sheets | command | wall s | CPU s (user+sys) | peak RSS MB | pages | output MB | sheets/s | pages/s |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for N in "${SIZES[@]}"; do
    content="$WORK/c$N-p$P"
    [ -d "$content" ] || java -jar "$JAR" sample --stations "$N" --periods "$P" --seed 1 --out "$content" > /dev/null
    sheets=$((N * P))
    read -r wall cpu rss < <(timed java -jar "$JAR" check --content "$content")
    echo "| $N | $sheets | check | $wall | $cpu | $rss | | | $(awk -v s=$sheets -v w=$wall 'BEGIN{printf "%.0f", s/w}') | |"
    out="$WORK/out$N"
    read -r wall cpu rss < <(timed java -jar "$JAR" build --content "$content" --out "$out")
    pages=$(grep -o 'build: [0-9]* pages' "$WORK/last.out" | awk '{print $2}')
    mb=$(du -sm "$out" | cut -f1)
    echo "| $N | $sheets | build | $wall | $cpu | $rss | $pages | $mb | $(awk -v s=$sheets -v w=$wall 'BEGIN{printf "%.0f", s/w}') | $(awk -v s=$pages -v w=$wall 'BEGIN{printf "%.0f", s/w}') |"
done
echo
echo "Page weight at the largest size (bytes): home, largest period page, largest station page"
N=${SIZES[-1]}
wc -c < "$WORK/out$N/index.html"
largest() { wc -c < "$1/$(ls -S "$1" | sed -n 1p)"; }  # sed reads all: no SIGPIPE under pipefail
largest "$WORK/out$N/periods"
largest "$WORK/out$N/stations"
echo
echo "The 25-station sample site, JVM start included:"
hyperfine -N -w 1 -r 10 "java -jar $JAR build --out $WORK/sample-site" "java -jar $JAR check"
