"""Pipeline configuration and its one precedence rule: option > environment > file > default."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import stat
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

    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.mhtml",
                                                          "*.mht", "*.json", "*.jsonl", "*.ndjson", "*.jl", "*.rss", "*.atom",
                                                          "*.parquet", "*.wet", "*.eml"])
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


# text settings that may be written as a TOML number: `length = 3` means three sentences
NUMBERS_AS_TEXT = {"summary.length"}


class SettingError(InputError):
    """A value of the wrong type; `key` is its dotted name, so the caller can say where it came from."""

    def __init__(self, key: str, message: str):
        super().__init__(f"setting '{key}' {message}")
        self.key = key


def _shown(value: Any) -> str:
    """A value as the user wrote it in TOML or the environment."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Mapping):
        return "a table"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _coerce(value: Any, hint: Any, key: str, text: bool = False) -> Any:
    """A TOML value (or, with `text`, an environment string) as the field's type; anything else is an error.

    Environment strings are parsed (the environment only has strings); TOML values must have the
    field's type: `num_beams = true`, `2.9` or `"2"` is refused, never turned into 1 or 2.
    """
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None or (text and value.lower() in ("", "none", "null")):
            return None
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if origin is list:
        if text:
            return [item.strip() for item in value.split(",") if item.strip()]
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return list(value)
        raise SettingError(key, f"must be a list of strings, not {_shown(value)}")
    if hint is bool:
        if isinstance(value, bool):
            return value
        if text and value.lower() in ("1", "true", "yes", "on"):
            return True
        if text and value.lower() in ("0", "false", "no", "off"):
            return False
        raise SettingError(key, f"must be true or false, not {_shown(value)}")
    if hint is int:
        if text and re.fullmatch(r"\s*[+-]?\d{1,30}\s*", value):
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= 2**31:
                raise SettingError(key, f"is too large ({value})")
            return value
        raise SettingError(key, f"must be a whole number, not {_shown(value)}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        if text:
            try:
                number = float(value)
            except ValueError:
                number = math.nan
            if math.isfinite(number):
                return number
        raise SettingError(key, f"must be a number, not {_shown(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        if key in NUMBERS_AS_TEXT and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if key in NUMBERS_AS_TEXT:
            raise SettingError(key, f"must be a string or a whole number, not {_shown(value)}")
        raise SettingError(key, f"must be a string, not {_shown(value)}")
    return value


def _typed(cls: type, values: Mapping[str, Any], unknown: list[str], prefix: str = "",
           text: bool = False) -> dict[str, Any]:
    """`values` with each one turned into its field's type; keys `cls` lacks are added to `unknown`.
    With `text`, the values are strings to parse (the environment's)."""
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    typed: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            unknown.append(prefix + key)
            continue
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, Mapping):
                raise SettingError(prefix + key, "must be a table")
            typed[key] = _typed(hint, value, unknown, f"{prefix}{key}.", text)
        else:
            typed[key] = _coerce(value, hint, prefix + key, text and isinstance(value, str))
    return typed


def _build(cls: type, values: Mapping[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    return cls(**{key: _build(hints[key], value) if dataclasses.is_dataclass(hints[key]) else value
                  for key, value in values.items()})


def _merge(base: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


MAX_CONFIG_SIZE = 1_000_000  # bytes; a configuration is a few hundred


def read_config_file(path: Path) -> dict[str, Any]:
    """The file's tables; only a regular file of reasonable size is read (not /dev/zero, not a FIFO),
    and prompt paths in it are taken relative to the file's folder."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(f"{path}: the configuration must be a regular file")
        with open(path, "rb") as stream:
            data = stream.read(MAX_CONFIG_SIZE + 1)
        if len(data) > MAX_CONFIG_SIZE:
            raise InputError(f"{path}: over {MAX_CONFIG_SIZE:,} bytes; not a configuration file")
        values = tomllib.loads(data.decode("utf-8-sig"))  # a BOM, as some Windows editors write, is fine
    except FileNotFoundError as error:
        raise InputError(f"{path}: configuration file not found") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 (byte {error.start}); TOML files must be UTF-8, so save it as "
                         "UTF-8") from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML ({error})") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read the configuration file ({error.strerror or error})") from error
    return _relative_to(values, Path(path).parent)


def _relative_to(values: dict[str, Any], folder: Path) -> dict[str, Any]:
    """`prompt = "prompts/short.toml"` in a config names a file beside the config, wherever the run starts."""
    summary = values.get("summary")
    if not isinstance(summary, dict):
        return values

    def beside(name: Any) -> Any:
        if not isinstance(name, str) or Path(name).is_absolute() or not (folder / name).exists():
            return name
        return str(folder / name)

    if "prompt" in summary:
        summary["prompt"] = beside(summary["prompt"])
    if isinstance(summary.get("prompt_dirs"), list):
        summary["prompt_dirs"] = [beside(name) for name in summary["prompt_dirs"]]
    return values


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
    layers = [(str(file), read_config_file(Path(file)) if file else {}),
              ("environment", environment_settings(environ)), ("options", _drop_none(options or {}))]
    merged: dict[str, Any] = {}
    unknown_keys: list[str] = []
    problems: list[str] = []
    for where, values in layers:
        unknown: list[str] = []
        try:
            typed = _typed(PipelineConfig, values, unknown, text=where == "environment")
        except SettingError as error:
            problems.append(f"{_origin(where, error.key)}: {error}")
            typed = {}
        if unknown:
            names = _variables(unknown, environ) if where == "environment" else unknown
            problems.append(f"{where}: unknown configuration key(s): {', '.join(names)}")
        try:
            candidate = _build(PipelineConfig, _merge(merged, typed))
            candidate.validate()
        except InputError as error:  # a value of the right type but out of range: say where it was set
            problems.append(f"{where}: {error}")
            continue
        merged, config = _merge(merged, typed), candidate
    if problems:
        raise InputError("; ".join(problems))
    return config


def _variables(keys: list[str], environ: Mapping[str, str]) -> list[str]:
    """The environment variables that set `keys` (an unknown table key may stand for several)."""
    def key_of(name: str) -> str:
        return ".".join(name[len(ENV_PREFIX):].lower().split("__"))

    return sorted(name for name in environ if name.startswith(ENV_PREFIX) and name not in NON_CONFIG_VARIABLES
                  and any(key_of(name) == key or key_of(name).startswith(key + ".") for key in keys))


def _origin(where: str, key: str) -> str:
    """Where a setting came from: the file, the option, or the environment variable's own name."""
    return ENV_PREFIX + key.replace(".", "__").upper() if where == "environment" else where


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
