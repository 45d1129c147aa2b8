"""Main-text extraction on the scrapinghub article-extraction benchmark, scored by its own evaluate.py.

181 real news pages (../shared/eval/article-extraction-benchmark/) with bodies written out by people.
Prints F1, precision and recall (token 4-gram shingles, the benchmark's metric) and milliseconds per
page for newsdigest's HTML reader and for trafilatura called directly with its defaults, both on the
same pages in one run. Dates are scored on the pages listed in benchmarks/extraction-dates.json (the
publication day a person read off each page; pages without a visible date are left out).

    python benchmarks/extraction.py
    python benchmarks/extraction.py --show-dates    # list the pages whose date is wrong
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
BENCHMARK = ROOT.parent / "shared" / "eval" / "article-extraction-benchmark"
DATES = Path(__file__).with_name("extraction-dates.json")


def load_scorer(folder: Path = BENCHMARK):
    spec = importlib.util.spec_from_file_location("article_extraction_evaluate", folder / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(folder: Path = BENCHMARK) -> tuple[dict[str, dict], dict[str, bytes]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    return truth, pages


def run_newsdigest(pages: dict[str, bytes], truth: dict[str, dict]) -> tuple[dict[str, dict], float]:
    from newsdigest.readers.html import parse_html
    from newsdigest.textio import decode

    output, started = {}, time.perf_counter()
    for key, data in pages.items():
        article = parse_html(decode(data, key), key, truth[key].get("url"))
        output[key] = {"articleBody": article.body, "date": article.date, "title": article.title}
    return output, (time.perf_counter() - started) / len(pages) * 1000


def run_trafilatura(pages: dict[str, bytes], truth: dict[str, dict]) -> tuple[dict[str, dict], float]:
    import trafilatura

    output, started = {}, time.perf_counter()
    for key, data in pages.items():
        output[key] = {"articleBody": trafilatura.extract(data, url=truth[key].get("url")) or ""}
    return output, (time.perf_counter() - started) / len(pages) * 1000


def date_accuracy(output: dict[str, dict], dates: dict[str, str]) -> tuple[int, int, list[str]]:
    wrong = [f"{key}: expected {day}, got {output[key].get('date')}" for key, day in sorted(dates.items())
             if output[key].get("date") != day]
    return len(dates) - len(wrong), len(dates), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK)
    parser.add_argument("--show-dates", action="store_true", help="list pages whose date is wrong")
    args = parser.parse_args()
    if not (args.benchmark / "ground-truth.json").is_file():
        raise SystemExit(f"{args.benchmark}: the benchmark is not there (it lives in ../shared/eval)")
    scorer = load_scorer(args.benchmark)
    truth, pages = load_pages(args.benchmark)
    run_newsdigest(dict(list(pages.items())[:3]), truth)  # imports and first-call set-up, not timed
    run_trafilatura(dict(list(pages.items())[:3]), truth)
    rows = []
    for name, run in (("newsdigest", run_newsdigest), ("trafilatura (direct, defaults)", run_trafilatura)):
        output, ms = run(pages, truth)
        metrics = scorer.evaluate(truth, {key: {"articleBody": value["articleBody"]} for key, value in output.items()},
                                  n_bootstrap=200)
        rows.append((name, metrics, ms, output))
    print(f"{len(pages)} pages of {args.benchmark.name}")
    print("| system | F1 | precision | recall | ms/page |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, metrics, ms, _ in rows:
        print(f"| {name} | {metrics['f1']:.3f} ± {metrics['f1_std']:.3f} | {metrics['precision']:.3f} | "
              f"{metrics['recall']:.3f} | {ms:.1f} |")
    if DATES.is_file():
        dates = json.loads(DATES.read_text(encoding="utf-8"))["dates"]
        right, total, wrong = date_accuracy(rows[0][3], dates)
        print(f"\nnewsdigest publication dates: {right}/{total} right ({right / total:.1%}) on the pages that carry one")
        if args.show_dates:
            print("\n".join(wrong))


if __name__ == "__main__":
    main()
