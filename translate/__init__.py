"""Dutch->English (and other pairs) translation engine: segmentation, batching, chunking.

>>> from translate import load_translator, translate_document
>>> translator = load_translator("Helsinki-NLP/opus-mt-nl-en")
>>> translate_document("Dit is een zin. Dit ook.", translator).text
"""

from __future__ import annotations

from .base import Progress, Translator
from .chunking import ChunkingTranslator, fit_pieces
from .document import DocumentTranslation, Segment, segment_document, translate_document, translate_documents
from .engine import HFTranslator, TranslationSettings
from .instruct import InstructionModel, is_instruction_model
from .errors import InputError, ModelError, ModelNotFoundError, NewsdigestError, RemoteCodeRefusedError
from .loading import ModelRef, default_translation_model, offline_requested
from .segment import split_paragraphs, split_sentences

ENGINES = ("auto", "torch", "ct2")


def ct2_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def load_translator(model: str | None = None, *, source_language: str = "nl", target_language: str = "en",
                    settings: TranslationSettings | None = None, engine: str = "torch",
                    offline: bool = False, trust_remote_code: bool = False,
                    progress: Progress | None = None) -> ChunkingTranslator:
    """Load a translator that never truncates: long inputs are split to the model's limit."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    ref = ModelRef(model or default_translation_model(source_language, target_language),
                   offline=offline_requested(offline), trust_remote_code=trust_remote_code)
    if is_instruction_model(ref.name, ref.load_config()):
        model = InstructionModel.load(ref, settings, source_language=source_language,
                                      target_language=target_language, progress=progress)
        overhead = model.prompt_overhead(model.translate_template, {
            "source_language": source_language, "target_language": target_language})
        return ChunkingTranslator(model, model.count_tokens, max(16, model.max_input_tokens - overhead))
    if engine == "ct2" or (engine == "auto" and ct2_available()):
        from .ct2 import CT2Translator

        inner = CT2Translator.load(ref, settings, progress=progress)
    else:
        inner = HFTranslator.load(ref, settings, progress=progress)
    return ChunkingTranslator(inner, inner.count_tokens, inner.max_input_tokens)


__all__ = [
    "ChunkingTranslator", "DocumentTranslation", "ENGINES", "HFTranslator", "InputError", "ModelError",
    "ModelNotFoundError", "ModelRef", "NewsdigestError", "Progress", "RemoteCodeRefusedError", "Segment",
    "TranslationSettings", "Translator", "ct2_available", "default_translation_model", "fit_pieces",
    "load_translator", "offline_requested", "segment_document", "split_paragraphs", "split_sentences",
    "translate_document", "translate_documents",
]
