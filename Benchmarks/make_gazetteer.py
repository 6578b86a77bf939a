#!/usr/bin/env python3
"""Write a large synthetic gazetteer and a pipeline that uses it, to measure what a big list costs.

    python3 Benchmarks/make_gazetteer.py --phrases 100000 --out /tmp/gazetteer
    lector run /tmp/gazetteer/news-rules.yaml CORPUS --report R1    # news + entity-rules
    lector run pipelines/news.yaml CORPUS --report R2               # news alone

Phrases have one to four words. Half start with a common English word ("the", "new", "bank", ...), so
that matching walks into the trie on ordinary text instead of failing at the first word; the rest are
made of invented words. The list is case-insensitive, the slower of the two lookups. Deterministic.
"""

import argparse
import os
import random

COMMON = ("the of and in to new city bank north south west east national first united central state "
          "university river market street group council party union court house world").split()
SYLLABLES = "ka ri mo ten sul bar vin do lem pra zu hal nor fen tis gor ab el ost uvi".split()
LABELS = ("ORG", "PER", "LOC", "MISC")


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=100000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    seen = set()
    with open(os.path.join(args.out, "gazetteer.tsv"), "w", encoding="utf-8") as out:
        while len(seen) < args.phrases:
            words = [word(rng) for _ in range(rng.randint(1, 4))]
            if rng.random() < 0.5:
                words[0] = rng.choice(COMMON)
                if len(words) == 1:
                    words.append(word(rng))
            phrase = " ".join(words)
            if phrase.lower() in seen:
                continue
            seen.add(phrase.lower())
            out.write("%s\t%s\n" % (phrase, rng.choice(LABELS)))
    with open(os.path.join(args.out, "news-rules.yaml"), "w", encoding="utf-8") as out:
        out.write("""name: news-rules
description: The news pipeline with a large gazetteer after the statistical recogniser.
stages:
  - clean
  - sentences
  - tokens
  - entities
  - stage: entity-rules
    options:
      gazetteers:
        - path: gazetteer.tsv
          case-sensitive: false
      patterns:
        - label: TICKER
          regex: "\\\\b[A-Z]{2,6}:[A-Z]{1,5}\\\\b"
  - stage: summarize
    options:
      sentences: 3
  - stage: keyphrases
    options:
      count: 10
report:
  html: true
limits:
  max-bytes: 67108864
""")


if __name__ == "__main__":
    main()
