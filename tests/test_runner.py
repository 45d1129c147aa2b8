"""The local runner: stages in order, each article cached and counted as it finishes, progress with the
stage and the total, the closing summary line, the include-translation switch, and what an
interruption says it kept."""

import dataclasses
import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time

import pytest

from newsdigest import Article, PipelineConfig
from newsdigest.cache import ResultCache
from newsdigest.cli import ExitStatus
from newsdigest import pipeline
from newsdigest.pipeline import GROUP_SIZE, Pipeline
from newsdigest.stages import configured_summarizer, configured_translator
from translate import TranslationSettings
from tests_helpers import EXAMPLES, ROOT, invoke_tiny

BODY = "De gemeente onderzoekt twee opties. Reizigers zijn tevreden over de stalling. " * 4


@pytest.fixture(scope="module")
def config(models):
    return PipelineConfig(translation_model=str(models["marian"]), summary_model=str(models["bart"]),
                          translation=TranslationSettings(max_new_tokens=3))


@pytest.fixture(scope="module")
def loaded(config):
    return {"translator": configured_translator(config),
            "summarizer": configured_summarizer(config, config.source_language, config.target_language)}


def corpus(count):
    return [Article(path=f"artikel-{index:02d}.txt", title=f"Titel {index}", body=f"{BODY} Nummer {index}.")
            for index in range(count)]


class Recorder:
    """Progress events, each with how many results the cache held at that moment."""

    def __init__(self, cache):
        self.cache, self.events = cache, []

    def stage(self, name):
        self.events.append(("stage", name))

    def advance(self, count):
        self.events.append(("advance", count, len(self.cache)))


def test_each_article_is_cached_and_counted_as_soon_as_it_finishes(config, loaded, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FINISH_SECONDS", 0.0)  # every article "slow": summaries one at a time
    cache = ResultCache(tmp_path)
    progress = Recorder(cache)
    count = GROUP_SIZE + 4
    records = list(Pipeline(config, cache=cache, progress=progress, **loaded).run(corpus(count)))
    assert [r["path"] for r in records] == [f"artikel-{i:02d}.txt" for i in range(count)]
    advances = [event for event in progress.events if event[0] == "advance"]
    # one step per article, and the cache already holds that article when the bar moves
    assert advances == [("advance", 1, done) for done in range(1, count + 1)]
    stages = [event[1] for event in progress.events if event[0] == "stage"]
    collapsed = [name for index, name in enumerate(stages) if index == 0 or stages[index - 1] != name]
    assert collapsed == ["translating", "summarising", "translating", "summarising"]
    again = Recorder(cache)
    assert all(r["cached"] for r in Pipeline(config, cache=cache, progress=again, **loaded).run(corpus(count)))
    assert not [event for event in again.events if event[0] == "stage"]  # all cached: no model stage ran


class Sizes:
    """The last stage, counting the articles it gets per call."""

    def __init__(self, stage):
        self.stage, self.name, self.calls = stage, stage.name, []

    def __call__(self, records):
        self.calls.append(len(records))
        return self.stage(records)


def test_quick_articles_are_finished_in_growing_batches(config, loaded, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FINISH_SECONDS", 3600.0)  # every article "quick"
    cache = ResultCache(tmp_path)
    progress = Recorder(cache)
    runner = Pipeline(config, cache=cache, progress=progress, **loaded)
    runner.stages[-1] = sizes = Sizes(runner.stages[-1])
    records = list(runner.run(corpus(2 * GROUP_SIZE)))
    assert sizes.calls == [1, 2, 4, 8, 1, 16] and sum(sizes.calls) == len(records)
    advances = [event for event in progress.events if event[0] == "advance"]
    assert [event[1] for event in advances] == [1] * len(records)
    assert all(cached >= done for done, (_, _, cached) in enumerate(advances, 1))  # counted only once cached


class Clock:
    """A clock that only the stage below moves: each batch 'takes' what `cost(size)` says."""

    def __init__(self):
        self.now = 0.0

    def monotonic(self):
        return self.now


@pytest.mark.parametrize(("cost", "expected"), [
    # a GPU: a batch costs little more than one article, so batches grow to a group
    (lambda size: 0.4 + 0.01 * size, [1, 2, 4, 8, 1, 16, 16]),
    # a CPU with a real model: 3 s an article whatever the batch; two are tried once, then one at a time
    (lambda size: 3.0 * size, [1, 2] + [1] * 13 + [1] * 32),
])
def test_the_last_stage_batches_only_where_batching_pays(config, loaded, monkeypatch, cost, expected):
    clock = Clock()
    monkeypatch.setattr(pipeline, "time", clock)
    runner = Pipeline(config, **loaded)

    class Timed(Sizes):
        def __call__(self, records):
            clock.now += cost(len(records))
            return super().__call__(records)

    runner.stages[-1] = sizes = Timed(runner.stages[-1])
    records = list(runner.run(corpus(3 * GROUP_SIZE)))
    assert sizes.calls == expected and len(records) == 3 * GROUP_SIZE


def test_spans_in_a_summary_stay_verbatim_when_it_is_translated():
    from tests_helpers import fake_pipeline

    class Shouting:
        name = "shouting"

        def translate_batch(self, sentences):
            return [sentence.upper() for sentence in sentences]

    config = PipelineConfig(order="summarize-then-translate")
    config.input.language_check = "off"
    article = Article(path="a.txt", title="Titel", body="Meer op https://example.org/Nieuws/Artikel. Dat is alles.")
    [record] = fake_pipeline(config, translator=Shouting()).run([article])
    assert "https://example.org/Nieuws/Artikel" in record["summary"] and "MEER OP" in record["summary"]


def test_translations_are_in_the_records_only_when_asked_for(config, loaded):
    plain = next(Pipeline(config, **loaded).run(corpus(1)))
    assert plain["translation"] is None and plain["segments"] is None and plain["summary"] and plain["title"]
    asked = dataclasses.replace(config, include_translation=True)
    record = next(Pipeline(asked, **loaded).run(corpus(1)))
    assert record["translation"] and len(record["segments"]) == 9
    assert record["summary"] == plain["summary"] and record["title"] == plain["title"]


def test_include_translation_switch_decides_the_digest(models, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "d.json"
    assert invoke_tiny(models, "digest", str(EXAMPLES), "-o", str(out)).exit_code == 0
    assert all(r["translation"] is None and r["segments"] is None for r in json.loads(out.read_text())["articles"])
    assert invoke_tiny(models, "digest", str(EXAMPLES), "-o", str(out), "--include-translation").exit_code == 0
    assert all(r["translation"] and r["segments"] for r in json.loads(out.read_text())["articles"])
    (tmp_path / "newsdigest.toml").write_text("include_translation = true\n")
    result = invoke_tiny(models, "digest", str(EXAMPLES), "--no-include-translation", "--format", "markdown")
    assert result.exit_code == 0 and "### Translation" not in result.stdout
    result = invoke_tiny(models, "digest", str(EXAMPLES), "--format", "markdown")
    assert result.stdout.count("### Translation") == 3


def test_a_finished_run_ends_with_one_summary_line(models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Titel\n\n" + BODY)
    (folder / "kapot.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "d.md"
    result = invoke_tiny(models, "digest", str(folder), "-o", str(out))
    assert result.exit_code == ExitStatus.PARTIAL
    *_, last = result.stderr.splitlines()
    assert re.fullmatch(rf"newsdigest: digest of 2 articles in \d+\.\d s \(1 failed\): {re.escape(str(out))}", last)
    result = invoke_tiny(models, "digest", str(folder))
    assert re.fullmatch(r"newsdigest: digest of 2 articles in \d+\.\d s \(1 failed, 1 from the cache\): "
                        r"standard output", result.stderr.splitlines()[-1])
    quiet = invoke_tiny(models, "digest", str(folder), "-o", str(out), "-q")
    assert "digest of" not in quiet.stderr


# -- real processes ------------------------------------------------------------------------------

def _articles(folder, count):
    folder.mkdir()
    for index in range(count):
        (folder / f"artikel-{index:03d}.txt").write_text(f"Titel {index}\n\n{BODY} Nummer {index}.")


def _command(models, *args, start=("-m", "newsdigest")):
    return [sys.executable, *start, "digest", "--translation-model", str(models["marian"]),
            "--summary-model", str(models["bart"]), "--max-new-tokens", "3", "--language-check", "off", *args]


# the program, holding after two finished articles until it is interrupted (tests_helpers.run_cli_holding)
_HOLDING = ("-c", "import tests_helpers; tests_helpers.run_cli_holding()")


def _holding_env(held, **values):
    path = os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": path, "HOLD_AFTER": "2", "HOLD_FILE": str(held),
            **values}


class _Terminal:
    """A command run with its stderr on a pseudo-terminal (where the progress bar shows), and what it showed."""

    def __init__(self, command, env):
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal has a size
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=follower)
        os.close(follower)
        self.output, self.started = b"", time.monotonic()

    @property
    def screen(self):
        return self.output.decode("utf-8", "replace")

    def _read(self, timeout):
        """Read what arrives within `timeout` seconds; False once the process has closed the terminal."""
        ready, _, _ = select.select([self.leader], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError as error:  # EIO, and only once no process holds the other end: all output is read
                if error.errno != errno.EIO:
                    raise
                return False
            self.output += chunk
        return True

    def wait_for(self, condition, timeout=120):
        """Read the screen until `condition()` holds; False if it does not within `timeout` seconds or before
        the process ends."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline or not self._read(0.2):
                return condition()
        return True

    def finish(self, timeout=300):
        """Read to the end and wait for the process; returns the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.2):
            pass
        try:
            self.process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running after {timeout} s: {self}")
        return self.screen

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)

    def __str__(self):
        """For failure messages: how the process stands, after how long, and its last lines and bar frames."""
        frames = [frame for frame in re.split(r"[\r\n]", self.screen) if frame.strip()]
        return (f"exit status {self.process.poll()} after {time.monotonic() - self.started:.1f} s; "
                f"the terminal showed ({len(frames)} lines and frames, the last 20 here):\n" + "\n".join(frames[-20:]))


@pytest.fixture
def terminal():
    """terminal(command, env) starts a _Terminal; a process still running when the test ends is killed."""
    started = []

    def start(command, env):
        started.append(_Terminal(command, env))
        return started[-1]

    yield start
    for run in started:
        run.close()


def test_progress_bar_shows_the_stage_and_the_total(models, tmp_path, terminal):
    _articles(tmp_path / "in", 20)
    env = {**os.environ, "NEWSDIGEST_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    run = terminal(_command(models, str(tmp_path / "in"), "-o", str(tmp_path / "d.md")), env)
    screen = run.finish()
    assert run.process.returncode == 0, run
    frames = re.split(r"[\r\n]", screen)
    assert any(f.startswith("reading:") for f in frames)
    assert any(f.startswith("translating:") and "/20 " in f for f in frames)
    # while a group's sentences are translated together, no article is finished yet: the count of
    # sentences moves instead
    assert any(re.match(r"translating:.* 0/20 .*[1-9][\d,]* sentences translated", f) for f in frames), frames
    assert any(f.startswith("summarising:") and "/20 " in f for f in frames)
    summary = re.compile(r"newsdigest: digest of 20 articles in \d+\.\d s \(0 failed\): " + re.escape(
        str(tmp_path / "d.md")))
    assert [f for f in frames if f.strip()][-1] == next(f for f in frames if summary.fullmatch(f))


def _cached(database):
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.Error:  # not created yet, or its table not yet
        return 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=lambda signum: signum.name)
def test_an_interrupted_run_says_truthfully_what_it_kept(models, tmp_path, terminal, signum):
    _articles(tmp_path / "in", 40)
    out, held = tmp_path / "d.md", tmp_path / "held"
    database = tmp_path / "cache" / "results.sqlite3"
    run = terminal(_command(models, str(tmp_path / "in"), "-o", str(out), start=_HOLDING),
                   _holding_env(held, NEWSDIGEST_CACHE_DIR=str(tmp_path / "cache")))
    assert run.wait_for(held.exists), f"the run did not get to two finished articles: {run}"
    run.process.send_signal(signum)
    screen = run.finish()
    assert run.process.returncode == ExitStatus.INTERRUPTED, run
    lines = [line for line in re.split(r"[\r\n]", screen) if "interrupted" in line]
    kept = len(lines) == 1 and re.fullmatch(r"newsdigest: interrupted; (\d+) finished articles kept in the result "
                                            r"cache; run the same command again to go on from there", lines[0])
    assert kept, run
    assert int(kept.group(1)) == _cached(database) and 2 <= int(kept.group(1)) < 40
    assert not out.exists()


def test_an_interrupted_run_without_the_cache_says_nothing_was_kept(models, tmp_path, terminal):
    _articles(tmp_path / "in", 40)
    held = tmp_path / "held"
    run = terminal(_command(models, str(tmp_path / "in"), "--no-cache", start=_HOLDING), _holding_env(held))
    assert run.wait_for(held.exists), f"the run did not get to two finished articles: {run}"
    run.process.send_signal(signal.SIGINT)
    screen = run.finish()
    assert run.process.returncode == ExitStatus.INTERRUPTED, run
    assert "newsdigest: interrupted; nothing was kept (the result cache is off)" in screen, run


def _key(**changes):
    """The record key of one article under the default config with `changes` (dotted names)."""
    from newsdigest.stages import ReadStage

    config = PipelineConfig()
    config.input.language_check = "off"
    for name, value in changes.items():
        table, _, field = name.rpartition(".")
        setattr(getattr(config, table) if table else config, field, value)
    return ReadStage(config).key(Article(path="a.txt", title="Kop", body="De raad vergadert."))


@pytest.mark.parametrize("change", [{"runtime.threads": 1}, {"runtime.batch_size": 4},
                                    {"runtime.max_batch_tokens": 512}])
def test_settings_that_change_only_speed_keep_the_key(change):
    # so a re-run with other --threads or --batch-size takes its results from the cache or the shard folder
    assert _key(**change) == _key()


@pytest.mark.parametrize("change", [{"runtime.precision": "float32"}, {"runtime.engine": "torch"},
                                    {"runtime.device": "cpu"}, {"translation.num_beams": 2},
                                    {"summary.length": "short"}, {"summary_model": "other/model"},
                                    {"include_translation": True}])
def test_settings_that_can_change_a_record_change_the_key(change):
    assert _key(**change) != _key()
