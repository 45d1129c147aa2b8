"""Web-page extraction on the public article-extraction benchmark: text F1 and publication dates."""

import sys

import pytest

from tests_helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import BENCHMARK, DATES, date_accuracy, load_pages, load_scorer, run_newsdigest  # noqa: E402

pytestmark = pytest.mark.skipif(not (BENCHMARK / "ground-truth.json").is_file(),
                                reason=f"{BENCHMARK} is not here (it lives in ../shared/eval)")


@pytest.fixture(scope="module")
def extracted():
    truth, pages = load_pages()
    output, _ = run_newsdigest(pages, truth)
    return truth, output


def test_main_text_f1_is_at_least_095(extracted):
    truth, output = extracted
    metrics = load_scorer().evaluate(truth, {k: {"articleBody": v["articleBody"]} for k, v in output.items()}, 0)
    assert metrics["f1"] >= 0.95 and metrics["precision"] >= 0.93 and metrics["recall"] >= 0.93


def test_publication_day_is_right_on_95_percent_of_dated_pages(extracted):
    import json

    _, output = extracted
    right, total, _ = date_accuracy(output, json.loads(DATES.read_text(encoding="utf-8"))["dates"])
    assert total > 170 and right / total >= 0.95
