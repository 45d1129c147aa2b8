"""Translation and summary quality: BLEU and chrF with sacrebleu, ROUGE with rouge-score."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate import Translator, split_sentences, translate_documents
from translate.errors import InputError

from .textio import read_text

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


def read_lines(path: str | Path) -> list[str]:
    """Line-aligned text: one segment per line, the trailing newline not counted as a line."""
    return read_text(path).rstrip("\n").split("\n")


def _check_aligned(hypotheses: list[str], references: list[str], what: str) -> None:
    if len(hypotheses) != len(references):
        raise InputError(f"{what}: {len(hypotheses)} hypotheses but {len(references)} references; "
                         "they must be line-aligned")
    if not references:
        raise InputError(f"{what}: nothing to score")


def score_translations(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Corpus BLEU (13a) and chrF2, with sacrebleu's signatures so scores can be compared."""
    from sacrebleu.metrics import BLEU, CHRF

    _check_aligned(hypotheses, references, "translation")
    bleu, chrf = BLEU(), CHRF()
    bleu_score = bleu.corpus_score(hypotheses, [references])
    chrf_score = chrf.corpus_score(hypotheses, [references])
    return {
        "bleu": {"score": round(bleu_score.score, 2), "signature": str(bleu.get_signature()),
                 "detail": bleu_score.format(score_only=False)},
        "chrf": {"score": round(chrf_score.score, 2), "signature": str(chrf.get_signature()),
                 "detail": chrf_score.format(score_only=False)},
        "segments": len(references),
    }


def translate_lines(lines: list[str], translator: Translator, language: str) -> list[str]:
    """Translate each line as its own document, all sentences batched together."""
    documents = translate_documents(lines, translator, language)
    return [" ".join(segment.translation for segment in document.segments) for document in documents]


def rouge_sentences(text: str) -> str:
    """One sentence per line, as ROUGE-Lsum expects; tokenised text (' . ') is split at ' . ' too."""
    return "\n".join(part for sentence in split_sentences(text, "en") for part in re.split(r"(?<= [.!?]) ", sentence))


def score_summaries(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Mean ROUGE-1/2/Lsum F1 (x100, Porter stemmer), and the average summary length in words."""
    from rouge_score import rouge_scorer

    _check_aligned(hypotheses, references, "summaries")
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    scores = [scorer.score(rouge_sentences(r), rouge_sentences(h)) for h, r in zip(hypotheses, references)]
    result: dict[str, Any] = {name: round(100 * sum(s[name].fmeasure for s in scores) / len(scores), 2)
                              for name in ROUGE_TYPES}
    result["summary_words"] = round(sum(len(h.split()) for h in hypotheses) / len(hypotheses), 1)
    result["reference_words"] = round(sum(len(r.split()) for r in references) / len(references), 1)
    result["summaries"] = len(hypotheses)
    result["signature"] = "rouge-score|stemmer:porter|fmeasure|mean|lsum-split:sentences"
    return result


def field(record: dict[str, Any], path: str, where: str) -> str:
    """A string at a dotted path ('systems.bart') in a JSON record."""
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise InputError(f"{where}: no field '{path}'")
        value = value[part]
    if not isinstance(value, str):
        raise InputError(f"{where}: field '{path}' must be a string, got {type(value).__name__}")
    return value


@dataclass
class SummaryData:
    articles: list[str]
    references: list[str]
    outputs: list[str] | None


def read_summary_data(path: str | Path, article_field: str = "article", reference_field: str = "reference",
                      system_field: str | None = None, limit: int | None = None) -> SummaryData:
    articles, references, outputs = [], [], []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}: invalid JSON ({error.msg})") from error
        articles.append(field(record, article_field, where))
        references.append(field(record, reference_field, where))
        if system_field:
            outputs.append(field(record, system_field, where))
        if limit and len(articles) >= limit:
            break
    if not articles:
        raise InputError(f"{path}: no records")
    return SummaryData(articles, references, outputs if system_field else None)


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started
