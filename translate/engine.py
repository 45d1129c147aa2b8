"""Translation with a Hugging Face seq2seq model through `generate()`."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .base import Progress
from .batching import plan_batches, token_counts
from .errors import InputError, ModelError
from .loading import ModelRef, resolve_device


@dataclass
class TranslationSettings:
    """Decoding and batching settings; None means "use the model's generation config"."""

    num_beams: int | None = None
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None  # forces equal work in benchmarks; rarely useful otherwise
    length_penalty: float | None = None
    batch_size: int | None = None  # None: the engine's default (PyTorch 32, CTranslate2 16)
    max_batch_tokens: int = 8192
    device: str = "auto"
    quantize: str | None = None  # None or "int8"
    threads: int | None = None

    def validate(self) -> None:
        for name in ("num_beams", "max_new_tokens", "min_new_tokens", "batch_size", "max_batch_tokens", "threads"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise InputError(f"{name.replace('_', '-')} must be at least 1, got {value}")
        if self.quantize not in (None, "int8"):
            raise InputError(f"unknown quantisation '{self.quantize}': use int8")


def output_cap(source_tokens: int, model_limit: int) -> int:
    """Longest translation allowed for a source of this length: twice as long plus slack.

    The model's own default (often 512) makes one bad beam cost 512 decoder steps on a CPU.
    """
    return min(model_limit, 2 * source_tokens + 16)


def output_limit(config: Any, generation: Any = None, default: int = 512) -> int:
    """Most new tokens the decoder can produce: the model's max_length, and its position table.

    Learned or sinusoidal positions (Marian, BART) end at max_position_embeddings; the start token
    takes one and one more is kept spare. Going past them is an IndexError in the middle of a batch.
    """
    limits = [int(getattr(generation, "max_length", None) or default)] if generation is not None else []
    positions = getattr(config, "max_position_embeddings", None)
    if getattr(config, "is_encoder_decoder", False) and isinstance(positions, int):
        limits.append(positions - 2)
    return max(1, min(limits)) if limits else default


def input_limit(config: Any, tokenizer: Any) -> int:
    """The number of input tokens a model accepts."""
    limits = [getattr(tokenizer, "model_max_length", None), getattr(config, "max_position_embeddings", None)]
    usable = [limit for limit in limits if isinstance(limit, int) and 0 < limit < 100_000]
    return min(usable) if usable else 512


def prepare_model(model: Any, settings: TranslationSettings, device: str) -> Any:
    """Apply thread count and optional dynamic int8 quantisation (CPU only)."""
    import torch

    if settings.threads:
        torch.set_num_threads(settings.threads)
    if settings.quantize == "int8":
        if device != "cpu":
            raise ModelError("--quantize int8 works on the CPU only: add --device cpu")
        with warnings.catch_warnings():
            # torch announces a move of eager quantisation to torchao; it still works, users need not see it
            warnings.filterwarnings("ignore", message=r".*(torch\.ao\.quantization is deprecated|quantized tensor)")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return model


class HFTranslator:
    """A seq2seq model behind `translate_batch`: token-budget batches sorted by length."""

    def __init__(self, model: Any, tokenizer: Any, *, name: str, settings: TranslationSettings | None = None,
                 device: str = "cpu", progress: Progress | None = None):
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.settings = settings or TranslationSettings()
        self.device = device
        self.progress = progress
        self.max_input_tokens = input_limit(model.config, tokenizer)
        self.model_max_length = output_limit(model.config, getattr(model, "generation_config", None))

    @classmethod
    def load(cls, ref: ModelRef, settings: TranslationSettings | None = None,
             progress: Progress | None = None) -> HFTranslator:
        settings = settings or TranslationSettings()
        settings.validate()
        device = resolve_device(settings.device)
        model, tokenizer = ref.load("seq2seq", device=device)
        model = prepare_model(model, settings, device)
        return cls(model, tokenizer, name=ref.name, settings=settings, device=device, progress=progress)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return token_counts(self.tokenizer, texts)

    def generation_kwargs(self, longest_source: int) -> dict[str, Any]:
        settings = self.settings
        kwargs: dict[str, Any] = {
            "max_new_tokens": min(settings.max_new_tokens or output_cap(longest_source, self.model_max_length),
                                  self.model_max_length)
        }
        if settings.num_beams is not None:
            kwargs["num_beams"] = settings.num_beams
        if settings.length_penalty is not None:
            kwargs["length_penalty"] = settings.length_penalty
        if settings.min_new_tokens is not None:
            kwargs["min_new_tokens"] = min(settings.min_new_tokens, kwargs["max_new_tokens"])
        return kwargs

    def translate_batch(self, sentences: list[str]) -> list[str]:
        import torch

        results = [""] * len(sentences)
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        encoded = self.tokenizer([sentences[i] for i in todo])["input_ids"]
        lengths = [len(ids) for ids in encoded]
        for batch in plan_batches(lengths, self.settings.max_batch_tokens, self.settings.batch_size or 32):
            features = self.tokenizer.pad({"input_ids": [encoded[i] for i in batch]}, return_tensors="pt")
            features = {key: value.to(self.device) for key, value in features.items()}
            with torch.inference_mode():
                output = self.model.generate(**features, **self.generation_kwargs(lengths[batch[0]]))
            for index, text in zip(batch, self.tokenizer.batch_decode(output, skip_special_tokens=True)):
                results[todo[index]] = text.strip()
            if self.progress:
                self.progress(len(batch))
        return results
