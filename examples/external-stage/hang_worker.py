#!/usr/bin/env python3
"""A deliberately bad worker, for tests: answers every request with an empty `acronym` layer, except
a request whose text contains "HANG", on which it sleeps forever without replying (the host's
per-document timeout must end it)."""

import json
import sys
import time

sys.stdin.reconfigure(encoding="utf-8")
sys.stdout.reconfigure(encoding="utf-8")
for line in iter(sys.stdin.readline, ""):
    request = json.loads(line)
    if "HANG" in request.get("text", ""):
        print("hang_worker: hanging on %s" % request.get("id"), file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
    sys.stdout.write(json.dumps({"id": request.get("id"), "layers": {"acronym": []}}) + "\n")
    sys.stdout.flush()
