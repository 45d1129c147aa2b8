"""Hostile inputs on the reading side: each is one failure line (or a warning) and the run goes on."""

import json
import logging
import os
import threading
import time

import pytest

from newsdigest import Article, Failure, InputSettings, PipelineConfig, load_articles
from newsdigest.textio import parse_size

GOOD = "Titel\n\nDe gemeente onderzoekt twee opties voor de stalling. Reizigers zijn tevreden."


def names(items):
    return [(type(item).__name__, os.path.basename(item.path)) for item in items]


def test_100000_deep_json_is_one_failure_and_the_run_goes_on(tmp_path):
    (tmp_path / "diep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "diep.jsonl").write_text('{"body": ' + "[" * 100_000 + "]" * 100_000 + "}\n" +
                                         json.dumps({"body": "Een zin."}) + "\n")
    (tmp_path / "goed.txt").write_text(GOOD)
    items = list(load_articles([tmp_path / "diep.json", tmp_path / "diep.jsonl", tmp_path / "goed.txt"]))
    assert names(items) == [("Failure", "diep.json"), ("Failure", "diep.jsonl:1"), ("Article", "diep.jsonl:2"),
                            ("Article", "goed.txt")]
    assert items[0].error == f"{tmp_path / 'diep.json'}: JSON nested too deeply to be an article (over 200 levels)"


def test_lone_surrogate_escape_is_replaced_with_a_warning(tmp_path, caplog):
    path = tmp_path / "kapot.json"
    path.write_text('{"title": "Kop \\ud800", "body": "Tekst \\udc00 hier.", "bron": ["\\ud83d"]}')
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        [article] = load_articles([path])
    assert article.title == "Kop \ufffd" and article.body == "Tekst \ufffd hier."
    json.dumps(article.__dict__, ensure_ascii=False).encode("utf-8")  # nothing later can trip over it
    assert f"{path}: lone surrogate escapes replaced by U+FFFD" in caplog.text


def test_nul_bytes_never_reach_an_article(tmp_path):
    (tmp_path / "a.json").write_text('{"title": "K\\u0000op", "body": "Te\\u0000kst.", "x": "y\\u0000"}')
    (tmp_path / "b.txt").write_bytes(b"Titel\n\n" + b"Goede tekst. " * 800 + b"\x00met NUL.")
    items = list(load_articles([tmp_path / "a.json", tmp_path / "b.txt"]))
    assert all(isinstance(item, Article) for item in items)
    assert not any("\x00" in json.dumps(item.__dict__) for item in items)
    assert items[0].title == "Kop" and items[0].extra == {"x": "y"} and items[1].body.endswith("met NUL.")


def test_dev_zero_is_read_up_to_the_size_limit_only():
    settings = InputSettings(max_input_size=1_000_000)
    [failure] = load_articles(["/dev/zero"], settings)
    assert failure == Failure("/dev/zero", "/dev/zero: larger than the 1 MB input limit (raise it with "
                              "--max-input-size or input.max_input_size)")


def test_a_file_over_the_limit_is_one_failure(tmp_path):
    (tmp_path / "groot.txt").write_text("woord " * 1000)
    (tmp_path / "klein.txt").write_text(GOOD)
    items = list(load_articles([tmp_path], InputSettings(max_input_size=1000)))
    assert names(items) == [("Failure", "groot.txt"), ("Article", "klein.txt")]
    assert "larger than the 1000 bytes input limit" in items[0].error


@pytest.mark.parametrize(("text", "size"), [("50MB", 50_000_000), ("2G", 2_000_000_000), ("500kB", 500_000),
                                            ("1MiB", 1 << 20), ("1234", 1234)])
def test_sizes(text, size):
    assert parse_size(text) == size


def test_only_regular_files_are_read_from_folders(tmp_path, caplog):
    import socket

    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pijp.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sok.txt"))
    try:
        with caplog.at_level(logging.WARNING, logger="newsdigest"):
            items = list(load_articles([tmp_path]))
    finally:
        server.close()
    assert names(items) == [("Article", "a.txt")]
    assert f"{tmp_path / 'pijp.txt'}: a named pipe (FIFO), not a regular file: skipped" in caplog.text
    assert f"{tmp_path / 'sok.txt'}: a socket, not a regular file: skipped" in caplog.text


def test_a_fifo_given_directly_is_read_and_a_silent_one_times_out(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w") as stream:
            stream.write(GOOD)

    writer = threading.Thread(target=write)
    writer.start()
    [article] = load_articles([fifo], InputSettings(pipe_timeout=5))
    writer.join()
    assert article.title == "Titel"
    started = time.monotonic()
    [failure] = load_articles([fifo], InputSettings(pipe_timeout=0.3))
    assert failure.error == f"{fifo}: no data for 0.3 s (a pipe that nobody writes to?)"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_with_a_bom_are_accepted(tmp_path, encoding):
    path = tmp_path / "artikel.txt"
    data = GOOD.replace("stalling", "stalling in Zürich, café „De Zwaan”").encode(encoding)
    if encoding.endswith("-be"):
        data = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}[encoding] + data
    path.write_bytes(data)
    [article] = load_articles([path])
    assert article.title == "Titel" and "Zürich, café „De Zwaan”" in article.body


def test_symlink_out_of_the_folder_is_followed_only_when_asked(tmp_path, caplog):
    folder, outside = tmp_path / "in", tmp_path / "geheim"
    folder.mkdir()
    outside.mkdir()
    (outside / "wachtwoorden.txt").write_text("Niet lezen. Dit is geheim.")
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").symlink_to(folder / "a.txt")  # inside: followed, and the same file is read once
    (folder / "c.txt").write_text(GOOD.replace("gemeente", "provincie"))
    (folder / "link.txt").symlink_to(outside / "wachtwoorden.txt")
    (folder / "map").symlink_to(outside)
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        items = list(load_articles([folder]))
    assert names(items) == [("Article", "a.txt"), ("Article", "c.txt")]
    assert f"{folder / 'link.txt'}: a symlink to outside {folder}, not followed (--follow-symlinks follows it)" \
        in caplog.text
    followed = list(load_articles([folder], InputSettings(follow_symlinks=True)))
    # link.txt and map/wachtwoorden.txt are one file: one article
    assert names(followed) == [("Article", "a.txt"), ("Article", "c.txt"), ("Article", "link.txt")]


def test_digest_of_hostile_folder_lists_failures_and_keeps_the_rest(tmp_path):
    from test_reliability import fake_pipeline

    (tmp_path / "diep.json").write_text("[" * 50_000 + "]" * 50_000)
    (tmp_path / "kapot.json").write_text('{"body": "Tekst \\ud800 over de gemeente die twee opties onderzoekt."}')
    (tmp_path / "goed.txt").write_text(GOOD)
    records = list(fake_pipeline(PipelineConfig(include_translation=True)).run(load_articles([tmp_path])))
    assert [r["error"] is None for r in records] == [False, True, True]
    assert "\ufffd" in records[2]["translation"]
    json.dumps(records, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_with_a_warning(tmp_path, encoding, caplog):
    path = tmp_path / "artikel.txt"
    path.write_bytes(GOOD.replace("stalling", "stalling in Zürich, café „De Zwaan”").encode(encoding))
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        [article] = load_articles([path])
    assert article.title == "Titel" and "Zürich, café „De Zwaan”" in article.body
    assert f"{path}: no byte-order mark; read as {encoding.upper()}" in caplog.text


def test_binary_data_with_nul_bytes_is_still_binary(tmp_path):
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 40)  # NULs, but not every other byte
    [failure] = load_articles([path])
    assert isinstance(failure, Failure) and failure.error == f"{path}: binary file, not text"
