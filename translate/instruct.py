"""Instruction models (FLAN-T5, mT0, chat decoders) driven by prompt templates.

One class serves both tasks: `translate_batch` makes it a Translator, and `generate` is what the
summariser calls with a summarisation template.
"""

from __future__ import annotations

from typing import Any

import prompts

from .base import Progress
from .batching import plan_batches, token_counts
from .engine import TranslationSettings, input_limit, prepare_model
from .loading import ModelRef, resolve_device


def is_instruction_model(name: str, config: Any) -> bool:
    """Decoder-only models and names that announce instruction tuning are driven by prompts."""
    lowered = name.lower()
    return not getattr(config, "is_encoder_decoder", False) or any(
        tag in lowered for tag in ("flan", "mt0", "instruct", "chat", "-it")
    )


class InstructionModel:
    def __init__(self, model: Any, tokenizer: Any, *, name: str, causal: bool, settings: TranslationSettings,
                 device: str, source_language: str = "nl", target_language: str = "en",
                 translate_template: str | None = None, progress: Progress | None = None):
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.causal = causal
        self.settings = settings
        self.device = device
        self.source_language = source_language
        self.target_language = target_language
        self.progress = progress
        self.family = "chat" if causal else "seq2seq"
        self.translate_template = prompts.get_template(translate_template or f"translate-{self.family}")
        if causal and tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token
        self.max_input_tokens = input_limit(model.config, tokenizer)

    @classmethod
    def load(cls, ref: ModelRef, settings: TranslationSettings | None = None, **kwargs: Any) -> InstructionModel:
        settings = settings or TranslationSettings()
        settings.validate()
        device = resolve_device(settings.device)
        causal = not getattr(ref.load_config(), "is_encoder_decoder", False)
        model, tokenizer = ref.load("causal" if causal else "seq2seq", device=device)
        model = prepare_model(model, settings, device)
        return cls(model, tokenizer, name=ref.name, causal=causal, settings=settings, device=device, **kwargs)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return token_counts(self.tokenizer, texts)

    def prompt_overhead(self, template: prompts.PromptTemplate, values: dict[str, Any]) -> int:
        """Tokens the prompt adds around the text."""
        return len(self._encode(template, {**values, "text": ""}))

    def _encode(self, template: prompts.PromptTemplate, values: dict[str, Any]) -> list[int]:
        system, prompt = template.render(**values)
        if not self.causal:
            return self.tokenizer(prompt)["input_ids"]
        messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
        if getattr(self.tokenizer, "chat_template", None):
            encoded = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)
            return list(encoded["input_ids"])
        return self.tokenizer("\n\n".join(m["content"] for m in messages) + "\n\n")["input_ids"]

    def generate(self, texts: list[str], template: prompts.PromptTemplate, values: dict[str, Any],
                 min_new_tokens: int = 0, max_new_tokens: int = 256, **generation: Any) -> list[str]:
        """Render `template` around each text and generate; returns only the new text."""
        import torch

        encoded = [self._encode(template, {**values, "text": text}) for text in texts]
        lengths = [len(ids) for ids in encoded]
        results = [""] * len(texts)
        side = "left" if self.causal else "right"  # decoders continue from the end of the prompt
        for batch in plan_batches(lengths, self.settings.max_batch_tokens, self.settings.batch_size or 8):
            self.tokenizer.padding_side = side
            features = self.tokenizer.pad({"input_ids": [encoded[i] for i in batch]}, return_tensors="pt")
            features = {key: value.to(self.device) for key, value in features.items()}
            kwargs = {"max_new_tokens": max_new_tokens, "min_new_tokens": min_new_tokens, **generation}
            if self.settings.num_beams is not None:
                kwargs.setdefault("num_beams", self.settings.num_beams)
            with torch.inference_mode():
                output = self.model.generate(**features, **kwargs)
            if self.causal:
                output = output[:, features["input_ids"].shape[1]:]
            for index, text in zip(batch, self.tokenizer.batch_decode(output, skip_special_tokens=True)):
                results[index] = text.strip()
        return results

    def translate_batch(self, sentences: list[str]) -> list[str]:
        values = {"source_language": self.source_language, "target_language": self.target_language}
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        results = [""] * len(sentences)
        lengths = self.count_tokens([sentences[i] for i in todo])
        cap = self.settings.max_new_tokens or 2 * max(lengths, default=1) + 16
        for index, text in zip(todo, self.generate([sentences[i] for i in todo], self.translate_template, values,
                                                   max_new_tokens=cap)):
            results[index] = " ".join(text.split())
        if self.progress:
            self.progress(len(sentences))
        return results
