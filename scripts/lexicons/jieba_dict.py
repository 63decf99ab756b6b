"""jieba's dictionary (dict.txt: word, frequency, part of speech a line) for the lexicon builders,
and the word-and-class table they write."""


def entries(path):
    """Yields (word, frequency, class) for each entry whose word is Han characters only."""
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) != 3:
            continue
        word, freq, pos = parts[0], int(parts[1]), parts[2]
        if all("\u4e00" <= ch <= "\u9fff" for ch in word):
            yield word, freq, pos


def print_table(header, words):
    """Prints the comment lines of `header`, then `word<TAB>class` rows sorted by class and word."""
    for line in header:
        print("# " + line)
    print("word\tclass")
    for w in sorted(words, key=lambda w: (words[w], w)):
        print(f"{w}\t{words[w]}")
