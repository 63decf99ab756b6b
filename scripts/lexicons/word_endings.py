#!/usr/bin/env python3
"""Builds pipelines/lexicons/name-word-endings.txt from jieba's dictionary (MIT licence).

Common words that end in a one-character name suffix (處, 部, 局, 團, 隊, 廳, 黨, 社, 署, 廠) and
name no body: places and parts (深處, 交界處, 背部), adverbs and verbs (到處, 簽署, 排隊), idioms
(恰到好處, 亂成一團, 顧全大局). A rule-made name never ends in one: in 內心深處 or 合理布局 the
suffix character is part of the word. Taken: the dictionary's place, direction, adverb, verb,
state and idiom words (classes s, f, d, v, z, i, l) with those endings, less the ones that are
bodies (審計署, 合作社, 發展局); and, of its nouns, the few that the list below names by hand (布局,
格局, 幹部: nouns that are no body; most nouns with these endings are bodies, 旅行社, 公安局).
Only the word and its class are taken, no counts or text.

  pip download jieba==0.42.1 --no-deps -d /tmp/jieba && tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
  python3 scripts/lexicons/word_endings.py /tmp/jieba/jieba-0.42.1/jieba/dict.txt > pipelines/lexicons/name-word-endings.txt
"""
import sys

from jieba_dict import entries, print_table

ENDINGS = set("处部局团队厅党社署厂")
CLASSES = {"s", "f", "d", "v", "z", "i", "l"}
LOWEST = 5
# Words of those classes that are bodies or parts of one (a ministry's 審計署, a city's 接待處, a school's 初中部, a team).
BODIES = set("合作社 发展局 组团社 综合处 初级社 计划处 顾问处 富连成社 劳改队 接待社 发展署 梦之队 接待处 售票处 "
             "审计署 就业处 警署 禁毒署 分署 合署 初中部".split())
# Nouns that are no body, picked by hand from the dictionary's frequent nouns with these endings.
NOUNS = set("布局 格局 大局 结局 全局 政局 开局 战局 僵局 残局 骗局 时局 定局 饭局 "
            "干部 局部 全部 腹部 头部 胸部 颈部 尾部 臀部 大部 部署 "
            "面团 疑团 星团 谜团 线团 排队 住处 交界处 用处 益处 入党 大厅 客厅".split())


def main(path):
    words = {}
    for word, freq, pos in entries(path):
        if not (2 <= len(word) <= 4 and word[-1] in ENDINGS):
            continue
        if word in NOUNS or (pos in CLASSES and freq >= LOWEST and word not in BODIES):
            words.setdefault(word, "n" if word in NOUNS else pos)
    print_table(["Words that end in a one-character name suffix and name no body (深處, 交界處, 到處, 簽署, 布局,",
                 "亂成一團): a rule-made name never ends in one. Built by scripts/lexicons/word_endings.py from",
                 "jieba's dictionary (MIT licence): word and class only. Simplified, as jieba writes them;",
                 "Traditional forms are made on load. Columns: word, class."], words)


if __name__ == "__main__":
    main(sys.argv[1])
