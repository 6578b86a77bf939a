#!/usr/bin/env python3
"""A deliberately bad worker, for tests: answers the first request, then exits with status 3 on the
second one without replying. After a restart the new process again answers one request and dies on
the next, so in a run of N documents every second document is lost to a crash."""

import json
import sys

sys.stdin.reconfigure(encoding="utf-8")
sys.stdout.reconfigure(encoding="utf-8")
seen = 0
for line in iter(sys.stdin.readline, ""):
    request = json.loads(line)
    seen += 1
    if seen == 2:
        print("crash_worker: exiting on request 2 (%s)" % request.get("id"), file=sys.stderr, flush=True)
        sys.exit(3)
    sys.stdout.write(json.dumps({"id": request.get("id"), "layers": {"acronym": []}}) + "\n")
    sys.stdout.flush()
