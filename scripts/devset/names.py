#!/usr/bin/env python3
"""Institution dev set: NewsKB's `institution` mentions against people-labelled ORG spans.

Sources (fetched, never committed; see scripts/devset/README.md):
  pd    People's Daily 1998 NER, dev split (example.dev: one character and a BIO tag a line,
        a blank line between sentences). Mainland news, Simplified.
  uner  Universal NER Chinese-GSD, train split (zh_gsd-ud-train.iob2: CoNLL words with
        IOB2 tags). Traditional Chinese Wikipedia. CC BY-SA 4.0.

Each sentence becomes one JSONL input (id = source:ordinal); the binary's institution
mentions are matched to gold ORG spans on exact character offsets, and (the `loose`
columns) the way ../shared/eval/score.py matches them: within a sentence, one name to one
gold name whose text contains it or is contained in it. Prints P/R/F1 per source; --misses/--extras list what went wrong, to read (never to copy into a lexicon one
by one: a rule needs a class of cases).
"""
import argparse, json, subprocess, sys, unicodedata
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


QUOTES = "「」『』《》〈〉“”‘’\"' \t\n\u3000"


def norm(s):
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c not in QUOTES)


def loose_matches(gold, found):
    """How many found texts pair one to one with gold texts that contain them or that they
    contain (score.py's rule; Kuhn's augmenting paths)."""
    g, f = [norm(x) for x in gold], [norm(x) for x in found]
    adj = [[j for j, y in enumerate(f) if x and y and (x in y or y in x)] for x in g]
    owner = {}

    def augment(i, seen):
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(g)):
        augment(i, set())
    return owner


def prf(tp, found, gold):
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


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
    ap.add_argument("--loose", action="store_true", help="list misses and extras by the loose rule")
    a = ap.parse_args()
    sources = [(n, r, p, reg) for n, r, p, reg in
               [("pd", read_pd, a.pd, "CN"), ("uner", read_uner, a.uner, None)] if p]
    if not sources:
        ap.error("give --pd and/or --uner")
    print("| source | sentences | gold | found | tp | P | R | F1 | loose P | loose R | loose F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    report = []
    for name, reader, path, region in sources:
        sents = list(reader(path))
        docs = [(f"{name}:{i}", t) for i, (t, _) in enumerate(sents)]
        found = run(a.bin, a.pipeline, docs, region)
        tp = fp = fn = loose = 0
        misses, extras, loose_misses, loose_extras = Counter(), Counter(), Counter(), Counter()
        for (doc_id, text), (_, gold) in zip(docs, sents):
            g, f = set(gold), found.get(doc_id, set())
            tp += len(g & f); fp += len(f - g); fn += len(g - f)
            gl, fl = sorted(g), sorted(f)
            owner = loose_matches([text[s:e] for s, e in gl], [text[s:e] for s, e in fl])
            loose += len(owner)
            for i, (s, e) in enumerate(gl):
                if i not in owner.values(): loose_misses[text[s:e]] += 1
            for j, (s, e) in enumerate(fl):
                if j not in owner: loose_extras[text[s:e]] += 1
            for s, e in g - f: misses[text[s:e]] += 1
            for s, e in f - g: extras[text[s:e]] += 1
        p, r, f1 = prf(tp, tp + fp, tp + fn)
        lp, lr, lf = prf(loose, tp + fp, tp + fn)
        print(f"| {name} | {len(sents)} | {tp + fn} | {tp + fp} | {tp} | {p:.3f} | {r:.3f} | {f1:.3f} | {lp:.3f} | {lr:.3f} | {lf:.3f} |")
        report.append((name, loose_misses, loose_extras) if a.loose else (name, misses, extras))
    for name, misses, extras in report:
        if a.misses:
            print(f"\n{name}: missed", ", ".join(f"{k}×{v}" for k, v in misses.most_common(a.misses)))
        if a.extras:
            print(f"\n{name}: not gold", ", ".join(f"{k}×{v}" for k, v in extras.most_common(a.extras)))


if __name__ == "__main__":
    sys.exit(main())
