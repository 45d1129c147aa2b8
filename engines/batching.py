"""Group inputs into length-sorted batches under a padded-token budget."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def plan_batches(lengths: list[int], max_batch_tokens: int, max_batch_size: int) -> list[list[int]]:
    """Return batches of indices, longest first, each with (size x longest) <= max_batch_tokens.

    Sorting by length keeps padding small; a single input over the budget gets a batch of its own.
    """
    if max_batch_tokens < 1 or max_batch_size < 1:
        raise ValueError("batch limits must be positive")
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=True)
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = lengths[current[0]] if current else lengths[index]
        if current and (len(current) + 1 > max_batch_size or (len(current) + 1) * longest > max_batch_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def token_counts(tokenizer: Any, texts: Sequence[str]) -> list[int]:
    """Tokens in each text, without the special tokens the model adds."""
    if not texts:
        return []
    quiet_length_warning(tokenizer)
    return [len(ids) for ids in tokenizer(list(texts), add_special_tokens=False)["input_ids"]]


def quiet_length_warning(tokenizer: Any) -> None:
    """Silence transformers' "longer than the specified maximum ... indexing errors" for this tokenizer.

    Counting a long text is how it gets chunked: the warning would tell the user the opposite of
    what happens. Set on the tokenizer instance, so nothing global changes.
    """
    warned = getattr(tokenizer, "deprecation_warnings", None)
    if isinstance(warned, dict):
        warned["sequence-length-is-longer-than-the-specified-maximum"] = True
