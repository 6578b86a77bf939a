#!/usr/bin/env python3
"""An external Lector stage: finds acronyms (NATO, U.S., BBC) and adds them as the layer `acronym`.

Speaks Lector's external-stage protocol, JSON Lines on stdin and stdout:

    request  {"id": "a.html", "text": "...", "layers": {"sentence": [[0, 12, ""], ...]}}
    reply    {"id": "a.html", "layers": {"acronym": [[4, 8, "ACRONYM"], ...]}}
    or       {"id": "a.html", "error": "what went wrong"}

One request per line, one reply per line, in the same order. Offsets are Python string indices
(Unicode code points), so the pipeline declares `offset-unit: scalar`. Anything written to stderr
goes to the document's diagnostics. No dependencies beyond the standard library.
"""

import json
import re
import sys

# Two to six capitals, optionally with digits after the first (G7, COP28), or dotted capitals
# (U.S., U.N.), standing alone as a word.
ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Z0-9]{1,5})(?![\w])")

# All-capital words that are ordinary words in headlines and shouted quotes, not acronyms.
IGNORED = {"A", "I", "OK", "AM", "PM"}

PUNCTUATION = ".,;:!?\"'()\u2018\u2019\u201c\u201d"

LAYER = "acronym"
LABEL = "ACRONYM"


def acronyms(text):
    """Return [start, end, label] spans of the acronyms in text, in text order."""
    spans = []
    for match in ACRONYM.finditer(text):
        word = match.group(0)
        if word.rstrip(".") in IGNORED:
            continue
        # A word of capitals inside an all-capital line (a shouted headline) is not an acronym.
        if word.isalpha() and _in_capital_run(text, match.start(), match.end()):
            continue
        spans.append([match.start(), match.end(), LABEL])
    return spans


def _in_capital_run(text, start, end):
    """Whether the words on either side are also all capitals ("BREAKING NEWS TODAY")."""
    before = [w.strip(PUNCTUATION) for w in text[max(0, start - 20):start].split()]
    after = [w.strip(PUNCTUATION) for w in text[end:end + 20].split()]
    before = [w for w in before if w]
    after = [w for w in after if w]
    neighbours = [w for w in before[-1:] + after[:1] if w.isalpha()]
    return len(neighbours) == 2 and all(w.isupper() for w in neighbours)


def handle(request):
    """Turn one request (a dict) into one reply (a dict)."""
    doc_id = request.get("id")
    text = request.get("text")
    if not isinstance(text, str):
        return {"id": doc_id, "error": "request has no 'text' string"}
    return {"id": doc_id, "layers": {LAYER: acronyms(text)}}


def main():
    # The host writes UTF-8 whatever the locale says.
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    print("acronym worker ready", file=sys.stderr, flush=True)
    while True:
        line = sys.stdin.readline()
        if not line:  # the host closed stdin: the run is over
            return
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as error:
            reply = {"id": None, "error": "request is not JSON: %s" % error}
        else:
            if isinstance(request, dict):
                reply = handle(request)
            else:
                reply = {"id": None, "error": "request is not a JSON object"}
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
