"""How often Dutch text saved in a legacy encoding is read back as it was written.

The FLORES-200 Dutch devtest sentences (../shared/eval/flores200_devtest/nld_Latn.devtest), in runs of 1, 3
and 10 sentences, are saved in cp1252, ISO-8859-1 and Mac Roman and read with newsdigest's decoder (as for
--from nl). Runs that are all ASCII, or hold a character the encoding lacks, are left out. A run read wrong
is a run with at least one character changed.

    python benchmarks/encodings.py
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
FLORES = ROOT.parent / "shared" / "eval" / "flores200_devtest" / "nld_Latn.devtest"
ENCODINGS = ("cp1252", "iso-8859-1", "mac-roman")
RUNS = (1, 3, 10)


def read_right(sentences: list[str], run: int, encoding: str) -> tuple[int, int]:
    """(runs read back unchanged, runs tried)."""
    from newsdigest.textio import decode

    right = tried = 0
    for start in range(0, len(sentences), run):
        text = " ".join(sentences[start:start + run])
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        if text.isascii():
            continue
        tried += 1
        right += decode(data, "flores.txt", language="nl") == text
    return right, tried


def main() -> None:
    if not FLORES.is_file():
        sys.exit(f"{FLORES} is not present (../shared/eval from a checkout directly under /work)")
    logging.disable(logging.WARNING)  # each file read says which encoding it was read in
    sentences = FLORES.read_text(encoding="utf-8").splitlines()
    print("| saved as | " + " | ".join(f"runs of {run}" for run in RUNS) + " |")
    print("| --- |" + " --- |" * len(RUNS))
    for encoding in ENCODINGS:
        cells = []
        for run in RUNS:
            right, tried = read_right(sentences, run, encoding)
            cells.append(f"{right}/{tried} ({100 * right / tried:.1f}%)")
        print(f"| {encoding} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
