#!/usr/bin/env python3
"""A deliberately bad worker, for tests: replies with spans that do not fit the text.

By default only a request whose text contains "OFFSETS" gets a bad span; every other request gets
a valid one (the first character, when the text is not empty). Run it with `--always` to send bad
spans for every request. `--kind` picks the fault:

    past-end   [len + 1, len + 4]   (the default)
    negative   [-3, 2]
    reversed   [5, 2]
"""

import json
import sys

BAD = {
    "past-end": lambda n: [n + 1, n + 4],
    "negative": lambda n: [-3, 2],
    "reversed": lambda n: [5, 2],
}

always = "--always" in sys.argv
kind = "past-end"
if "--kind" in sys.argv[:-1]:
    kind = sys.argv[sys.argv.index("--kind") + 1]
if kind not in BAD:
    print("offsets_worker: unknown --kind %s (known: %s)" % (kind, ", ".join(sorted(BAD))), file=sys.stderr)
    sys.exit(2)

sys.stdin.reconfigure(encoding="utf-8")
sys.stdout.reconfigure(encoding="utf-8")
for line in iter(sys.stdin.readline, ""):
    request = json.loads(line)
    text = request.get("text", "")
    if always or "OFFSETS" in text:
        spans = [BAD[kind](len(text)) + ["ACRONYM"]]
    else:
        spans = [[0, 1, "ACRONYM"]] if text else []
    sys.stdout.write(json.dumps({"id": request.get("id"), "layers": {"acronym": spans}}) + "\n")
    sys.stdout.flush()
