"""What `digest --ray` costs on one machine: the local runner against Ray Data with 1 and 2 workers per
model stage, on the same 200 articles, in one run.

Runs offline. Models are random-weight Marian and BART (tests/modelkit.py) with a SentencePiece
tokenizer trained on the FLORES text in ../shared/eval/ (else on examples/), smaller than the real
ones so a run takes minutes on 2 cores. That makes the ratio conservative: Ray's costs per article
(Arrow conversion, moving batches between processes) weigh more against light models than against
opus-mt-nl-en and distilbart. The outputs mean nothing; the records of every system are checked to
be the same.

Two ways of timing each system, each in a process of its own:
  cli      `newsdigest digest ... -o out.jsonl` as a user runs it: Python start, model loading and,
           for --ray, starting a local Ray cluster, all included;
  library  inside a process where Ray is already running: `Pipeline.run` against `digest_on_ray`,
           model loading included, cluster start not.

    python benchmarks/ray_bench.py                  # 200 articles, prints Markdown tables
    python benchmarks/ray_bench.py --articles 40    # smoke test
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MARIAN = {"vocab_size": 8000, "d_model": 256, "layers": 3, "heads": 4, "ffn": 1024, "max_positions": 512}
BART = {"vocab_size": 8000, "d_model": 256, "encoder_layers": 3, "decoder_layers": 3, "heads": 4, "ffn": 1024,
        "max_positions": 1024}
SENTENCES_PER_ARTICLE = 8
MAX_NEW_TOKENS = "24"
SYSTEMS = (("local runner", None), ("--ray, 1 worker per stage", 1), ("--ray, 2 workers per stage", 2))


def build(work: Path) -> dict[str, Path]:
    import modelkit
    from bench import train_tokenizer

    paths = {"marian": work / "marian-small", "bart": work / "bart-small"}
    if all((path / "config.json").exists() for path in paths.values()):
        return paths
    spm, vocab = train_tokenizer(work)
    modelkit.build_marian(paths["marian"], spm, **{**MARIAN, "vocab_size": vocab})
    modelkit.build_bart(paths["bart"], spm, **{**BART, "vocab_size": vocab})
    return paths


def write_articles(folder: Path, count: int) -> None:
    """`count` plain-text articles of a title and FLORES sentences (the examples' text without FLORES)."""
    from bench import dutch_sentences

    folder.mkdir(parents=True, exist_ok=True)
    sentences = dutch_sentences(count * (SENTENCES_PER_ARTICLE + 1))
    for index in range(count):
        part = sentences[index * (SENTENCES_PER_ARTICLE + 1):(index + 1) * (SENTENCES_PER_ARTICLE + 1)]
        (folder / f"artikel-{index:04d}.txt").write_text(f"{part[0].rstrip('.')}\n\n{' '.join(part[1:])}\n",
                                                         encoding="utf-8")


def options(models: dict[str, Path]) -> list[str]:
    return ["--translation-model", str(models["marian"]), "--summary-model", str(models["bart"]),
            "--max-new-tokens", MAX_NEW_TOKENS, "--language-check", "off", "--no-cache", "-q"]


def run_cli(models: dict[str, Path], corpus: Path, workers: int | None, out: Path) -> float:
    command = [sys.executable, "-m", "newsdigest", "digest", str(corpus), *options(models), "-o", str(out)]
    if workers:
        command += ["--ray", "--translation-workers", str(workers), "--summary-workers", str(workers)]
    begin = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - begin
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return seconds


LIBRARY = """
import json, sys, time
import ray
from newsdigest import load_articles
from newsdigest.config import resolve_config
from newsdigest.distributed import Workers, digest_on_ray
from newsdigest.pipeline import Pipeline

models, corpus, workers, out = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
config = resolve_config({"translation_model": models["marian"], "summary_model": models["bart"], "cache": False,
                         "translation": {"max_new_tokens": int(sys.argv[5])}, "summary": {"max_new_tokens": int(sys.argv[5])},
                         "input": {"language_check": "off"}},
                        environ={})
if workers:
    ray.init(include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
begin = time.perf_counter()
if workers:
    records = digest_on_ray([corpus], config, workers=Workers(translation=workers, summary=workers)).records
else:
    records = list(Pipeline(config).run(load_articles([corpus], config.input)))
seconds = time.perf_counter() - begin
with open(out, "w", encoding="utf-8") as stream:
    stream.writelines(json.dumps(record, ensure_ascii=False) + "\\n" for record in records)
print(seconds)
"""


def run_library(models: dict[str, Path], corpus: Path, workers: int | None, out: Path) -> float:
    command = [sys.executable, "-c", LIBRARY, json.dumps({k: str(v) for k, v in models.items()}), str(corpus),
               str(workers or 0), str(out), MAX_NEW_TOKENS]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"library run with {workers} workers failed:\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def records(path: Path) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [{k: v for k, v in line.items() if k != "signature"} for line in lines]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="runs per system; the fastest counts")
    parser.add_argument("--work", type=Path, help="keep models here between runs (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        models = build(work)
        corpus = work / f"articles-{args.articles}"
        if not corpus.exists():
            write_articles(corpus, args.articles)
        for mode, runner in (("cli", run_cli), ("library", run_library)):
            timings, outputs = {}, {}
            for name, workers in SYSTEMS:
                outputs[name] = work / f"{mode}-{workers or 0}.jsonl"
                timings[name] = min(runner(models, corpus, workers, outputs[name]) for _ in range(args.repeat))
            same = all(records(outputs[name]) == records(outputs[SYSTEMS[0][0]]) for name, _ in SYSTEMS)
            local = timings[SYSTEMS[0][0]]
            print(f"\n{mode}: {args.articles} articles, fastest of {args.repeat}; records identical: "
                  f"{'yes' if same else 'NO'}\n")
            print("| system | seconds | articles/s | x local | overhead ms/article |")
            print("| --- | ---: | ---: | ---: | ---: |")
            for name, _ in SYSTEMS:
                seconds = timings[name]
                overhead = (seconds - local) / args.articles * 1000
                print(f"| {name} | {seconds:.1f} | {args.articles / seconds:.2f} | {seconds / local:.2f} | "
                      f"{overhead:+.0f} |")
    import ray
    import torch

    print(f"\n{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"torch {torch.__version__}, Ray {ray.__version__}")


if __name__ == "__main__":
    main()
