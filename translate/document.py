"""Translate whole documents: paragraphs -> sentences -> one batched call -> paragraphs again."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Translator
from .protect import protect_spans
from .segment import split_paragraphs, split_sentences


@dataclass(frozen=True)
class Segment:
    paragraph: int
    source: str
    translation: str


@dataclass(frozen=True)
class DocumentTranslation:
    segments: list[Segment]

    def paragraphs(self) -> list[list[Segment]]:
        grouped: dict[int, list[Segment]] = {}
        for segment in self.segments:
            grouped.setdefault(segment.paragraph, []).append(segment)
        return list(grouped.values())

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(s.translation for s in p if s.translation) for p in self.paragraphs())


def segment_document(text: str, lang: str = "nl") -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs for every sentence of `text`."""
    return [
        (number, sentence)
        for number, paragraph in enumerate(split_paragraphs(text))
        for sentence in split_sentences(paragraph, lang)
    ]


def translate_documents(texts: list[str], translator: Translator, lang: str = "nl") -> list[DocumentTranslation]:
    """Translate many documents with one batched call, so batches span documents.

    URLs, e-mail addresses, @handles, #hashtags and codes are kept verbatim and never decoded
    (translate/protect.py)."""
    segmented = [segment_document(text, lang) for text in texts]
    flat = [sentence for document in segmented for _, sentence in document]
    translations = protect_spans(translator).translate_batch(flat)
    if len(translations) != len(flat):
        raise RuntimeError(f"translator returned {len(translations)} results for {len(flat)} sentences")
    results = iter(translations)
    return [
        DocumentTranslation([Segment(number, sentence, next(results)) for number, sentence in document])
        for document in segmented
    ]


def translate_document(text: str, translator: Translator, lang: str = "nl") -> DocumentTranslation:
    return translate_documents([text], translator, lang)[0]
