"""Digest records: one typed schema for an article that went through and one that failed.

A record is what every stage passes on and what every output holds. It converts to a flat dict
(the JSON outputs, the result cache) and to an Arrow table with a fixed schema (Ray Data blocks,
Parquet), so an empty list or an all-null column never becomes Arrow's untyped `null`. Free-form
fields (`extra`) are JSON text in both: an object whose keys differ from record to record has no one
Arrow type, and an empty one is a struct Parquet cannot write.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow

    from summarize import Summary

    from .articles import Article


@dataclass
class Record:
    """One article's result; `error` is None when it went through.

    While stages work on a record, `original` holds the article text and `translation` the full
    translation; `finished` drops what the run does not include.
    """

    path: str
    title: str | None = None
    original_title: str | None = None
    date: str | None = None
    time: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    tags: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    summary: str | None = None
    summary_sentences: list[str] = field(default_factory=list)
    headline: str | None = None
    style: str | None = None
    translation: str | None = None
    segments: list[dict[str, Any]] | None = None
    original: str | None = None
    model: str | None = None
    length: str | None = None
    chunks: int = 0
    rounds: int = 0
    warnings: list[str] = field(default_factory=list)
    key: str | None = None
    cached: bool = False
    error: str | None = None

    # Record field <- Article attribute: the one place where article metadata enters a record.
    FROM_ARTICLE: typing.ClassVar[dict[str, str]] = {
        "path": "path", "original_title": "title", "date": "date", "time": "time", "source": "source",
        "url": "url", "author": "author", "published": "published", "tags": "tags", "credits": "credits",
        "extra": "extra", "original": "body",
    }

    @classmethod
    def from_article(cls, article: Article, key: str | None = None) -> Record:
        return cls(key=key, **{name: copy.copy(getattr(article, attribute))
                               for name, attribute in cls.FROM_ARTICLE.items()})

    @classmethod
    def failed(cls, path: str, error: str, key: str | None = None) -> Record:
        """A record for an input that could not be read at all."""
        return cls(path=path, error=error, key=key or failure_key(path, error))

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Record:
        """From `to_dict()` output, an Arrow row or a cached result (unknown keys are ignored)."""
        fields = {name: values[name] for name in _FIELDS if name in values}
        for name in _JSON:  # JSON text in flat dicts; an object in results cached by older versions
            if isinstance(fields.get(name), str):
                fields[name] = json.loads(fields[name])
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        """The flat dict of the JSON outputs and the cache: every value a scalar or a list, as Arrow wants."""
        values = {name: getattr(self, name) for name in _FIELDS}
        return {**values, **{name: json.dumps(values[name], ensure_ascii=False) for name in _JSON}}

    def fail(self, error: str) -> Record:
        """This article, failed: its metadata kept, every result field cleared."""
        metadata = {name: getattr(self, name) for name in self.FROM_ARTICLE if name != "original"}
        return Record(**metadata, key=self.key, error=error)

    def with_article_of(self, current: Record) -> Record:
        """A cached result carrying the metadata of the article it now stands for (same text, other file)."""
        return dataclasses.replace(self, cached=True, **{
            name: getattr(current, name) for name in self.FROM_ARTICLE if name != "original"})

    def with_summary(self, summary: Summary) -> Record:
        return dataclasses.replace(self, summary=summary.text, summary_sentences=list(summary.sentences),
                                   headline=summary.headline, style=summary.style, chunks=summary.chunks,
                                   rounds=summary.rounds, warnings=list(summary.warnings))

    def summary_object(self) -> Summary:
        from summarize import Summary

        return Summary(sentences=list(self.summary_sentences), style=self.style or "paragraph",
                       chunks=self.chunks, rounds=self.rounds, warnings=list(self.warnings))

    def finished(self, include_translation: bool, include_original: bool) -> Record:
        """Drop the working copies the run does not include in its output."""
        if self.error is not None:
            return self
        return dataclasses.replace(
            self, translation=self.translation if include_translation else None,
            segments=self.segments if include_translation else None,
            original=self.original if include_original else None)


_FIELDS = [f.name for f in dataclasses.fields(Record)]
# Free-form fields, JSON text in flat dicts and Arrow tables
_JSON = [f.name for f in dataclasses.fields(Record) if typing.get_origin(typing.get_type_hints(Record)[f.name]) is dict]


def failure_key(path: str, error: str) -> str:
    """Key of a record for an unreadable input, so a re-run does not write it twice."""
    payload = json.dumps(["unreadable", path, error], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


# -- Arrow --------------------------------------------------------------------------------------

def _arrow_type(hint: Any, name: str) -> pyarrow.DataType:
    import pyarrow as pa

    if name == "segments":
        return pa.list_(pa.struct([("paragraph", pa.int64()), ("source", pa.string()),
                                   ("translation", pa.string())]))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) is list:
        return pa.list_(_arrow_type(typing.get_args(hint)[0], name))
    if typing.get_origin(hint) is dict:  # free-form (a record's extra fields): JSON text, one type for all
        return pa.string()
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"Record.{name}: no Arrow type for {hint!r}; add one in newsdigest/records.py")


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of records, derived from the dataclass so a new field needs no second edit."""
    import pyarrow as pa

    hints = typing.get_type_hints(Record)
    return pa.schema([pa.field(name, _arrow_type(hints[name], name)) for name in _FIELDS])


def to_arrow(records: list[Record]) -> pyarrow.Table:
    """Records as one Arrow table with the fixed schema.

    A record whose text Arrow cannot store (a lone surrogate from a broken JSON escape, say) becomes
    a failure record instead of failing the whole batch.
    """
    import pyarrow as pa

    schema = arrow_schema()
    try:
        return pa.Table.from_pylist([record.to_dict() for record in records], schema=schema)
    except (pa.ArrowException, UnicodeError, TypeError, ValueError):
        rows = []
        for record in records:
            try:
                pa.Table.from_pylist([record.to_dict()], schema=schema)
                rows.append(record.to_dict())
            except (pa.ArrowException, UnicodeError, TypeError, ValueError) as error:
                path = record.path.encode("utf-8", "backslashreplace").decode("utf-8")
                rows.append(Record(path=path, key=record.key, error=f"{path}: cannot store the result "
                                   f"({type(error).__name__}: {error})").to_dict())
        return pa.Table.from_pylist(rows, schema=schema)


def from_arrow(table: pyarrow.Table) -> list[Record]:
    return [Record.from_dict(row) for row in table.to_pylist()]
