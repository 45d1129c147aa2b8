"""Abstractive summaries with length control, styles, and map-reduce for long inputs."""

from __future__ import annotations

import logging
from typing import Any, Protocol

import prompts
from engines import Backend, Decoding, ModelRef, RuntimeSettings, load_backend, offline_requested
from translate import fit_pieces, split_sentences

from .length import LengthSpec
from .settings import SummarySettings
from .styles import Summary, strip_markers

log = logging.getLogger("newsdigest")
DEFAULT_SUMMARY_MODEL = "sshleifer/distilbart-cnn-12-6"
DEFAULT_INSTRUCTION_MODEL = "Qwen/Qwen2.5-1.5B-Instruct"
MAX_ROUNDS = 12
# Below the model's own settings: summaries repeat themselves without it
TASK_DEFAULTS = {"no_repeat_ngram_size": 3}


def default_summary_model(order: str) -> str:
    """English BART for translate-then-summarise; a multilingual instruction model otherwise."""
    return DEFAULT_SUMMARY_MODEL if order == "translate-then-summarize" else DEFAULT_INSTRUCTION_MODEL


class Generator(Protocol):
    """What the summariser needs of a model: its limits, a token counter and `generate`."""

    name: str
    max_input_tokens: int
    max_output_tokens: int  # most new tokens in one summary
    overhead: int  # input tokens the model adds around a text (prefix, prompt, special tokens)
    output_reserve: int  # input tokens kept free for the answer (decoders share one window)

    def count_tokens(self, texts: list[str]) -> list[int]: ...

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, **kwargs: Any) -> list[str]: ...


class PlainGenerator:
    """A summarisation seq2seq model (BART, PEGASUS, T5 with its task prefix) fed the text as is."""

    def __init__(self, backend: Backend, settings: SummarySettings):
        self.backend = backend
        self.name = backend.name
        self.engine = backend.describe()
        self.prefix = backend.info.task_params("summarization").get("prefix", "")
        self.decoding = settings.resolve(backend.info.decoding_defaults("summarization"), TASK_DEFAULTS)
        self.max_input_tokens = backend.max_input_tokens
        self.max_output_tokens = backend.max_output_tokens
        self.overhead = backend.count_tokens([self.prefix])[0] + 2 if self.prefix else 2
        self.output_reserve = 0  # the encoder reads the input; the decoder has its own positions

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.backend.count_tokens(texts)

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, **_: Any) -> list[str]:
        inputs = self.backend.encode([self.prefix + text for text in texts])
        return self.backend.generate(inputs, self.decoding.with_lengths(min_new_tokens, max_new_tokens))


class PromptedGenerator:
    """An instruction model asked for a summary through a prompt template."""

    def __init__(self, backend: Backend, template: prompts.PromptTemplate, settings: SummarySettings,
                 source_language: str, target_language: str):
        self.backend = backend
        self.name = backend.name
        self.engine = backend.describe()
        self.template = template
        self.settings = settings
        self.source_language = source_language
        self.target_language = target_language
        self.decoding = settings.resolve(backend.info.decoding_defaults(), TASK_DEFAULTS)
        self.max_input_tokens = backend.max_input_tokens
        self.overhead = len(self._encode("", self._values(LengthSpec.parse(settings.length), 0, None)))
        # A decoder's prompt and answer share one context window: keep room for the answer.
        self.output_reserve = 0 if backend.encoder_decoder else min(self.max_input_tokens // 4, 512)
        self.max_output_tokens = self.output_reserve or backend.max_output_tokens

    def _values(self, length: LengthSpec, source_words: int, language: str | None) -> dict[str, Any]:
        return {
            "source_language": language or self.source_language, "target_language": self.target_language,
            "length": length.describe(), "sentences": length.sentence_target(source_words),
            "style": prompts.STYLE_INSTRUCTIONS[self.settings.style],
        }

    def _encode(self, text: str, values: dict[str, Any]) -> list[int]:
        return self.backend.encode_prompt(*self.template.render(**values, text=text))

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.backend.count_tokens(texts)

    def generate(self, texts: list[str], min_new_tokens: int, max_new_tokens: int, *,
                 length: LengthSpec | None = None, language: str | None = None) -> list[str]:
        length = length or LengthSpec.parse(self.settings.length)
        words = max((len(t.split()) for t in texts), default=0)
        values = self._values(length, words, language)
        inputs = [self._encode(text, values) for text in texts]
        # No minimum from the length: instruction models are told the length in the prompt instead;
        # one the user sets explicitly ([summary] min_new_tokens) still applies.
        maximum = min(max_new_tokens, self.max_output_tokens)
        return self.backend.generate(inputs, self.decoding.with_lengths(
            min(self.settings.min_new_tokens or 0, maximum), maximum))


class Summarizer:
    """Summarise texts of any length: chunk on sentences, summarise, and reduce until one piece fits."""

    def __init__(self, generator: Generator, settings: SummarySettings,
                 output_language: str = "en"):
        self.generator = generator
        self.settings = settings
        self.output_language = output_language
        self.name = generator.name
        self.engine = getattr(generator, "engine", None)
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

    def _bounds(self, spec: LengthSpec, source_words: int, warnings: list[str]) -> tuple[int, int]:
        """(min, max) new tokens for a summary: the length asked for, within what the model can write."""
        low, high = spec.token_bounds(source_words)
        if self.settings.max_new_tokens:
            high = min(high, self.settings.max_new_tokens)
        if self.settings.min_new_tokens:
            low = max(low, self.settings.min_new_tokens)
        ceiling = self.generator.max_output_tokens
        if high > ceiling:
            message = (f"length '{spec.text}' asks for up to {high} tokens but '{self.name}' writes at most "
                       f"{ceiling} in one summary; the summary is capped there")
            warnings.append(message)
            self._warn_once(f"ceiling {spec.text}", message)
            high = ceiling
        return min(low, high - 1), high

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
                bounds = self._bounds(spec, item["source_words"], item["warnings"])
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
                    target_language: str = "en", runtime: RuntimeSettings | None = None, offline: bool = False,
                    trust_remote_code: bool = False) -> Summarizer:
    """Load a summariser; whether it is fed the text or prompted is read from the model's config."""
    settings = settings or SummarySettings()
    settings.validate()
    ref = ModelRef(model or default_summary_model(order), offline=offline_requested(offline),
                   trust_remote_code=trust_remote_code)
    backend = load_backend(ref, runtime or RuntimeSettings(), role="summary model")
    prompted = settings.mode == "instruct" or settings.prompt is not None or (
        settings.mode == "auto" and not backend.encoder_decoder)
    generator: PlainGenerator | PromptedGenerator
    if prompted:
        family = "seq2seq" if backend.encoder_decoder else "chat"
        template = prompts.get_template(settings.prompt or f"summarize-{family}", settings.prompt_dirs)
        generator = PromptedGenerator(backend, template, settings, source_language, target_language)
    else:
        generator = PlainGenerator(backend, settings)
    return Summarizer(generator, settings, output_language=target_language)
