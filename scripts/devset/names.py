#!/usr/bin/env python3
"""Institution dev set: NewsKB's `institution` mentions against people-labelled ORG spans.

Sources (fetched, never committed; see scripts/devset/README.md):
  pd    People's Daily 1998 NER, dev split (example.dev: one character and a BIO tag a line,
        a blank line between sentences). Mainland news, Simplified.
  uner  Universal NER Chinese-GSD, train split (zh_gsd-ud-train.iob2: CoNLL words with
        IOB2 tags). Traditional Chinese Wikipedia. CC BY-SA 4.0.

Each sentence becomes one JSONL input (id = source:ordinal); the binary's institution
mentions are matched to gold ORG spans on exact character offsets. Prints P/R/F1 per
source; --misses/--extras list what went wrong, to read (never to copy into a lexicon one
by one: a rule needs a class of cases).
"""
import argparse, json, subprocess, sys
from collections import Counter


def read_pd(path):
    """Yields (text, [(start, end)]) per sentence of a character-per-line BIO file."""
    chars, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if chars:
                yield "".join(chars), spans(tags)
            chars, tags = [], []
            continue
        parts = line.split()
        if len(parts) == 1:  # a space character's line
            chars.append(" "); tags.append(parts[0]); continue
        chars.append(parts[0]); tags.append(parts[-1])
    if chars:
        yield "".join(chars), spans(tags)


def read_uner(path):
    """Yields (text, [(start, end)]) per sentence of a CoNLL IOB2 file, words joined with no space."""
    text, tags = "", []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if text:
                yield text, spans(tags)
            text, tags = "", []
            continue
        cols = line.split("\t")
        word, tag = cols[1], cols[2]
        for i, _ in enumerate(word):
            tags.append(tag if i == 0 or not tag.startswith("B-") else "I-" + tag[2:])
        text += word
    if text:
        yield text, spans(tags)


def spans(tags, label="ORG"):
    out, start = [], None
    for i, t in enumerate(tags + ["O"]):
        inside = t.endswith("-" + label) or t == "I-" + label
        if start is not None and (not inside or t.startswith("B-")):
            out.append((start, i)); start = None
        if inside and start is None:
            start = i
    return out


def run(binary, pipeline, docs, region):
    lines = "".join(json.dumps({"id": i, "text": t, "region": region} if region else {"id": i, "text": t},
                               ensure_ascii=False) + "\n" for i, t in docs)
    cmd = [binary, "extract", "--allow-rejected", "-"]
    if pipeline:
        cmd[2:2] = ["--pipeline", pipeline]
    out = subprocess.run(cmd, input=lines.encode(), capture_output=True, check=True).stdout
    found = {}
    for line in out.decode().splitlines():
        r = json.loads(line)
        if r.get("kind") == "mention" and r.get("type") == "institution":
            found.setdefault(r["doc_id"], set()).add((r["start"], r["end"]))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pd", help="People's Daily example.dev")
    ap.add_argument("--uner", help="UNER zh_gsd-ud-train.iob2")
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--pipeline")
    ap.add_argument("--misses", type=int, default=0, help="list N missed gold names per source")
    ap.add_argument("--extras", type=int, default=0, help="list N found names that are not gold")
    a = ap.parse_args()
    sources = [(n, r, p, reg) for n, r, p, reg in
               [("pd", read_pd, a.pd, "CN"), ("uner", read_uner, a.uner, None)] if p]
    if not sources:
        ap.error("give --pd and/or --uner")
    print("| source | sentences | gold | found | tp | P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    report = []
    for name, reader, path, region in sources:
        sents = list(reader(path))
        docs = [(f"{name}:{i}", t) for i, (t, _) in enumerate(sents)]
        found = run(a.bin, a.pipeline, docs, region)
        tp = fp = fn = 0
        misses, extras = Counter(), Counter()
        for (doc_id, text), (_, gold) in zip(docs, sents):
            g, f = set(gold), found.get(doc_id, set())
            tp += len(g & f); fp += len(f - g); fn += len(g - f)
            for s, e in g - f: misses[text[s:e]] += 1
            for s, e in f - g: extras[text[s:e]] += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {name} | {len(sents)} | {tp + fn} | {tp + fp} | {tp} | {p:.3f} | {r:.3f} | {f1:.3f} |")
        report.append((name, misses, extras))
    for name, misses, extras in report:
        if a.misses:
            print(f"\n{name}: missed", ", ".join(f"{k}×{v}" for k, v in misses.most_common(a.misses)))
        if a.extras:
            print(f"\n{name}: not gold", ", ".join(f"{k}×{v}" for k, v in extras.most_common(a.extras)))


if __name__ == "__main__":
    sys.exit(main())
