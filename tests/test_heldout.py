"""Accuracy on the held-out set (tests/data/heldout/, written by another engineer with a truth manifest)."""

import sys

from tests_helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from heldout import score  # noqa: E402


def test_title_date_source_and_first_sentence_are_right_on_95_percent():
    accuracy, misses = score()
    assert min(accuracy.values()) >= 0.95, "\n".join(misses)
