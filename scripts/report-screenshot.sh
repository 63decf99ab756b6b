#!/usr/bin/env bash
# Renders report pages to PNG in headless Chromium (Debian's `chromium`), the way a person
# would see them: scripts/report-screenshot.sh REPORT_DIR OUT_DIR [PAGE...]
# PAGE is a path inside the report (default: index.html and the page of the entity with the
# most funding facts). The network is not used: the pages must render from the files alone.
set -euo pipefail
report="${1:?report folder}"; out="${2:?output folder}"; shift 2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "report-screenshot: chromium not found (apt-get install chromium fonts-noto-cjk)"; exit 2; }
mkdir -p "$out"
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  pages=(index.html)
  first=$(grep -o 'href="entity/[^"]*"' "$report/index.html" | head -1 | sed 's/href="//; s/"$//')
  [ -n "$first" ] && pages+=("$first")
fi
for p in "${pages[@]}"; do
  png="$out/$(echo "$p" | tr '/' '_' | sed 's/\.html$//').png"
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --proxy-server="127.0.0.1:9" \
    --window-size=1200,1500 --screenshot="$png" "file://$(cd "$report" && pwd)/$p" >/dev/null 2>&1
  echo "$png"
done
