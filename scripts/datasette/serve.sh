#!/usr/bin/env bash
# Opens a NewsKB knowledge base in Datasette with NewsKB's metadata (canned queries, table
# descriptions) and its search plugin: scripts/datasette/serve.sh KB [datasette options...]
# Datasette names a database after its file, so the knowledge base is served as `newskb`
# through a link in a temporary folder; Datasette opens it read-only, so it can sit beside a running ingest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kb="$(cd "$(dirname "${1:?knowledge base}")" && pwd)/$(basename "$1")"; shift
command -v datasette >/dev/null || { echo "datasette not found: pip install datasette"; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ln -s "$kb" "$tmp/newskb.sqlite"
datasette serve "$tmp/newskb.sqlite" --metadata "$here/metadata.json" --plugins-dir "$here/plugins" "$@"
