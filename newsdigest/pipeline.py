"""The digest pipeline: read -> segment -> translate -> summarise, one record per article.

Models are loaded once, lazily, and shared by all articles; sentences of a group of articles are
translated in one batched call so batches span articles.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from summarize import Summarizer, Summary, default_summary_model, load_summarizer
from translate import (DocumentTranslation, ModelError, Translator, default_translation_model, load_translator,
                       translate_documents)
from translate.errors import NewsdigestError

from .articles import Article, Failure
from .cache import ResultCache, cache_key
from .config import PipelineConfig
from .signature import make_signature, package_version

log = logging.getLogger("newsdigest")
GROUP_SIZE = 16


class ArticleFailed(NewsdigestError):
    """Raised in fail-fast mode for the first article that fails."""


def detect_language(text: str) -> tuple[str, float]:
    """(language code, probability) from py3langid's bundled model."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = _identifier_cache.get("id")
    if identifier is None:
        identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
        _identifier_cache["id"] = identifier
    language, probability = identifier.classify(text[:5000])
    return language, float(probability)


_identifier_cache: dict[str, Any] = {}


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


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None, *, translator: Translator | None = None,
                 summarizer: Summarizer | None = None, cache: ResultCache | None = None,
                 progress: Callable[[int], None] | None = None):
        self.config = config or PipelineConfig()
        self.config.validate()
        self._translator = translator
        self._summarizer = summarizer
        self.cache = cache
        self.progress = progress

    # -- models, loaded on first use ------------------------------------------------------------
    @property
    def translation_model(self) -> str | None:
        """The translation model's name; None when source and target language are the same."""
        config = self.config
        if config.translation_model or config.source_language == config.target_language:
            return config.translation_model
        return default_translation_model(config.source_language, config.target_language)

    @property
    def summary_model(self) -> str:
        return self.config.summary_model or default_summary_model(self.config.order)

    @property
    def translator(self) -> Translator:
        if self._translator is None:
            self._translator = configured_translator(self.config)
        return self._translator

    @property
    def summarizer(self) -> Summarizer:
        if self._summarizer is None:
            config = self.config
            summary_language = config.source_language if config.order == "summarize-then-translate" \
                else config.target_language
            self._summarizer = configured_summarizer(config, config.source_language, summary_language)
        return self._summarizer

    # -- provenance -----------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """Everything that changes a result, for the signature and the cache key."""
        config = self.config
        return {
            "source_language": config.source_language, "target_language": config.target_language,
            "order": config.order, "runtime": dataclasses.asdict(config.runtime),
            "include_translation": config.include_translation, "include_original": config.include_original,
            "translation": dataclasses.asdict(config.translation),
            "summary": {k: v for k, v in dataclasses.asdict(config.summary).items() if k != "prompt_dirs"},
        }

    def signature(self) -> dict[str, Any]:
        """Models and settings; where models were loaded, also the engine each ran on."""
        settings = self.settings()
        engines = {role: getattr(model, "engine", None) for role, model in
                   (("translation", self._translator), ("summary", self._summarizer)) if model is not None}
        if any(engines.values()):
            settings["engines"] = {role: engine for role, engine in engines.items() if engine}
        return make_signature({"translation": self.translation_model, "summary": self.summary_model}, settings)

    # -- running --------------------------------------------------------------------------------
    def run(self, items: Iterable[Article | Failure]) -> Iterator[dict[str, Any]]:
        """One record per input, in input order; failures become records with an error."""
        group: list[Article | Failure] = []
        for item in items:
            group.append(item)
            if len(group) >= GROUP_SIZE:
                yield from self._run_group(group)
                group = []
        if group:
            yield from self._run_group(group)

    def _run_group(self, group: list[Article | Failure]) -> Iterator[dict[str, Any]]:
        records: dict[int, dict[str, Any]] = {}
        todo: list[tuple[int, Article, str | None]] = []
        for index, item in enumerate(group):
            if isinstance(item, Failure):
                records[index] = failure_record(item.path, item.error)
                continue
            key = self._key(item)
            cached = self.cache.get(key) if self.cache is not None and key else None
            if cached is not None:
                records[index] = {**cached, "path": item.path, "cached": True}
                continue
            skip = self._language_problem(item)
            if skip:
                records[index] = failure_record(item.path, skip, item)
                continue
            todo.append((index, item, key))
        if todo:
            try:
                done = self.process([article for _, article, _ in todo])
            except ModelError:
                raise
            except Exception:  # isolate the article that broke the batch; the others still go through
                done = [self._process_alone(article) for _, article, _ in todo]
            for (index, article, key), record in zip(todo, done):
                records[index] = record
                if self.cache is not None and key and record["error"] is None:
                    self.cache.put(key, record)
        for index in range(len(group)):
            record = records[index]
            if record["error"]:
                log.error("%s", record["error"])
                if self.config.fail_fast:
                    raise ArticleFailed(record["error"])
            if self.progress:
                self.progress(1)
            yield record

    def _process_alone(self, article: Article) -> dict[str, Any]:
        try:
            return self.process([article])[0]
        except ModelError:
            raise
        except Exception as error:  # one broken article must not end a digest of a hundred
            log.debug("article %s failed", article.path, exc_info=True)
            return failure_record(article.path, f"{article.path}: {type(error).__name__}: {error}", article)

    def _key(self, article: Article) -> str | None:
        return cache_key(article.content_hash, self.translation_model, self.summary_model, self.settings(),
                         package_version())

    def _language_problem(self, article: Article) -> str | None:
        mode = self.config.input.language_check
        if mode == "off" or len(article.body.split()) < 8:
            return None
        language, probability = detect_language(article.body)
        if language == self.config.source_language or probability < 0.9:
            return None
        message = (f"{article.path}: text looks like '{language}' (p={probability:.2f}), "
                   f"not '{self.config.source_language}'")
        if mode == "skip":
            return message + "; skipped (language_check = skip)"
        log.warning("%s", message)
        return None

    def process(self, articles: list[Article]) -> list[dict[str, Any]]:
        """Translate and summarise a group of articles; raises if any part fails."""
        config = self.config
        titles = [article.title or "" for article in articles]
        bodies = [article.body for article in articles]
        lang = config.source_language
        translations: list[DocumentTranslation | None]
        if config.order == "translate-then-summarize":
            documents = translate_documents(titles + bodies, self.translator, lang)
            title_docs, translations = documents[: len(articles)], documents[len(articles):]
            summaries = self.summarizer.summarize_many([doc.text for doc in translations], config.target_language)
        else:
            needed = titles + (bodies if config.include_translation else [])
            documents = translate_documents(needed, self.translator, lang)
            title_docs = documents[: len(articles)]
            translations = documents[len(articles):] or [None] * len(articles)
            summaries = self.summarizer.summarize_many(bodies, lang)
            if config.order == "summarize-then-translate":
                summaries = [self._translate_summary(summary) for summary in summaries]
        return [
            article_record(article, title.text or None, translation, summary, self.summary_model,
                           config.summary.length, include_original=config.include_original)
            for article, title, translation, summary in zip(articles, title_docs, translations, summaries)
        ]

    def _translate_summary(self, summary: Summary) -> Summary:
        translated = self.translator.translate_batch(summary.sentences)
        return dataclasses.replace(summary, sentences=translated)


def failure_record(path: str, error: str, article: Article | None = None) -> dict[str, Any]:
    return {
        "path": path, "title": None, "original_title": article.title if article else None,
        "date": article.date if article else None, "time": article.time if article else None,
        "source": article.source if article else None, "url": article.url if article else None,
        **_article_fields(article),
        "summary": None, "summary_sentences": [], "headline": None, "style": None, "translation": None,
        "segments": None, "original": None, "model": None, "length": None, "chunks": 0, "rounds": 0,
        "warnings": [], "cached": False, "error": error,
    }


def article_record(article: Article, title: str | None, translation: DocumentTranslation | None,
                   summary: Summary, model: str, length: str, include_original: bool = False) -> dict[str, Any]:
    return {
        "path": article.path, "title": title, "original_title": article.title, "date": article.date,
        "time": article.time, "source": article.source, "url": article.url, **_article_fields(article),
        "summary": summary.text, "summary_sentences": summary.sentences, "headline": summary.headline,
        "style": summary.style, "translation": translation.text if translation else None,
        "segments": [dataclasses.asdict(s) for s in translation.segments] if translation else None,
        "original": article.body if include_original else None,
        "model": model, "length": length, "chunks": summary.chunks, "rounds": summary.rounds,
        "warnings": summary.warnings, "cached": False, "error": None,
    }


def _article_fields(article: Article | None) -> dict[str, Any]:
    """What the readers found beside the text: byline, publication moment with offset, tags, credits,
    and the fields of a record that no other field takes."""
    return {"author": article.author if article else None, "published": article.published if article else None,
            "tags": list(article.tags) if article else [], "credits": list(article.credits) if article else [],
            "extra": dict(article.extra) if article else {}}
