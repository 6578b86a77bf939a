#!/usr/bin/env python3
"""The cheapest possible external stage: replies to every request with no layers.

Used to measure what the external-stage protocol itself costs per document (the process round
trip and Lector's side of the JSON), so it does as little as a worker can: it reads bytes, takes the
request's `id` (Lector writes it first) without decoding the text, and answers at once.
"""

import json
import re
import sys

# {"id":"<JSON string>", ... : the id is the first member of every request.
ID = re.compile(rb'^\{"id":("(?:[^"\\]|\\.)*")')


def main():
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        match = ID.match(line)
        request_id = json.loads(match.group(1)) if match else json.loads(line)["id"]
        out.write(b'{"id":' + json.dumps(request_id).encode() + b',"layers":{}}\n')
        out.flush()


if __name__ == "__main__":
    main()
