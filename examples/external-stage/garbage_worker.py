#!/usr/bin/env python3
"""A deliberately bad worker, for tests: answers every request with an empty `acronym` layer, except
a request whose text contains "GARBAGE", to which it replies with a line that is not JSON. It then
carries on reading requests as if nothing happened."""

import json
import sys

sys.stdin.reconfigure(encoding="utf-8")
sys.stdout.reconfigure(encoding="utf-8")
for line in iter(sys.stdin.readline, ""):
    request = json.loads(line)
    if "GARBAGE" in request.get("text", ""):
        sys.stdout.write('{"id": %s, "layers": {"acronym": [[0, 3, \n' % json.dumps(request.get("id")))
    else:
        sys.stdout.write(json.dumps({"id": request.get("id"), "layers": {"acronym": []}}) + "\n")
    sys.stdout.flush()
