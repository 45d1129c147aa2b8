"""Summary shapes: a paragraph, bullet points, or a headline followed by a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STYLES = ("paragraph", "bullets", "headline")
_MARKER = re.compile(r"^\s*(?:[-*•–·]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Summary:
    """A finished summary; `chunks` and `rounds` record how a long input was reduced."""

    sentences: list[str]
    style: str = "paragraph"
    chunks: int = 1
    rounds: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str | None:
        return self.sentences[0] if self.style == "headline" and self.sentences else None

    @property
    def body(self) -> list[str]:
        return self.sentences[1:] if self.style == "headline" else self.sentences

    @property
    def text(self) -> str:
        """Plain text: bullets as '- ' lines, a headline on its own line."""
        if self.style == "bullets":
            return "\n".join(f"- {sentence}" for sentence in self.sentences)
        paragraph = " ".join(self.body)
        return "\n".join(part for part in (self.headline, paragraph) if part)


def strip_markers(text: str) -> str:
    """Remove bullet markers and markdown emphasis a model may add, keeping the words."""
    lines = [_MARKER.sub("", line).strip().strip("*#").strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
