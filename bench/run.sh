#!/usr/bin/env bash
# Kaoping benchmarks (BENCHMARKS.md): synthetic provinces of N stations × P periods, built with default JVM
# settings; figures from /usr/bin/time -v (wall, user+sys CPU, peak resident memory) and hyperfine.
# Usage: bench/run.sh [N ...]   (default: 1000 5000 10000; P=8, seed 1; WORK=/tmp/kaoping-bench; JAR=… another jar;
#        W + R rebuilds per serve measurement, the first W (default 5) to warm the JVM, R (default 8) shown;
#        RUNS hyperfine runs, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-generator/target/kaoping.jar}
WORK=${WORK:-/tmp/kaoping-bench}
P=${P:-8}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 5000 10000)
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"

source bench/timed.sh

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
jar_line "$JAR"
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
    # The first build into a folder that holds no site; the second replaces the first (a quarter's republish): it
    # checks the previous site's files against their marker, swaps and deletes the previous site.
    rm -rf "$out"  # the harness's own folder under $WORK
    read -r wall cpu rss < <(timed java -jar "$JAR" build --content "$content" --out "$out")
    pages=$(grep -o 'build: [0-9]* pages' "$WORK/last.out" | awk '{print $2}')
    mb=$(du -sm "$out" | cut -f1)
    echo "| $N | $sheets | build | $wall | $cpu | $rss | $pages | $mb | $(awk -v s=$sheets -v w=$wall 'BEGIN{printf "%.0f", s/w}') | $(awk -v s=$pages -v w=$wall 'BEGIN{printf "%.0f", s/w}') |"
    read -r wall cpu rss < <(timed java -jar "$JAR" build --content "$content" --out "$out")
    echo "| $N | $sheets | build again (replaces the first) | $wall | $cpu | $rss | $pages | $mb | $(awk -v s=$sheets -v w=$wall 'BEGIN{printf "%.0f", s/w}') | $(awk -v s=$pages -v w=$wall 'BEGIN{printf "%.0f", s/w}') |"
done
echo
echo "Page weight at the largest size (bytes): home, largest period page, largest station page"
N=${SIZES[-1]}
wc -c < "$WORK/out$N/index.html"
largest() { wc -c < "$1/$(ls -S "$1" | sed -n 1p)"; }  # sed reads all: no SIGPIPE under pipefail
largest "$WORK/out$N/periods"
largest "$WORK/out$N/stations"
echo
echo "## Start-up and rebuild"
echo
echo "The 25-station sample site, JVM start included (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
hyperfine -N -w 1 -r ${RUNS:-10} "java -jar $JAR build --out $WORK/sample-site" "java -jar $JAR check"
read -r wall cpu rss < <(timed java -jar "$JAR" build --out "$WORK/sample-site")
echo "one more build under /usr/bin/time: wall $wall s, CPU $cpu s (user+sys), peak RSS $rss MB"

# A process and its children: a large serve runs in a second JVM (cli/BoundedHeap), and the first only waits for it.
tree_pids() {
    echo "$1" $(pgrep -P "$1")
}
# CPU ticks (user+sys) of a process and its children.
tree_ticks() {
    local t=0 p
    for p in $(tree_pids "$1"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo "$t"
}

# `serve`, warm (after W edits not shown, default 5): one sheet of the newest period changed R times (its first 扣分原因
# gains or loses a prefix, so every edit is a real change), the changed station's page fetched over HTTP until it
# changes. Per edit: the time serve prints (from the folder watch seeing the change, its 50 ms quiet time included,
# to the preview being ready to serve pages), the time from writing the file to the new page received (curl polled
# every 10 ms: debounce, recheck, the page built and rendered on request), and the CPU time (user+sys) the server
# spent in that span, JIT included. serve then writes the output folder in the background; each edit waits for that
# write to end (OUTPUT_WAIT=0: edit every 2 s instead, while writes run).
serve_rebuilds() {  # label content-folder sheet-file
    local label=$1 content=$2 sheet=$3 log="$WORK/serve-$1.log" pid port=${PORT:-18080} station page
    station=$(basename "$sheet" .json)
    page="http://127.0.0.1:$port/stations/$station.html"
    java -jar "$JAR" serve --port "$port" --content "$content" --out "$WORK/serve-$label" > "$log" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null' EXIT
    for _ in $(seq 1 2400); do grep -q 'serve: http' "$log" && break; sleep 0.5; done
    for _ in $(seq 1 2400); do grep -q 'pages written' "$log" && break; sleep 0.5; done
    for i in $(seq 1 $((${W:-5} + ${R:-8}))); do
        local before written c0 c1 t0 t1
        before=$(curl -s "$page" | md5sum)
        written=$(grep -c 'pages written' "$log")
        c0=$(tree_ticks "$pid")
        t0=$(date +%s%N)
        perl -0pi -e 's/("reason"\s*:\s*")((?:复核：)?)/$1 . ($2 ? "" : "复核：")/e' "$sheet"
        for _ in $(seq 1 6000); do [ "$(curl -s "$page" | md5sum)" != "$before" ] && break; sleep 0.01; done
        t1=$(date +%s%N)
        c1=$(tree_ticks "$pid")
        [ "$i" -gt "${W:-5}" ] && echo "| $label | $((i - ${W:-5})) | $(grep -o '用时 [0-9.]* s' "$log" | tail -1 | awk '{print $2}') | $(( (t1 - t0) / 1000000 )) | $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) )) | $(cut -d' ' -f1 /proc/loadavg) |"
        if [ "${OUTPUT_WAIT:-1}" = 1 ]; then
            for _ in $(seq 1 2400); do [ "$(grep -c 'pages written' "$log")" -gt "$written" ] && break; sleep 0.2; done
        else
            sleep 2
        fi
    done
    echo "peak RSS of the server: $(for p in $(tree_pids "$pid"); do cat "/proc/$p/status"; done | awk '/VmHWM/ {kb += $2} END {printf "%.0f MB", kb / 1024}') (both JVMs, each its own peak)"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    trap - EXIT
    grep -q 'build: refused\|build: failed' "$log" && { echo "a rebuild failed: see $log"; exit 1; }
    return 0
}
echo
echo "serve: one sheet changed, the warm server's preview updated and the changed page served"
echo
echo "| site | edit | change seen → servable, s (printed) | file written → new page received, ms | CPU ms (user+sys) | load average |"
echo "|---|---:|---:|---:|---:|---:|"
sample="$WORK/sample-content"
rm -rf "$sample" && cp -r content "$sample"
serve_rebuilds sample "$sample" "$sample/sheets/2023-q1/qintai.json"
N=${SIZES[0]}
big="$WORK/serve-c$N-p$P"
rm -rf "$big" && cp -r "$WORK/c$N-p$P" "$big"
last=$(ls "$big/sheets" | tail -1)
serve_rebuilds "$N×$P" "$big" "$big/sheets/$last/$(ls "$big/sheets/$last" | head -1)"
