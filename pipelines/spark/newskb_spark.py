#!/usr/bin/env python3
"""Runs NewsKB's extraction on Apache Spark: each partition is piped through
`newskb extract`, and the JSONL parts are written with saveAsTextFile. Merge them with
`newskb load --kb KB.sqlite OUTPUT/` on one machine (SQLite has one writer).

Input is either a manifest of file paths readable on every worker (one a line; .txt,
.html, .jsonl, .warc, maybe .gz) or, with --records, JSONL records (id, url, published,
region, title, text or html). Output lines are keyed by content, never by partition or
line number, so retried and speculative tasks are harmless.

An input that cannot be processed (an empty, binary or truncated file, a path that is
missing on the worker) becomes an error record in the output, and the task goes on:
`extract --allow-rejected` exits 0 for those, so `checkCode=True` fails a task only on a
real failure (the binary missing or crashing, output that cannot be written).

On a cluster:
  spark-submit --master yarn --deploy-mode cluster \\
    --files newskb --archives pipelines.tgz#pipelines \\
    pipelines/spark/newskb_spark.py --manifest hdfs:///news/manifest.txt --output hdfs:///news/kb-parts
"""
import argparse
import os

from pyspark import SparkConf, SparkContext


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--manifest", help="text file of input paths, one a line")
    src.add_argument("--records", help="JSONL input records")
    ap.add_argument("--output", required=True, help="folder for the JSONL parts (must not exist)")
    ap.add_argument("--binary", default="./newskb",
                    help="newskb as workers see it (shipped with --files: ./newskb); built with --static-swift-stdlib")
    ap.add_argument("--pipelines", default="./pipelines",
                    help="pipelines folder as workers see it (shipped with --archives pipelines.tgz#pipelines)")
    ap.add_argument("--pipeline", default="hk-news", help="pipeline name or file")
    ap.add_argument("--published", help="YYYY-MM-DD for inputs that carry no date")
    ap.add_argument("--region", help="region (HK, CN, TW…) for inputs that name none")
    ap.add_argument("--root", help="name documents by their path below this folder (as 'newskb ingest ROOT' does)")
    ap.add_argument("--partitions", type=int, default=0, help="number of partitions (default: Spark's)")
    ap.add_argument("--master", help="Spark master for local runs, e.g. local[2]")
    a = ap.parse_args()

    conf = SparkConf().setAppName("newskb-extract")
    if a.master:
        conf = conf.setMaster(a.master)
    sc = SparkContext.getOrCreate(conf)

    command = [a.binary, "extract", "--jobs", "1", "--allow-rejected", "--log-format", "kv", "--pipeline", a.pipeline]
    if a.published:
        command += ["--published", a.published]
    if a.region:
        command += ["--region", a.region]
    if a.manifest and a.root:
        command += ["--root", a.root]
    command += ["--paths-from-stdin"] if a.manifest else ["-"]

    lines = sc.textFile(a.manifest or a.records)
    if a.partitions:
        lines = lines.repartition(a.partitions)
    lines = lines.filter(lambda l: l.strip() != "")
    # An explicit environment: workers see exactly this, not the driver's shell.
    env = {"NEWSKB_PIPELINES": a.pipelines, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    out = lines.pipe(" ".join(command), env=env, checkCode=True)
    out.saveAsTextFile(a.output)
    sc.stop()


if __name__ == "__main__":
    main()
