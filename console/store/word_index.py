"""Which rows hold a typed piece of text, without reading every row's search key.

A text search keeps a row when each typed token is a substring of its search key. A token
never holds a space, so that is when the token is a substring of one of the key's words: the
index finds the matching words in the vocabulary (one pass in C over a few MB of distinct
words, not over hundreds of MB of keys), then the rows of those words. A word held by many
rows keeps a bitmap of them (one bit per row is cheaper than a 4-byte row number as soon as
one row in 32 holds it); a rarer word keeps its row numbers.

Rows are "slots": the order of the keys the index was built from. `QueueIndex` maps them to
its positions and scans the few rows that changed since the build.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]

#: Keys tokenised per step: each join, split and lookup holds the GIL, and the GUI waits on it.
CHUNK = 5_000
#: A word held by more than one row in this many keeps a bitmap.
BITMAP_SHARE = 32
_SEP = ord("\n")


class _Vocabulary(dict[str, int]):
    """Word -> id; looking up a new word gives it the next id."""

    def __missing__(self, word: str) -> int:
        self[word] = number = len(self)
        return number


class WordIndex:
    """The words of `keys` (folded search keys, words separated by single spaces)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.size = len(keys)
        vocab = _Vocabulary()
        word_chunks: list[npt.NDArray[np.int32]] = []
        slot_chunks: list[npt.NDArray[np.int32]] = []
        for start in range(0, self.size, CHUNK):
            part = keys[start : start + CHUNK]
            words = " ".join(part).split(" ")
            word_chunks.append(np.fromiter(map(vocab.__getitem__, words), np.int32, len(words)))
            per_key = np.fromiter((k.count(" ") + 1 for k in part), np.int64, len(part))
            slots = np.arange(start, start + len(part), dtype=np.int32)
            slot_chunks.append(np.repeat(slots, per_key))
        word_of = np.concatenate(word_chunks) if word_chunks else np.zeros(0, np.int32)
        slot_of = np.concatenate(slot_chunks) if slot_chunks else np.zeros(0, np.int32)
        del word_chunks, slot_chunks
        counts = np.bincount(word_of, minlength=len(vocab))
        # Ascending slots within each word: one sort of (word, slot) pairs.
        pairs = (word_of.astype(np.int64) << 32) | slot_of
        del word_of, slot_of
        pairs.sort()
        by_word = pairs.astype(np.int32)  # the low half: the slot
        del pairs
        frequent = counts * BITMAP_SHARE > max(self.size, 1)
        self._bitmap_row = np.full(len(vocab), -1, np.int64)
        self._bitmap_row[frequent] = np.arange(int(frequent.sum()))
        ends = np.cumsum(counts)
        starts = ends - counts
        self._bitmaps = np.zeros((int(frequent.sum()), (self.size + 7) // 8), np.uint8)
        for n, word in enumerate(np.flatnonzero(frequent)):
            bits = np.zeros(self.size, np.bool_)
            bits[by_word[starts[word] : ends[word]]] = True
            self._bitmaps[n] = np.packbits(bits)
        rare_counts = np.where(frequent, 0, counts)
        keep = np.repeat(~frequent, counts)
        self._postings = by_word[keep]
        del by_word, keep
        self._counts = rare_counts
        self._starts = np.cumsum(rare_counts) - rare_counts
        text = ("\n".join(vocab) + "\n").encode()
        self._text = np.frombuffer(text, np.uint8)
        lengths = np.fromiter((len(w.encode()) + 1 for w in vocab), np.int64, len(vocab))
        self._word_starts = np.cumsum(lengths) - lengths

    def words_with(self, token: str) -> npt.NDArray[np.intp]:
        """Ids of the vocabulary's words that hold `token` (one candidate scan per byte)."""
        needle = token.encode()
        text = self._text
        if not needle or needle.find(b"\n") >= 0 or len(needle) > text.size:
            return np.zeros(0, np.intp)
        found = np.flatnonzero(text[: text.size - len(needle) + 1] == needle[0])
        for k in range(1, len(needle)):
            found = found[text[found + k] == needle[k]]
        words = np.searchsorted(self._word_starts, found, side="right") - 1
        # `found` ascends, so do `words`: keep the first of each run.
        first: npt.NDArray[np.intp] = words[np.diff(words, prepend=-1) != 0]
        return first

    def holding(self, token: str) -> Mask:
        """Per slot: whether its key holds `token`."""
        words = self.words_with(token)
        mask = np.zeros(self.size, np.bool_)
        rows = self._bitmap_row[words]
        bitmaps = rows[rows >= 0]
        if bitmaps.size:
            packed = np.bitwise_or.reduce(self._bitmaps[bitmaps], axis=0)
            mask |= np.unpackbits(packed, count=self.size).view(np.bool_)
        lengths = self._counts[words]
        total = int(lengths.sum())
        if total:
            ends = np.cumsum(lengths)
            gather = np.repeat(self._starts[words] - (ends - lengths), lengths) + np.arange(total)
            mask[self._postings[gather]] = True
        return mask

    def nbytes(self) -> int:
        parts = (self._bitmaps, self._postings, self._counts, self._starts, self._text)
        return sum(a.nbytes for a in parts) + self._word_starts.nbytes + self._bitmap_row.nbytes
