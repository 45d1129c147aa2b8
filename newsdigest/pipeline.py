"""The local runner: read -> translate -> summarise on this machine, one record per article.

It calls the stages in `stages.py` (the Ray runner calls the same ones) and adds what a single
process can give: the result cache, progress, fail-fast and records yielded in input order. Models
load on first need, so a run whose articles are all cached loads none.

Articles go through the first model stage in groups (translation batches span articles) and through
the last one in batches sized by time: one article at a time while an article takes a while and
batching does not make it cheaper (a real model on a CPU), larger batches while articles are quick
or batching pays (a GPU). Each article is cached and counted as soon as its batch is done, so an
interruption loses little and progress moves per article.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from summarize import Summarizer
from translate import Translator
from translate.errors import NewsdigestError

from .articles import Article, Failure
from .cache import ResultCache
from .config import PipelineConfig
from .records import Record
from .stages import (ReadStage, Stage, SummaryStage, TranslationStage, configured_summarizer,  # noqa: F401
                     configured_translator, detect_language, finish, model_names, run_settings, run_signature,
                     run_summarizer, stage_classes)

log = logging.getLogger("newsdigest")
GROUP_SIZE = 16
# Seconds the last stage may take for one batch before its batches shrink (to one article at least).
FINISH_SECONDS = 1.0


class ArticleFailed(NewsdigestError):
    """Raised in fail-fast mode for the first article that fails."""


class Progress(Protocol):
    """What the runner reports: the stage it is in, each article it has finished, and (where the
    reporter has a `sentences` method) the sentences translated, batch by batch, which move while a
    group of articles is being translated together."""

    def stage(self, name: str) -> None: ...

    def advance(self, count: int) -> None: ...


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None, *, translator: Translator | None = None,
                 summarizer: Summarizer | None = None, cache: ResultCache | None = None,
                 progress: Progress | None = None):
        self.config = config or PipelineConfig()
        self.config.validate()
        self._translator = translator
        self._summarizer = summarizer
        self._stages: list[Stage] | None = None
        self._reader: ReadStage | None = None
        self.cache = cache
        self.progress = progress
        self.keys: list[str] = []  # keys of the articles this run has read, for what an interruption kept
        self._finish_batch = 1
        self._per_article: dict[int, float] = {}  # seconds per article at each batch size tried

    @property
    def translation_model(self) -> str | None:
        """The translation model's name; None when source and target language are the same."""
        return model_names(self.config)["translation"]

    @property
    def summary_model(self) -> str:
        return model_names(self.config)["summary"]

    def settings(self) -> dict[str, Any]:
        """Everything that changes a result, for the signature and the cache key."""
        return run_settings(self.config)

    def signature(self) -> dict[str, Any]:
        """Models and settings; where models were loaded, also the engine each ran on."""
        engines = {role: getattr(model, "engine", None) for role, model in
                   (("translation", self._translator), ("summary", self._summarizer)) if model is not None}
        return run_signature(self.config, {role: engine for role, engine in engines.items() if engine})

    # -- models, loaded on first use ------------------------------------------------------------
    @property
    def translator(self) -> Translator:
        if self._translator is None:
            self._translator = configured_translator(self.config, getattr(self.progress, "sentences", None))
        return self._translator

    @property
    def summarizer(self) -> Summarizer:
        if self._summarizer is None:
            self._summarizer = run_summarizer(self.config)
        return self._summarizer

    @property
    def stages(self) -> list[Stage]:
        """The model stages, in the order the config asks for."""
        if self._stages is None:
            self._stages = [TranslationStage(self.config, self.translator) if cls is TranslationStage
                            else SummaryStage(self.config, self.summarizer) for cls in stage_classes(self.config)]
        return self._stages

    # -- running --------------------------------------------------------------------------------
    def run(self, items: Iterable[Article | Failure]) -> Iterator[dict[str, Any]]:
        """One record per input, in input order; failures become records with an error."""
        if self._reader is None:
            self._reader = ReadStage(self.config)
        group: list[Article | Failure] = []
        for item in items:
            group.append(item)
            if len(group) >= GROUP_SIZE:
                yield from self._run_group(self._reader(group))
                group = []
        if group:
            yield from self._run_group(self._reader(group))

    def _run_group(self, records: list[Record]) -> Iterator[dict[str, Any]]:
        todo: list[int] = []
        for index, record in enumerate(records):
            if record.error is not None:
                continue
            self.keys.append(record.key)
            cached = self.cache.get(record.key) if self.cache is not None else None
            if cached is not None:
                records[index] = Record.from_dict(cached).with_article_of(record)
            else:
                todo.append(index)
        done = 0  # records[:done] have been yielded
        if todo:
            *first, last = self.stages
            batch = [records[index] for index in todo]
            for stage in first:
                self._report(stage.name)
                batch = stage(batch)
            for index, record in zip(todo, batch):
                records[index] = record
            while todo:
                chunk, todo = todo[:self._finish_batch], todo[self._finish_batch:]
                self._report(last.name)
                started = time.monotonic()
                for index, record in zip(chunk, last([records[index] for index in chunk])):
                    records[index] = finish(record, self.config)
                    if self.cache is not None and records[index].error is None:
                        self.cache.put(records[index].key, records[index].to_dict())
                self._resize(time.monotonic() - started, len(chunk))
                yield from self._emit(records[done:chunk[-1] + 1])
                done = chunk[-1] + 1
        yield from self._emit(records[done:])

    def _resize(self, seconds: float, articles: int) -> None:
        """Batch size for the last stage, from how long batches take.

        Double while articles are quick, or while a larger batch makes each article cheaper (a GPU);
        halve when a batch runs past ten times FINISH_SECONDS, or when batching slow articles did
        not pay (a CPU, where a real model gains little from it), so progress stays per article.
        """
        size = self._finish_batch
        if articles != size:
            return  # a group's last, shorter batch says nothing about the size
        per_article = seconds / articles
        self._per_article[size] = per_article
        limit = 10 * FINISH_SECONDS
        quick = per_article < FINISH_SECONDS / 4
        smaller = self._per_article.get(size // 2) if size > 1 else None
        if seconds > limit or (not quick and smaller is not None and per_article >= 0.8 * smaller):
            self._finish_batch = max(1, size // 2)
            return
        larger = self._per_article.get(size * 2)
        if size < GROUP_SIZE and 2 * seconds <= limit and (quick or larger is None or larger < 0.8 * per_article):
            self._finish_batch = size * 2

    def _emit(self, records: list[Record]) -> Iterator[dict[str, Any]]:
        for record in records:
            if record.error:
                log.error("%s", record.error)
                if self.config.fail_fast:
                    raise ArticleFailed(record.error)
            if self.progress:
                self.progress.advance(1)
            yield record.to_dict()

    def _report(self, stage: str) -> None:
        if self.progress:
            self.progress.stage(stage)
