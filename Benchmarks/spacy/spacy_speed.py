"""Words per second of a spaCy pipeline with en_core_web_sm's architecture, on Lector's benchmark texts.

The trained en_core_web_sm package is not always installable (it is downloaded from outside PyPI), but
spaCy's speed depends on the architecture, not on the trained weights. This script builds spaCy's
"efficiency" English pipeline (a shared tok2vec of width 96 and depth 4, tagger, parser, NER: the
small models' design), gives it the label sets of the English models (50 tags, 45 dependency labels,
18 entity types), initialises it with random weights and times `nlp.pipe` on the same texts that
`lector bench run` reads. Compare the result with Lector's whole news pipeline on one lane.

    python3 -m venv venv && venv/bin/pip install spacy
    venv/bin/python Benchmarks/spacy/spacy_speed.py CORPUS_DIR [--ner-only]

CORPUS_DIR: a folder of .txt articles (for example the .txt files of `lector bench corpus`).
"""
import os
import sys
import time

import spacy
from spacy.cli.init_config import init_config

TAGS = ("$ '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT POS "
        "PRP PRP$ RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX _SP `` NIL").split()
DEPS = ("ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj "
        "csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd "
        "parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp").split()
ENTS = ("CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON PRODUCT "
        "QUANTITY TIME WORK_OF_ART").split()


def build(ner_only):
    config = init_config(lang="en", pipeline=["tagger", "parser", "ner"], optimize="efficiency")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    for tag in TAGS:
        nlp.get_pipe("tagger").add_label(tag)
    for dep in DEPS:
        nlp.get_pipe("parser").add_label(dep)
    for ent in ENTS:
        nlp.get_pipe("ner").add_label(ent)
    nlp.initialize()
    if ner_only:
        nlp.disable_pipes("tagger", "parser")
    return nlp


def main():
    folder = sys.argv[1]
    ner_only = "--ner-only" in sys.argv
    texts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                texts.append(handle.read())
    nlp = build(ner_only)
    list(nlp.pipe(texts[:20]))  # warm-up
    started = time.process_time()
    wall = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
    cpu = time.process_time() - started
    wall = time.perf_counter() - wall
    print(f"{'ner only' if ner_only else 'tagger+parser+ner'}: {len(texts)} texts, {tokens} tokens, "
          f"{tokens / wall:,.0f} tokens/s wall, {tokens / cpu:,.0f} tokens per CPU second")


if __name__ == "__main__":
    main()
