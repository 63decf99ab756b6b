#!/usr/bin/env bash
# make bench: a deterministic corpus from ../shared/bench/make_corpus.py, release builds of
# extract and ingest, and a table of throughput and peak memory. Figures, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${BENCH_MB:-20}"
OUT="${BENCH_DIR:-bench-out}"
BIN=.build/release/newskb
MAKE_CORPUS=../shared/bench/make_corpus.py
[ -f "$MAKE_CORPUS" ] || { echo "bench: $MAKE_CORPUS not found (../shared must sit beside the checkout)"; exit 2; }
mkdir -p "$OUT"
if [ ! -f "$OUT/corpus-$MB/news.jsonl" ]; then
  python3 "$MAKE_CORPUS" "$OUT/corpus-$MB" --mb "$MB"
fi
C="$OUT/corpus-$MB"
chars=$(python3 -c "
import json,sys
n=0
for l in open('$C/news.jsonl', encoding='utf-8'):
    r=json.loads(l); n+=len(r.get('text',''))+len(r.get('title',''))
print(n)")
docs=$(wc -l < "$C/news.jsonl")
bytes=$(stat -c %s "$C/news.jsonl")

measure() { # label, command...
  local label="$1"; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss.txt" "$@" > /dev/null 2> "$OUT/stderr.txt"
  t1=$(date +%s.%N)
  rss=$(tail -1 "$OUT/rss.txt")
  echo "$t0 $t1" > "$OUT/last-times.txt"
  python3 - "$label" "$t0" "$t1" "$rss" "$chars" "$docs" "$bytes" <<'PY'
import sys
label, t0, t1, rss, chars, docs, size = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
s = t1 - t0
print(f"{label:<34}{chars/s:>14,.0f}{docs/s:>10,.0f}{size/1e6/s:>8.1f}{s:>9.2f}{rss/1024:>9.0f}")
PY
}

echo "corpus: $docs articles, $chars characters, $((bytes / 1000000)) MB of JSONL ($C)"
echo
echo "== per stage, one core (newskb bench) =="
"$BIN" bench "$C/news.jsonl" | tee "$OUT/stages.txt"
icu_ms=$(awk '/^bare ICU word break/ {gsub(",", "", $8); print $8}' "$OUT/stages.txt")
echo
echo "== end to end =="
printf "%-34s%14s%10s%8s%9s%9s\n" "command" "chars/s" "docs/s" "MB/s" "seconds" "RSS MB"
# One-core extract three times: the table shows each run, the ratio below uses the fastest.
extract_s=""
for run in 1 2 3; do
  measure "extract --jobs 1 (JSONL) run $run" "$BIN" extract --jobs 1 "$C/news.jsonl"
  s=$(awk '{print $2 - $1}' "$OUT/last-times.txt")
  extract_s=$(python3 -c "print(min(float('$s'), float('${extract_s:-1e9}')))")
done
measure "extract --jobs 2 (JSONL)" "$BIN" extract --jobs 2 "$C/news.jsonl"
measure "extract --jobs 2 (HTML, UTF-8+Big5)" "$BIN" extract --jobs 2 "$C/html"
rm -f "$OUT/bench.sqlite" "$OUT/bench.sqlite-wal" "$OUT/bench.sqlite-shm"
measure "ingest --jobs 1 (txt files)" "$BIN" ingest --kb "$OUT/bench.sqlite" --jobs 1 "$C/txt"
rm -f "$OUT/bench.sqlite" "$OUT/bench.sqlite-wal" "$OUT/bench.sqlite-shm"
measure "ingest --jobs 2 (txt files)" "$BIN" ingest --kb "$OUT/bench.sqlite" --jobs 2 "$C/txt"
measure "ingest again (all unchanged)" "$BIN" ingest --kb "$OUT/bench.sqlite" --jobs 2 "$C/txt"
echo
python3 - "$extract_s" "$icu_ms" <<'PY'
import sys
extract_s, icu_ms = float(sys.argv[1]), float(sys.argv[2])
print(f"extract --jobs 1, end to end with reading and writing (fastest run): {extract_s:.2f} s = {extract_s * 1000 / icu_ms:.1f}× the {icu_ms / 1000:.2f} s of bare ICU word break on the same text (fastest pass)")
PY

echo
echo "== scaling: one document of 1, 4 and 16 MB (extract --jobs 1; time and memory should grow linearly) =="
S="$OUT/scaling"
python3 scripts/make_scaling_inputs.py "$S"
printf "%-10s%6s%12s%10s%9s%9s%12s\n" "kind" "MB" "mentions" "seconds" "RSS MB" "s/MB" "RSS MB/MB"
for kind in dense sparse; do
  for mb in 1 4 16; do
    f="$S/$kind-${mb}mb.txt"
    t0=$(date +%s.%N)
    # --max-mentions above the 16 MB dense document's ~700,000, so the table measures scaling, not the bound.
    /usr/bin/time -f "%M" -o "$OUT/rss.txt" "$BIN" extract --jobs 1 --max-mentions 2000000 --published 2024-06-20 "$f" > "$OUT/scaling.jsonl" 2>/dev/null || true
    t1=$(date +%s.%N)
    n=$(grep -c '"kind":"mention"' "$OUT/scaling.jsonl" || true)
    python3 -c "
import sys
kind, mb, n, t0, t1, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
s = t1 - t0; r = rss / 1024
print(f'{kind:<10}{mb:>6}{n:>12,}{s:>10.2f}{r:>9.0f}{s/mb:>9.3f}{r/mb:>12.1f}')" "$kind" "$mb" "$n" "$t0" "$t1" "$(tail -1 "$OUT/rss.txt")"
  done
done
echo
echo "== a WARC.gz whose one record declares 4 GiB (read past, never held) =="
rm -f "$OUT/warc.sqlite" "$OUT/warc.sqlite-wal" "$OUT/warc.sqlite-shm"
t0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$OUT/rss.txt" "$BIN" ingest --kb "$OUT/warc.sqlite" "$S/declares-4gib.warc.gz" > /dev/null 2> "$OUT/warc.log" || true
t1=$(date +%s.%N)
python3 -c "
import sys
print(f'ingest of {sys.argv[1]} ({int(sys.argv[2]) // 1000} KB on disk): {float(sys.argv[4]) - float(sys.argv[3]):.1f} s, peak RSS {int(sys.argv[5]) // 1024} MB')" \
  "$S/declares-4gib.warc.gz" "$(stat -c %s "$S/declares-4gib.warc.gz")" "$t0" "$t1" "$(tail -1 "$OUT/rss.txt")"
grep -o 'added=[0-9]* [^ ]* [^ ]* rejected=[0-9]*' "$OUT/warc.log" || true

echo
KB_DOCS="${BENCH_KB_DOCS:-100000}"
echo "== a knowledge base of $KB_DOCS generated articles: ingest beside extract (--jobs 2), search, facts, report =="
K="$OUT/corpus-kb-$KB_DOCS"
if [ ! -f "$K/news.jsonl" ]; then
  mkdir -p "$K"
  python3 "$MAKE_CORPUS" "$K/full" --mb "$(python3 -c "print(round($KB_DOCS * 3300 / 1e6 + 1))")" > /dev/null
  head -n "$KB_DOCS" "$K/full/news.jsonl" > "$K/news.jsonl"
  rm -rf "$K/full"
fi
kb_docs=$(wc -l < "$K/news.jsonl")
timed() { # label, command...: prints seconds and peak RSS, and leaves the seconds in $secs
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss.txt" "$@" > /dev/null 2> "$OUT/stderr.txt"
  t1=$(date +%s.%N)
  secs=$(python3 -c "print($t1 - $t0)")
  python3 -c "
import sys
label, s, docs, rss = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f'{label:<34}{docs/s:>10,.0f} docs/s{s:>9.1f} s{rss/1024:>8.0f} MB peak RSS')" "$label" "$secs" "$kb_docs" "$(tail -1 "$OUT/rss.txt")"
}
timed "extract --jobs 2 (JSONL)" "$BIN" extract --jobs 2 "$K/news.jsonl"
extract_kb_s=$secs
rm -f "$OUT/kb.sqlite" "$OUT/kb.sqlite-wal" "$OUT/kb.sqlite-shm"
timed "ingest --jobs 2 (JSONL)" "$BIN" ingest --kb "$OUT/kb.sqlite" --jobs 2 "$K/news.jsonl"
ingest_kb_s=$secs
python3 -c "print(f'ingest runs at {float(\"$extract_kb_s\") / float(\"$ingest_kb_s\"):.2f}x the docs/s of extract on two jobs')"
"$BIN" bench-kb --kb "$OUT/kb.sqlite" 2> /dev/null
