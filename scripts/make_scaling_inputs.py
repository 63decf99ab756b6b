#!/usr/bin/env python3
"""Inputs for `make bench`'s scaling table: one plain-text document each of 1, 4 and 16 MB,
dense (every sentence holds amounts, dates and names) and sparse (one sentence in twenty
does), and a WARC.gz whose one big record declares 4 GiB of zeros between two small pages.
Deterministic; written for this project.

Usage: make_scaling_inputs.py OUT_DIR [--warc-gib 4]
"""
import argparse, os, zlib

DENSE = ["政府於2024年3月撥款{n}億元推行「產學研1+」計劃，創新科技署及香港大學負責，明年3月底前完成。",
         "{y}年第三季，數碼港獲撥款{m}萬元，香港科技園公司亦宣布推出新計劃。"]
QUIET = "香港的天氣今日多雲，市民在公園散步，享受悠閒的下午時光，街上行人不多。"


def document(mb, dense):
    out, size, i = ["標題\n\n"], 0, 0
    while size < mb * 1_000_000 - 200:
        if dense or i % 20 == 0:
            s = DENSE[i % 2].format(n=i % 900 + 1, y=2000 + i % 30, m=i % 97 + 1)
        else:
            s = QUIET
        out.append(s)
        size += len(s.encode())
        i += 1
        if i % 8 == 0:
            out.append("\n\n")
    return "".join(out)


def warc(path, gib):
    page = ('<html><body><div class="content"><h1>標題</h1><p>政府撥款5億元推行新計劃，'
            '局方表示會在明年檢討。</p></div></body></html>').encode()

    def header(rid, length):
        return (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
                f"Content-Type: text/html; charset=utf-8\r\nContent-Length: {length}\r\n\r\n").encode()
    z = zlib.compressobj(1, zlib.DEFLATED, 31)
    with open(path, "wb") as f:
        f.write(z.compress(header("small-1", len(page)) + page + b"\r\n\r\n"))
        f.write(z.compress(header("huge", gib << 30)))
        chunk = bytes(1 << 20)
        for _ in range((gib << 30) >> 20):
            f.write(z.compress(chunk))
        f.write(z.compress(b"\r\n\r\n" + header("small-2", len(page)) + page + b"\r\n\r\n"))
        f.write(z.flush())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--warc-gib", type=int, default=4)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for mb in (1, 4, 16):
        for kind in ("dense", "sparse"):
            path = os.path.join(a.out, f"{kind}-{mb}mb.txt")
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(document(mb, kind == "dense"))
    path = os.path.join(a.out, f"declares-{a.warc_gib}gib.warc.gz")
    if not os.path.exists(path):
        warc(path, a.warc_gib)


if __name__ == "__main__":
    main()
