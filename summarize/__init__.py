"""Abstractive summarisation: seq2seq summarisers and prompted instruction models."""

from .length import PRESETS, LengthSpec
from .settings import SummarySettings
from .styles import STYLES, Summary
from .summarizer import (DEFAULT_INSTRUCTION_MODEL, DEFAULT_SUMMARY_MODEL, PlainGenerator, PromptedGenerator,
                         Summarizer, default_summary_model, load_summarizer)

__all__ = [
    "DEFAULT_INSTRUCTION_MODEL", "DEFAULT_SUMMARY_MODEL", "LengthSpec", "PRESETS", "PlainGenerator",
    "PromptedGenerator", "STYLES", "Summarizer", "Summary", "SummarySettings", "default_summary_model",
    "load_summarizer",
]
