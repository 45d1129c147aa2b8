"""Pipeline configuration and its one precedence rule: option > environment > file > default."""

from __future__ import annotations

import dataclasses
import os
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engines import InputError, RuntimeSettings
from summarize import SummarySettings
from translate import TranslationSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILENAME = "newsdigest.toml"
ENV_PREFIX = "NEWSDIGEST_"
# NEWSDIGEST_* variables that are not configuration keys: the config file itself, and where the
# CTranslate2 engine keeps converted models (read by engines.ct2_engine for library users too)
NON_CONFIG_VARIABLES = {"NEWSDIGEST_CONFIG", "NEWSDIGEST_CT2_DIR"}
ORDERS = ("translate-then-summarize", "summarize-then-translate", "direct")
FORMATS = ("markdown", "text", "html", "json", "jsonl")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
              ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass
class InputSettings:
    """How articles are found, fetched and read."""

    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                                          "*.json", "*.jsonl", "*.ndjson", "*.rss", "*.atom"])
    # JSON fields and front-matter keys: None reads the common names (title/headline/kop, text/body/...)
    title_field: str | None = None
    body_field: str | None = None
    date_field: str | None = None
    url_field: str | None = None
    source_field: str | None = None
    author_field: str | None = None
    language_check: str = "warn"  # warn | skip | off
    max_input_size: int = 100_000_000  # bytes per input file; larger ones are reported and skipped
    pipe_timeout: float = 30.0  # seconds without data before a pipe or device given as input is given up
    follow_symlinks: bool = False  # follow links in input folders that point outside them
    fetch: bool = True  # fetch the page a feed entry links to when the entry has no full text
    fetch_timeout: float = 30.0
    max_fetch_size: int = 10_000_000
    max_redirects: int = 5
    fetch_retries: int = 3  # retries on 429, 5xx and lost connections, with exponential backoff
    retry_backoff: float = 1.0  # seconds before the first retry when the server gives no Retry-After
    max_retry_wait: float = 120.0
    page_cache: bool = True  # keep fetched pages on disk, revalidated with ETag/Last-Modified
    page_cache_dir: str | None = None  # default: the user cache folder, newsdigest/pages

    def validate(self) -> None:
        if self.language_check not in ("warn", "skip", "off"):
            raise InputError(f"language_check must be warn, skip or off, not '{self.language_check}'")
        for name in ("max_input_size", "max_fetch_size", "fetch_timeout", "pipe_timeout"):
            if getattr(self, name) <= 0:
                raise InputError(f"input.{name} must be positive, not {getattr(self, name)}")
        for name in ("max_redirects", "fetch_retries", "retry_backoff", "max_retry_wait"):
            if getattr(self, name) < 0:
                raise InputError(f"input.{name} must not be negative, not {getattr(self, name)}")


@dataclass
class PipelineConfig:
    """Everything a digest run depends on. Unknown keys are rejected when loading."""

    source_language: str = "nl"
    target_language: str = "en"
    translation_model: str | None = None
    summary_model: str | None = None
    order: str = "translate-then-summarize"
    format: str | None = None
    include_translation: bool = False
    include_original: bool = False
    offline: bool = False
    trust_remote_code: bool = False
    cache: bool = True
    cache_dir: str | None = None
    fail_fast: bool = False
    runtime: RuntimeSettings = field(default_factory=RuntimeSettings)
    translation: TranslationSettings = field(default_factory=TranslationSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    input: InputSettings = field(default_factory=InputSettings)

    def validate(self) -> None:
        if self.order not in ORDERS:
            raise InputError(f"order must be one of {', '.join(ORDERS)}, not '{self.order}'")
        if self.format is not None and self.format not in FORMATS:
            raise InputError(f"format must be one of {', '.join(FORMATS)}, not '{self.format}'")
        self.runtime.validate()
        self.translation.validate()
        self.summary.validate()
        self.input.validate()


def _coerce(value: Any, hint: Any, key: str) -> Any:
    """Turn an environment string (or TOML value) into the field's type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None or (isinstance(value, str) and value.lower() in ("", "none", "null")):
            return None
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if origin is list:
        return [item.strip() for item in value.split(",") if item.strip()] if isinstance(value, str) else list(value)
    if hint is bool and isinstance(value, str):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise InputError(f"setting '{key}' must be true or false, not '{value}'")
    if hint in (int, float) and not isinstance(value, bool):
        try:
            return hint(value)
        except (TypeError, ValueError) as error:
            raise InputError(f"setting '{key}' must be a number, not '{value}'") from error
    if hint is str and not isinstance(value, str):
        raise InputError(f"setting '{key}' must be a string, not {value!r}")
    return value


def _build(cls: type, values: Mapping[str, Any], prefix: str = "") -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - fields)
    if unknown:
        raise InputError(f"unknown configuration key(s): {', '.join(prefix + key for key in unknown)}")
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, Mapping):
                raise InputError(f"configuration key '{prefix}{key}' must be a table")
            kwargs[key] = _build(hint, value, f"{prefix}{key}.")
        else:
            kwargs[key] = _coerce(value, hint, prefix + key)
    return cls(**kwargs)


def _merge(base: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError as error:
        raise InputError(f"{path}: configuration file not found") from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML ({error})") from error


def environment_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """NEWSDIGEST_ORDER=direct -> {order: direct}; NEWSDIGEST_SUMMARY__NUM_BEAMS=2 -> nested."""
    values: dict[str, Any] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name in NON_CONFIG_VARIABLES:
            continue
        path = name[len(ENV_PREFIX):].lower().split("__")
        target = values
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return values


def resolve_config(options: Mapping[str, Any] | None = None, config_file: str | Path | None = None,
                   environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> PipelineConfig:
    """The single place where precedence is decided: option > environment > file > default.

    `options` holds only what the user actually passed (None values are ignored); nested keys use
    the same tables as the file, e.g. {"translation": {"num_beams": 2}}.
    """
    environ = os.environ if environ is None else environ
    file = config_file or environ.get(ENV_PREFIX + "CONFIG")
    if file is None:
        candidate = (cwd or Path.cwd()) / CONFIG_FILENAME
        file = candidate if candidate.is_file() else None
    layers = [read_config_file(Path(file)) if file else {}, environment_settings(environ), _drop_none(options or {})]
    merged: dict[str, Any] = {}
    for layer in layers:
        merged = _merge(merged, layer)
    config = _build(PipelineConfig, merged)
    config.validate()
    return config


def _drop_none(options: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in options.items():
        if isinstance(value, Mapping):
            nested = _drop_none(value)
            if nested:
                cleaned[key] = nested
        elif value is not None:
            cleaned[key] = value
    return cleaned


def as_dict(config: PipelineConfig) -> dict[str, Any]:
    return dataclasses.asdict(config)
