"""PyTorch engine: Hugging Face seq2seq and decoder-only models through `generate()`."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from typing import Any

from .backend import Backend
from .errors import EngineUnavailable, ModelError
from .models import ModelInfo, first_line, quiet_transformers
from .settings import Decoding, RuntimeSettings

DEVICES = ("cpu", "cuda", "mps")
# precision -> torch dtype name; int8 is dynamic quantisation of the linear layers (CPU only)
_DTYPES = {"float32": "float32", "float16": "float16", "bfloat16": "bfloat16", "int8": "float32"}


def resolve_device(requested: str) -> str:
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if torch.backends.mps.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise EngineUnavailable("PyTorch sees no CUDA GPU")
    if requested == "mps" and not torch.backends.mps.is_available():
        raise EngineUnavailable("PyTorch has no mps device here")
    return requested


def auto_precision(device: str) -> str:
    """bfloat16 on GPUs that have it, else float32.

    On an H200, bfloat16 translated 1.6x faster than float32 at the same batch size
    (benchmarks/bench.py --device cuda), and unlike float16 it cannot overflow in T5-family models.
    On a CPU, PyTorch's dynamic int8 is faster (1.3x) but scales each batch's activations as a whole,
    so a sentence's translation would depend on the sentences batched with it
    (tests/test_fidelity.py): the ct2 engine is the fast, stable int8 path there.
    """
    if device == "cuda":
        import torch

        return "bfloat16" if torch.cuda.is_bf16_supported() else "float32"
    return "float32"


def batch_limits(info: ModelInfo, device: str) -> tuple[int, int]:
    """(inputs, padded input tokens) per batch for this device.

    On a CPU, 32 sentences of up to 8,192 tokens: larger batches gain nothing on few cores. On a GPU,
    up to 512 inputs, with a token budget from free memory: beam search keeps keys and values of
    every layer for ~3x the input length (the input, and an output up to twice as long) for 4 beams.
    """
    if device != "cuda":
        return 32, 8192
    import torch

    free, _ = torch.cuda.mem_get_info()
    width = int(info.config.get("d_model") or info.config.get("hidden_size") or 1024)
    layers = int(info.config.get("decoder_layers") or info.config.get("num_decoder_layers")
                 or info.config.get("num_hidden_layers") or info.config.get("num_layers") or 12)
    per_token = 4 * 3 * 2 * width * layers * 4  # beams x length x (key, value) x width x layers x bytes
    return 512, max(4096, min(262_144, int(0.4 * free / per_token)))


class TorchBackend(Backend):
    engine = "torch"

    @classmethod
    def load(cls, info: ModelInfo, device: str, precision: str, runtime: RuntimeSettings) -> TorchBackend:
        device = resolve_device(device)
        precision = auto_precision(device) if precision == "auto" else precision
        if precision == "int8" and device != "cpu":
            raise EngineUnavailable("PyTorch runs int8 on the CPU only (the ct2 engine runs it on GPUs)")
        import torch
        from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

        auto = AutoModelForSeq2SeqLM if info.encoder_decoder else AutoModelForCausalLM
        try:
            with quiet_transformers():
                model = auto.from_pretrained(str(info.folder), dtype=getattr(torch, _DTYPES[precision]),
                                             local_files_only=True, trust_remote_code=info.ref.trust_remote_code)
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"model '{info.name}' cannot be loaded: {first_line(error)}") from error
        model.to(device)
        model.eval()
        if precision == "int8":
            with warnings.catch_warnings():
                # torch announces a move of eager quantisation to torchao; it still works, users need not see it
                warnings.filterwarnings("ignore", message=r".*(torch\.ao\.quantization is deprecated|quantized tensor)")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        batch_size, max_tokens = batch_limits(info, device)
        backend = cls(info, info.load_tokenizer(), device=device, precision=precision, runtime=runtime,
                      batch_size=batch_size, max_batch_tokens=max_tokens)
        backend.model = model
        return backend

    model: Any

    @property
    def _pad_id(self) -> int:
        pad = self.tokenizer.pad_token_id
        return pad if pad is not None else self.tokenizer.eos_token_id

    def _generate(self, batch: list[list[int]], decoding: Decoding, min_new: int, max_new: int) -> list[list[int]]:
        import torch

        width = max(len(ids) for ids in batch)
        pad = self._pad_id
        # Padded by hand rather than through the tokenizer, whose padding side is shared state:
        # decoders continue from the end of the prompt, so they are padded on the left.
        if self.encoder_decoder:
            rows = [ids + [pad] * (width - len(ids)) for ids in batch]
            mask = [[1] * len(ids) + [0] * (width - len(ids)) for ids in batch]
        else:
            rows = [[pad] * (width - len(ids)) + ids for ids in batch]
            mask = [[0] * (width - len(ids)) + [1] * len(ids) for ids in batch]
        input_ids = torch.tensor(rows, device=self.device)
        attention_mask = torch.tensor(mask, device=self.device)
        output = self.model.generate(
            input_ids=input_ids, attention_mask=attention_mask, num_beams=decoding.num_beams,
            length_penalty=decoding.length_penalty, no_repeat_ngram_size=decoding.no_repeat_ngram_size,
            repetition_penalty=decoding.repetition_penalty, max_new_tokens=max_new, min_new_tokens=min_new,
            # our own limits replace the model's max_length/min_length, which would otherwise still apply
            max_length=None, min_length=None, pad_token_id=pad,
            # search, as CTranslate2 does: a model whose generation config samples (many chat models)
            # would otherwise give a different summary on every run, defeating the cache and --ray resume
            do_sample=False, temperature=None, top_k=None, top_p=None)
        if not self.encoder_decoder:
            output = output[:, width:]
        return output.cpu().tolist()

    def _out_of_memory(self, error: Exception) -> bool:
        import torch

        return isinstance(error, torch.cuda.OutOfMemoryError) or super()._out_of_memory(error)

    def _release_memory(self) -> None:
        import torch

        if self.device == "cuda":
            torch.cuda.empty_cache()

    @contextlib.contextmanager
    def _session(self) -> Iterator[None]:
        import torch

        previous = torch.get_num_threads()
        if self.runtime.threads and self.device == "cpu":
            torch.set_num_threads(self.runtime.threads)
        try:
            with torch.inference_mode():
                yield
        finally:
            torch.set_num_threads(previous)


def load(info: ModelInfo, device: str, precision: str, runtime: RuntimeSettings) -> Backend:
    return TorchBackend.load(info, device, precision, runtime)
