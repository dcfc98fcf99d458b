"""Accent-insensitive text, so "den duong" typed in a hurry finds "Đèn đường".

`fold` runs on every row of the cache (200,000+) when a search key is built, so it stays in C
code: NFD splits the tone and vowel marks off their letters, and when nothing but ASCII and
those marks remains (nearly all Vietnamese text) an ASCII encode drops the marks at once.
Other scripts and symbols ("30°C", Chinese, Korean) take a regex path that keeps them.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase, drop Vietnamese diacritics (đ -> d), collapse whitespace: "Đèn  đường" ->
    "den duong"."""
    return " ".join(fold_words(text))


def fold_words(text: str) -> list[str]:
    """The words of `fold(text)`, for callers that work on words (one split, not two)."""
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    if _NOT_ASCII_OR_MARK.search(decomposed) is None:
        plain = decomposed.encode("ascii", "ignore").decode("ascii")
    else:
        plain = unicodedata.normalize("NFC", _MARKS.sub("", decomposed))
    return plain.split()
