"""Find models (a local directory, the Hugging Face cache, or the hub) and read what they are.

A model is first resolved to a local folder; every engine loads from that folder. What a model is
(encoder-decoder or decoder-only, with or without a chat template, its limits) is read from its
config files as JSON, so choosing an engine imports neither torch nor transformers' model code.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from dataclasses import dataclass
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .batching import quiet_length_warning
from .errors import ModelError, ModelNotFoundError, RemoteCodeRefusedError

_TRUE = {"1", "true", "yes", "on"}
# Weights in formats no engine here reads: a first download skips them (opus-mt repositories hold
# TensorFlow, Flax and Rust copies of every model).
_FOREIGN_WEIGHTS = ["*.h5", "*.msgpack", "*.ot", "*.onnx", "*.onnx_data", "*.tflite", "*.mlmodel", "onnx/*",
                    "openvino/*", "coreml/*", "tf_model*", "flax_model*", "rust_model*"]
# Tokenizer classes for model types whose tokenizer_config.json does not name its class
_TOKENIZER_FOR_TYPE = {"marian": "MarianTokenizer", "bart": "BartTokenizer", "t5": "T5Tokenizer",
                       "mt5": "T5Tokenizer", "longt5": "T5Tokenizer", "pegasus": "PegasusTokenizer",
                       "mbart": "MBartTokenizer"}


def offline_requested(flag: bool = False) -> bool:
    """Offline when asked for explicitly or through HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE."""
    env = (os.environ.get(name, "").strip().lower() for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))
    return flag or any(value in _TRUE for value in env)


def hub_cache_dir() -> str:
    from huggingface_hub import constants

    return str(constants.HF_HUB_CACHE)


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@dataclass(frozen=True)
class ModelRef:
    """Where a model comes from, as given by the user (hub id or directory)."""

    name: str
    offline: bool = False
    trust_remote_code: bool = False

    @property
    def is_directory(self) -> bool:
        return Path(self.name).expanduser().is_dir()

    @property
    def location(self) -> str:
        return str(Path(self.name).expanduser()) if self.is_directory else self.name

    def not_found(self, cause: BaseException | None = None) -> ModelNotFoundError:
        if self.is_directory:
            detail = f" ({first_line(cause)})" if cause else ""
            return ModelNotFoundError(f"directory '{self.location}' does not hold a usable model{detail}")
        if self.offline:
            return ModelNotFoundError(
                f"model '{self.name}' is not in the local Hugging Face cache ({hub_cache_dir()}) and "
                f"offline mode is on: run `newsdigest models download {self.name}` on a connected "
                "machine, or pass a model directory"
            )
        return ModelNotFoundError(
            f"model '{self.name}' is not in the local Hugging Face cache ({hub_cache_dir()}) and could "
            "not be downloaded from the Hugging Face hub: check the connection, run "
            f"`newsdigest models download {self.name}` on a connected machine, or pass a model directory"
        )

    def folder(self) -> Path:
        """The local folder with the model's files; downloads on first use unless offline."""
        return _local_folder(self)

    def info(self) -> ModelInfo:
        """What the model is, read from its config files; refuses remote code unless allowed."""
        info = _read_info(self)
        if info.needs_remote_code and not self.trust_remote_code:
            raise RemoteCodeRefusedError(
                f"model '{self.name}' needs to run code from its repository; pass --trust-remote-code "
                "only if you trust that code")
        return info


@functools.lru_cache(maxsize=32)
def _local_folder(ref: ModelRef) -> Path:
    if ref.is_directory:
        folder = Path(ref.location).resolve()
        if not (folder / "config.json").is_file():
            raise ModelNotFoundError(f"directory '{ref.location}' holds no model (no config.json)")
        return folder
    from huggingface_hub import snapshot_download

    with _quiet_hub():
        try:
            return Path(snapshot_download(ref.name, local_files_only=True))
        except Exception as error:  # the hub client raises several types for "not cached"
            if ref.offline:
                raise ref.not_found(error) from error
        try:
            return Path(snapshot_download(ref.name, ignore_patterns=_FOREIGN_WEIGHTS))
        except Exception as error:
            raise ref.not_found(error) from error


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: unreadable model file ({first_line(error)})") from error
    return data if isinstance(data, dict) else {}


@functools.lru_cache(maxsize=32)
def _read_info(ref: ModelRef) -> ModelInfo:
    folder = ref.folder()
    config = _read_json(folder / "config.json")
    if not config:
        raise ref.not_found(ModelError("config.json is missing or empty"))
    generation = _read_json(folder / "generation_config.json")
    # Older repositories keep generation defaults in config.json itself
    legacy = {key: config[key] for key in ("num_beams", "length_penalty", "no_repeat_ngram_size",
                                           "repetition_penalty", "max_length") if key in config}
    return ModelInfo(ref=ref, folder=folder, config=config, generation={**legacy, **generation},
                     tokenizer_config=_read_json(folder / "tokenizer_config.json"))


@dataclass(frozen=True)
class ModelInfo:
    """A model's configuration as read from its folder: its kind and its limits."""

    ref: ModelRef
    folder: Path
    config: dict[str, Any]
    generation: dict[str, Any]
    tokenizer_config: dict[str, Any]

    @property
    def name(self) -> str:
        return self.ref.name

    @property
    def model_type(self) -> str:
        return str(self.config.get("model_type", ""))

    @property
    def encoder_decoder(self) -> bool:
        return bool(self.config.get("is_encoder_decoder"))

    @property
    def needs_remote_code(self) -> bool:
        return "auto_map" in self.config

    def task_params(self, task: str) -> dict[str, Any]:
        """The model's own settings for a task ('summarization', 'translation_en_to_de')."""
        params = (self.config.get("task_specific_params") or {}).get(task)
        return params if isinstance(params, dict) else {}

    def decoding_defaults(self, task: str | None = None) -> dict[str, Any]:
        """The model's generation config, with its task-specific settings on top."""
        return {**self.generation, **(self.task_params(task) if task else {})}

    def input_limit(self, tokenizer: Any = None) -> int:
        """The number of input tokens the model accepts (its position table or the tokenizer's limit)."""
        limits = [getattr(tokenizer, "model_max_length", None), self.tokenizer_config.get("model_max_length"),
                  self.config.get("max_position_embeddings"), self.config.get("n_positions")]
        usable = [limit for limit in limits if isinstance(limit, int) and 0 < limit < 1_000_000]
        return min(usable) if usable else 512

    def output_limit(self) -> int:
        """Most tokens the decoder can produce in one sequence.

        Learned or sinusoidal positions (Marian, BART) end at max_position_embeddings; the start
        token takes one and one more is kept spare: going past them is an IndexError mid-batch. A
        decoder-only model shares this window with its prompt (see Backend.room_for_output).
        """
        positions = self.config.get("max_position_embeddings")
        if isinstance(positions, int) and positions > 2:
            return positions - 2 if self.encoder_decoder else positions
        relative = self.config.get("n_positions")  # T5: relative positions, trained at this length
        return relative if isinstance(relative, int) and relative > 0 else 1024

    def load_tokenizer(self) -> Any:
        """The model's tokenizer, by the class its files name: no torch import for known classes."""
        import transformers

        name = self.tokenizer_config.get("tokenizer_class") or _TOKENIZER_FOR_TYPE.get(self.model_type)
        remote = "auto_map" in self.tokenizer_config
        tokenizer_class = getattr(transformers, name, None) if name and not remote else None
        if tokenizer_class is None:
            tokenizer_class = transformers.AutoTokenizer
        try:
            tokenizer = tokenizer_class.from_pretrained(str(self.folder), trust_remote_code=self.ref.trust_remote_code)
        except (OSError, ValueError, TypeError) as error:
            raise ModelError(f"model '{self.name}': cannot load its tokenizer ({first_line(error)})") from error
        quiet_length_warning(tokenizer)
        return tokenizer


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """No "Loading weights" progress bar while transformers loads a model; the setting is restored."""
    from transformers.utils import logging as hf_logging

    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if bar:
            hf_logging.enable_progress_bar()


@contextlib.contextmanager
def _quiet_hub() -> Iterator[None]:
    """The hub client logs retries while it looks for a model; our errors say it in one line.
    Its verbosity is restored afterwards, for the library user who set it."""
    from huggingface_hub.utils import logging as hub_logging

    level = hub_logging.get_verbosity()
    hub_logging.set_verbosity_error()
    try:
        yield
    finally:
        hub_logging.set_verbosity(level)


def download(name: str) -> str:
    """Fetch a model into the Hugging Face cache (for use later, offline)."""
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(name, ignore_patterns=_FOREIGN_WEIGHTS)
    except Exception as error:  # the hub client raises many types; all mean "could not fetch"
        raise ModelNotFoundError(f"could not download model '{name}': {first_line(error)}") from error
