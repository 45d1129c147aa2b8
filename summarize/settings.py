"""Summary settings; None means "use the model's own generation config"."""

from __future__ import annotations

from dataclasses import dataclass, field

from translate.errors import InputError

from .length import LengthSpec
from .styles import STYLES


@dataclass
class SummarySettings:
    length: str = "medium"
    style: str = "paragraph"
    num_beams: int | None = None
    no_repeat_ngram_size: int | None = None  # falls back to 3 when the model sets none
    repetition_penalty: float | None = None
    length_penalty: float | None = None
    prompt: str | None = None
    prompt_dirs: list[str] = field(default_factory=list)
    mode: str = "auto"  # auto | plain | instruct
    max_input_tokens: int | None = None  # chunk below the model's own limit, e.g. to save memory
    batch_size: int = 8
    device: str = "auto"
    quantize: str | None = None
    threads: int | None = None

    def validate(self) -> None:
        LengthSpec.parse(self.length)
        if self.style not in STYLES:
            raise InputError(f"style must be one of {', '.join(STYLES)}, not '{self.style}'")
        if self.mode not in ("auto", "plain", "instruct"):
            raise InputError(f"summary mode must be auto, plain or instruct, not '{self.mode}'")
        for name in ("num_beams", "batch_size", "max_input_tokens", "threads"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise InputError(f"{name.replace('_', '-')} must be at least 1, got {value}")
        if self.max_input_tokens is not None and self.max_input_tokens < 32:
            raise InputError("max-input-tokens must be at least 32")
        if self.quantize not in (None, "int8"):
            raise InputError(f"unknown quantisation '{self.quantize}': use int8")
