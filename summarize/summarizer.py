"""Abstractive summaries with length control, styles, and map-reduce for long inputs."""

from __future__ import annotations

import logging
from typing import Any

import prompts
from translate.batching import plan_batches, token_counts
from translate.chunking import fit_pieces
from translate.engine import TranslationSettings, input_limit, output_limit, prepare_model
from translate.instruct import InstructionModel, is_instruction_model
from translate.loading import ModelRef, resolve_device
from translate.segment import split_sentences

from .length import LengthSpec
from .settings import SummarySettings
from .styles import Summary, strip_markers

log = logging.getLogger("newsdigest")
DEFAULT_SUMMARY_MODEL = "sshleifer/distilbart-cnn-12-6"
DEFAULT_INSTRUCTION_MODEL = "Qwen/Qwen2.5-1.5B-Instruct"
MAX_ROUNDS = 12


def default_summary_model(order: str) -> str:
    """English BART for translate-then-summarise; a multilingual instruction model otherwise."""
    return DEFAULT_SUMMARY_MODEL if order == "translate-then-summarize" else DEFAULT_INSTRUCTION_MODEL


class PlainGenerator:
    """A summarisation seq2seq model (BART, PEGASUS, T5 with its task prefix) fed the text as is."""

    def __init__(self, model: Any, tokenizer: Any, *, name: str, settings: SummarySettings, device: str):
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.settings = settings
        self.device = device
        tasks = getattr(model.config, "task_specific_params", None) or {}
        self.prefix = (tasks.get("summarization") or {}).get("prefix", "")
        self.max_input_tokens = input_limit(model.config, tokenizer)
        self.overhead = len(tokenizer(self.prefix)["input_ids"]) if self.prefix else 2
        self.output_reserve = 0  # the encoder reads the input; the decoder has its own positions

    def count_tokens(self, texts: list[str]) -> list[int]:
        return token_counts(self.tokenizer, texts)

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, **_: Any) -> list[str]:
        import torch

        encoded = self.tokenizer([self.prefix + text for text in texts])["input_ids"]
        lengths = [len(ids) for ids in encoded]
        results = [""] * len(texts)
        for batch in plan_batches(lengths, 16384, self.settings.batch_size):
            features = self.tokenizer.pad({"input_ids": [encoded[i] for i in batch]}, return_tensors="pt")
            features = {key: value.to(self.device) for key, value in features.items()}
            with torch.inference_mode():
                output = self.model.generate(**features, **generation_kwargs(self.model, self.settings,
                                                                             min_new_tokens, max_new_tokens))
            for index, text in zip(batch, self.tokenizer.batch_decode(output, skip_special_tokens=True)):
                results[index] = text.strip()
        return results


class CT2Generator(PlainGenerator):
    """The same seq2seq summariser run by CTranslate2 (int8) instead of PyTorch."""

    def __init__(self, translator: Any, tokenizer: Any, config: Any, generation: Any, *, name: str,
                 settings: SummarySettings):
        self.translator = translator
        self.generation = generation
        self.model = type("Converted", (), {"config": config, "generation_config": generation})()
        super().__init__(self.model, tokenizer, name=name, settings=settings, device="cpu")

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, **_: Any) -> list[str]:
        from translate.ct2 import from_tokens, to_tokens

        kwargs = generation_kwargs(self.model, self.settings, min_new_tokens, max_new_tokens)
        tokens = to_tokens(self.tokenizer, [self.prefix + text for text in texts])
        results = [""] * len(texts)
        for batch in plan_batches([len(t) for t in tokens], 16384, self.settings.batch_size):
            output = self.translator.translate_batch(
                [tokens[i] for i in batch], max_batch_size=len(batch),
                beam_size=kwargs.get("num_beams") or self.generation.num_beams or 1,
                min_decoding_length=kwargs["min_new_tokens"], max_decoding_length=kwargs["max_new_tokens"],
                no_repeat_ngram_size=kwargs["no_repeat_ngram_size"],
                repetition_penalty=kwargs.get("repetition_penalty") or self.generation.repetition_penalty or 1.0,
                length_penalty=kwargs.get("length_penalty") or self.generation.length_penalty or 1.0)
            for index, result in zip(batch, output):
                results[index] = from_tokens(self.tokenizer, result.hypotheses[0])
        return results


class PromptedGenerator:
    """An instruction model asked for a summary through a prompt template."""

    def __init__(self, model: InstructionModel, template: prompts.PromptTemplate, settings: SummarySettings,
                 source_language: str, target_language: str):
        self.model = model
        self.name = model.name
        self.template = template
        self.settings = settings
        self.source_language = source_language
        self.target_language = target_language
        self.max_input_tokens = model.max_input_tokens
        self.overhead = model.prompt_overhead(template, self._values(LengthSpec.parse(settings.length), 0, None))
        # A decoder's prompt and answer share one context window: keep room for the answer.
        self.output_reserve = min(self.max_input_tokens // 4, 512) if model.causal else 0
        self.length: LengthSpec | None = None

    def _values(self, length: LengthSpec, source_words: int, language: str | None) -> dict[str, Any]:
        return {
            "source_language": language or self.source_language, "target_language": self.target_language,
            "length": length.describe(), "sentences": length.sentence_target(source_words),
            "style": prompts.STYLE_INSTRUCTIONS[self.settings.style],
        }

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.model.count_tokens(texts)

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, *,
                 length: LengthSpec | None = None, language: str | None = None) -> list[str]:
        length = length or LengthSpec.parse(self.settings.length)
        words = max((len(t.split()) for t in texts), default=0)
        if self.output_reserve:
            max_new_tokens = min(max_new_tokens, self.output_reserve)
        # No forced minimum: instruction models are told the length in the prompt instead.
        return self.model.generate(texts, self.template, self._values(length, words, language),
                                   **generation_kwargs(self.model.model, self.settings, 0, max_new_tokens))


def generation_kwargs(model: Any, settings: SummarySettings, min_new: int, max_new: int) -> dict[str, Any]:
    if getattr(model.config, "is_encoder_decoder", False):  # position tables bound the output
        max_new = min(max_new, output_limit(model.config, default=max_new))
        min_new = min(min_new, max_new - 1)
    config = getattr(model, "generation_config", None)
    kwargs: dict[str, Any] = {"min_new_tokens": min_new, "max_new_tokens": max_new,
                              "no_repeat_ngram_size": settings.no_repeat_ngram_size
                              or getattr(config, "no_repeat_ngram_size", None) or 3}
    for name in ("num_beams", "repetition_penalty", "length_penalty"):
        value = getattr(settings, name)
        if value is not None:
            kwargs[name] = value
    # Our own min/max lengths replace the model's defaults, which would otherwise still apply.
    kwargs["min_length"] = None
    kwargs["max_length"] = None
    return kwargs


class Summarizer:
    """Summarise texts of any length: chunk on sentences, summarise, and reduce until one piece fits."""

    def __init__(self, generator: PlainGenerator | PromptedGenerator, settings: SummarySettings,
                 output_language: str = "en"):
        self.generator = generator
        self.settings = settings
        self.output_language = output_language
        self.name = generator.name
        self._warned: set[str] = set()

    @property
    def budget(self) -> int:
        limit = self.generator.max_input_tokens
        if self.settings.max_input_tokens:
            limit = min(limit, self.settings.max_input_tokens)
        return max(16, limit - self.generator.overhead - self.generator.output_reserve - 2)

    def chunk(self, text: str, language: str) -> list[str]:
        """Token-bounded chunks of whole sentences; a sentence over the budget is split into pieces."""
        budget = self.budget
        sentences = [piece for sentence in split_sentences(text, language)
                     for piece in fit_pieces(sentence, self.generator.count_tokens, budget)]
        counts = self.generator.count_tokens(sentences)
        chunks: list[str] = []
        current: list[str] = []
        used = 0
        for sentence, count in zip(sentences, counts):
            if current and used + count + 1 > budget:
                chunks.append(" ".join(current))
                current, used = [], 0
            current.append(sentence)
            used += count + 1
        if current:
            chunks.append(" ".join(current))
        return chunks

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning("%s", message)

    def summarize(self, text: str, language: str = "en", length: str | None = None) -> Summary:
        return self.summarize_many([text], language, length)[0]

    def summarize_many(self, texts: list[str], language: str = "en", length: str | None = None) -> list[Summary]:
        """Summaries in input order; the final generation step is batched across texts."""
        spec = LengthSpec.parse(length or self.settings.length)
        reduced = [self._reduce(text, language, spec) for text in texts]
        finals: dict[int, str] = {}
        groups: dict[tuple[int, int, str], list[int]] = {}
        for index, item in enumerate(reduced):
            if item["chunks"]:
                bounds = spec.token_bounds(item["source_words"])
                groups.setdefault((*bounds, item["language"]), []).append(index)
        for (min_new, max_new, current), indices in groups.items():
            outputs = self.generator.generate([reduced[i]["chunks"][0] for i in indices], min_new, max_new,
                                              length=spec, language=current)
            finals.update(zip(indices, outputs))
        summaries = []
        for index, item in enumerate(reduced):
            sentences = spec.trim(split_sentences(strip_markers(finals[index]), self.output_language)) \
                if index in finals else []
            summaries.append(Summary(sentences, self.settings.style, chunks=item["first_round"],
                                     rounds=item["rounds"], warnings=item["warnings"]))
        return summaries

    def _reduce(self, text: str, language: str, spec: LengthSpec) -> dict[str, Any]:
        """Map-reduce until the text fits the model in one chunk (no chunks for an empty text)."""
        source_sentences = split_sentences(text, language)
        source_words = len(text.split())
        warnings: list[str] = []
        problem = spec.exceeds(source_words, len(source_sentences)) if source_sentences else None
        if problem:
            warnings.append(f"length '{spec.text}': {problem}; the summary will be shorter")
            self._warn_once(spec.text, f"length '{spec.text}' is more than some sources support ({problem}); "
                                       "their summaries will be shorter")
        chunks = self.chunk(text, language) if source_sentences else []
        first_round = len(chunks)
        rounds = 0
        current_language = language
        # Each partial summary gets a share of the budget small enough that together they fit in
        # fewer tokens than their sources; if a round does not shrink the text, the share halves.
        share = max(24, self.budget // 4)
        total = sum(self.generator.count_tokens(chunks))
        while len(chunks) > 1:
            rounds += 1
            if rounds > MAX_ROUNDS or share < 8:
                raise RuntimeError(f"summaries of {len(chunks)} chunks did not shrink after {rounds - 1} rounds")
            partials = self.generator.generate(chunks, min(share // 2, 32), share, language=current_language)
            current_language = self.output_language
            chunks = self.chunk(" ".join(strip_markers(p).replace("\n", " ") for p in partials), current_language)
            shrunk = sum(self.generator.count_tokens(chunks))
            if shrunk >= total:
                share //= 2
            total = shrunk
        return {"chunks": chunks, "first_round": first_round, "rounds": rounds, "language": current_language,
                "source_words": source_words, "warnings": warnings}


def load_summarizer(model: str | None = None, *, settings: SummarySettings | None = None,
                    order: str = "translate-then-summarize", source_language: str = "nl",
                    target_language: str = "en", engine: str = "torch", offline: bool = False,
                    trust_remote_code: bool = False) -> Summarizer:
    """Load a summariser; the kind (plain seq2seq or prompted instruction model) is detected."""
    from translate import ct2_available
    from translate.loading import offline_requested

    settings = settings or SummarySettings()
    settings.validate()
    ref = ModelRef(model or default_summary_model(order), offline=offline_requested(offline),
                   trust_remote_code=trust_remote_code)
    config = ref.load_config()
    instruct = settings.mode == "instruct" or settings.prompt is not None or (
        settings.mode == "auto" and is_instruction_model(ref.name, config))
    device = resolve_device(settings.device)
    translation_like = TranslationSettings(num_beams=settings.num_beams, batch_size=settings.batch_size,
                                           device=device, quantize=settings.quantize, threads=settings.threads)
    if instruct:
        instruction = InstructionModel.load(ref, translation_like, source_language=source_language,
                                            target_language=target_language)
        family = instruction.family
        template = prompts.get_template(settings.prompt or f"summarize-{family}", settings.prompt_dirs)
        generator: PlainGenerator | PromptedGenerator = PromptedGenerator(
            instruction, template, settings, source_language, target_language)
    elif engine == "ct2" or (engine == "auto" and ct2_available()):
        from translate.ct2 import load_ct2

        translator, tokenizer, config, generation = load_ct2(ref, device, settings.threads)
        generator = CT2Generator(translator, tokenizer, config, generation, name=ref.name, settings=settings)
    else:
        loaded, tokenizer = ref.load("seq2seq", device=device)
        loaded = prepare_model(loaded, translation_like, device)
        generator = PlainGenerator(loaded, tokenizer, name=ref.name, settings=settings, device=device)
    return Summarizer(generator, settings, output_language=target_language)
