"""Summary length: parse what the user asks for, map it to token bounds, trim to whole sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from engines import InputError

TOKENS_PER_WORD = 1.4  # subword tokens per English word for BPE/SentencePiece vocabularies
WORDS_PER_SENTENCE = 22
# preset -> (min words, max words, sentences it aims at)
PRESETS = {"short": (10, 45, 2), "medium": (30, 100, 4), "long": (70, 200, 8)}
_FORMS = re.compile(r"^\s*(?:(?P<sentences>\d+)|(?P<words>\d+)\s*w(?:ords?)?|(?P<ratio>\d+(?:\.\d+)?)\s*%)\s*$", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class LengthSpec:
    """A requested length: a preset, N sentences, N words or a percentage of the source."""

    kind: str  # preset | sentences | words | ratio
    value: float
    preset: str | None = None
    text: str = ""

    @classmethod
    def parse(cls, spec: str | int) -> LengthSpec:
        text = str(spec).strip().lower()
        if text in PRESETS:
            return cls("preset", PRESETS[text][1], preset=text, text=text)
        match = _FORMS.match(text)
        if not match:
            raise InputError(f"length '{spec}' not understood: use short, medium, long, a number of "
                             "sentences (3), words (60w) or a percentage of the source (20%)")
        kind = next(name for name, value in match.groupdict().items() if value is not None)
        value = float(match.group(kind))
        if value <= 0 or (kind == "ratio" and value > 100):
            raise InputError(f"length '{spec}' is out of range")
        return cls(kind, value, text=text)

    def word_range(self, source_words: int) -> tuple[int, int]:
        """(min, max) words the summary should have."""
        if self.kind == "preset":
            low, high, _ = PRESETS[self.preset]
            return low, high
        if self.kind == "sentences":
            return max(5, int((self.value - 1) * 10 + 5)), int(self.value * 32)
        words = self.value if self.kind == "words" else source_words * self.value / 100
        return max(3, int(words * 0.6)), max(8, int(round(words * 1.2)))

    def token_bounds(self, source_words: int) -> tuple[int, int]:
        """(min_new_tokens, max_new_tokens) for generation; never more than the source supports."""
        low, high = self.word_range(source_words)
        high_tokens = round(high * TOKENS_PER_WORD) + 8
        low_tokens = min(round(low * TOKENS_PER_WORD), int(source_words * TOKENS_PER_WORD * 0.8))
        return max(0, min(low_tokens, high_tokens - 1)), high_tokens

    def exceeds(self, source_words: int, source_sentences: int) -> str | None:
        """A reason why this length cannot be met by this source, or None."""
        if self.kind == "sentences" and self.value > source_sentences:
            return f"{int(self.value)} sentences requested but the source has only {source_sentences}"
        low, _ = self.word_range(source_words)
        if self.kind in ("words", "preset") and low > source_words:
            return f"at least {low} words requested but the source has only {source_words}"
        return None

    def trim(self, sentences: list[str]) -> list[str]:
        """Whole sentences only: drop an unfinished last sentence, then cut to the requested size."""
        if len(sentences) > 1 and not _TERMINAL.search(sentences[-1]):
            sentences = sentences[:-1]
        if self.kind == "sentences":
            return sentences[: int(self.value)]
        if self.kind == "preset":
            sentences = sentences[: PRESETS[self.preset][2]]
        if self.kind == "words":
            kept: list[str] = []
            total = 0
            for sentence in sentences:
                total += len(sentence.split())
                if kept and total > self.value * 1.2:
                    break
                kept.append(sentence)
            return kept
        return sentences

    def describe(self) -> str:
        """Plain-English phrase for prompts, e.g. 'about 60 words' or '3 sentences'."""
        if self.kind == "sentences":
            count = int(self.value)
            return f"{count} sentence" + ("s" if count != 1 else "")
        if self.kind == "words":
            return f"about {int(self.value)} words"
        if self.kind == "ratio":
            return f"about {self.value:g}% of the article's length"
        low, high, count = PRESETS[self.preset]
        return f"{count} sentences or fewer, {low} to {high} words"

    def sentence_target(self, source_words: int) -> int:
        """How many sentences the summary should have, for prompts."""
        if self.kind == "sentences":
            return int(self.value)
        if self.kind == "preset":
            return PRESETS[self.preset][2]
        return max(1, round(self.word_range(source_words)[1] / WORDS_PER_SENTENCE))
