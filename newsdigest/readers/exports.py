"""Press-database exports saved as text (LexisNexis, Nexis Uni, Mediargus/GoPress): many articles to a file.

Each document is one article, named `file#N` (N counting from 1 in file order) when the file holds more
than one, as the records of a JSON array are. A file is read as an export only when it carries the export's
own markers, so an ordinary article that quotes one such line stays an ordinary article.
"""

from __future__ import annotations

from . import lexisnexis, mediargus, nexisuni
from .article import Article, Failure

_EXPORTS = (lexisnexis, mediargus, nexisuni)  # each has is_export(text) and read_export(text) -> [(body, Found)]


def is_export(text: str) -> bool:
    """Whether `text` is a press-database export (by the export's own markers)."""
    return any(module.is_export(text) for module in _EXPORTS)


def parse_export(text: str, path: str) -> list[Article | Failure] | None:
    """The articles of a press-database export, or None when `text` is not one."""
    reader = next((module for module in _EXPORTS if module.is_export(text)), None)
    if reader is None:
        return None
    documents = reader.read_export(text)
    items: list[Article | Failure] = []
    for number, (body, found) in enumerate(documents, 1):
        name = f"{path}#{number}" if len(documents) > 1 else path
        items.append(found.article(name, body, "text") if body else Failure(name, f"{name}: no article text found"))
    return items
