"""CTranslate2 engine: a model converted once (int8 by default), cached, and reused.

Encoder-decoder models (Marian, BART, T5, PEGASUS) run as a `ctranslate2.Translator`, decoder-only
models as a `ctranslate2.Generator`. Loading a converted model imports neither torch nor
transformers' model code; only the one-time conversion does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .backend import Backend
from .errors import EngineUnavailable, ModelError
from .models import ModelInfo, first_line, quiet_transformers
from .settings import Decoding, RuntimeSettings

DEVICES = ("cpu", "cuda")
# precision -> (compute type on CPU, compute type on CUDA); "auto" is int8 on both: on GPUs as
# int8 weights with float16 arithmetic, CTranslate2's fastest translation setting in its benchmarks
_COMPUTE = {"auto": ("int8", "int8_float16"), "int8": ("int8", "int8_float16"), "float16": ("float16", "float16"),
            "bfloat16": ("bfloat16", "bfloat16"), "float32": ("float32", "float32")}
# compute type -> how the converted weights are stored
_STORAGE = {"int8": "int8", "int8_float16": "int8", "float16": "float16", "bfloat16": "bfloat16",
            "float32": "float32"}


def require_ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError as error:
        raise EngineUnavailable("CTranslate2 is not installed (pip install ctranslate2)") from error
    return ctranslate2


def cuda_devices() -> int:
    """CUDA devices CTranslate2 sees (0 without the package or a GPU); imports no torch."""
    try:
        return require_ctranslate2().get_cuda_device_count()
    except EngineUnavailable:
        return 0


def conversion_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("NEWSDIGEST_CT2_DIR") or Path(user_cache_dir("newsdigest")) / "ct2")


def converted_model(info: ModelInfo, storage: str) -> Path:
    """Convert on first use; later runs find the result by source files, storage type and version."""
    ctranslate2 = require_ctranslate2()
    source = info.folder
    stamp = [str(source), storage, ctranslate2.__version__]
    for name in ("config.json", "model.safetensors", "pytorch_model.bin"):
        path = source / name
        if path.exists():
            stamp.append(f"{name}:{path.stat().st_mtime_ns}:{path.stat().st_size}")
    key = hashlib.sha256("|".join(stamp).encode()).hexdigest()[:20]
    target = conversion_dir() / f"{Path(info.name).name}-{storage}-{key}"
    if (target / "model.bin").exists():
        return target
    from ctranslate2.converters import TransformersConverter

    class Converter(TransformersConverter):
        def load_model(self, model_class, model_name_or_path, **kwargs):
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            # transformers 5 dropped BartConfig.normalize_before, which the converter still reads;
            # BART is post-norm, which is what the old default (False) said.
            if model.config.model_type == "bart" and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = False
            return model

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".converting-", dir=target.parent))
    except OSError as error:  # a read-only home on a cluster node, a full disk: run on another engine
        raise EngineUnavailable(f"cannot write converted models to {target.parent} ({error.strerror or error}); "
                                "set NEWSDIGEST_CT2_DIR to a writable folder") from error
    try:
        with quiet_transformers():  # the converter loads the model through transformers
            Converter(str(source), load_as_float16=storage in ("float16", "bfloat16"),
                      trust_remote_code=info.ref.trust_remote_code).convert(
                str(staging / "model"), quantization=None if storage == "float32" else storage, force=True)
        try:
            os.replace(staging / "model", target)
        except OSError:  # another process finished the same conversion first
            if not (target / "model.bin").exists():
                raise
    except (ValueError, NotImplementedError, KeyError, AttributeError) as error:
        raise EngineUnavailable(f"CTranslate2 cannot convert '{info.name}' ({first_line(error)})") from error
    except OSError as error:  # e.g. the disk filled up while writing the converted weights
        raise EngineUnavailable(f"cannot write the converted '{info.name}' to {target.parent} "
                                f"({error.strerror or error}); set NEWSDIGEST_CT2_DIR to a writable folder") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


class CT2Backend(Backend):
    engine = "ct2"

    @classmethod
    def load(cls, info: ModelInfo, device: str, precision: str, runtime: RuntimeSettings) -> CT2Backend:
        ctranslate2 = require_ctranslate2()
        if device == "mps":
            raise EngineUnavailable("CTranslate2 does not run on mps")
        if device == "auto":
            device = "cuda" if cuda_devices() else "cpu"
        if device == "cuda" and not cuda_devices():
            raise EngineUnavailable("CTranslate2 sees no CUDA GPU")
        compute_type = _COMPUTE[precision][device == "cuda"]
        if device == "cpu" and compute_type not in ctranslate2.get_supported_compute_types("cpu"):
            # e.g. float16 on most CPUs: say so before spending a conversion on it
            raise EngineUnavailable(f"CTranslate2 has no {compute_type} on this CPU (it has "
                                    f"{', '.join(sorted(ctranslate2.get_supported_compute_types('cpu')))})")
        folder = converted_model(info, _STORAGE[compute_type])
        kind = ctranslate2.Translator if info.encoder_decoder else ctranslate2.Generator
        try:
            model = kind(str(folder), device=device, compute_type=compute_type,
                         intra_threads=runtime.threads or os.cpu_count() or 1, inter_threads=1)
        except (RuntimeError, ValueError) as error:
            raise EngineUnavailable(f"CTranslate2 cannot load '{info.name}' on {device} as {compute_type} "
                                    f"({first_line(error)})") from error
        # 16 inputs per batch on a CPU: as fast as 32, with a third less peak memory
        backend = cls(info, info.load_tokenizer(), device=device, precision=compute_type, runtime=runtime,
                      batch_size=16 if device == "cpu" else 512, max_batch_tokens=8192 if device == "cpu" else 65536)
        backend.model = model
        if device == "cuda":
            backend._check()
        return backend

    model: Any

    def _check(self) -> None:
        """Run one token: CTranslate2 loads its CUDA libraries (cuBLAS 12) only when it first computes."""
        try:
            self._call([self.encode(["."])[0]], Decoding(), 1, 1)
        except RuntimeError as error:
            raise EngineUnavailable(f"CTranslate2 cannot run on CUDA here ({first_line(error)})") from error

    def _call(self, batch: list[list[int]], decoding: Decoding, min_new: int, max_new: int) -> list[list[int]]:
        tokens = [self.tokenizer.convert_ids_to_tokens(ids) for ids in batch]
        common = {"beam_size": decoding.num_beams, "length_penalty": decoding.length_penalty,
                  "no_repeat_ngram_size": decoding.no_repeat_ngram_size,
                  "repetition_penalty": decoding.repetition_penalty, "return_scores": False}
        if self.encoder_decoder:
            results = self.model.translate_batch(tokens, max_decoding_length=max_new, min_decoding_length=min_new,
                                                 **common)
            return [self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in results]
        results = self.model.generate_batch(tokens, max_length=max_new, min_length=min_new,
                                            include_prompt_in_result=False, **common)
        return [list(result.sequences_ids[0]) for result in results]

    def _generate(self, batch: list[list[int]], decoding: Decoding, min_new: int, max_new: int) -> list[list[int]]:
        try:
            return self._call(batch, decoding, min_new, max_new)
        except RuntimeError as error:
            if self._out_of_memory(error):
                raise
            raise ModelError(f"CTranslate2 failed running '{self.name}' on {self.device} ({first_line(error)}); "
                             "try --engine torch") from error


def load(info: ModelInfo, device: str, precision: str, runtime: RuntimeSettings) -> Backend:
    return CT2Backend.load(info, device, precision, runtime)
