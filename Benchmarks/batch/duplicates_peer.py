"""The datasketch peer for near-duplicates: MinHash + LSH over the same word 3-shingles.

    PYTHONPATH=... python3 duplicates_peer.py OUT/duplicates.jsonl PEER.jsonl [THRESHOLD ...]

Needs the `datasketch` package (2.0.0 measured; it imports scipy). For each threshold, documents go in
input order: a document's LSH candidates among earlier originals are checked by their estimated Jaccard
similarity, the earliest at or above the threshold is the one it duplicates, else it becomes an
original. Words are lower-cased `\\w+` runs, shingles three words; 128 permutations (datasketch's
default). Writes one line per threshold: {"method", "duplicate_of": [id or null, ...]} for
`lector eval duplicates --peers PEER.jsonl`, which scores it with the same code as Lector.
"""
import json
import re
import sys

from datasketch import MinHash, MinHashLSH


def shingles(text, size=3):
    words = re.findall(r"\w+", text.lower())
    if not words:
        return []
    if len(words) < size:
        return [" ".join(words).encode()]
    return [" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)]


def run(documents, threshold, permutations=128):
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    sketches = {}
    result = []
    for index, document in enumerate(documents):
        items = shingles(document["text"])
        if not items:
            result.append(None)
            continue
        sketch = MinHash(num_perm=permutations)
        sketch.update_batch(items)
        found = sorted(int(key) for key in lsh.query(sketch) if sketch.jaccard(sketches[int(key)]) >= threshold)
        if found:
            result.append(documents[found[0]]["id"])
        else:
            result.append(None)
            lsh.insert(str(index), sketch)
            sketches[index] = sketch
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle if line.strip()]
    thresholds = [float(value) for value in sys.argv[3:]] or [0.3, 0.5]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for threshold in thresholds:
            line = {"method": f"datasketch MinHashLSH jaccard ≥ {threshold}", "duplicate_of": run(documents, threshold)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
