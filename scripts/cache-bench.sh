#!/usr/bin/env bash
# Measures what the run cache costs and what it saves. A benchmark, not a test: figures vary with the
# machine's load, so run it on a quiet machine and read the spread, not one number.
#
#   scripts/cache-bench.sh overhead LECTOR PIPELINE CORPUS [ROUNDS]
#       Alternates `lector run --no-cache` and a fresh run with the default cache (cache deleted before
#       each), ROUNDS times (default 5); prints each wall time and the ratio of the medians.
#   scripts/cache-bench.sh resume LECTOR PIPELINE COUNT
#       Writes COUNT small text documents, starts a run with the default cache, kills it (SIGKILL) once
#       half the sources have a cache entry, then runs again with --resume and prints how many documents
#       were redone.
#
# LECTOR is a release build of the lector executable (swift build -c release: .build/release/lector).
set -euo pipefail

mode=${1:?usage: cache-bench.sh overhead|resume LECTOR PIPELINE CORPUS|COUNT [ROUNDS]}
lector=${2:?lector executable}
pipeline=${3:?pipeline file}
work=$(mktemp -d "${TMPDIR:-/tmp}/lector-cache-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

case "$mode" in
overhead)
    corpus=${4:?corpus folder}
    rounds=${5:-5}
    : >"$work/plain.txt"
    : >"$work/cached.txt"
    : >"$work/plain-cpu.txt"
    : >"$work/cached-cpu.txt"
    # Wall time and CPU time (user + system) of the whole command: on a shared machine the CPU time is
    # the steadier figure; the goal is stated in wall time.
    timed() {
        local out=$1
        shift
        /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" || [ $? -eq 3 ]
        tail -n 1 "$work/time.txt" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >"$out"
    }
    "$lector" run "$pipeline" "$corpus" --report "$work/warm" --quiet --no-cache || [ $? -eq 3 ]
    for round in $(seq "$rounds"); do
        timed "$work/one.txt" "$lector" run "$pipeline" "$corpus" --report "$work/plain" --quiet --no-cache
        read -r plain plain_cpu <"$work/one.txt"
        rm -rf "$work/cached" "$work/cached.cache"
        timed "$work/one.txt" "$lector" run "$pipeline" "$corpus" --report "$work/cached" --quiet
        read -r cached cached_cpu <"$work/one.txt"
        echo "$plain" >>"$work/plain.txt"
        echo "$cached" >>"$work/cached.txt"
        echo "$plain_cpu" >>"$work/plain-cpu.txt"
        echo "$cached_cpu" >>"$work/cached-cpu.txt"
        printf 'round %d: --no-cache %.2f s (CPU %.2f s), default cache, fresh %.2f s (CPU %.2f s)\n' \
            "$round" "$plain" "$plain_cpu" "$cached" "$cached_cpu"
    done
    for kind in "" -cpu; do
        plain=$(median <"$work/plain$kind.txt")
        cached=$(median <"$work/cached$kind.txt")
        printf 'median%s: --no-cache %.2f s, default cache %.2f s, overhead %+.1f%%\n' "${kind:- wall}" "$plain" \
            "$cached" "$(echo "($cached / $plain - 1) * 100" | bc -l)"
    done
    printf 'cache size: %s\n' "$(du -sh "$work/cached.cache" | cut -f1)"
    ;;
resume)
    count=${4:?number of documents}
    mkdir -p "$work/corpus"
    # Small news-like texts, each unique (the number is in the text, so every source has its own key).
    awk -v n="$count" -v dir="$work/corpus" 'BEGIN {
        for (i = 0; i < n; i++) {
            file = sprintf("%s/%03d/doc-%06d.txt", dir, i % 500, i)
            if (i < 500) system("mkdir -p " dir "/" sprintf("%03d", i))
            printf "Report %d from Berlin.\n\nThe city council of Berlin met on Monday with Anna Kowalczyk of the Baltic Development Bank. They discussed item %d of the budget, worth %d euros.\n", i, i, i * 37 >file
            close(file)
        }
    }'
    index="$work/report.cache/outcomes.idx"
    half=$((count / 2 * 48))
    start=$(now)
    "$lector" run "$pipeline" "$work/corpus" --report "$work/report" --quiet &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        size=$(stat -c %s "$index" 2>/dev/null || echo 0)
        if [ "$size" -ge "$half" ]; then
            kill -9 "$pid"
            break
        fi
        sleep 0.05
    done
    wait "$pid" 2>/dev/null || true
    killed=$(echo "$(now) - $start" | bc)
    entries=$(($(stat -c %s "$index") / 48))
    printf 'killed after %.1f s with %d of %d sources in the cache index\n' "$killed" "$entries" "$count"
    start=$(now)
    "$lector" run "$pipeline" "$work/corpus" --report "$work/report" --quiet --resume --statistics "$work/figures.json"
    resumed=$(echo "$(now) - $start" | bc)
    python3 - "$work/figures.json" "$count" "$resumed" <<'PY'
import json, sys
figures = json.load(open(sys.argv[1]))
count, seconds = int(sys.argv[2]), float(sys.argv[3])
processed, cached = figures["documentsProcessed"], figures["documentsFromCache"]
redone = processed - cached
print(f"resume: {processed} documents, {cached} from the cache, {redone} redone = {100 * redone / count:.1f}% of {count}; {seconds:.1f} s")
PY
    ;;
*)
    echo "unknown mode $mode (overhead or resume)" >&2
    exit 2
    ;;
esac
