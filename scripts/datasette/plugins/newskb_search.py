"""Datasette plugin for NewsKB knowledge bases: search in either script.

NewsKB's full-text index (the `search` table) holds each Han character as a token, folded
to Simplified with Hong Kong variants made standard, and the knowledge base carries that
folding in `search_folding`. This plugin folds a query the same way, so Datasette's search
box on `document` (and the `search` canned query) finds 半導體 for 半导体 and 衞生 for 卫生.
It replaces Datasette's `escape_fts` on NewsKB databases only.
"""
from datasette import hookimpl


def _is_han(c):
    v = ord(c)
    return (0x4E00 <= v <= 0x9FFF or 0x3400 <= v <= 0x4DBF or 0x20000 <= v <= 0x3134F
            or 0xF900 <= v <= 0xFAFF)


def _tokens(text, fold):
    """As NewsKB's SearchFolding.tokens: a Han character is a token; letters and digits
    run together into words, ASCII lower-cased; everything else separates."""
    out, word = [], []
    for c in text or "":
        if _is_han(c):
            if word:
                out.append("".join(word))
                word = []
            out.append(fold.get(c, c))
        elif c.isalnum():
            word.append(c.lower() if c.isascii() else c)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return " ".join(out)


def _query(text, fold):
    """An FTS5 query: each whitespace-separated term a phrase of its tokens, all required."""
    phrases = []
    for term in (text or "").split():
        t = _tokens(term, fold).replace('"', "")
        if t:
            phrases.append('"' + t + '"')
    return " ".join(phrases) if phrases else '""'


# Last, after Datasette's own sql_functions plugin has registered its escape_fts.
@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):
    try:
        fold = dict(conn.execute("SELECT char, folded FROM search_folding").fetchall())
    except Exception:
        return  # not a NewsKB knowledge base: leave Datasette's own escape_fts alone
    conn.create_function("newskb_search_tokens", 1, lambda s: _tokens(s, fold), deterministic=True)
    conn.create_function("newskb_search_query", 1, lambda s: _query(s, fold), deterministic=True)
    # The table page's search box matches `escape_fts(:search)`: fold it as the index is folded.
    conn.create_function("escape_fts", 1, lambda s: _query(s, fold), deterministic=True)
