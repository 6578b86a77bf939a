#!/usr/bin/env bash
# Fuzz one of Lector's parsers of untrusted bytes with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh TARGET SECONDS [JOBS]
#
# TARGET: FuzzWebArchive | FuzzJSONLines | FuzzGzip | FuzzHTML | FuzzXML (or "list").
# Builds FuzzTesting/ (a separate package, so the main build never pays for it) with
# `-sanitize=fuzzer,address`, seeds a corpus from ../shared/data when it is there (and from the
# repository's examples otherwise), and runs for SECONDS. A crash, leak or sanitizer report stops the
# run with a non-zero exit; the input is saved as crash-*/leak-* in the corpus's artifacts folder and
# must become a regression test. Set FUZZ_WORK to choose where corpora and artifacts go (default: a
# folder under the system temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

targets=(FuzzWebArchive FuzzJSONLines FuzzGzip FuzzHTML FuzzXML)
target=${1:-}
seconds=${2:-60}
jobs=${3:-1}
if [ -z "$target" ] || [ "$target" = list ]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi
case " ${targets[*]} " in *" $target "*) ;; *) echo "unknown target '$target'; one of: ${targets[*]}" >&2; exit 2 ;; esac

# libFuzzer ships with the Swift toolchain on Linux; check once that it links.
probe=$(mktemp -d)
printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ p: UnsafeRawPointer, _ n: Int) -> CInt { 0 }\n' >"$probe/p.swift"
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/p.swift" -o "$probe/p" >/dev/null 2>&1; then
    echo "swiftc -sanitize=fuzzer does not link on this machine: install the toolchain's libFuzzer runtime" >&2
    echo "(Debian: apt-get install libclang-rt-dev, or use the swift.org toolchain, which ships it)" >&2
    rm -rf "$probe"
    exit 1
fi
rm -rf "$probe"

# The fuzz package depends on the repository by path; SwiftPM keeps its build plan (which source
# files exist) across runs, so drop the plan whenever the sources may have moved: objects are kept.
rm -f "$root/.build-fuzz/release.yaml" "$root/.build-fuzz/release/description.json"
swift build --package-path FuzzTesting -c release --build-path "$root/.build-fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary="$root/.build-fuzz/release/$target"

work=${FUZZ_WORK:-${TMPDIR:-/tmp}/lector-fuzz}
corpus="$work/$target/corpus"
artifacts="$work/$target/artifacts"
mkdir -p "$corpus" "$artifacts"
data="$root/../shared/data"
seed() { # copy a seed file under a unique name, cut to 256 KiB
    head -c 262144 "$1" >"$corpus/seed-$(basename "$1" | tr -c 'A-Za-z0-9._-' _)" || true
}
if [ -z "$(ls -A "$corpus")" ]; then
    case "$target" in
    FuzzWebArchive | FuzzGzip)
        if [ -d "$data/warc" ]; then
            for file in "$data"/warc/warcio-tests/*; do seed "$file"; done
            # The first records of the crawl sample, still one gzip member each.
            head -c 200000 "$data/warc/crawl-sample.warc.gz" >"$corpus/seed-crawl-head.warc.gz"
        fi
        ;;
    FuzzJSONLines)
        if [ -d "$data/warc" ]; then
            gzip -dc "$data/warc/crawl-sample.jsonl.gz" | head -n 3 >"$corpus/seed-crawl.jsonl" || true
            head -c 100000 "$data/warc/crawl-sample.jsonl.gz" >"$corpus/seed-crawl.jsonl.gz"
        fi
        printf '{"url":"u","html":"<p>x</p>"}\n{"text":"t"}\nnot json\n' >"$corpus/seed-mixed.jsonl"
        ;;
    FuzzHTML)
        if [ -d "$data/html/wcxb" ]; then
            for file in $(ls "$data"/html/wcxb/pages/*.html.gz | head -n 40); do
                gzip -dc "$file" | head -c 262144 >"$corpus/seed-$(basename "$file" .gz)" || true
            done
        fi
        for file in examples/news/*.html; do seed "$file"; done
        ;;
    FuzzXML)
        for file in examples/news/*.xml examples/news/*.atom examples/news/*.rss; do [ -f "$file" ] && seed "$file"; done
        ;;
    esac
fi

echo "fuzzing $target for $seconds s ($jobs job(s)); corpus $corpus; artifacts $artifacts"
cd "$artifacts"
exec "$binary" "$corpus" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 -timeout=20 \
    -jobs="$jobs" -workers="$jobs" -print_final_stats=1 -artifact_prefix="$artifacts/"
