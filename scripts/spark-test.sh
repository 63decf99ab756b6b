#!/usr/bin/env bash
# make spark-test: the Spark job in local[2] over a generated corpus, with bad inputs among
# the good ones, must give, after `newskb load`, exactly the export of a single-process
# `newskb ingest` of the same manifest: the same documents and the same error records.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=.venv-spark
OUT=${SPARK_TEST_DIR:-$ROOT/out/spark-test}
if ! command -v java >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "spark-test: installing Java 17 (openjdk-17-jre-headless)"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless
  else
    echo "spark-test: Java 17 is needed (sudo apt-get install -y openjdk-17-jre-headless)"; exit 2
  fi
fi
# A virtual environment of our own, never committed (a stale link from an old checkout is removed).
if [ -L "$VENV" ] && [ ! -e "$VENV" ]; then rm -f "$VENV"; fi
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import pyspark" 2>/dev/null || "$VENV/bin/pip" install -q pyspark
# A binary with the Swift runtime linked in, as it would be shipped to workers.
swift build -c release --static-swift-stdlib --scratch-path .build-static
BIN="$ROOT/.build-static/release/newskb"
rm -rf "$OUT" && mkdir -p "$OUT"
python3 ../shared/bench/make_corpus.py "$OUT/corpus" --mb "${SPARK_TEST_MB:-2}" >/dev/null
# Bad inputs among the good: an empty page, binary data, a truncated gzip, a JSONL file with
# a broken line between good ones, and a path that does not exist on the workers.
BAD="$OUT/corpus/html"
: > "$BAD/empty.html"
head -c 4096 /dev/urandom > "$BAD/binary.html"
head -c 2000 "$BAD/$(ls "$BAD" | head -1)" | gzip -c | head -c 300 > "$BAD/cut.html.gz"
printf '%s\n' '{"id":"feed-1","published":"2024-06-20","text":"政府撥款5億元推行新計劃。"}' '{"id":"feed-2","text":' \
  '{"id":"feed-3","published":"2024-06-21","text":"創新科技署撥款3億元。"}' > "$BAD/feed.jsonl"
{ find "$OUT/corpus/html" -type f | sort; echo "$OUT/corpus/html/missing-on-worker.html"; } > "$OUT/manifest.txt"
echo "spark-test: $(wc -l < "$OUT/manifest.txt") inputs, 5 of them bad"
"$VENV/bin/python" pipelines/spark/newskb_spark.py --master 'local[2]' --partitions 4 \
  --manifest "$OUT/manifest.txt" --output "$OUT/parts" --binary "$BIN" --pipelines "$ROOT/pipelines" --published 2024-06-20
"$BIN" load --kb "$OUT/spark.sqlite" "$OUT/parts"
# The single-process run of the same manifest; it exits 1 because of the bad inputs.
status=0
NEWSKB_PIPELINES="$ROOT/pipelines" "$BIN" ingest --kb "$OUT/single.sqlite" --published 2024-06-20 --paths-from-stdin \
  < "$OUT/manifest.txt" 2>"$OUT/ingest.log" || status=$?
[ "$status" = 1 ] || { echo "spark-test: FAILED — ingest of the manifest exited $status, not 1"; tail -5 "$OUT/ingest.log"; exit 1; }
"$BIN" export --kb "$OUT/spark.sqlite" --output "$OUT/spark.jsonl"
"$BIN" export --kb "$OUT/single.sqlite" --output "$OUT/single.jsonl"
errors=$(grep -c '"kind":"error"' "$OUT/spark.jsonl" || true)
[ "$errors" -ge 5 ] || { echo "spark-test: FAILED — $errors error records, expected one per bad input (5)"; exit 1; }
if cmp -s "$OUT/spark.jsonl" "$OUT/single.jsonl"; then
  echo "spark-test: passed — the merged Spark parts export exactly what one ingest exports ($(wc -l < "$OUT/spark.jsonl") records, $errors of them error records)"
else
  echo "spark-test: FAILED — exports differ:"; diff "$OUT/spark.jsonl" "$OUT/single.jsonl" > "$OUT/diff.txt" || true; head -c 2000 "$OUT/diff.txt"; exit 1
fi
