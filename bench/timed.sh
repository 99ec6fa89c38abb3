# Sourced by bench/run.sh and bench/hugo.sh (from the repository root, with WORK set).
# timed COMMAND…: runs it and prints "wall_s cpu_s peak_mb", wall time to WALL_DECIMALS places (default 1). Peak
# memory is the whole process tree's, polled by bench/tree_peak.py (a large build runs in a second JVM beside the
# first: cli/BoundedHeap), or /usr/bin/time's peak of its largest process if that is higher (a peak between two polls).
timed() {
    local log="$WORK/time.txt" peak
    /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" > "$WORK/last.out" 2>&1 &
    local pid=$!
    peak=$(bench/tree_peak.py "$pid")
    wait "$pid" || { cat "$WORK/last.out"; exit 1; }
    awk -v tree="$peak" -v d="${WALL_DECIMALS:-1}" \
        '{printf "%.*f %.1f %.0f\n", d, $1, $2 + $3, (tree > $4 ? tree : $4) / 1024}' "$log"
}
