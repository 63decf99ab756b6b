#!/usr/bin/env python3
"""make datasette-check: serves a knowledge base with scripts/datasette/serve.sh on loopback
and checks what a user of Datasette relies on: the search box folds either script, every
canned query answers, and mentions link to their entities through the foreign key.

    scripts/datasette/check.py KB [PORT]
"""
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

kb, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8765
here = os.path.dirname(os.path.abspath(__file__))
server = subprocess.Popen([os.path.join(here, "serve.sh"), kb, "--host", "127.0.0.1", "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
base = f"http://127.0.0.1:{port}/newskb"
failures = []


def get(path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def check(label, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + label + (f"  ({detail})" if detail and not ok else ""))
    if not ok:
        failures.append(label)


try:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2)
            break
        except Exception:
            if server.poll() is not None:
                sys.exit("datasette did not start: " + server.stderr.read().decode())
            time.sleep(0.2)
    rows = get("/document.json", _search="半导体", _shape="array", _col="title")
    check("search box: 半导体 finds the article on 半導體", any("半導體" in (r.get("title") or "") for r in rows), rows)
    rows = get("/document.json", _search="卫生局", _shape="array", _col="title")
    check("search box: 卫生局 finds 醫務衞生局 (a Hong Kong variant)", len(rows) > 0, rows)
    hits = get("/search.json", q="半导体", _shape="array")
    check("canned query search answers", len(hits) > 0, hits)
    funding = get("/funding_by_programme_year.json", _shape="array")
    check("canned query funding_by_programme_year answers", len(funding) > 0 and all(r["currency"] for r in funding), funding[:2])
    facts = get("/funding_facts.json", name="創科基金", _shape="array")
    check("canned query funding_facts answers for an alias (創科基金)", len(facts) > 0, facts)
    mentions = get("/entity_mentions.json", name="创新科技及工业局", _shape="array")
    check("canned query entity_mentions finds 創科局 and its other names from the Simplified name",
          len({r["text"] for r in mentions}) >= 2, sorted({r["text"] for r in mentions}))
    amounts = get("/large_amounts.json", currency="hkd", at_least="1000000000", _shape="array")
    check("canned query large_amounts answers", len(amounts) > 0 and all(r["currency"] == "HKD" for r in amounts), amounts[:2])
    labelled = get("/mention.json", _labels="on", entity_id__notblank="1", _shape="array", _size="5")
    check("mentions link to their entity through the foreign key (label shown)",
          len(labelled) > 0 and all(isinstance(r["entity_id"], dict) and r["entity_id"].get("label") for r in labelled), labelled[:1])
finally:
    os.killpg(server.pid, 15)
    server.wait()
if failures:
    sys.exit(f"datasette-check: {len(failures)} failed")
print("datasette-check: all answered")
