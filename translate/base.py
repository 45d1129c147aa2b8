"""The one interface every translation engine implements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

Progress = Callable[[int], None]


class Translator(Protocol):
    """Anything that turns a list of sentences into their translations, in order."""

    def translate_batch(self, sentences: list[str]) -> list[str]: ...
