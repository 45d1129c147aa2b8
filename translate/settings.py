"""Translation settings: decoding (None = the model's own generation config) and an optional prompt."""

from __future__ import annotations

from dataclasses import dataclass

from engines import GenerationParams


@dataclass
class TranslationSettings(GenerationParams):
    """Decoding for the translation model; `prompt` drives it with a prompt template instead.

    Decoder-only (chat) models always run through a template (`translate-chat` unless named here);
    an encoder-decoder instruction model such as FLAN-T5 or mT0 needs one named, e.g.
    `translate-seq2seq`.
    """

    prompt: str | None = None
