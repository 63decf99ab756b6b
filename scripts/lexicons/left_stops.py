#!/usr/bin/env python3
"""Builds pipelines/lexicons/name-left-stops.txt from jieba's dictionary (MIT licence).

The words a rule-made name's left edge must not take: verbs, prepositions, conjunctions,
adverbs, pronouns and quantity words, as jieba's part-of-speech column gives them, common enough to matter
(frequency thresholds below). Only the word and its class are taken, no counts or text.
The recogniser drops, on load, any word that begins a lexicon name (發展 begins 發展局).

  pip download jieba==0.42.1 --no-deps -d /tmp/jieba && tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
  python3 scripts/lexicons/left_stops.py /tmp/jieba/jieba-0.42.1/jieba/dict.txt > pipelines/lexicons/name-left-stops.txt
"""
import sys

from jieba_dict import entries, print_table

# class: [(shortest, longest, lowest frequency)]: a one-character verb only when very common.
CLASSES = {"p": [(1, 2, 500)], "c": [(1, 2, 500)], "d": [(1, 3, 3000)], "r": [(1, 3, 3000)],
           "v": [(1, 1, 20000), (2, 3, 300)], "m": [(2, 3, 3000)]}
# A quantity word (許多, 一些, 幾個) is a stop; an ordinal or a number with a unit (第一, 萬元) is not.
NOT_IN_QUANTITY = set("第年月日元號号亿億万萬点點岁歲")


def main(path):
    words = {}
    for word, freq, pos in entries(path):
        rule = CLASSES.get(pos)
        if not rule:
            continue
        if pos == "m" and any(ch in NOT_IN_QUANTITY for ch in word):
            continue
        if any(lo <= len(word) <= hi and freq >= floor for lo, hi, floor in rule):
            words.setdefault(word, pos)
    print_table(["Words a rule-made name's left edge never takes (a verb, preposition, conjunction, adverb or",
                 "pronoun before the name: 戰勝巴西隊, 據南通社, 應中國人民外交學會). Built by",
                 "scripts/lexicons/left_stops.py from jieba's dictionary (MIT licence): word and class only.",
                 "Simplified, as jieba writes them; Traditional forms are made on load. Columns: word, class."], words)


if __name__ == "__main__":
    main(sys.argv[1])
