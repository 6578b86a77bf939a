"""Builds the measured sets for the batch stages (duplicates, stories) from the development news.

    python3 make_sets.py DATA OUT      # DATA: the development-data folder; OUT: where the sets go

Writes OUT/duplicates.jsonl and OUT/stories.jsonl, one document per line in input order:
{"id", "title", "text", "date" (ISO or null), "group", "kind"}. Nothing here is committed: the texts
are the development data's (research-use terms). The same DATA gives byte-identical files (fixed seed,
sorted inputs). Score them with `lector eval duplicates --gold OUT/duplicates.jsonl` and
`lector eval stories --gold OUT/stories.jsonl`.

Duplicates (what is gold): 500 BBC News Summary articles (`summ/bbc/tune.jsonl`, the first 100 of each
category after dropping any article whose 3-word-shingle Jaccard similarity with an earlier kept one is
above 0.3: the BBC set holds some real repeats, which would otherwise be unlabelled duplicates) and the
102 DUC-2001 articles (`keyphrases/duc2001/dev.jsonl`: ten topic clusters, so many same-topic
non-duplicates; a DUC article whose shingle Jaccard similarity with an earlier one is above 0.3, or that
has more than 80% of its shingles in it, is a real repeat in the source, a wire story printed by two
papers: it joins the earlier one's group, kind "source-repeat"). 250 BBC and 30 DUC originals get one to three rewritten copies each, of these kinds:
  boilerplate  a syndication site's header and footer (menus, share lines, copyright, "read more" titles
               of other articles) around the story
  headline     the headline edited (prefix, suffix, or replaced by a rewording) and a site's boilerplate
  trim         only the first 50–80% of the paragraphs (wire copies cut from the bottom)
  trim+boilerplate
  reorder      body paragraphs after the first shuffled
  edit         light copy-editing: a sentence dropped, "said"/"says" swapped, some figures changed,
               American spellings
  reformat     same words, different line breaks, spacing and headline case (an exact duplicate after
               normalisation)
A document's `group` is the id of the article it was made from (its own id for an original), so gold
duplicates are the documents of a group after its first in input order; every other pair, including two
articles of one BBC category or one DUC topic cluster, is a non-duplicate. All documents are shuffled
with a fixed seed, so a copy may come before its original.

Stories (what is gold): the 102 DUC-2001 articles grouped by their topic cluster (the dev file lists
the ten clusters one after another, each sorted by id, so a cluster starts where the id order restarts;
the script checks that there are ten), with their dates where the id or headline gives one (AP, LA, WSJ
ids carry yymmdd; FT headlines start "FT dd MON yy"), plus 75 CNN/DailyMail and 22 GUM/Wikinews
stories as stories of their own (distinct events). DUC clusters are topics that span months or years
("tornadoes", "welfare reform"), so date windows are expected to split them: score with and without
dates. Shuffled with a fixed seed.
"""
import json
import os
import random
import re
import sys

SEED = 18
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def words(text):
    return re.findall(r"\w+", text.lower())


def shingles(text, size=3):
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 0.0


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def duc_clusters(rows):
    """Cluster numbers of the DUC rows: a new cluster where the sorted id order restarts."""
    def order(identifier):
        prefix = re.match(r"[A-Z]+", identifier).group(0)
        return (["AP", "FBIS", "FT", "LA", "SJMN", "WSJ"].index(prefix), identifier)
    cluster, result, previous = 0, [], None
    for row in rows:
        key = order(row["id"])
        if previous is not None and key < previous:
            cluster += 1
        result.append(cluster)
        previous = key
    assert cluster + 1 == 10, f"expected 10 DUC clusters, found {cluster + 1}"
    return result


def duc_date(row):
    identifier = row["id"]
    match = re.match(r"(AP|LA|WSJ)(\d{6})", identifier)
    if match:
        digits = match.group(2)
        if match.group(1) == "LA":  # LA ids are mmddyy
            month, day, year = digits[0:2], digits[2:4], digits[4:6]
        else:
            year, month, day = digits[0:2], digits[2:4], digits[4:6]
        return f"19{year}-{month}-{day}"
    match = re.match(r"FT (\d\d) ([A-Z]{3}) (\d\d)", row.get("title") or "")
    if match and match.group(2) in MONTHS:
        return f"19{match.group(3)}-{MONTHS.index(match.group(2)) + 1:02d}-{match.group(1)}"
    return None


def gum_date(row):
    match = re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December) "
                      r"(\d{1,2}), (\d{4})", row["article"][:300])
    if not match:
        return None
    month = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"].index(match.group(1).lower()) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"


SITES = [
    ("Home | World | Business | Sport | Weather\nAdvertisement",
     "Share this article on Facebook, Twitter or by email.\n© {year} The Northern Courier. All rights reserved.\n"
     "Read more: {r1} · {r2}"),
    ("Skip to main content\nMenu Search Sign in\nLatest news",
     "Related stories\n{r1}\n{r2}\n{r3}\nComments are closed.\nCopyright {year} Valley Post Media Ltd"),
    ("THE DAILY LEDGER — Independent news since 1889",
     "This story was distributed by a wire service. Tags: news, {cat}\nMost read: {r1}; {r2}\n"
     "Subscribe to our newsletter for the day's top stories."),
    ("Breaking | Live | Video | Opinion",
     "Like this story? Share it.\nMore from {cat}: {r1} | {r2}\nTerms of use · Privacy · Cookies"),
]


def boilerplate(title, body, rng, others, category):
    """The page a syndication site makes of the story: its header, the headline, the body, its footer."""
    header, footer = rng.choice(SITES)
    related = rng.sample(others, 3)
    footer = footer.format(year=rng.choice([2004, 2005]), r1=related[0], r2=related[1], r3=related[2], cat=category)
    return header + "\n\n" + title + "\n\n" + body + "\n\n" + footer


def edited_headline(title, body_paragraphs, rng):
    choice = rng.randrange(4)
    if choice == 0:
        return rng.choice(["UPDATE: ", "Exclusive: ", "Latest: ", "WATCH: "]) + title
    if choice == 1:
        return title + rng.choice([" - report", " (updated)", " | Business news", " – sources"])
    if choice == 2:
        first = re.split(r"(?<=[.!?])\s", body_paragraphs[0])[0] if body_paragraphs else title
        return " ".join(first.split()[:12])
    tokens = title.split()
    if len(tokens) > 3:
        cut = rng.randrange(1, len(tokens) - 1)
        return " ".join(tokens[cut:] + ["-"] + tokens[:cut])
    return title.upper()


AMERICAN = {"organisation": "organization", "defence": "defense", "colour": "color", "centre": "center",
            "labour": "labor", "programme": "program", "favour": "favor", "realise": "realize"}


def copy_edit(body_paragraphs, rng):
    sentences = [re.split(r"(?<=[.!?])\s+", p) for p in body_paragraphs]
    flat = [(i, j) for i, group in enumerate(sentences) for j in range(len(group))]
    if len(flat) > 3:
        i, j = rng.choice(flat[1:])
        sentences[i].pop(j)
    text = "\n\n".join(" ".join(group) for group in sentences if group)
    text = re.sub(r"\bsaid\b", "says", text) if rng.random() < 0.5 else re.sub(r"\bsays\b", "said", text)
    for british, american in AMERICAN.items():
        text = text.replace(british, american)
    return re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 1) if rng.random() < 0.3 else m.group(1), text)


def reformat(title, body_paragraphs, rng):
    body = "\n".join(" \n".join(re.split(r"(?<=[.!?])\s+", p)) for p in body_paragraphs)
    return (title.upper() if rng.random() < 0.5 else title.lower()), "  " + body.replace(". ", ".  ") + "\n"


KINDS = ["boilerplate", "headline", "trim", "trim+boilerplate", "reorder", "edit", "reformat"]


def variant(kind, title, body_paragraphs, rng, others, category):
    """The copy's headline and its whole text."""
    if kind == "reformat":
        new_title, body = reformat(title, body_paragraphs, rng)
        return new_title, new_title + "\n\n" + body
    parts = list(body_paragraphs)
    new_title = title
    if kind.startswith("trim"):
        keep = max(1, round(len(parts) * rng.uniform(0.5, 0.8)))
        parts = parts[:keep]
    if kind == "reorder" and len(parts) > 2:
        rest = parts[1:]
        rng.shuffle(rest)
        parts = parts[:1] + rest
    if kind == "headline":
        new_title = edited_headline(title, parts, rng)
    body = copy_edit(parts, rng) if kind == "edit" else "\n\n".join(parts)
    if kind in ("boilerplate", "headline", "trim+boilerplate"):
        return new_title, boilerplate(new_title, body, rng, others, category)
    return new_title, new_title + "\n\n" + body


def bbc_items(data):
    rows = read_jsonl(os.path.join(data, "summ/bbc/tune.jsonl"))
    kept, kept_shingles, dropped = [], [], 0
    per_category = {}
    for row in rows:
        category = row["category"]
        if per_category.get(category, 0) >= 100:
            continue
        body = paragraphs(row["article"])
        title = (row.get("title") or "").strip()
        if body and title and body[0].strip() == title:
            body = body[1:]
        if len(body) < 3:
            continue
        sh = shingles(" ".join(body))
        if any(jaccard(sh, other) > 0.3 for other in kept_shingles):
            dropped += 1
            continue
        kept.append({"id": "bbc/" + row["id"], "title": title, "body": body, "date": None, "category": category})
        kept_shingles.append(sh)
        per_category[category] = per_category.get(category, 0) + 1
    return kept, dropped


def duc_items(data):
    rows = read_jsonl(os.path.join(data, "keyphrases/duc2001/dev.jsonl"))
    clusters = duc_clusters(rows)
    items = []
    for row, cluster in zip(rows, clusters):
        body = paragraphs(row["article"])
        if len(body) == 1:  # DUC bodies often come as one paragraph: cut it every four sentences
            sentences = re.split(r"(?<=[.!?])\s+", body[0])
            body = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
        items.append({"id": "duc/" + row["id"], "title": (row.get("title") or "").strip(), "body": body,
                      "date": duc_date(row), "category": f"duc-topic-{cluster + 1:02d}"})
    return items


def document(identifier, title, body, date, group, kind, text=None):
    if text is None:
        text = (title + "\n\n" + body) if title else body
    return {"id": identifier, "title": title, "text": text, "date": date, "group": group, "kind": kind}


def mark_source_repeats(items):
    """Gives a DUC article that repeats an earlier one (3-shingle Jaccard > 0.3 or containment > 0.8:
    wire copy printed by two papers) the earlier one's group. Returns the number of such articles."""
    seen = []
    repeats = 0
    for item in items:
        sh = shingles(" ".join(item["body"]))
        item["group"] = item["id"]
        for other, other_sh in seen:
            shared = len(sh & other_sh)
            if jaccard(sh, other_sh) > 0.3 or shared / max(1, min(len(sh), len(other_sh))) > 0.8:
                item["group"] = other["group"]
                repeats += 1
                break
        seen.append((item, sh))
    return repeats


def make_duplicates(data, rng):
    bbc, dropped = bbc_items(data)
    duc = duc_items(data)
    for item in bbc:
        item["group"] = item["id"]
    repeats = mark_source_repeats(duc)
    titles = [item["title"] for item in bbc if item["title"]]
    documents = []
    for items, with_copies in ((bbc, 250), (duc, 30)):
        chosen = set(rng.sample(range(len(items)), with_copies))
        for index, item in enumerate(items):
            kind = "original" if item["group"] == item["id"] else "source-repeat"
            documents.append(document(item["id"], item["title"], "\n\n".join(item["body"]), item["date"],
                                      item["group"], kind))
            if index not in chosen:
                continue
            for copy in range(rng.randint(1, 3)):
                kind = rng.choice(KINDS)
                others = [t for t in titles if t != item["title"]]
                title, text = variant(kind, item["title"], item["body"], rng, others, item["category"].split("-")[0])
                documents.append(document(f"{item['id']}~{copy + 1}", title, None, item["date"], item["group"], kind,
                                          text=text))
    rng.shuffle(documents)
    return documents, dropped, repeats


def make_stories(data, rng):
    documents = []
    for item in duc_items(data):
        documents.append(document(item["id"], item["title"], "\n\n".join(item["body"]), item["date"],
                                  item["category"], "duc"))
    for row in read_jsonl(os.path.join(data, "summ/cnndm/dev.jsonl")):
        documents.append(document("cnndm/" + row["id"], "", row["article"], None, "cnndm/" + row["id"], "single"))
    for row in read_jsonl(os.path.join(data, "summ/gum-news/summaries.jsonl")):
        documents.append(document("gum/" + row["id"], "", row["article"], gum_date(row), "gum/" + row["id"], "single"))
    rng.shuffle(documents)
    return documents


def write(path, documents):
    with open(path, "w", encoding="utf-8") as handle:
        for item in documents:
            handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    duplicates, dropped, repeats = make_duplicates(data, random.Random(SEED))
    write(os.path.join(out, "duplicates.jsonl"), duplicates)
    stories = make_stories(data, random.Random(SEED + 1))
    write(os.path.join(out, "stories.jsonl"), stories)
    copies = sum(1 for d in duplicates if d["kind"] != "original")
    print(f"duplicates.jsonl: {len(duplicates)} documents, {copies} copies "
          f"({dropped} BBC articles dropped as near-repeats of earlier ones; {repeats} DUC articles repeat an "
          "earlier one and share its group)")
    print(f"stories.jsonl: {len(stories)} documents, {len(set(d['group'] for d in stories))} gold stories")


if __name__ == "__main__":
    main()
