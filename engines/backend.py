"""The one batching loop every engine runs, and the small interface an engine fills in.

`Backend.generate` owns everything around the model call: length-sorted batches under a token
budget, the output cap, out-of-memory recovery (halve the batch and retry), progress and putting
results back in input order. An engine implements `_generate` on one batch of token ids (and says
what an out-of-memory error looks like); a new engine is one module and a registry entry.
"""

from __future__ import annotations

import contextlib
import logging
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

from .batching import plan_batches, token_counts
from .errors import ModelError
from .models import ModelInfo
from .settings import Decoding, RuntimeSettings

log = logging.getLogger("newsdigest")
Progress = Callable[[int], None]


def relative_cap(source_tokens: int) -> int:
    """Longest output allowed for a source of this length when no maximum is set: twice it plus 16.

    A model's own default (often 512) lets one bad beam cost 512 decoder steps.
    """
    return 2 * source_tokens + 16


class Backend(ABC):
    """A loaded model on one engine and device, with its tokenizer and limits."""

    engine: ClassVar[str]

    def __init__(self, info: ModelInfo, tokenizer: Any, *, device: str, precision: str,
                 runtime: RuntimeSettings, batch_size: int, max_batch_tokens: int):
        self.info = info
        self.name = info.name
        self.tokenizer = tokenizer
        self.device = device
        self.precision = precision
        self.runtime = runtime
        self.encoder_decoder = info.encoder_decoder
        self.max_input_tokens = info.input_limit(tokenizer)
        self.max_output_tokens = info.output_limit()
        self.batch_size = runtime.batch_size or batch_size
        self.max_batch_tokens = runtime.max_batch_tokens or max_batch_tokens
        self._largest_batch = self.batch_size  # lowered after running out of memory

    def describe(self) -> str:
        return f"{self.engine} on {self.device} ({self.precision})"

    # -- text and token ids ---------------------------------------------------------------------
    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return token_counts(self.tokenizer, texts)

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids as the model reads them, special tokens included."""
        if not texts:
            return []
        return [list(ids) for ids in self.tokenizer(list(texts))["input_ids"]]

    def encode_prompt(self, system: str | None, prompt: str) -> list[int]:
        """A rendered prompt as input ids: through the chat template where the model has one."""
        if self.encoder_decoder:
            return self.encode([prompt])[0]
        messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
        if getattr(self.tokenizer, "chat_template", None):
            encoded = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)
            return list(encoded["input_ids"])
        return self.encode(["\n\n".join(m["content"] for m in messages) + "\n\n"])[0]

    def decode(self, sequences: list[list[int]]) -> list[str]:
        return [text.strip() for text in self.tokenizer.batch_decode(sequences, skip_special_tokens=True)]

    def room_for_output(self, input_tokens: int) -> int:
        """New tokens the model can still produce after an input of this length."""
        if self.encoder_decoder:
            return self.max_output_tokens
        return max(1, self.max_output_tokens - input_tokens)

    # -- the loop -------------------------------------------------------------------------------
    def generate(self, inputs: list[list[int]], decoding: Decoding, *, progress: Progress | None = None,
                 relative_to: list[int] | None = None) -> list[str]:
        """Generated text for every input, in input order (see `generate_ids`).

        Each batch is decoded in a second thread while the model works on the next one: with a slow
        (Python) tokenizer, decoding costs a GPU run about a twentieth of its time.
        """
        results: list[str] = [""] * len(inputs)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdigest-decode") as decoder:
            pending = []
            self._batches(inputs, decoding, lambda batch, outputs: pending.append(
                (batch, decoder.submit(self.decode, outputs))), progress, relative_to)
            for batch, texts in pending:
                for index, text in zip(batch, texts.result()):
                    results[index] = text
        return results

    def generate_ids(self, inputs: list[list[int]], decoding: Decoding, *, progress: Progress | None = None,
                     relative_to: list[int] | None = None) -> list[list[int]]:
        """New token ids for every input, in input order.

        Without `decoding.max_new_tokens`, each batch may produce `relative_cap` of its longest
        entry in `relative_to` (default: the input lengths), always within what the model can produce.
        """
        results: list[list[int]] = [[] for _ in inputs]

        def keep(batch: list[int], outputs: list[list[int]]) -> None:
            for index, output in zip(batch, outputs):
                results[index] = output

        self._batches(inputs, decoding, keep, progress, relative_to)
        return results

    def _batches(self, inputs: list[list[int]], decoding: Decoding,
                 done: Callable[[list[int], list[list[int]]], None], progress: Progress | None,
                 relative_to: list[int] | None) -> None:
        """Run every planned batch; `done(indices, outputs)` receives each as it finishes."""
        lengths = [len(ids) for ids in inputs]
        relative_to = relative_to or lengths
        with self._session():
            for batch in plan_batches(lengths, self.max_batch_tokens, self.batch_size):
                longest = max(lengths[i] for i in batch)
                wanted = decoding.max_new_tokens or relative_cap(max(relative_to[i] for i in batch))
                max_new = max(1, min(wanted, self.room_for_output(longest)))
                min_new = min(decoding.min_new_tokens, max_new)
                done(batch, self._run([inputs[i] for i in batch], decoding, min_new, max_new))
                if progress:
                    progress(len(batch))

    def _run(self, batch: list[list[int]], decoding: Decoding, min_new: int, max_new: int) -> list[list[int]]:
        """One planned batch, in pieces no larger than what fitted in memory so far."""
        outputs: list[list[int]] = []
        start = 0
        while start < len(batch):
            piece = batch[start:start + self._largest_batch]
            try:
                outputs += self._generate(piece, decoding, min_new, max_new)
            except Exception as error:
                if not self._out_of_memory(error):
                    raise
                if len(piece) == 1:
                    raise ModelError(f"model '{self.name}' ran out of memory on {self.device} with a single "
                                     f"input of {len(piece[0])} tokens: free the device's memory, or use "
                                     "--device cpu or a smaller model") from error
                self._release_memory()
                self._largest_batch = max(1, len(piece) // 2)
                log.info("out of memory on %s with %d inputs per batch; retrying with %d", self.device,
                         len(piece), self._largest_batch)
                continue
            start += len(piece)
        return outputs

    # -- what an engine implements --------------------------------------------------------------
    @abstractmethod
    def _generate(self, batch: list[list[int]], decoding: Decoding, min_new: int, max_new: int) -> list[list[int]]:
        """New token ids for each input of one batch (the prompt excluded)."""

    def _out_of_memory(self, error: Exception) -> bool:
        return "out of memory" in str(error).lower()

    def _release_memory(self) -> None:
        """Give cached device memory back before retrying a smaller batch."""

    @contextlib.contextmanager
    def _session(self) -> Iterator[None]:
        """Per-call set-up and tear-down (thread counts, inference mode), restored afterwards."""
        yield
