#!/usr/bin/env bash
# Render a Lector report with headless Chromium: index.html (as opened, and sorted/searched through the
# table's address state), one document page and one entity page, to PNG. Fails when a page logs a
# JavaScript error or a missing file, or when the documents table did not fill in.
#
# Usage: scripts/render-report.sh [REPORT_DIR] [OUTPUT_DIR]
#   REPORT_DIR  an existing report; by default the examples report is built first
#               (lector run pipelines/news.yaml examples/news --report .build/examples-report)
#   OUTPUT_DIR  where the PNG files go (default: .build/report-screenshots)
#
# Installs Debian's chromium (and fonts, including colour emoji) with apt-get when it is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
report="${1:-}"
output="${2:-$root/.build/report-screenshots}"

if ! command -v chromium >/dev/null 2>&1; then
    echo "render-report: installing chromium" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null
fi

if [ -z "$report" ]; then
    report="$root/.build/examples-report"
    (cd "$root" && swift build --product lector)
    lector="$(cd "$root" && swift build --product lector --show-bin-path)/lector"
    status=0
    (cd "$root" && "$lector" run pipelines/news.yaml examples/news --report "$report") || status=$?
    # 3 means "finished with failed documents": the report is complete.
    if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
        echo "render-report: lector run failed with exit code $status" >&2
        exit 1
    fi
fi
report="$(cd "$report" && pwd)"
[ -f "$report/index.html" ] || { echo "render-report: no index.html in $report" >&2; exit 1; }
mkdir -p "$output"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
    --disable-extensions --enable-logging=stderr --v=0 --virtual-time-budget=5000)
failed=0

# render NAME URL HEIGHT: screenshot to OUTPUT/NAME.png and the DOM after scripts ran to LOGS/NAME.html.
render() {
    local name="$1" url="$2" height="$3"
    "${chrome[@]}" --window-size="1280,$height" --screenshot="$output/$name.png" "$url" 2>"$logs/$name.log" >/dev/null
    "${chrome[@]}" --window-size="1280,$height" --dump-dom "$url" 2>>"$logs/$name.log" >"$logs/$name.html"
    if grep -E "CONSOLE.*(Uncaught|Error|Could not load)|ERR_FILE_NOT_FOUND|Failed to load resource|Not allowed to load" \
        "$logs/$name.log" >"$logs/$name.errors"; then
        echo "render-report: $name: JavaScript or loading error:" >&2
        sed 's/^/    /' "$logs/$name.errors" >&2
        failed=1
    fi
    echo "render-report: $output/$name.png"
}

render index "file://$report/index.html" 2600
render index-sorted "file://$report/index.html#sort=5&desc=1" 2600
render index-search "file://$report/index.html#q=the&page=1" 1800

# The table must have been filled in by the page script from the data files.
for view in index index-sorted; do
    if ! grep -q '<tbody><tr>' "$logs/$view.html"; then
        echo "render-report: $view: the documents table is empty after the page script ran" >&2
        failed=1
    fi
done

# One document page: the first document of the table; one entity page: the first entity page.
first="$(sed -n 's/^lectorRows(0,\[\["\([a-z0-9._-]*\)".*/\1/p' "$report/data/rows-00000.js" 2>/dev/null || true)"
if [ -n "$first" ] && [ -f "$report/documents/$first.html" ]; then
    render document "file://$report/documents/$first.html" 1600
    # The same page opened at its second sentence (as a summary link does): the sentence is highlighted.
    render document-sentence "file://$report/documents/$first.html#s1" 1000
else
    echo "render-report: no document page found" >&2
    failed=1
fi
# The entity page of the index's first charted entity, opened at its section as the chart's link does.
entity="$(grep -o 'href="entities/[0-9a-f]*\.html#[a-z0-9._-]*"' "$report/index.html" | head -n 1 | sed 's/^href="//; s/"$//' || true)"
if [ -n "$entity" ]; then
    render entity "file://$report/$entity" 1000
else
    echo "render-report: no entity link on the index" >&2
    failed=1
fi

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "render-report: ok"
