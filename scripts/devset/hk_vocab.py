#!/usr/bin/env python3
"""Hong Kong body words: which words of a Hong Kong news vocabulary that end like a body's name
NewsKB reads as one whole name.

The SIGHAN 2005 City University of Hong Kong training vocabulary (gold/cityu_training_words.utf8
of the icwb2 data; research use: read here, never committed) lists every word of a large Hong
Kong news corpus, bodies among them as one word each (立法會, 廉署, 食環署). Each word that ends
in a body's ending (局, 署, 處, 會, 院 …) is put in one neutral sentence and counted as found when
a name of exactly that text comes back. Not a precision/recall figure (the list holds words that
are no bodies: 布局, 交界處); `--list` prints both sides to read, by ending.

  git -C /work/.mirror/yuikns+icwb2-data/repo show HEAD:gold/cityu_training_words.utf8 > /tmp/devdata/cityu-words.utf8
  python3 scripts/devset/hk_vocab.py /tmp/devdata/cityu-words.utf8 [--list]
"""
import argparse, collections, json, subprocess, sys

ENDINGS = "局 署 處 部 會 委 院 團 隊 社 黨 廳 司 報 台 所 行 廠 中心 公司 大學 學院 中學 小學 學校 銀行 集團 基金 計劃".split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("words")
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    words = [w.strip() for w in open(a.words, encoding="utf-8") if w.strip()]
    sel = [w for w in words if any(w.endswith(e) and len(w) > len(e) for e in ENDINGS)]
    inputs = "".join(json.dumps({"id": f"w{i}", "text": f"記者昨日與{w}的代表會面。", "published": "2003-06-01", "region": "HK"},
                                ensure_ascii=False) + "\n" for i, w in enumerate(sel))
    out = subprocess.run([a.bin, "extract", "--jobs", "2", "-"], input=inputs, capture_output=True, text=True).stdout
    found = collections.defaultdict(set)
    for line in out.splitlines():
        r = json.loads(line)
        if r.get("kind") == "mention" and r["type"] in ("institution", "programme"):
            found[r["doc_id"]].add(r["text"])
    whole = [w for i, w in enumerate(sel) if w in found[f"w{i}"]]
    print(f"words ending like a body: {len(sel)}; read as one whole name: {len(whole)}")
    if a.list:
        got = set(whole)
        for side, pick in (("found", lambda w: w in got), ("not found", lambda w: w not in got)):
            by = collections.defaultdict(list)
            for w in sel:
                if pick(w):
                    by[w[-1]].append(w)
            for end, ws in sorted(by.items(), key=lambda x: -len(x[1])):
                print(f"{side} …{end} ({len(ws)}): {' '.join(ws)}")


if __name__ == "__main__":
    main()
