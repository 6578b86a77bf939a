"""Main text of trafilatura and readability-lxml on the pages of every development set, for
`lector eval extract --suite DIR --peers FILE`.

Lector scores the peers' texts with its own scorers, so every tool gets the same measure in one run.

    python3 -m venv VENV && VENV/bin/pip install trafilatura readability-lxml lxml_html_clean
    VENV/bin/python Benchmarks/extract/extract_peers.py SUITE_DIR OUT.jsonl [--tools trafilatura,readability]

SUITE_DIR holds one folder per set, each with a `gold.jsonl` whose lines name their page in `html`
(relative to the folder). A page named `X.gz` is read gunzipped; when it is absent its unpacked copy
`X` (without `.gz`) is read. Output: one JSON line per page and tool:
`{"set", "id", "tool", "text", "seconds"}` (seconds = that tool's extraction time on that page, one core).
trafilatura runs as `trafilatura.extract(html)` with its defaults; readability-lxml as
`Document(html).summary()` turned to text with lxml's `text_content()` (block elements end a line).
"""
import gzip
import json
import os
import sys
import time


def page_bytes(folder, name):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        with open(path, "rb") as handle:
            data = handle.read()
        return gzip.decompress(data) if name.endswith(".gz") else data
    if name.endswith(".gz") and os.path.exists(path[:-3]):
        with open(path[:-3], "rb") as handle:
            return handle.read()
    return None


def decode(data):
    # trafilatura and readability both take a str; let trafilatura's own decoder pick the charset.
    from trafilatura.utils import decode_file
    return decode_file(data)


def trafilatura_text(html):
    import trafilatura
    return trafilatura.extract(html) or ""


BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "pre", "blockquote", "dd", "dt",
          "section", "article", "table", "ul", "ol"}


def readability_text(html):
    from readability import Document
    import lxml.html
    summary = Document(html).summary()
    if not summary.strip():
        return ""
    root = lxml.html.fromstring(summary)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content().strip()


TOOLS = {"trafilatura": trafilatura_text, "readability": readability_text}


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    suite, out = argv[1], argv[2]
    tools = list(TOOLS)
    if "--tools" in argv:
        tools = argv[argv.index("--tools") + 1].split(",")
    with open(out, "w", encoding="utf-8") as sink:
        for name in sorted(os.listdir(suite)):
            folder = os.path.join(suite, name)
            gold = os.path.join(folder, "gold.jsonl")
            if not os.path.exists(gold):
                continue
            with open(gold, encoding="utf-8") as handle:
                lines = [json.loads(line) for line in handle if line.strip()]
            for tool in tools:
                started = time.process_time()
                for page in lines:
                    data = page_bytes(folder, page["html"])
                    text, seconds = "", 0.0
                    if data is not None:
                        begin = time.process_time()
                        try:
                            text = TOOLS[tool](decode(data))
                        except Exception:  # a peer failing on a page scores it as empty
                            text = ""
                        seconds = time.process_time() - begin
                    record = {"set": name, "id": page.get("id", page["html"]), "tool": tool, "text": text,
                              "seconds": seconds}
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                print(f"{name} {tool}: {len(lines)} pages, {time.process_time() - started:.1f} s CPU",
                      file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
