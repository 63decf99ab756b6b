#!/usr/bin/env bash
# make spark-test: the Spark job in local[2] over a generated corpus must give, after
# `newskb load`, exactly the export of a single-process `newskb ingest` of the same inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=.venv-spark
OUT=${SPARK_TEST_DIR:-$ROOT/out/spark-test}
command -v java >/dev/null || { echo "spark-test: Java 17 is needed (apt-get install -y openjdk-17-jre-headless)"; exit 2; }
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import pyspark" 2>/dev/null || "$VENV/bin/pip" install -q pyspark
# A binary with the Swift runtime linked in, as it would be shipped to workers.
swift build -c release --static-swift-stdlib --scratch-path .build-static
BIN="$ROOT/.build-static/release/newskb"
rm -rf "$OUT" && mkdir -p "$OUT"
python3 ../shared/bench/make_corpus.py "$OUT/corpus" --mb "${SPARK_TEST_MB:-2}" >/dev/null
# The corpus names each article the same in txt/ and html/; one kind keeps doc ids unique.
find "$OUT/corpus/html" -type f | sort > "$OUT/manifest.txt"
echo "spark-test: $(wc -l < "$OUT/manifest.txt") inputs"
"$VENV/bin/python" pipelines/spark/newskb_spark.py --master 'local[2]' --partitions 4 \
  --manifest "$OUT/manifest.txt" --output "$OUT/parts" --binary "$BIN" --pipelines "$ROOT/pipelines" --published 2024-06-20
"$BIN" load --kb "$OUT/spark.sqlite" "$OUT/parts"
"$BIN" ingest --kb "$OUT/single.sqlite" --published 2024-06-20 "$OUT/corpus/html" 2>/dev/null || true
"$BIN" export --kb "$OUT/spark.sqlite" --output "$OUT/spark.jsonl"
"$BIN" export --kb "$OUT/single.sqlite" --output "$OUT/single.jsonl"
if cmp -s "$OUT/spark.jsonl" "$OUT/single.jsonl"; then
  echo "spark-test: passed — the merged Spark parts export exactly what one ingest exports ($(wc -l < "$OUT/spark.jsonl") records)"
else
  echo "spark-test: FAILED — exports differ:"; diff "$OUT/spark.jsonl" "$OUT/single.jsonl" > "$OUT/diff.txt" || true; head -c 2000 "$OUT/diff.txt"; exit 1
fi
