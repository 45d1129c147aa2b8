"""Records: one schema for success and failure, a flat dict for JSON, a typed Arrow table for Parquet."""

import dataclasses
import json

import pytest

from newsdigest import Article
from newsdigest.records import Record, failure_key
from summarize import Summary

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the ray extra: pip install 'newsdigest[ray]'")
pq = pytest.importorskip("pyarrow.parquet")

from newsdigest.records import arrow_schema, from_arrow, to_arrow  # noqa: E402


def finished():
    article = Article(path="a.txt", body="De raad vergadert.", title="Raad", date="2024-05-01", source="NOS")
    record = Record.from_article(article, key="k1").with_summary(
        Summary(["The council meets."], style="headline", chunks=1, warnings=["short"]))
    return record.finished(include_translation=False, include_original=False)


def test_a_failure_has_the_same_fields_with_empty_results():
    failed = Record.failed("b.txt", "b.txt: binary file, not text")
    assert list(failed.to_dict()) == list(finished().to_dict())
    assert failed.summary_sentences == [] and failed.warnings == [] and failed.segments is None
    assert failed.key == failure_key("b.txt", "b.txt: binary file, not text")
    assert Record.from_dict(json.loads(json.dumps(failed.to_dict()))) == failed


@pytest.mark.parametrize("records", [
    [finished(), Record.failed("b.txt", "b.txt: binary file, not text")],
    [Record.failed("b.txt", "kapot"), Record.failed("c.txt", "leeg")],  # every value null or an empty list
    [Record(path="d.txt", translation="x", segments=[{"paragraph": 1, "source": "s", "translation": "x"}])],
])
def test_records_go_through_parquet_unchanged(tmp_path, records):
    table = to_arrow(records)
    assert table.schema == arrow_schema() and not any(pa.types.is_null(f.type) for f in table.schema)
    pq.write_table(table, tmp_path / "records.parquet")
    assert from_arrow(pq.read_table(tmp_path / "records.parquet")) == records


def test_text_arrow_cannot_store_becomes_a_failure_record_not_a_failed_batch():
    broken = Record(path="x.json", summary="half \ud800 surrogate", key="k2")
    good, stored = from_arrow(to_arrow([finished(), broken]))
    assert good == finished()
    assert stored.path == "x.json" and stored.key == "k2" and stored.summary is None
    assert stored.error.startswith("x.json: cannot store the result (")


def test_a_cached_result_takes_the_metadata_of_the_file_it_stands_for():
    other = Record.from_article(Article(path="kopie.txt", body="De raad vergadert.", title="Raad",
                                        date="2024-06-02", source="RTV"), key="k1")
    reused = finished().with_article_of(other)
    assert (reused.path, reused.date, reused.source, reused.cached) == ("kopie.txt", "2024-06-02", "RTV", True)
    assert reused.summary == finished().summary


def test_json_lines_records_load_as_one_table_and_write_to_parquet(tmp_path):
    # what a user does with a --format jsonl digest: read it with Arrow (or pandas) and keep it as Parquet
    import pyarrow.json as pajson

    from newsdigest.render import render_jsonl

    varied = dataclasses.replace(finished(), path="c.json", extra={"wordcount": 12, "tags": ["x"]})
    records = [finished(), Record.failed("b.txt", "b.txt: binary file, not text"), varied]
    (tmp_path / "d.jsonl").write_text(render_jsonl([r.to_dict() for r in records], {"newsdigest": "test"}))
    table = pajson.read_json(tmp_path / "d.jsonl")
    pq.write_table(table, tmp_path / "d.parquet")
    pq.write_table(pa.Table.from_pylist([Record.failed("b.txt", "kapot").to_dict()]), tmp_path / "f.parquet")
    back = pq.read_table(tmp_path / "d.parquet").to_pylist()  # (Arrow's JSON reader takes dates for timestamps)
    assert [(row["path"], row["error"], json.loads(row["extra"])) for row in back] == [
        (r.path, r.error, r.extra) for r in records]


def test_a_result_cached_with_extra_as_an_object_still_reads():
    cached = {**finished().to_dict(), "extra": {"wordcount": 12}}
    assert Record.from_dict(cached).extra == {"wordcount": 12}
