"""The one interface every translator implements."""

from __future__ import annotations

from typing import Protocol

from engines import Progress


class Translator(Protocol):
    """Anything that turns a list of sentences into their translations, in order."""

    def translate_batch(self, sentences: list[str]) -> list[str]: ...


__all__ = ["Progress", "Translator"]
