# Sourced by bench/run.sh, bench/hugo.sh and bench/pairs.sh (from the repository root, with WORK set): timed and jar_line.
# timed COMMAND…: runs it and prints "wall_s cpu_s peak_mb", wall time to WALL_DECIMALS places (default 1). Peak
# memory is the whole process tree's, polled by bench/tree_peak.py (a large build runs in a second JVM beside the
# first: cli/BoundedHeap), or /usr/bin/time's peak of its largest process if that is higher (a peak between two polls).
# It also leaves in $WORK/steal.txt the share of the machine's CPU time the hypervisor took from it meanwhile (the
# "steal" of /proc/stat, as a percentage): on a shared virtual machine that, not the code, is what spreads a build's
# wall time by a third from one minute to the next.
timed() {
    local log="$WORK/time.txt" peak before
    before=$(head -1 /proc/stat)
    /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" > "$WORK/last.out" 2>&1 &
    local pid=$!
    peak=$(bench/tree_peak.py "$pid")
    wait "$pid" || { cat "$WORK/last.out"; exit 1; }
    printf '%s\n%s\n' "$before" "$(head -1 /proc/stat)" | awk '
        { total[NR] = 0; for (i = 2; i <= 9; i++) total[NR] += $i; steal[NR] = $9 }
        END { d = total[2] - total[1]; printf "%.0f\n", (d > 0 ? 100 * (steal[2] - steal[1]) / d : 0) }' > "$WORK/steal.txt"
    awk -v tree="$peak" -v d="${WALL_DECIMALS:-1}" \
        '{printf "%.*f %.1f %.0f\n", d, $1, $2 + $3, (tree > $4 ? tree : $4) / 1024}' "$log"
}

# jar_line JAR: which jar is measured — its SHA-256 and time — and a warning when a file it is built from (pom.xml,
# generator/src/main, site-theme, rubrics) is newer than it: a jar left from an experiment measures other code
# than the tree's (it happened: a throwaway build stayed in generator/target, BENCHMARKS.md, eighteenth round).
jar_line() {
    local jar=$1 newer
    echo "jar: $jar, sha256 $(sha256sum "$jar" | cut -c1-12), built $(date -u -r "$jar" '+%Y-%m-%d %H:%M:%S') UTC"
    if [ "$jar" = generator/target/kaoping.jar ]; then
        newer=$(find pom.xml generator/pom.xml generator/src/main site-theme rubrics -type f -newer "$jar" | head -3)
        if [ -n "$newer" ]; then
            echo "warning: newer than the jar, so it may not be this tree's code: $(echo $newer) (mvn -B -q package -DskipTests)"
        fi
    fi
}
