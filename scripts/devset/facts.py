#!/usr/bin/env python3
"""Funding-fact dev set: NewsKB's `fact` records against fixtures/devset/facts.tsv.

Every sentence of the sources (People's Daily 1998 NER dev and test splits, region CN, published
1998-06-15; UNER Chinese-GSD train, published 2015-06-15) is one JSONL input, numbered as
names.py numbers them. A found fact is right when a gold row of its sentence names its
recipient's surface and has its amount's min; a fact matching an `optional` row counts neither
way. Prints precision and recall, the share of right facts with a right funder, and every
fact found with its verdict (--list). A funder is right as ../shared/eval/score.py judges one: its text
contains a gold surface or is contained in one, or it is null where the row allows none. The Hong Kong
pages' rows also give the fact's date; a date is right as score.py judges one (the same start and end,
or a null or published date where the row allows none).
"""
import argparse, json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from names import norm, read_pd, read_uner


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pd", help="People's Daily example.dev")
    ap.add_argument("--pd-test", help="People's Daily example.test")
    ap.add_argument("--uner", help="UNER zh_gsd-ud-train.iob2")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--gold", default=os.path.join(here, "../../fixtures/devset/facts.tsv"))
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--list", action="store_true", help="print every fact found with its verdict")
    ap.add_argument("--hk", help="a directory of the Hong Kong pages of fixtures/devset/facts-hk.tsv, as <file>.txt; "
                                 "scores those instead of the sentence sources")
    ap.add_argument("--hk-gold", default=os.path.join(here, "../../fixtures/devset/facts-hk.tsv"))
    a = ap.parse_args()

    if a.hk:
        return score(*hk_inputs(a), a)
    return score(*sentence_inputs(a), a)


def hk_inputs(a):
    """The Hong Kong pages (region HK, their own published dates) and their gold rows."""
    lines, gold, seen, missing = [], {}, set(), set()
    for row in open(a.hk_gold, encoding="utf-8"):
        if row.startswith("#") or row.startswith("file\t") or not row.strip():
            continue
        file, published, status, rec, mn, funder, date = row.rstrip("\n").split("\t")
        path = os.path.join(a.hk, file + ".txt")
        if file not in seen:
            seen.add(file)
            if not os.path.exists(path):   # a page not saved: left out, and said so
                missing.add(file)
                continue
            text = open(path, encoding="utf-8").read()
            lines.append(json.dumps({"id": file, "text": text, "published": published, "region": "HK"}, ensure_ascii=False))
        if file in missing:
            continue
        if status != "none":   # a page that states no fact: read for precision only
            gold.setdefault(file, []).append(gold_row(status, rec, mn, funder, date))
    if missing:
        print(f"pages read: {len(seen) - len(missing)} of {len(seen)}; not saved in {a.hk}: {', '.join(sorted(missing))}", file=sys.stderr)
    return lines, gold


def gold_row(status, rec, mn, funder, date=None):
    return {"status": status, "recipient": rec.split("|"), "min": int(mn),
            "funder": [None if f == "-" else f for f in funder.split("|")], "found": False,
            "date": None if date is None else [None if d == "-" else span(d) for d in date.split("|")]}


def span(d):
    """A gold date written YYYY, YYYY-MM or YYYY-MM-DD as its first and last day."""
    import calendar
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 1:
        return (f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31")
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return (f"{parts[0]:04d}-{parts[1]:02d}-01", f"{parts[0]:04d}-{parts[1]:02d}-{last:02d}")
    return (d, d)


def date_ok(fact, allowed):
    """score.py's rule: a null gold date takes a null date or the published one; else start and end agree."""
    d = fact.get("date")
    for a in allowed:
        if a is None and (d is None or fact.get("date_source") == "published"):
            return True
        if a is not None and d and (d.get("start", "")[:10], d.get("end", "")[:10]) == a:
            return True
    return False


def sentence_inputs(a):
    """Every sentence of the People's Daily and UNER sources, and the gold rows of facts.tsv."""
    lines = []
    for name, path, reader, region, published in [("pd", a.pd, read_pd, "CN", "1998-06-15"),
                                                 ("pdtest", a.pd_test, read_pd, "CN", "1998-06-15"),
                                                 ("uner", a.uner, read_uner, None, "2015-06-15")]:
        for i, (text, _) in enumerate(reader(path)):
            r = {"id": f"{name}:{i}", "text": text, "published": published}
            if region:
                r["region"] = region
            lines.append(json.dumps(r, ensure_ascii=False))
    gold = {}
    for row in open(a.gold, encoding="utf-8"):
        if row.startswith("#") or row.startswith("id\t") or not row.strip():
            continue
        id_, status, rec, mn, funder = row.rstrip("\n").split("\t")
        gold.setdefault(id_, []).append(gold_row(status, rec, mn, funder))
    return lines, gold


def funder_ok(text, allowed):
    """score.py's rule: a null funder where the row allows none; else the found funder's text
    contains an allowed surface or is contained in one (香港立法会 for 立法会)."""
    if not text:
        return None in allowed
    t = norm(text)
    return any(a and (norm(a) in t or t in norm(a)) for a in allowed)


def score(lines, gold, a):
    out = subprocess.run([a.bin, "extract", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout

    found = [json.loads(l) for l in out.splitlines() if '"kind":"fact"' in l]
    tp = fp = right_funder = right_date = 0
    dated = any(g["date"] is not None for rows in gold.values() for g in rows)
    for f in found:
        mn = f["amount"]["min"]
        g = next((g for g in gold.get(f["doc_id"], []) if f["recipient_text"] in g["recipient"] and mn is not None and int(mn) == g["min"]), None)
        verdict = "wrong"
        if g and g["status"] == "optional":
            verdict = "optional"
            g["found"] = True
        elif g:
            tp += 1
            g["found"] = True
            ok = funder_ok(f.get("funder_text"), g["funder"])
            right_funder += ok
            dok = g["date"] is None or date_ok(f, g["date"])
            right_date += dok
            verdict = "right" + ("" if ok else " (funder wrong)") + ("" if dok else " (date wrong)")
        else:
            fp += 1
        if a.list:
            d = f.get("date") or {}
            print(f"{f['doc_id']}\t{f['recipient_text']}\t{mn}\t{f.get('funder_text')}\t{d.get('start')}/{f.get('date_source')}\t{verdict}")
    n = sum(1 for rows in gold.values() for g in rows if g["status"] == "in")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n if n else 0.0
    print(f"inputs {len(lines)}  gold facts {n}  found {len(found)}  right {tp}  wrong {fp}  "
          f"precision {p:.3f}  recall {r:.3f}  right funder {right_funder}/{tp}" + (f"  right date {right_date}/{tp}" if dated else ""))
    for id_, rows in gold.items():
        for g in rows:
            if g["status"] == "in" and not g["found"]:
                print(f"missed\t{id_}\t{g['recipient'][0]}\t{g['min']}")


if __name__ == "__main__":
    main()
