"""Find and load Hugging Face models: a local directory, the local cache, or the hub.

Everything here imports transformers lazily so that `newsdigest --help` stays fast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ModelError, ModelNotFoundError, RemoteCodeRefusedError

_TRUE = {"1", "true", "yes", "on"}


def default_translation_model(source_language: str, target_language: str) -> str:
    """The OPUS-MT model for a language pair, e.g. Helsinki-NLP/opus-mt-nl-en."""
    return f"Helsinki-NLP/opus-mt-{source_language}-{target_language}"


def offline_requested(flag: bool = False) -> bool:
    """Offline when asked for explicitly or through HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE."""
    env = (os.environ.get(name, "").strip().lower() for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))
    return flag or any(value in _TRUE for value in env)


def hub_cache_dir() -> str:
    from huggingface_hub import constants

    return str(constants.HF_HUB_CACHE)


def resolve_device(device: str) -> str:
    """Map `auto` to the best available accelerator; validate explicit choices."""
    import torch

    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        if torch.backends.mps.is_available():
            return "mps"
        return "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelError("device 'cuda' was requested but PyTorch sees no CUDA GPU: use --device cpu")
    if device == "mps" and not torch.backends.mps.is_available():
        raise ModelError("device 'mps' was requested but it is not available: use --device cpu")
    if device not in {"cpu", "cuda", "mps"}:
        raise ModelError(f"unknown device '{device}': use auto, cpu, cuda or mps")
    return device


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

    def _kwargs(self, local: bool) -> dict[str, Any]:
        return {"local_files_only": local, "trust_remote_code": self.trust_remote_code}

    def not_found(self, cause: Exception) -> ModelNotFoundError:
        if self.is_directory:
            return ModelNotFoundError(
                f"directory '{self.location}' does not hold a usable model ({_first_line(cause)})"
            )
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

    def _attempts(self) -> list[bool]:
        """Local files first (no network for a cached model), then the hub unless offline."""
        return [True] if self.offline or self.is_directory else [True, False]

    def _with_fallback(self, load: Any) -> Any:
        _quiet_hub()
        if self.is_directory and not (Path(self.location) / "config.json").is_file():
            raise ModelNotFoundError(f"directory '{self.location}' holds no model (no config.json)")
        failure: ModelError | None = None
        for local in self._attempts():
            try:
                return load(self._kwargs(local))
            except ValueError as error:
                if "trust_remote_code" in str(error):
                    raise RemoteCodeRefusedError(
                        f"model '{self.name}' needs to run code from its repository; pass "
                        "--trust-remote-code only if you trust that code"
                    ) from error
                failure = ModelError(f"model '{self.name}' cannot be used: {_first_line(error)}")
                failure.__cause__ = error
            except OSError as error:
                failure = self.not_found(error)
                failure.__cause__ = error
        raise failure

    def load_config(self):
        from transformers import AutoConfig

        return self._with_fallback(lambda kwargs: AutoConfig.from_pretrained(self.location, **kwargs))

    def load(self, kind: str = "seq2seq", device: str = "cpu", dtype: Any = None):
        """Load (model, tokenizer); `kind` is `seq2seq` or `causal`."""
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

        auto = AutoModelForSeq2SeqLM if kind == "seq2seq" else AutoModelForCausalLM

        def load(kwargs: dict[str, Any]):
            config = AutoConfig.from_pretrained(self.location, **kwargs)
            tokenizer = AutoTokenizer.from_pretrained(self.location, **kwargs)
            model = auto.from_pretrained(self.location, config=config, dtype=dtype, **kwargs)
            return model, tokenizer

        model, tokenizer = self._with_fallback(load)
        model.to(device)
        model.eval()
        return model, tokenizer


def _quiet_hub() -> None:
    """The hub client and transformers log retries and progress bars; our errors say it in one line."""
    from huggingface_hub.utils import logging as hub_logging
    from transformers.utils import logging as hf_logging

    hub_logging.set_verbosity_error()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def download(name: str) -> str:
    """Fetch a model into the Hugging Face cache (for use later, offline)."""
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(name)
    except Exception as error:  # the hub client raises many types; all mean "could not fetch"
        raise ModelNotFoundError(f"could not download model '{name}': {_first_line(error)}") from error


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
