#!/usr/bin/env bash
# Two jars' code for one phase of a build, alternating in one JVM (bench/ab/Alternate.java; BENCHMARKS.md,
# fifteenth round). Run from the repository root.
# Usage: bench/ab.sh PHASE JAR_A JAR_B CONTENT [CHUNK TOTAL WARM]
#   PHASE: pages | files | drafts | scoring | workbooks; CONTENT: e.g. made by `kaoping sample --stations 10000
#   --periods 8`. Defaults: pages and files 250 30000 20000; drafts 2 40 16; scoring 2000 160000 80000; workbooks
#   1 16 6 (items per chunk, items measured, items run first to warm up). Each chunk is timed by its thread's CPU.
#   JAVA_OPTS adds JVM flags, e.g. the province's JIT flags (cli/SecondJvm) to time code as a province build runs it.
set -euo pipefail
phase=$1; a=$2; b=$3; content=$4
case $phase in
  drafts) defaults=(2 40 16) ;;
  scoring) defaults=(2000 160000 80000) ;;
  workbooks) defaults=(1 16 6) ;;
  *) defaults=(250 30000 20000) ;;
esac
chunk=${5:-${defaults[0]}}; total=${6:-${defaults[1]}}; warm=${7:-${defaults[2]}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for k in A B; do
  jar=$a; [ $k = B ] && jar=$b
  mkdir -p "$work/$k"
  javac -nowarn -d "$work/$k" -cp "$jar" bench/ab/org/kaoping/site/Phases.java
done
javac -d "$work" bench/ab/Alternate.java
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
java -Xmx8g -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$work" Alternate "$content" "$phase" "$chunk" "$total" "$warm" \
  "$work/A" "$a" "$work/B" "$b"
