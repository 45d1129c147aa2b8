"""Output of `newsdigest translate`: plain text, Markdown, or JSON with aligned segments."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from translate import DocumentTranslation

from .config import PipelineConfig
from .printable import clean_text, printable
from .render import as_data, md_block, md_inline
from .signature import make_signature


def translation_record(name: str, document: DocumentTranslation, config: PipelineConfig,
                       model: str | None) -> dict[str, Any]:
    return {
        "path": name, "source_language": config.source_language, "target_language": config.target_language,
        "model": model, "text": document.text,
        "segments": [dataclasses.asdict(segment) for segment in document.segments],
    }


def render_translations(names: list[str], documents: list[DocumentTranslation], config: PipelineConfig,
                        model: str | None, fmt: str) -> str:
    if fmt == "json":
        signature = make_signature({"translation": model}, {
            "runtime": dataclasses.asdict(config.runtime), "translation": dataclasses.asdict(config.translation)})
        records = [{**translation_record(n, d, config, model), "signature": signature}
                   for n, d in zip(names, documents)]
        return json.dumps(as_data(records[0] if len(records) == 1 else records), ensure_ascii=False, indent=2) + "\n"
    parts = []
    for name, document in zip(names, documents):
        if len(names) > 1:
            parts.append(f"## {md_inline(printable(name))}\n\n" if fmt == "markdown" else f"==> {printable(name)} <==\n")
        parts.append((md_block(document.text) if fmt == "markdown" else clean_text(document.text)) + "\n\n")
    return "".join(parts).rstrip("\n") + "\n"
