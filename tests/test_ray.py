"""`--ray` and `digest_on_ray` on a real local Ray cluster (2 CPUs, shared by the module): the same
records as the local runner, shards and resume, a killed worker, failures as records, no hang."""

import dataclasses
import json
import re
import shutil
import threading
import time

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsdigest[ray]'")

from newsdigest import PipelineConfig, load_articles  # noqa: E402
from newsdigest.cli import ExitStatus  # noqa: E402
from newsdigest.distributed import ClusterTooSmall, Workers, digest_on_ray, plan_resources  # noqa: E402
from newsdigest.pipeline import Pipeline  # noqa: E402
from summarize import SummarySettings  # noqa: E402
from translate import TranslationSettings  # noqa: E402
from tests_helpers import EXAMPLES, invoke  # noqa: E402

BODY = "De gemeente onderzoekt twee opties. Reizigers zijn tevreden over de stalling. "


@pytest.fixture(scope="module")
def cluster():
    # a cluster of its own: without address="local", ray.init joins any cluster another process on this
    # machine started with `ray start` (another test run's two-node Cluster) and refuses num_cpus there
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level="ERROR")
    yield
    ray.shutdown()


def write_corpus(folder, count=20):
    """Articles in every input kind, plus inputs that fail: a binary file and a bad JSON lines row."""
    shutil.copytree(EXAMPLES / "articles", folder)
    for index in range(count):
        (folder / f"artikel-{index:02d}.txt").write_text(f"Titel {index}\n\n{BODY * (1 + index % 3)}Nummer {index}.")
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Dijk", "body": "Het waterschap versterkt de dijk. " * 3}) + "\n"
        + "{kapot\n" + json.dumps({"title": "Raad", "body": "De raad vergadert dinsdag."}) + "\n")
    (folder / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def config(models):
    # what `digest --translation-model M --summary-model M --max-new-tokens 3` runs
    return PipelineConfig(translation_model=str(models["marian"]), summary_model=str(models["bart"]),
                          translation=TranslationSettings(max_new_tokens=3), summary=SummarySettings(max_new_tokens=3))


def local(config, inputs, signature=None):
    pipeline = Pipeline(config)
    records = list(pipeline.run(load_articles(inputs, config.input)))
    if signature is not None:
        signature.update(pipeline.signature())
    return records


@pytest.fixture(scope="module")
def local_signature():
    return {}


@pytest.fixture(scope="module")
def expected(config, corpus, local_signature):
    return local(config, [corpus], local_signature)


def same_signature(one, other):
    return {k: v for k, v in one.items() if k != "created"} == {k: v for k, v in other.items() if k != "created"}


def test_same_records_as_the_local_runner(cluster, config, corpus, expected, local_signature):
    result = digest_on_ray([str(corpus)], config)
    assert result.records == expected
    assert same_signature(result.signature, local_signature) and result.signature["settings"]["engines"]
    assert len(expected) == 3 + 20 + 3 + 1 and sum(1 for r in expected if r["error"]) == 2
    assert result.failed == 2 and result.written == len(expected) and result.signature["models"] == {
        "translation": config.translation_model, "summary": config.summary_model}


def test_same_records_in_the_other_order_with_translations(cluster, config, corpus):
    other = dataclasses.replace(config, order="summarize-then-translate", include_translation=True,
                                include_original=True)
    inputs = [str(corpus / "artikel-01.txt"), str(corpus / "feed.jsonl")]
    result = digest_on_ray(inputs, other, workers=Workers(translation=2, summary=1))
    assert result.records == local(other, inputs)
    assert all(r["translation"] and r["original"] for r in result.records if not r["error"])


def digest(models, *args):
    """`newsdigest digest` on the tiny models, decoding as the `expected` local records were made."""
    return invoke("digest", "--translation-model", models["marian"], "--summary-model", models["bart"],
                  "--max-new-tokens", "3", *args)


def test_cli_ray_writes_the_same_digest_as_the_local_run(cluster, models, corpus, expected, tmp_path):
    result = digest(models, str(corpus), "--ray", "--summary-workers", "2", "-o", str(tmp_path / "ray.json"))
    assert result.exit_code == ExitStatus.PARTIAL, result.stderr
    written = json.loads((tmp_path / "ray.json").read_text())
    assert written["articles"] == expected
    assert written["signature"]["models"] == {"translation": str(models["marian"]), "summary": str(models["bart"])}
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsdigest: error:")]
    assert errors == [f"newsdigest: error: {r['error']}" for r in expected if r["error"]] and len(errors) == 2
    assert re.fullmatch(rf"newsdigest: digest of 27 articles in \d+\.\d s \(2 failed\): {tmp_path / 'ray.json'}",
                        summary_line(result.stderr))


def summary_line(stderr):
    """The run's closing line (workers' warnings may be printed after it)."""
    [line] = [line for line in stderr.splitlines() if line.startswith("newsdigest: digest of ")]
    return line


def shard_records(folder):
    lines = [json.loads(line) for shard in sorted(folder.glob("digest-*.jsonl")) for line in shard.open()]
    return sorted(({k: v for k, v in line.items() if k != "signature"} for line in lines), key=lambda r: r["path"])


def test_shards_resume_without_model_work(cluster, models, corpus, expected, tmp_path):
    own = {name: tmp_path / name for name in ("marian", "bart")}  # models this test may take away
    for name, path in own.items():
        shutil.copytree(models[name], path)
    out = tmp_path / "shards"
    command = ["digest", "--translation-model", str(own["marian"]), "--summary-model", str(own["bart"]),
               "--max-new-tokens", "3", str(corpus), "--ray", "--format", "jsonl", "-o", f"{out}/"]
    first = invoke(*command)
    assert first.exit_code == ExitStatus.PARTIAL, first.stderr
    by_path = {r["path"]: r for r in expected}
    written = shard_records(out)
    same = lambda record: {k: v for k, v in record.items() if k not in ("model", "key")}  # noqa: E731 (own copies)
    assert len(written) == len(expected) and all(same(r) == same(by_path[r["path"]]) for r in written)
    assert f"(27 new, 0 already there, 2 failed): " in summary_line(first.stderr)

    for path in own.values():  # a second run must not load a model: take them away
        path.rename(path.with_name(path.name + "-away"))
    second = invoke(*command)
    assert second.exit_code == 0, second.stderr
    assert "(0 new, 27 already there, 0 failed): 0 new shard(s)" in summary_line(second.stderr)
    assert shard_records(out) == written

    for path in own.values():
        path.with_name(path.name + "-away").rename(path)
    (corpus / "nieuw.txt").write_text("Nieuw\n\n" + BODY)
    try:
        third = invoke(*command)
    finally:
        (corpus / "nieuw.txt").unlink()
    assert third.exit_code == 0, third.stderr
    assert "(1 new, 27 already there, 0 failed): 1 new shard(s)" in summary_line(third.stderr)
    assert [r["path"] for r in shard_records(out)] == sorted([*by_path, str(corpus / "nieuw.txt")])


def translation_workers():
    import psutil

    found = {}
    for process in psutil.process_iter(["pid", "name"]):
        if "MapBatches(TranslationWorker)" in (process.info["name"] or ""):
            found[process.info["pid"]] = process
    return found


def test_a_killed_worker_loses_and_duplicates_nothing(cluster, config, tmp_path):
    # Enough work that the job cannot end between finding the worker and killing it: 150 articles,
    # every sentence decoded for 24 steps. The worker dies as soon as it is seen, mid-run.
    config = dataclasses.replace(config, translation=TranslationSettings(max_new_tokens=24, min_new_tokens=24))
    inputs = write_corpus(tmp_path / "in", count=150)
    outcome = {}
    job = threading.Thread(target=lambda: outcome.update(result=digest_on_ray([str(inputs)], config)))
    job.start()
    deadline = time.time() + 120
    while time.time() < deadline and job.is_alive() and not translation_workers():
        time.sleep(0.02)
    victims = translation_workers()
    assert victims and job.is_alive(), "the job ended before a worker could be killed"
    for process in victims.values():
        process.kill()
    replacements = set()
    while job.is_alive():
        replacements |= set(translation_workers()) - set(victims)
        time.sleep(0.05)
    assert replacements, "no worker took the killed one's place"
    # every article once, in order, as the local runner has it
    assert outcome["result"].records == local(config, [inputs])


def test_a_failing_article_is_a_record_not_a_failed_job(cluster, config, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"title": "Dijk", "body": "Het waterschap versterkt de dijk."},
                                         {"title": "Leeg", "body": "  "}]), tmp_path / "a.parquet")
    pq.write_table(pa.Table.from_pylist([{"title": "Getal", "body": 42}]), tmp_path / "getal.parquet")
    (tmp_path / "kapot.parquet").write_bytes(b"PAR1 but not really")
    (tmp_path / "diep.json").write_text("[" * 50_000 + "]" * 50_000)
    result = digest_on_ray([str(tmp_path)], config)
    errors = {record["path"].rsplit("/", 1)[1]: record["error"] for record in result.records}
    assert errors.pop("a.parquet#1") is None
    assert errors == {
        "a.parquet#2": f"{tmp_path / 'a.parquet'}#2: field 'body' is empty",
        "diep.json": f"{tmp_path / 'diep.json'}: JSON nested too deeply to be an article (over 200 levels)",
        "getal.parquet#1": f"{tmp_path / 'getal.parquet'}#1: field 'body' must be a string, got int",
        "kapot.parquet": errors["kapot.parquet"]} and "cannot read Parquet" in errors["kapot.parquet"]
    assert result.failed == 4 and result.records[0]["summary"]


def test_a_dataset_and_parquet_and_uris_as_inputs(cluster, config, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": "a", "title": "Dijk", "body": "Het waterschap versterkt de dijk."},
            {"id": "b", "title": "Raad", "body": "De raad vergadert dinsdag."}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "artikelen.parquet")
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "a.txt").write_text("Kop\n\n" + BODY)
    from_files = digest_on_ray([str(tmp_path / "artikelen.parquet"), f"file://{tmp_path / 'map'}"], config).records
    from_dataset = digest_on_ray(ray.data.from_items(rows), config).records
    assert [r["path"] for r in from_files] == [f"{tmp_path / 'artikelen.parquet'}#1", f"{tmp_path / 'artikelen.parquet'}#2",
                                               f"file://{tmp_path / 'map' / 'a.txt'}"]
    assert sorted(r["path"] for r in from_dataset) == ["a", "b"]
    strip = lambda records: sorted(({k: v for k, v in r.items() if k != "path"} for r in records), key=str)  # noqa: E731
    assert strip(from_files[:2]) == strip(from_dataset) and not any(r["error"] for r in from_files + from_dataset)


def test_workers_that_cannot_fit_are_refused_before_the_job_starts(cluster, models, corpus, tmp_path):
    # the defaults fit any cluster: up to 1 CPU per worker, a fraction when that is what it takes
    assert plan_resources(Workers(), [{"CPU": 2.0}]) == (1.0, 0.0)
    assert plan_resources(Workers(translation=3, summary=3), [{"CPU": 2.0}]) == (0.33, 0.0)
    assert plan_resources(Workers(), [{"CPU": 1.0}, {"CPU": 1.0}]) == (1.0, 0.0)
    assert plan_resources(Workers(gpus=0.5), [{"CPU": 8.0, "GPU": 1.0}]) == (1.0, 0.5)
    with pytest.raises(ClusterTooSmall, match=r"at 1\.5 CPU each do not fit .* \(CPUs: 1, 1\), so the job would "
                                              r"wait for ever; use fewer workers or --cpus-per-worker 1$"):
        plan_resources(Workers(cpus=1.5), [{"CPU": 1.0}, {"CPU": 1.0}])
    with pytest.raises(ClusterTooSmall, match="need 2 GPUs; the cluster has 1"):
        plan_resources(Workers(gpus=1.0), [{"CPU": 8.0, "GPU": 1.0}])
    refused = digest(models, str(corpus), "--ray", "--cpus-per-worker", "2", "-o", str(tmp_path / "d.md"))
    assert refused.exit_code == ExitStatus.INPUT and "would wait for ever" in refused.stderr
    assert not (tmp_path / "d.md").exists()


def test_ray_options_need_ray(models, corpus):
    result = digest(models, str(corpus), "--translation-workers", "2")
    assert result.exit_code == ExitStatus.USAGE and "--translation-workers only apply with --ray" in result.stderr


def test_a_missing_model_ends_the_job_with_one_line(cluster, models, corpus, tmp_path):
    result = invoke("digest", corpus, "--ray", "--translation-model", tmp_path / "weg",
                    "--summary-model", models["bart"], "-o", tmp_path / "d.md")
    assert result.exit_code == ExitStatus.MODEL
    [line] = [line for line in result.stderr.splitlines() if line.startswith("newsdigest:")]
    assert line.startswith(f"newsdigest: error: model '{tmp_path / 'weg'}' is not in the local Hugging Face cache")
    assert not (tmp_path / "d.md").exists()


def test_an_interrupted_shard_run_resumes_without_loss_or_duplicates(models, tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from tests_helpers import ROOT

    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(60):
        (inputs / f"artikel-{index:02d}.txt").write_text(f"Titel {index}\n\n{BODY * 3}Nummer {index}.")
    out, held = tmp_path / "shards", tmp_path / "held"
    arguments = ["digest", str(inputs), "--ray", "--format", "jsonl", "-o", f"{out}/", "--translation-model",
                 str(models["marian"]), "--summary-model", str(models["bart"]), "--max-new-tokens", "3",
                 "--summary-workers", "2"]
    # a Ray of its own; the first shard's write holds (tests_helpers.run_cli_holding_a_shard) so that the
    # signal lands mid-run: with tiny models the rest of the run took less than a busy test process's pause
    path = os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))
    env = {name: value for name, value in os.environ.items() if name != "RAY_ADDRESS"} | {
        "HOLD_FILE": str(held), "PYTHONPATH": path}
    holding = [sys.executable, "-c", "import tests_helpers; tests_helpers.run_cli_holding_a_shard()", *arguments]
    process = subprocess.Popen(holding, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    # Ray's start and the model loading take minutes on a loaded 2-core machine: wait for the first shard as
    # long as the run itself may take
    deadline = time.time() + 540
    while time.time() < deadline and process.poll() is None and not held.exists():
        time.sleep(0.1)
    assert process.poll() is None, "the run ended before it could be interrupted"
    assert list(out.glob("digest-*.jsonl")), "no shard written within 540 s"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitStatus.INTERRUPTED, stderr
    assert f"newsdigest: interrupted; the shards already written to {out}/ are kept" in stderr
    kept = shard_records(out)
    assert 0 < len(kept) < 60 and not list(out.glob(".*.part"))
    command = [sys.executable, "-m", "newsdigest", *arguments]
    again = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"({60 - len(kept)} new, {len(kept)} already there, 0 failed)" in summary_line(again.stderr)
    records = shard_records(out)
    assert len(records) == len({r["key"] for r in records}) == 60  # every article once


def test_urls_feeds_and_url_lists_are_read_on_the_driver_as_locally(cluster, config, tmp_path):
    from test_fetch import Server

    server = Server()
    try:
        (tmp_path / "urls.txt").write_text(f"# pagina's\n{server.base}/remise\n{server.base}/begroting\n")
        (tmp_path / "feed.xml").write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>"
                                           f"<item><title>Brug</title><link>{server.base}/brug</link></item>"
                                           "</channel></rss>")
        settings = dataclasses.replace(config.input, page_cache_dir=str(tmp_path / "pages"), language_check="off")
        here = dataclasses.replace(config, input=settings)
        inputs = [f"{server.base}/page", f"{server.base}/feed.xml", str(tmp_path / "urls.txt"),
                  str(tmp_path / "feed.xml")]
        result = digest_on_ray(inputs, here)
        expected = local(here, inputs)
    finally:
        server.close()
    assert result.records == expected and len(expected) == 6
    assert not any(r["error"] for r in result.records), [r["error"] for r in result.records]


def test_a_failed_article_in_a_shard_folder_is_retried_and_its_failure_replaced(cluster, config, tmp_path):
    from newsdigest.records import Record
    from newsdigest.render import render_jsonl
    from newsdigest.stages import ReadStage

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Kop\n\n" + BODY)
    (tmp_path / "in" / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "shards"
    first = digest_on_ray([str(tmp_path / "in")], config, output=str(out))
    assert (first.written, first.failed) == (2, 1)
    # the article failed in that run (say, out of memory): its record in the folder holds the error
    [article] = [item for item in load_articles([tmp_path / "in" / "a.txt"], config.input)]
    failure = Record.from_article(article, ReadStage(config).key(article)).fail("a.txt: MemoryError")
    for shard in out.glob("digest-*.jsonl"):
        lines = [json.loads(line) for line in shard.open()]
        shard.write_text(render_jsonl([failure.to_dict() if r["key"] == failure.key else
                                       {k: v for k, v in r.items() if k != "signature"} for r in lines],
                                      lines[0]["signature"]))
    second = digest_on_ray([str(tmp_path / "in")], config, output=str(out))
    assert (second.written, second.skipped, second.failed) == (1, 1, 0)  # the unreadable file fails alike
    records = shard_records(out)
    assert [(r["path"].rsplit("/", 1)[1], bool(r["error"])) for r in records] == [("a.txt", False),
                                                                                 ("plaatje.txt", True)]
    assert records[0]["summary"] and not list(out.glob(".*.part"))
