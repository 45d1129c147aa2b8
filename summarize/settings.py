"""Summary settings: length, shape, prompting, and decoding (None = the model's own generation config)."""

from __future__ import annotations

from dataclasses import dataclass, field

from engines import GenerationParams, InputError

from .length import LengthSpec
from .styles import STYLES

MODES = ("auto", "plain", "instruct")


@dataclass
class SummarySettings(GenerationParams):
    """What summary to write; the decoding fields apply to the summary model only.

    `max_new_tokens`/`min_new_tokens` are not set here: `length` decides them.
    """

    length: str = "medium"
    style: str = "paragraph"
    prompt: str | None = None
    prompt_dirs: list[str] = field(default_factory=list)
    mode: str = "auto"  # auto: prompt decoder-only models; plain: feed the text; instruct: always prompt
    max_input_tokens: int | None = None  # chunk below the model's own limit, e.g. to save memory

    def validate(self) -> None:
        super().validate()
        LengthSpec.parse(self.length)
        if self.style not in STYLES:
            raise InputError(f"style must be one of {', '.join(STYLES)}, not '{self.style}'")
        if self.mode not in MODES:
            raise InputError(f"summary mode must be one of {', '.join(MODES)}, not '{self.mode}'")
        if self.max_input_tokens is not None and self.max_input_tokens < 32:
            raise InputError("max-input-tokens must be at least 32")
