"""Split text that is longer than a model's input limit into pieces that fit, losing nothing.

Pieces end at clause punctuation where possible, else at word windows, else at character windows.
Token counts are taken per word once, so splitting a 3,000-word sentence stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .base import Translator

TokenCounter = Callable[[Sequence[str]], list[int]]

_CLAUSE_END = re.compile(r"[,;:)\]–—]$")


def _pack(items: list[tuple[str, int]], budget: int) -> list[list[tuple[str, int]]]:
    groups: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    used = 0
    for item in items:
        if current and used + item[1] > budget:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += item[1]
    if current:
        groups.append(current)
    return groups


def _split_word(word: str, tokens: int, budget: int, count_tokens: TokenCounter) -> list[tuple[str, int]]:
    """Character windows for a single 'word' (a URL, a run without spaces) over the budget.

    The width is estimated from the average characters per token, then any window still over the
    budget is halved until it fits, so a 100,000-character line cannot overflow the model.
    """
    width = max(1, len(word) * budget // (tokens + 1))
    windows = [word[i : i + width] for i in range(0, len(word), width)]
    fitted: list[tuple[str, int]] = []
    while windows:
        window = windows.pop(0)
        count = count_tokens([window])[0]
        if count > budget and len(window) > 1:
            half = len(window) // 2
            windows[:0] = [window[:half], window[half:]]
        else:
            fitted.append((window, count))
    return fitted


def fit_pieces(text: str, count_tokens: TokenCounter, max_tokens: int) -> list[str]:
    """Pieces of `text` of at most `max_tokens` tokens each, in order.

    " ".join(pieces) equals the whitespace-collapsed text, except that a single word longer than
    the limit is cut into character windows separated by spaces.
    """
    words = text.split()
    if not words:
        return []
    counts = count_tokens(words)
    budget = max(1, max_tokens - 2)  # room for the end-of-sequence (and a language) token
    if sum(counts) <= budget:
        return [" ".join(words)]
    words_and_counts: list[tuple[str, int]] = []
    for word, count in zip(words, counts):
        words_and_counts.extend(_split_word(word, count, budget, count_tokens) if count > budget else [(word, count)])
    clauses: list[list[tuple[str, int]]] = [[]]
    for word, count in words_and_counts:
        clauses[-1].append((word, count))
        if _CLAUSE_END.search(word):
            clauses.append([])
    pieces: list[str] = []
    for group in _pack([(" ".join(w for w, _ in c), sum(n for _, n in c)) for c in clauses if c], budget):
        total = sum(n for _, n in group)
        if total <= budget:
            pieces.append(" ".join(clause for clause, _ in group))
        else:  # a single clause over the budget: fall back to word windows inside it
            clause_words = group[0][0].split()
            clause_counts = count_tokens(clause_words)
            for window in _pack(list(zip(clause_words, clause_counts)), budget):
                pieces.append(" ".join(w for w, _ in window))
    return pieces


class ChunkingTranslator:
    """Wraps a translator: inputs over its limit are split, translated piecewise and rejoined."""

    def __init__(self, inner: Translator, count_tokens: TokenCounter, max_tokens: int):
        self.inner = inner
        self.count_tokens = count_tokens
        self.max_tokens = max_tokens

    @property
    def name(self) -> str:
        return getattr(self.inner, "name", type(self.inner).__name__)

    @property
    def engine(self) -> str | None:
        """Where the model runs, e.g. 'ct2 on cpu (int8)'."""
        return getattr(self.inner, "engine", None)

    def translate_batch(self, sentences: list[str]) -> list[str]:
        # One tokenizer call for all sentences; only those over the limit are cut into pieces.
        collapsed = [" ".join(sentence.split()) for sentence in sentences]
        fits = [count <= self.max_tokens - 2 for count in self.count_tokens(collapsed)]
        pieces = [[text] if fit and text else fit_pieces(text, self.count_tokens, self.max_tokens)
                  for text, fit in zip(collapsed, fits)]
        flat = [piece for group in pieces for piece in group]
        translated = iter(self.inner.translate_batch(flat))
        return [" ".join(next(translated) for _ in group) for group in pieces]
