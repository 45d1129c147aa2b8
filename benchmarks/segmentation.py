"""Recall and precision of the sentence splitter at sentence joins, on real Dutch text.

Sentences that people segmented are joined with single spaces into paragraphs; the splitter must cut
at every join (recall) and nowhere else (precision). Two sets:

- FLORES-200 devtest Dutch (../shared/eval/flores200_devtest/nld_Latn.devtest): Wikinews/Wikipedia
  sentences, one a line; consecutive lines are joined in paragraphs of five. Some lines hold two
  sentences or a multi-sentence quotation, so precision on this set understates the splitter.
- Dutch newspaper text from the Lassy Small corpus, as published in Universal Dependencies'
  UD_Dutch-Alpino (dev and test: sections WR-P-P-H/L, 1,314 sentences). Paragraph and sentence numbers
  come from each sentence's `# source` line, so only joins inside one real paragraph are counted.
  The treebank is not part of this repository; pass its .conllu files:

    python benchmarks/segmentation.py                                   # FLORES only
    python benchmarks/segmentation.py --conllu nl_alpino-ud-dev.conllu nl_alpino-ud-test.conllu
    python benchmarks/segmentation.py --conllu ... --show-misses 20     # print missed joins
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
FLORES = ROOT.parent / "shared" / "eval" / "flores200_devtest" / "nld_Latn.devtest"

from translate.segment import split_sentences  # noqa: E402


def flores_paragraphs(path: Path = FLORES, size: int = 5) -> list[list[str]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [lines[start:start + size] for start in range(0, len(lines), size)]


_SOURCE = re.compile(r"(?P<doc>[^/\\]+)\.p\.(?P<p>\d+)\.s\.(?P<s>\d+)\.xml")


def conllu_paragraphs(paths: list[Path]) -> list[list[str]]:
    """Sentences grouped by (document, paragraph), in sentence order, from `# source`/`# text` lines."""
    paragraphs: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for path in paths:
        source = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# source = "):
                source = _SOURCE.search(line)
            elif line.startswith("# text = ") and source:
                key = (source["doc"], int(source["p"]))
                paragraphs[key].append((int(source["s"]), line[len("# text = "):].strip()))
                source = None
    return [[text for _, text in sorted(sentences)] for _, sentences in sorted(paragraphs.items())]


def score(paragraphs: list[list[str]]) -> dict[str, float | int | list[str]]:
    """Joins found (true positives), joins missed, and cuts where there is no join."""
    found = missed = extra = 0
    misses: list[str] = []
    for sentences in paragraphs:
        text = " ".join(sentences)
        joins, offset = set(), 0
        for sentence in sentences[:-1]:
            offset += len(sentence) + 1
            joins.add(offset)
        cuts, offset = set(), 0
        predicted = split_sentences(text)
        for sentence in predicted[:-1]:
            offset += len(sentence) + 1
            cuts.add(offset)
        found += len(joins & cuts)
        missed += len(joins - cuts)
        extra += len(cuts - joins)
        misses += [f"...{text[max(0, j - 70):j]}|{text[j:j + 50]}..." for j in sorted(joins - cuts)]
    recall = found / max(1, found + missed)
    precision = found / max(1, found + extra)
    return {"joins": found + missed, "recall": recall, "precision": precision, "missed": missed,
            "false_cuts": extra, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flores", type=Path, default=FLORES)
    parser.add_argument("--conllu", type=Path, nargs="*", default=[], help="UD_Dutch-Alpino .conllu files")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args()
    sets = []
    if args.flores.is_file():
        sets.append(("FLORES-200 devtest nld", flores_paragraphs(args.flores)))
    if args.conllu:
        sets.append(("Lassy Small news (UD_Dutch-Alpino)", conllu_paragraphs(args.conllu)))
    if not sets:
        raise SystemExit(f"no data: {args.flores} is missing and no --conllu files were given")
    print("| set | joins | recall | precision | missed | false cuts |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    results = []
    for name, paragraphs in sets:
        result = score(paragraphs)
        results.append((name, result))
        print(f"| {name} | {result['joins']} | {result['recall']:.3f} | {result['precision']:.3f} | "
              f"{result['missed']} | {result['false_cuts']} |")
    for name, result in results:
        for miss in result["misses"][: args.show_misses]:
            print(f"{name}: {miss}")


if __name__ == "__main__":
    main()
