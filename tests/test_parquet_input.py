"""Parquet files as input to the local runner, as to --ray: one article per row, fields as in JSON."""

import sys

import pytest

from newsdigest import load_articles
from newsdigest.cli import ExitStatus
from tests_helpers import invoke

ROWS = [{"title": "Dijk", "body": "Het waterschap versterkt de dijk.", "bron": "NOS", "wordcount": 5},
        {"title": "Leeg", "body": "  "}]


@pytest.fixture
def parquet(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the ray extra: pip install 'newsdigest[ray]'")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(ROWS), tmp_path / "a.parquet")
    return tmp_path / "a.parquet"


def test_a_parquet_file_is_one_article_per_row(parquet):
    article, failure = load_articles([parquet])
    assert (article.path, article.title, article.source, article.extra) == (f"{parquet}#1", "Dijk", "NOS",
                                                                             {"wordcount": 5})
    assert (failure.path, failure.error) == (f"{parquet}#2", f"{parquet}#2: field 'body' is empty")


def test_parquet_files_in_a_folder_are_read(parquet):
    assert [item.path for item in load_articles([parquet.parent])] == [f"{parquet}#1", f"{parquet}#2"]


def test_a_digest_of_a_parquet_file(fake_models, parquet, tmp_path):
    result = invoke("digest", parquet, "-o", tmp_path / "d.json", "--no-cache")
    assert result.exit_code == ExitStatus.PARTIAL, result.stderr
    assert f"newsdigest: error: {parquet}#2: field 'body' is empty\n" in result.stderr
    assert "(1 failed)" in result.stderr


def test_without_pyarrow_a_parquet_file_says_what_to_install(parquet, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    [failure] = load_articles([parquet])
    assert failure.error == f"{parquet}: reading Parquet needs pyarrow: pip install pyarrow (or 'newsdigest[ray]')"
