#!/usr/bin/env python3
"""Money and date dev set: NewsKB's date and money mentions against fixtures/devset/dates-money.tsv.

The gold file holds ids, offsets, surfaces and values, not the sentences: they are rebuilt from
the same sources as scripts/devset/names.py (People's Daily example.dev, UNER zh_gsd train), so
research-only text stays out of the repository. Each sentence runs as one input with no
published date (a relative date has no value then; its gold value is `?`, and only its span is
compared). A mention counts when type, span and value all match; money values are min..max
(currency is not compared: a Wikipedia sentence has no paper's region).

  python3 scripts/devset/dates_money.py --pd PATH/example.dev --uner PATH/zh_gsd-ud-train.iob2
  python3 scripts/devset/dates_money.py --gold fixtures/devset/dates-money-check.tsv \
      --pd-test PATH/example.test --uner-dev PATH/zh_gsd-ud-dev.iob2
"""
import argparse, json, os, subprocess, sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
import names  # noqa: E402  (the readers)


def load_gold(path):
    ids, gold = [], []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("kind\t"):
            continue
        c = line.rstrip("\n").split("\t")
        if c[0] == "sentence":
            ids.append(c[1])
        elif c[0] == "mention":
            gold.append((c[1], int(c[2]), int(c[3]), c[4], c[5], c[6]))
    return ids, gold


def value_of(r):
    v = r.get("value") or {}
    if r["type"] == "date":
        return f"{v['start']}..{v['end']}" if v.get("start") else "?"
    lo, hi = v.get("min"), v.get("max")
    fmt = lambda x: "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))
    return f"{fmt(lo)}..{fmt(hi)}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pd", help="People's Daily example.dev (ids pd:N)")
    ap.add_argument("--uner", help="UNER zh_gsd-ud-train.iob2 (ids uner:N)")
    ap.add_argument("--pd-test", help="People's Daily example.test (ids pdtest:N, the check set)")
    ap.add_argument("--uner-dev", help="UNER zh_gsd-ud-dev.iob2 (ids unerdev:N, the check set)")
    ap.add_argument("--gold", default=os.path.join(os.path.dirname(__file__), "../../fixtures/devset/dates-money.tsv"))
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--errors", action="store_true", help="list every miss and every extra")
    a = ap.parse_args()
    ids, gold = load_gold(a.gold)
    texts = {}
    for name, reader, path in [("pd", names.read_pd, a.pd), ("uner", names.read_uner, a.uner),
                               ("pdtest", names.read_pd, a.pd_test), ("unerdev", names.read_uner, a.uner_dev)]:
        if not path:
            continue
        for i, (t, _) in enumerate(reader(path)):
            texts[f"{name}:{i}"] = t
    missing = sorted({d.split(":")[0] for d in ids if d not in texts})
    if missing:
        sys.exit(f"the gold file needs the source(s) {', '.join(missing)}: pass their files")
    for g in gold:   # the rebuilt text must be the text the gold was read from
        if texts[g[0]][g[1]:g[2]] != g[3]:
            sys.exit(f"{g[0]}: the source text differs at {g[1]}..{g[2]} ({texts[g[0]][g[1]:g[2]]!r} ≠ {g[3]!r}): wrong source file?")
    lines = "".join(json.dumps({"id": d, "text": texts[d], **({"region": "CN"} if d.startswith("pd") else {})},
                               ensure_ascii=False) + "\n" for d in ids)
    out = subprocess.run([a.bin, "extract", "--allow-rejected", "-"], input=lines.encode(), capture_output=True, check=True).stdout
    found = []
    for line in out.decode().splitlines():
        r = json.loads(line)
        if r.get("kind") == "mention" and r["type"] in ("date", "money"):
            found.append((r["doc_id"], r["start"], r["end"], r["text"], r["type"], value_of(r)))
    def key(m):  # a `?` gold value compares the span only
        return m[:5]
    gold_by = {key(g): g for g in gold}
    stats = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    errors = []
    matched = set()
    for f in found:
        src, t = f[0].split(":")[0], f[4]
        g = gold_by.get(key(f))
        if g and (g[5] == "?" or g[5] == f[5]):
            stats[(src, t)][0] += 1; matched.add(key(g))
        else:
            stats[(src, t)][1] += 1; errors.append(("extra", f, g))
    for g in gold:
        if key(g) not in matched:
            stats[(g[0].split(":")[0], g[4])][2] += 1; errors.append(("miss", g, None))
    print("| source | type | gold | found | tp | P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for (src, t) in sorted(stats):
        tp, fp, fn = stats[(src, t)]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {src} | {t} | {tp + fn} | {tp + fp} | {tp} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    if a.errors:
        for kind, m, g in errors:
            print(kind, m[0], m[3], m[4], m[5], "(gold " + g[5] + ")" if g else "")


if __name__ == "__main__":
    sys.exit(main())
