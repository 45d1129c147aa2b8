"""What real article folders and users throw at newsdigest: bad input, interruptions, untrusted data."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from html.parser import HTMLParser
from multiprocessing import get_context

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest import Article, Failure, PipelineConfig, load_articles
from newsdigest.cache import ResultCache
from newsdigest.cli import ExitStatus
from newsdigest.render import render, safe_filename
from summarize import SummarySettings
from translate import ChunkingTranslator, TranslationSettings, load_translator, translate_document
from translate.segment import split_sentences
from tests_helpers import ROOT, EXAMPLES, Identity, fake_pipeline, invoke, invoke_tiny


def three_sentences() -> PipelineConfig:
    return PipelineConfig(summary=SummarySettings(length="3"))


# -- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "message"), [
    ("leeg.txt", b"", "empty file, nothing to do"),
    ("spaties.txt", b"  \n\t \n", "empty file, nothing to do"),
    ("plaatje.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 32, "binary file, not text"),
    ("kapot.json", b'{"title": 3, "body": "x"}', "field 'title' must be a string, got int"),
    ("leeg.json", b'{"title": "x"}', "no article text"),
])
def test_bad_files_fail_alone_with_one_line(fake_models, tmp_path, name, data, message):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "goed.txt").write_text("Titel\n\nDe gemeente onderzoekt twee opties. Reizigers zijn tevreden.")
    (folder / name).write_bytes(data)
    out = tmp_path / "d.json"
    result = invoke("digest", folder, "-o", out, "-q")
    assert result.exit_code == ExitStatus.PARTIAL
    assert result.stderr == f"newsdigest: error: {folder / name}: {message}\n" or (
        result.stderr.startswith(f"newsdigest: error: {folder / name}: ") and message in result.stderr
        and result.stderr.count("\n") == 1)
    records = {r["path"].rsplit("/", 1)[1]: r for r in json.loads(out.read_text())["articles"]}
    assert records["goed.txt"]["error"] is None and message in records[name]["error"]


def test_invalid_utf8_is_decoded_or_reported_never_a_crash(tmp_path):
    path = tmp_path / "rommel.txt"
    path.write_bytes(b"De gemeente \xff\xfe onderzoekt \xc3\x28 twee opties.\n" * 3)
    [item] = load_articles([path])
    assert (isinstance(item, Article) and "gemeente" in item.body) or (
        isinstance(item, Failure) and item.error.startswith(f"{path}: not valid UTF-8"))


def test_windows_1252_text_keeps_its_accents(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes("Café „De Zwaan” – geopend. Één euro per kopje.".encode("cp1252"))
    [article] = load_articles([path])
    assert article.body == "Café „De Zwaan” – geopend. Één euro per kopje."


def test_five_megabyte_article_loses_no_sentence(tmp_path):
    sentence = "De gemeente onderzoekt {} opties voor een nieuwe fietsenstalling bij het station."
    text = " ".join(sentence.format(i) for i in range(65_000))
    assert len(text.encode()) > 5_000_000
    path = tmp_path / "groot.txt"
    path.write_text(text)
    config = three_sentences()
    config.include_translation = True
    [record] = fake_pipeline(config).run(load_articles([path]))
    assert record["error"] is None
    assert len(record["segments"]) == 65_000 and record["translation"] == text
    assert record["chunks"] > 100 and record["rounds"] >= 2 and record["summary_sentences"]


@pytest.fixture(scope="module")
def translator(models):
    return load_translator(str(models["marian"]), settings=TranslationSettings(max_new_tokens=2))


def test_three_thousand_word_sentence_without_punctuation(translator, spy):
    sentence = " ".join(["de gemeente onderzoekt twee opties"] * 600)
    batches = spy(translator.inner, "translate_batch")
    document = translate_document(sentence, translator)
    pieces = [piece for batch in batches for piece in batch]
    assert len(document.segments) == 1 and document.segments[0].translation
    assert " ".join(pieces) == sentence
    assert max(translator.inner.count_tokens(pieces)) <= translator.inner.max_input_tokens


def test_line_of_100000_characters_without_spaces(translator, spy):
    line = ("fietsenstalling" * 7000)[:100_000]
    batches = spy(translator.inner, "translate_batch")
    [translation] = translator.translate_batch([line])
    pieces = [piece for batch in batches for piece in batch]
    # windows of one over-long 'word' are separated by spaces, and no character is lost
    assert "".join("".join(pieces).split()) == line and translation
    assert max(translator.inner.count_tokens(pieces)) <= translator.inner.max_input_tokens - 2


@pytest.mark.parametrize(("mode", "expect_error"), [("warn", False), ("skip", True), ("off", False)])
def test_text_that_is_not_dutch(tmp_path, caplog, mode, expect_error):
    path = tmp_path / "engels.txt"
    path.write_text("The municipality is investigating two options for a new bicycle parking facility near the "
                    "station, and travellers are largely satisfied with the current situation.")
    config = PipelineConfig()
    config.input.language_check = mode
    [record] = fake_pipeline(config).run(load_articles([path]))
    assert (record["error"] is not None) == expect_error
    warned = any(r.levelname == "WARNING" and "looks like 'en'" in r.getMessage() for r in caplog.records)
    assert warned == (mode == "warn")
    if expect_error:
        assert record["error"].startswith(f"{path}: text looks like 'en'") and "skipped" in record["error"]


def test_html_with_scripts_and_inline_styles(tmp_path):
    path = tmp_path / "p.html"
    path.write_text('<html><head><style>p{color:red}</style></head><body><article><h1>Kop</h1>'
                    '<p style="font-weight:bold">Echte tekst hier.</p><script>alert("x")</script>'
                    '<p onclick="steal()">Tweede alinea.</p><noscript>Zet JavaScript aan</noscript>'
                    '</article></body></html>')
    [article] = load_articles([path])
    assert article.title == "Kop" and article.body == "Echte tekst hier.\n\nTweede alinea."


def test_unreadable_file_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    from pathlib import Path

    (tmp_path / "a.txt").write_text("Een artikel.")
    (tmp_path / "b.txt").write_text("Geheim.")
    real = Path.read_bytes

    def guarded(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    items = list(load_articles([tmp_path]))
    assert isinstance(items[0], Article)
    assert items[1] == Failure(str(tmp_path / "b.txt"), f"{tmp_path / 'b.txt'}: cannot read (Permission denied)")


def test_unreadable_directory_is_reported(tmp_path, monkeypatch):
    closed = tmp_path / "dicht"
    closed.mkdir()
    (closed / "b.txt").write_text("Geheim.")
    (tmp_path / "a.txt").write_text("Een artikel.")
    if os.geteuid() == 0:  # root reads every folder (and CI runs as root): refuse as the kernel would a user
        real = os.scandir

        def guarded(path="."):
            if os.fspath(path) == str(closed):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", guarded)
    else:
        closed.chmod(0)
    try:
        items = list(load_articles([tmp_path]))
    finally:
        closed.chmod(0o755)
    assert Failure(str(closed), f"{closed}: cannot read directory (Permission denied)") in items
    assert [i.path for i in items if isinstance(i, Article)] == [str(tmp_path / "a.txt")]


def test_symlink_loop_is_reported_once_and_reading_goes_on(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Een artikel.")
    (tmp_path / "sub" / "lus").symlink_to(tmp_path)
    items = list(load_articles([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    loops = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 1 and len(loops) == 1 and loops[0].error.endswith("symlink loop, skipped")


def test_file_that_disappears_mid_run(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Artikel {name}.")
    stream = load_articles([tmp_path])
    first = next(stream)
    (tmp_path / "b.txt").unlink()
    rest = list(stream)
    assert isinstance(first, Article)
    assert rest[0] == Failure(str(tmp_path / "b.txt"), f"{tmp_path / 'b.txt'}: no such file")
    assert isinstance(rest[1], Article)


# -- nothing lost --------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600), st.integers(3, 30))
def test_translation_never_drops_or_duplicates_text(text, limit):
    translator = ChunkingTranslator(Identity(), lambda words: [1] * len(words), limit)
    document = translate_document(text, translator)
    assert [s.source for s in document.segments] == split_sentences(text)
    assert [s.translation for s in document.segments] == [s.source for s in document.segments]
    assert " ".join(document.text.split()) == " ".join(text.split())


def _hammer(directory, worker, rounds):
    cache = ResultCache(directory)
    for index in range(rounds):
        cache.put(f"{worker}-{index}", {"worker": worker, "index": index, "text": "x" * 2000})
        assert cache.get(f"{worker}-{index}")["index"] == index
    cache.close()


def test_cache_survives_concurrent_processes(tmp_path):
    context = get_context("spawn")
    workers = [context.Process(target=_hammer, args=(tmp_path, worker, 150)) for worker in range(3)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
    assert [p.exitcode for p in workers] == [0, 0, 0]
    cache = ResultCache(tmp_path)
    assert len(cache) == 450
    assert sqlite3.connect(cache.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_sigint_leaves_no_output_and_the_next_run_resumes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(80):
        (folder / f"artikel-{index:03d}.txt").write_text(
            f"Titel {index}\n\n" + "De gemeente onderzoekt twee opties. Reizigers zijn tevreden. " * 8)
    out = tmp_path / "digest.md"
    cache_dir = tmp_path / "cache"
    # a real process on the fake models, slowed to 50 ms per article so that there is time to interrupt it
    path = os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "NEWSDIGEST_CACHE_DIR": str(cache_dir), "PYTHONPATH": path,
           "FAKE_DELAY": "0.05"}
    command = [sys.executable, "-c", "import tests_helpers; tests_helpers.run_cli_on_fakes()", "digest", str(folder),
               "-o", str(out), "-q", "--language-check", "off", "--length", "1"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    database = cache_dir / "results.sqlite3"
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:  # wait until the first results are cached
        if database.exists() and sqlite3.connect(database).execute("SELECT COUNT(*) FROM results").fetchone()[0]:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the digest finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == ExitStatus.INTERRUPTED
    assert "interrupted" in stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".digest")]
    done = sqlite3.connect(database).execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert 0 < done < 80
    finished = subprocess.run(command + ["--format", "json"], env={**env, "FAKE_DELAY": "0"}, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    records = json.loads(out.read_text())["articles"]
    assert len(records) == 80 and sum(r["cached"] for r in records) == done


# -- safety --------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "../../etc/passwd", "/etc/passwd", "..", ".", "CON", "nul.txt", "a/b\\c", "x" * 5000, "", "   ",
    "Ünïcödé <script>alert(1)</script>", "com1",
])
def test_names_from_titles_stay_in_their_folder(tmp_path, title):
    name = safe_filename(title, set(), ".md")
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert len(name) <= 84 and name.split(".")[0].lower() not in {"con", "nul", "com1", "prn", "aux"}
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_same_titles_get_distinct_names():
    used = set()
    assert [safe_filename("Kabinet valt", used, ".md") for _ in range(3)] == [
        "kabinet-valt.md", "kabinet-valt-2.md", "kabinet-valt-3.md"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.text = 0, []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script" or any(name.startswith("on") for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_output_shows_markup_in_titles_instead_of_running_it():
    record = {key: None for key in ("url", "translation", "original", "headline")}
    record.update(path="x.txt", title='<script>alert("pwned")</script> & <img src=x onerror=alert(1)>',
                  original_title=None, date="2020-01-01", time=None, source="<b>Bron</b>", style="paragraph",
                  summary="<i>Samenvatting</i>", summary_sentences=["<i>Samenvatting</i>"], error=None)
    signature = {"newsdigest": "0", "models": {"translation": "<m>"}, "settings": {"a": "<s>"},
                 "created": "2020-01-01T00:00:00+00:00"}
    page = Page()
    page.feed(render([record], signature, "html"))
    text = "".join(page.text)
    assert page.scripts == 0
    assert '<script>alert("pwned")</script>' in text and "<i>Samenvatting</i>" in text


def test_offline_digest_opens_no_network_connection(models, tmp_path, no_network):
    result = invoke_tiny(models, "digest", EXAMPLES, "--offline", "-o", tmp_path / "d.md")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "d.md").read_text().startswith("# News digest")


def test_config_file_cannot_run_code(tmp_path):
    from newsdigest.config import resolve_config

    path = tmp_path / "c.toml"
    path.write_text('order = "__import__(\'os\').system(\'touch pwned\')"\n')
    with pytest.raises(Exception, match="order must be one of"):
        resolve_config({}, path, environ={})
    assert not (tmp_path / "pwned").exists()
