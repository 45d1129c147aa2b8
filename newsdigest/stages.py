"""The digest as stages: reading, translating and summarising, each a callable over a batch of records.

A stage loads its models once, in `__init__`, from the run's config (a picklable dataclass), so a
cluster can keep it in an actor; the local runner (`pipeline.Pipeline`) and the Ray runner
(`distributed`) call the same stages. A model stage never fails a batch for one article: the article
that breaks it becomes a failure record and the others go through.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from typing import Any

from summarize import Summarizer, default_summary_model, load_summarizer
from translate import (ModelError, Translator, default_translation_model, load_translator, protect_spans,
                       translate_documents)

from .articles import Article, Failure
from .cache import cache_key
from .config import PipelineConfig
from .languages import detect_language, language_identifier
from .records import Record
from .signature import make_signature, package_version

log = logging.getLogger("newsdigest")


def configured_translator(config: PipelineConfig, progress: Callable[[int], None] | None = None) -> Translator:
    """The translator `config` names, loaded with all of its translation settings."""
    return load_translator(config.translation_model, source_language=config.source_language,
                           target_language=config.target_language, settings=config.translation,
                           runtime=config.runtime, offline=config.offline,
                           trust_remote_code=config.trust_remote_code, progress=progress,
                           prompt_dirs=config.summary.prompt_dirs)


def configured_summarizer(config: PipelineConfig, source_language: str, target_language: str) -> Summarizer:
    """The summariser `config` names, for text in `source_language` summarised into `target_language`."""
    return load_summarizer(config.summary_model, settings=config.summary, order=config.order,
                           source_language=source_language, target_language=target_language,
                           runtime=config.runtime, offline=config.offline, trust_remote_code=config.trust_remote_code)


def run_summarizer(config: PipelineConfig) -> Summarizer:
    """The summariser for the run's order: of the source text into the source language for
    summarize-then-translate (the summary is translated after), into the target language otherwise."""
    language = config.source_language if config.order == "summarize-then-translate" else config.target_language
    return configured_summarizer(config, config.source_language, language)


# -- what a run is: models and settings, for signatures and record keys ----------------------------

def model_names(config: PipelineConfig) -> dict[str, str | None]:
    """The models a run uses; no translation model when source and target language are the same."""
    translation = config.translation_model
    if not translation and config.source_language != config.target_language:
        translation = default_translation_model(config.source_language, config.target_language)
    return {"translation": translation, "summary": config.summary_model or default_summary_model(config.order)}


# Runtime settings that change only speed, never a result: they are in the signature, not in the key.
SPEED_ONLY = ("threads", "batch_size", "max_batch_tokens")


def run_settings(config: PipelineConfig) -> dict[str, Any]:
    """The run's settings as the signature shows them: what changes a result, plus the speed settings."""
    return {
        "source_language": config.source_language, "target_language": config.target_language,
        "order": config.order, "runtime": dataclasses.asdict(config.runtime),
        "include_translation": config.include_translation, "include_original": config.include_original,
        "translation": dataclasses.asdict(config.translation),
        "summary": {k: v for k, v in dataclasses.asdict(config.summary).items() if k != "prompt_dirs"},
    }


def key_settings(config: PipelineConfig) -> dict[str, Any]:
    """What can change a record, for its key: the settings less those that change only speed (so a
    re-run with other --threads or --batch-size reuses the cache and a --ray shard folder)."""
    settings = run_settings(config)
    runtime = {name: value for name, value in settings["runtime"].items() if name not in SPEED_ONLY}
    return {**settings, "runtime": runtime}


def run_signature(config: PipelineConfig, engines: dict[str, str] | None = None) -> dict[str, Any]:
    """Models and settings; `engines`, where known, names the engine each model ran on."""
    settings = run_settings(config)
    if engines:
        settings["engines"] = engines
    return make_signature(model_names(config), settings)


# -- reading ------------------------------------------------------------------------------------

class ReadStage:
    """Parsed articles (or read failures) -> keyed records; text in another language is warned about
    or skipped as the config says."""

    name = "reading"

    def __init__(self, config: PipelineConfig):
        self.config = config
        self.check = config.input.language_check
        if self.check != "off":
            language_identifier()
        models = model_names(config)
        self._key_parts = (models["translation"], models["summary"], key_settings(config), package_version())

    def key(self, article: Article) -> str:
        """Same article text, models, settings and version: same key, here, in the cache and on a cluster."""
        return cache_key(article.content_hash, *self._key_parts)

    def __call__(self, items: Sequence[Article | Failure]) -> list[Record]:
        return [self._record(item) for item in items]

    def _record(self, item: Article | Failure) -> Record:
        if isinstance(item, Failure):
            return Record.failed(item.path, item.error)
        try:
            record = Record.from_article(item, self.key(item))
            problem = self._language_problem(item)
        except Exception as error:  # e.g. text that cannot be encoded (a lone surrogate from a JSON escape)
            log.debug("article %s failed", item.path, exc_info=True)
            return Record.failed(item.path, f"{item.path}: {type(error).__name__}: {error}")
        return record.fail(problem) if problem else record

    def _language_problem(self, article: Article) -> str | None:
        if self.check == "off" or len(article.body.split()) < 8:
            return None
        language, probability = detect_language(article.body)
        if language == self.config.source_language or probability < 0.9:
            return None
        message = (f"{article.path}: text looks like '{language}' (p={probability:.2f}), "
                   f"not '{self.config.source_language}'")
        if self.check == "skip":
            return message + "; skipped (language_check = skip)"
        log.warning("%s", message)
        return None


# -- model stages -------------------------------------------------------------------------------

class Stage:
    """A model stage: the base owns the batch loop and failure isolation, subclasses fill `process`."""

    name = "stage"

    def __init__(self, config: PipelineConfig):
        self.config = config

    def process(self, records: list[Record]) -> list[Record]:
        """Work on records that have not failed; may raise for the whole batch."""
        raise NotImplementedError

    def __call__(self, records: Sequence[Record]) -> list[Record]:
        out = list(records)
        todo = [index for index, record in enumerate(out) if record.error is None]
        if not todo:
            return out
        batch = [out[index] for index in todo]
        try:
            done = self.process(batch)
        except ModelError:
            raise
        except Exception:  # isolate the article that broke the batch; the others still go through
            done = [self._alone(record) for record in batch]
        for index, record in zip(todo, done):
            out[index] = record
        return out

    def _alone(self, record: Record) -> Record:
        try:
            return self.process([record])[0]
        except ModelError:
            raise
        except Exception as error:  # one broken article must not end a digest of a hundred
            log.debug("article %s failed", record.path, exc_info=True)
            return record.fail(f"{record.path}: {type(error).__name__}: {error}")


class TranslationStage(Stage):
    """Titles always; the text when it is summarised in English or included; a summary written in the
    source language."""

    name = "translating"

    def __init__(self, config: PipelineConfig, translator: Translator | None = None,
                 progress: Callable[[int], None] | None = None):
        super().__init__(config)
        self.translator = translator or configured_translator(config, progress)

    def process(self, records: list[Record]) -> list[Record]:
        config = self.config
        order = config.order
        whole = order == "translate-then-summarize" or config.include_translation
        texts = [record.original_title or "" for record in records]
        if whole:
            texts += [record.original or "" for record in records]
        documents = translate_documents(texts, self.translator, config.source_language)
        titles, bodies = documents[: len(records)], documents[len(records):]
        out = []
        for index, record in enumerate(records):
            changes: dict[str, Any] = {"title": titles[index].text or None}
            if whole:
                changes["translation"] = bodies[index].text
                changes["segments"] = [dataclasses.asdict(segment) for segment in bodies[index].segments]
            out.append(dataclasses.replace(record, **changes))
        if order == "summarize-then-translate":
            out = self._translate_summaries(out)
        return out

    def _translate_summaries(self, records: list[Record]) -> list[Record]:
        sentences = [sentence for record in records for sentence in record.summary_sentences]
        # spans (URLs, handles, codes) in a summary stay verbatim, as in the article's own text
        translated = iter(protect_spans(self.translator).translate_batch(sentences) if sentences else [])
        out = []
        for record in records:
            summary = record.summary_object()
            summary = dataclasses.replace(summary, sentences=[next(translated) for _ in summary.sentences])
            out.append(record.with_summary(summary))
        return out


class SummaryStage(Stage):
    """Summaries of the English translation, or of the source text for the other two orders."""

    name = "summarising"

    def __init__(self, config: PipelineConfig, summarizer: Summarizer | None = None):
        super().__init__(config)
        self.summarizer = summarizer or run_summarizer(config)
        self.model = model_names(config)["summary"]

    def process(self, records: list[Record]) -> list[Record]:
        config = self.config
        if config.order == "translate-then-summarize":
            texts, language = [record.translation or "" for record in records], config.target_language
        else:
            texts, language = [record.original or "" for record in records], config.source_language
        summaries = self.summarizer.summarize_many(texts, language)
        return [dataclasses.replace(record.with_summary(summary), model=self.model, length=config.summary.length)
                for record, summary in zip(records, summaries)]


def stage_classes(config: PipelineConfig) -> list[type[Stage]]:
    """The model stages in the order the config asks for."""
    if config.order == "summarize-then-translate":
        return [SummaryStage, TranslationStage]
    return [TranslationStage, SummaryStage]


def finish(record: Record, config: PipelineConfig) -> Record:
    """The record as the output holds it: working copies the run does not include are dropped."""
    return record.finished(config.include_translation, config.include_original)
