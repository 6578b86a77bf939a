#!/usr/bin/env python3
"""The cheapest possible external stage: reads each request and replies with no annotations.

Used to measure what the protocol itself costs per document (process hand-off, JSON both ways).
"""

import sys


def main():
    for line in sys.stdin.buffer:
        # The id is the first field of every request; echo it back and nothing else.
        start = line.index(b'"id":') + 5
        end = line.index(b',"', start)
        sys.stdout.buffer.write(b'{"id":' + line[start:end] + b',"layers":{}}\n')
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
