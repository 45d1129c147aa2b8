"""Dutch->English (and other pairs) translation: segmentation, chunking, any engine underneath.

>>> from translate import load_translator, translate_document
>>> translator = load_translator("Helsinki-NLP/opus-mt-nl-en")
>>> translate_document("Dit is een zin. Dit ook.", translator).text
"""

from __future__ import annotations

from engines import (InputError, ModelError, ModelNotFoundError, ModelRef, NewsdigestError, RemoteCodeRefusedError,
                     RuntimeSettings, offline_requested)

from .base import Progress, Translator
from .chunking import ChunkingTranslator, fit_pieces
from .document import DocumentTranslation, Segment, segment_document, translate_document, translate_documents
from .protect import protect_spans
from .segment import split_paragraphs, split_sentences
from .settings import TranslationSettings
from .translator import (IdentityTranslator, ModelTranslator, PromptedTranslator, default_translation_model,
                         load_translator)

__all__ = [
    "ChunkingTranslator", "DocumentTranslation", "IdentityTranslator", "InputError", "ModelError",
    "ModelNotFoundError", "ModelRef", "ModelTranslator", "NewsdigestError", "Progress", "PromptedTranslator",
    "RemoteCodeRefusedError", "RuntimeSettings", "Segment", "TranslationSettings", "Translator",
    "default_translation_model", "fit_pieces", "load_translator", "offline_requested", "protect_spans",
    "segment_document",
    "split_paragraphs", "split_sentences", "translate_document", "translate_documents",
]
