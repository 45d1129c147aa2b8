"""Which language a text is in: py3langid's bundled model, loaded once per process when first asked."""

from __future__ import annotations

from typing import Any

_identifiers: dict[str, Any] = {}


def language_identifier() -> Any:
    """py3langid's bundled model, loaded once per process."""
    if "langid" not in _identifiers:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        _identifiers["langid"] = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    return _identifiers["langid"]


def detect_language(text: str) -> tuple[str, float]:
    """(language code, probability)."""
    language, probability = language_identifier().classify(text[:5000])
    return language, float(probability)


def plain_language(text: str, min_words: int = 8, min_probability: float = 0.9) -> str | None:
    """The language `text` is plainly written in; None where it is too short or the model is unsure."""
    if len(text.split()) < min_words:
        return None
    language, probability = detect_language(text)
    return language if probability >= min_probability else None
