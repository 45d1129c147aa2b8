"""Settings of a run: where and how models run (once per run), and how each task decodes.

`RuntimeSettings` is set once for every model of a run. `GenerationParams` belongs to a task; a
field left at None means "the model's own generation config", merged once in `resolve()`, the way
transformers' GenerationConfig layers user values over the model's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import InputError

DEVICES = ("auto", "cpu", "cuda", "mps")
PRECISIONS = ("auto", "int8", "float16", "bfloat16", "float32")


# Upper bounds that no real run reaches; past them an engine fails with a dump of its arguments
LIMITS = {"threads": 1024, "num_beams": 128, "batch_size": 1_000_000, "max_batch_tokens": 100_000_000,
          "max_new_tokens": 1_000_000, "min_new_tokens": 1_000_000}


def _positive(owner: Any, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(owner, name)
        if value is not None and value < 1:
            raise InputError(f"{name.replace('_', '-')} must be at least 1, got {value}")
        if value is not None and value > LIMITS[name]:
            raise InputError(f"{name.replace('_', '-')} must be at most {LIMITS[name]:,}, got {value}")


@dataclass
class RuntimeSettings:
    """Engine, device and precision for every model of a run; batch limits default per device."""

    engine: str = "auto"
    device: str = "auto"
    precision: str = "auto"
    threads: int | None = None  # CPU threads; None: the engine's default (all cores)
    batch_size: int | None = None  # inputs per batch; None: chosen for the engine and device
    max_batch_tokens: int | None = None  # padded tokens per batch; None: chosen for the device

    def validate(self) -> None:
        from .registry import engine_names

        if self.engine not in engine_names():
            raise InputError(f"unknown engine '{self.engine}': use one of {', '.join(engine_names())}")
        if self.device not in DEVICES:
            raise InputError(f"unknown device '{self.device}': use one of {', '.join(DEVICES)}")
        if self.precision not in PRECISIONS:
            raise InputError(f"unknown precision '{self.precision}': use one of {', '.join(PRECISIONS)}")
        _positive(self, ("threads", "batch_size", "max_batch_tokens"))


@dataclass
class GenerationParams:
    """Decoding settings of one task; None means "the model's own generation config"."""

    num_beams: int | None = None
    max_new_tokens: int | None = None  # None: twice the input plus 16, within what the model can produce
    min_new_tokens: int | None = None  # forces equal work in benchmarks; rarely useful otherwise
    length_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    repetition_penalty: float | None = None

    def validate(self) -> None:
        _positive(self, ("num_beams", "max_new_tokens", "min_new_tokens"))
        if self.no_repeat_ngram_size is not None and self.no_repeat_ngram_size < 0:
            raise InputError(f"no-repeat-ngram-size must be 0 or more, got {self.no_repeat_ngram_size}")
        if self.repetition_penalty is not None and self.repetition_penalty <= 0:
            raise InputError(f"repetition-penalty must be positive, got {self.repetition_penalty}")

    def resolve(self, model_defaults: Mapping[str, Any], task_defaults: Mapping[str, Any] | None = None
                ) -> Decoding:
        """User values over the model's generation config over the task's defaults over neutral ones."""
        values: dict[str, Any] = {}
        for name in ("num_beams", "length_penalty", "no_repeat_ngram_size", "repetition_penalty"):
            chosen = getattr(self, name)
            if chosen is None:
                chosen = model_defaults.get(name)
            if chosen is None and task_defaults:
                chosen = task_defaults.get(name)
            values[name] = NEUTRAL[name] if chosen is None else chosen
        return Decoding(max_new_tokens=self.max_new_tokens, min_new_tokens=self.min_new_tokens or 0, **values)


NEUTRAL = {"num_beams": 1, "length_penalty": 1.0, "no_repeat_ngram_size": 0, "repetition_penalty": 1.0}


@dataclass(frozen=True)
class Decoding:
    """Fully resolved decoding settings, the same for every engine."""

    num_beams: int = 1
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    max_new_tokens: int | None = None  # None: relative to the longest input of each batch
    min_new_tokens: int = 0

    def with_lengths(self, min_new_tokens: int, max_new_tokens: int) -> Decoding:
        return dataclasses.replace(self, min_new_tokens=min_new_tokens, max_new_tokens=max_new_tokens)
