"""Summaries and key phrases through the whole pipeline, beside the Python peers.

Steps (run with the Python of a venv that has rouge-score, yake and nltk; pass it as you like):

  python suite.py texts DATA OUT        # one text file per story/article, a folder per set
  lector run pipelines/news.yaml --input OUT/<set> --output RUNS/<set>    # for every set
  python suite.py summaries DATA RUNS   # ROUGE-1/2/Lsum (rouge-score, stemmed) of Lector's summary,
                                        # Lead-3 and Lead-1 of Lector's own sentences, per set
  python suite.py keyphrases DATA RUNS  # F1@5/F1@10 of Lector, YAKE and plain TF-IDF, per set

DATA is the development-data folder (`summ/…`, `keyphrases/…` inside). Scoring follows the data
folder's README: references split on " . " (CNN/DM) or into sentences for ROUGE-Lsum; key phrases
lower-cased, cut into words (letters/digits, inner - and ' kept), Porter-stemmed (NLTK), de-duplicated,
the first k compared with the whole gold set. A story missing from the run counts as empty.
"""
import json
import math
import os
import re
import sys
from collections import Counter

SUMMARY_SETS = {"bbc": "summ/bbc/tune.jsonl", "cnndm": "summ/cnndm/dev.jsonl", "gum": "summ/gum-news/summaries.jsonl"}
KEYPHRASE_SETS = {"duc2001": "keyphrases/duc2001/dev.jsonl", "kpcrowd": "keyphrases/kpcrowd/dev.jsonl"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def file_name(identifier):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", identifier) + ".txt"


def story_text(item):
    """The raw file a user would have: the headline as its own first line when there is one."""
    article = item["article"]
    title = (item.get("title") or "").strip()
    if title and not article.startswith(title):
        return title + "\n\n" + article
    return article


def make_texts(data, out):
    for name, path in {**SUMMARY_SETS, **KEYPHRASE_SETS}.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        for item in read_jsonl(os.path.join(data, path)):
            with open(os.path.join(folder, file_name(item["id"])), "w", encoding="utf-8") as handle:
                handle.write(story_text(item) + "\n")


def run_documents(runs, name):
    """documents.jsonl of one run, by file name."""
    path = os.path.join(runs, name, "documents.jsonl")
    result = {}
    if os.path.exists(path):
        for document in read_jsonl(path):
            result[os.path.basename(document["id"])] = document
    return result


def reference_sentences(highlights, splitter):
    if "\n" in highlights:
        return [line for line in highlights.split("\n") if line.strip()]
    if " . " in highlights:
        return [part.strip() for part in highlights.split(" . ")]
    return splitter(highlights)


def punkt_splitter():
    try:
        import nltk

        nltk.sent_tokenize("A test. Another one.")
        return nltk.sent_tokenize
    except LookupError:
        # No Punkt data: a plain rule (sentence end, space, capital) stands in; the GUM references are
        # one sentence each, so this only matters for odd references.
        return lambda text: [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text) if part]


def summaries(data, runs):
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    split = punkt_splitter()
    for name, path in SUMMARY_SETS.items():
        documents = run_documents(runs, name)
        totals = {key: Counter() for key in ("lector", "lead3", "lead1")}
        items = read_jsonl(os.path.join(data, path))
        for item in items:
            document = documents.get(file_name(item["id"]))
            reference = "\n".join(reference_sentences(item["highlights"], split))
            candidates = {"lector": [], "lead3": [], "lead1": []}
            if document is not None:
                text = document["text"]
                sentences = [text[start:end] for start, end in document["sentences"]]
                title = (document.get("title") or "").strip()
                # The headline is not a summary sentence: Lead-N starts after it.
                body = [s for s in sentences if s.strip() != title]
                candidates = {
                    "lector": [entry["text"] for entry in document["summary"]],
                    "lead3": body[:3],
                    "lead1": body[:1],
                }
            for key, sentences in candidates.items():
                scores = scorer.score(reference, "\n".join(sentences))
                for metric, value in scores.items():
                    totals[key][metric] += value.fmeasure
        count = max(len(items), 1)
        for key, total in totals.items():
            figures = " / ".join(f"{100 * total[m] / count:.2f}" for m in ("rouge1", "rouge2", "rougeLsum"))
            print(f"{name:8} {key:7} R1/R2/Lsum {figures}   ({len(documents)} of {len(items)} documents in the run)")


class KeyphraseScorer:
    def __init__(self):
        from nltk.stem.porter import PorterStemmer

        self.stemmer = PorterStemmer()

    def normalize(self, phrase):
        words = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", phrase.lower())
        return " ".join(self.stemmer.stem(word) for word in words)

    def unique(self, phrases):
        seen, result = set(), []
        for phrase in phrases:
            form = self.normalize(phrase)
            if form and form not in seen:
                seen.add(form)
                result.append(form)
        return result

    def score(self, predicted, gold, k):
        gold_set = set(self.unique(gold))
        top = self.unique(predicted)[:k]
        matches = sum(1 for phrase in top if phrase in gold_set)
        precision = matches / len(top) if top else 0.0
        recall = matches / len(gold_set) if gold_set else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


STOP = None


def tfidf_phrases(articles, n=3, top=10):
    """Plain TF-IDF over stop-word-free 1-3-grams, document frequencies from the same articles."""
    global STOP
    if STOP is None:
        import yake

        STOP = set(yake.KeywordExtractor(lan="en").stopword_set)
    grams_per_doc = []
    for article in articles:
        tokens = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", article.lower())
        grams = Counter()
        for length in range(1, n + 1):
            for start in range(len(tokens) - length + 1):
                gram = tokens[start:start + length]
                if any(word in STOP or word.isdigit() for word in gram):
                    continue
                grams[" ".join(gram)] += 1
        grams_per_doc.append(grams)
    df = Counter()
    for grams in grams_per_doc:
        df.update(grams.keys())
    total = len(articles)
    result = []
    for grams in grams_per_doc:
        scored = sorted(grams.items(), key=lambda kv: (-kv[1] * math.log(total / df[kv[0]]), kv[0]))
        result.append([gram for gram, _ in scored[:top]])
    return result


def keyphrases(data, runs):
    import yake

    scorer = KeyphraseScorer()
    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    for name, path in KEYPHRASE_SETS.items():
        items = read_jsonl(os.path.join(data, path))
        documents = run_documents(runs, name)
        systems = {
            # Best first: the report lists phrases in text order, each with its score.
            "lector": [[p["text"] for p in sorted(documents.get(file_name(item["id"]), {}).get("keyphrases", []),
                                                  key=lambda p: -p.get("score", 0))]
                       for item in items],
            "yake": [[phrase for phrase, _ in extractor.extract_keywords(item["article"])] for item in items],
            "tfidf": tfidf_phrases([item["article"] for item in items]),
        }
        for system, predictions in systems.items():
            line = []
            for k in (5, 10):
                f1 = sum(scorer.score(p, item["keyphrases"], k)[2] for p, item in zip(predictions, items))
                line.append(f"F1@{k} {f1 / len(items):.3f}")
            print(f"{name:8} {system:7} {'  '.join(line)}   ({len(documents)} of {len(items)} documents in the run)")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("texts", "summaries", "keyphrases"):
        sys.exit(__doc__)
    {"texts": make_texts, "summaries": summaries, "keyphrases": keyphrases}[sys.argv[1]](sys.argv[2], sys.argv[3])
