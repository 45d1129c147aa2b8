"""The result cache helps and never hurts: created whole, and a damaged or unwritable cache is reported
once while the run goes on (a damaged file is moved aside, never deleted)."""

import logging
import sqlite3
from pathlib import Path

import pytest

from newsdigest import PipelineConfig, load_articles
from newsdigest.cache import FILENAME, ResultCache
from summarize import SummarySettings
from tests_helpers import fake_pipeline, invoke

ARTICLES = {f"{name}.txt": f"Titel {name}\n\nDe gemeente onderzoekt {name} opties. Reizigers zijn tevreden."
            for name in ("een", "twee", "drie")}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def config() -> PipelineConfig:
    return PipelineConfig(summary=SummarySettings(length="1"))  # one sentence: no "source too short" warning


def _tables(path: Path, connect=sqlite3.connect) -> set[str]:
    db = connect(path)
    try:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()


def test_a_reader_never_sees_the_cache_without_its_table(tmp_path, monkeypatch):
    """Whenever the cache file exists, another process can query it (the cause of a flaky SIGINT test)."""
    final = tmp_path / "c" / FILENAME
    real = sqlite3.connect
    seen = []

    def connect(database, *args, **kwargs):
        db = real(database, *args, **kwargs)
        if Path(database) == final:  # before each statement on the cache file, look at it as a reader
            db.set_trace_callback(lambda statement: seen.append(_tables(final, real)))
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)
    ResultCache(final.parent).close()
    assert seen and all("results" in tables for tables in seen)
    assert sorted(p.name for p in final.parent.iterdir()) == [FILENAME]  # no temporary left behind


def _fill(directory: Path, rows: int = 300) -> Path:
    cache = ResultCache(directory)
    for index in range(rows):
        cache.put(f"earlier-{index:04d}", {"text": "x" * 400})
    cache.close()
    return cache.path


def _damage(path: Path, btree: str, pages: str) -> None:
    """Overwrite leaf pages of `btree` with garbage, as a failing disk or a killed copy would."""
    db = sqlite3.connect(path)
    try:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        leaves = [row[0] for row in db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path", (btree,))]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find pages with")
    finally:
        db.close()
    with open(path, "r+b") as stream:
        for page in leaves[-1:] if pages == "last" else leaves:
            stream.seek((page - 1) * page_size)
            stream.write(b"\xff" * page_size)


@pytest.mark.parametrize(("btree", "pages", "when"), [
    ("results", "last", "storing results, after the model work"),  # new rows go to the last page
    ("sqlite_autoindex_results_1", "all", "looking results up"),
])
def test_a_damaged_cache_is_reported_once_moved_aside_and_the_run_goes_on(folder, tmp_path, caplog, btree,
                                                                         pages, when):
    path = _fill(tmp_path / "c")
    _damage(path, btree, pages)
    cache = ResultCache(path.parent)
    records = list(fake_pipeline(config(), cache=cache).run(load_articles([folder])))
    cache.close()
    assert [r["error"] for r in records] == [None, None, None] and all(r["summary"] for r in records)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, when
    assert warnings[0].startswith(f"{path}: the result cache is damaged (database disk image is malformed); "
                                  "moved it aside to results.sqlite3.damaged-")
    assert warnings[0].endswith("and going on without it")
    [aside] = [p for p in path.parent.iterdir() if p.name.startswith(f"{FILENAME}.damaged-")]
    assert aside.stat().st_size > 300 * 400 and not path.exists()  # kept, not deleted
    fresh = ResultCache(path.parent)  # the next run starts a new cache and uses it
    again = list(fake_pipeline(config(), cache=fresh).run(load_articles([folder])))
    assert len(fresh) == 3 and not any(r["cached"] for r in again)


def test_a_cache_file_that_is_not_a_database_is_set_aside_and_replaced(folder, tmp_path, caplog):
    path = tmp_path / "c" / FILENAME
    path.parent.mkdir()
    path.write_bytes(b"this is no database, just some bytes\n" * 200)
    cache = ResultCache(path.parent)
    records = list(fake_pipeline(config(), cache=cache).run(load_articles([folder])))
    assert all(r["error"] is None for r in records) and len(cache) == 3
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "the result cache is damaged (file is not a database)" in warning and "starting a new one" in warning
    assert [p.read_bytes()[:10] for p in path.parent.glob(f"{FILENAME}.damaged-*")] == [b"this is no"]


def test_damaged_cache_in_a_digest_is_one_warning_line_and_exit_0(fake_models, folder, tmp_path):
    cache_dir = tmp_path / "cache"  # where the autouse fixture points NEWSDIGEST_CACHE_DIR
    _damage(_fill(cache_dir), "results", "last")
    result = invoke("digest", folder, "-o", tmp_path / "d.md", "--length", "1")
    assert result.exit_code == 0, result.stderr
    *lines, summary = result.stderr.splitlines()  # a finished run ends with its summary line
    assert len(lines) == 1 and lines[0].startswith("newsdigest: warning: ") and "damaged" in lines[0]
    assert summary.startswith("newsdigest: digest of 3 articles in ")
    assert (tmp_path / "d.md").read_text().count("\n## ") == 3


def test_an_unusable_cache_folder_is_one_warning_and_the_run_goes_on(fake_models, folder, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("NEWSDIGEST_CACHE_DIR", str(tmp_path / "file" / "cache"))  # unwritable even for root
    result = invoke("digest", folder, "-o", tmp_path / "d.md", "--length", "1")
    assert result.exit_code == 0, result.stderr
    warning, summary = result.stderr.splitlines()  # a finished run ends with its summary line
    assert warning == (f"newsdigest: warning: {tmp_path / 'file' / 'cache' / FILENAME}: cannot use the "
                       "result cache (a file is where its folder should be); going on without it (--no-cache skips it, "
                       "NEWSDIGEST_CACHE_DIR moves it)")
    assert summary.startswith("newsdigest: digest of 3 articles in ")
    assert (tmp_path / "d.md").read_text().count("\n## ") == 3


def test_a_cache_that_stops_taking_writes_is_reported_once(folder, tmp_path, caplog):
    cache = ResultCache(tmp_path / "c")
    cache._db.execute("PRAGMA query_only = ON")  # as a read-only mount or a full disk would refuse writes
    records = list(fake_pipeline(config(), cache=cache).run(load_articles([folder])))
    assert all(r["error"] is None for r in records)
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "cannot use the result cache (attempt to write a readonly database); going on without it" in warning
    assert cache.path.exists() and not cache.enabled


def test_a_lone_surrogate_is_cached_and_read_back(tmp_path):
    cache = ResultCache(tmp_path)
    cache.put("k", {"text": "half a pair: \udc80"})
    assert cache.get("k") == {"text": "half a pair: \udc80"}


def test_an_interrupt_with_an_unusable_cache_says_nothing_was_kept_and_warns_once(tmp_path, caplog):
    import logging

    from newsdigest.cache import ResultCache
    from newsdigest.cli import _kept

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        cache = ResultCache(blocker / "cache")
        message = _kept(None, cache)
    assert message == "nothing was kept (the result cache could not be used)"
    [warning] = [record.getMessage() for record in caplog.records]
    assert "cannot use the result cache (a file is where its folder should be)" in warning
