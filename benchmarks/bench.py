"""Speed and memory of newsdigest's engines against naive Hugging Face use and raw CTranslate2.

Runs offline. It builds random-weight models with the exact architecture of
Helsinki-NLP/opus-mt-nl-en and sshleifer/distilbart-cnn-12-6 (so the cost per token is the real one),
with a SentencePiece tokenizer trained on the FLORES text in ../shared/eval/ (else on examples/).
EOS is suppressed (minimum = maximum new tokens), so every system generates the same number of
tokens from the same inputs with the same decoding settings. Each system runs in its own process,
so peak RSS is its own. The numbers mean nothing about quality: the weights are random.

    python benchmarks/bench.py                 # full run, prints Markdown tables
    python benchmarks/bench.py --quick         # fewer sentences, for a smoke test
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
SHARED = ROOT.parent / "shared" / "eval"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

OPUS_MT_NL_EN = {"vocab_size": 67028, "d_model": 512, "layers": 6, "heads": 8, "ffn": 2048, "max_positions": 512}
DISTILBART_CNN_12_6 = {"vocab_size": 50264, "d_model": 1024, "encoder_layers": 12, "decoder_layers": 6,
                       "heads": 16, "ffn": 4096, "max_positions": 1024}


# -- data and models ---------------------------------------------------------------------------

def flores_lines(name: str) -> list[str]:
    path = SHARED / "flores200_devtest" / name
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def dutch_sentences(count: int) -> list[str]:
    from translate import split_sentences

    lines = flores_lines("nld_Latn.devtest")
    if not lines:
        from newsdigest.articles import Article, load_articles

        lines = [a.body for a in load_articles([ROOT / "examples"]) if isinstance(a, Article)]
    sentences = [s for line in lines for s in split_sentences(line)]
    return (sentences * (count // max(1, len(sentences)) + 1))[:count]


def english_articles(count: int) -> list[str]:
    path = SHARED / "en_news_summ_frank" / "frank_cnndm_articles_refs_outputs.jsonl"
    if path.exists():
        return [json.loads(line)["article"] for line in path.read_text(encoding="utf-8").splitlines()[:count]]
    return [" ".join(flores_lines("eng_Latn.devtest")[i * 20:(i + 1) * 20]) or "The council met." for i in range(count)]


def train_tokenizer(work: Path) -> tuple[Path, int]:
    """A SentencePiece model trained on the FLORES text (else on examples/), and its vocabulary size."""
    import modelkit

    text = flores_lines("nld_Latn.devtest") + flores_lines("eng_Latn.devtest")
    vocab = 8000
    if not text:
        from newsdigest.articles import Article, load_articles

        text = [a.body for a in load_articles([ROOT / "examples"]) if isinstance(a, Article)]
        vocab = 400
    return modelkit.train_sentencepiece(text, work / "spm", vocab), vocab


def build_models(work: Path, summaries: bool = True) -> dict[str, Path]:
    import modelkit

    paths = {"marian": work / "opus-mt-nl-en-arch", "bart": work / "distilbart-cnn-12-6-arch"}
    if not summaries:
        del paths["bart"]
    if all((p / "config.json").exists() for p in paths.values()):
        return paths
    spm, _ = train_tokenizer(work)
    modelkit.build_marian(paths["marian"], spm, **OPUS_MT_NL_EN)
    if summaries:
        modelkit.build_bart(paths["bart"], spm, **DISTILBART_CNN_12_6)
    return paths


# -- systems, each run in a child process ------------------------------------------------------

def peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM starts afresh at exec, unlike ru_maxrss, which a spawned
    child inherits from its (large) parent."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def produced(rows, special) -> int:
    """Tokens a system really generated: every id that is not padding, a start or an end token."""
    return sum(1 for row in rows for token in row if token not in special)


def special_ids(tokenizer) -> set:
    return {tokenizer.pad_token_id, tokenizer.eos_token_id, tokenizer.bos_token_id} - {None}


def naive_translate(model_dir, sentences, beams, tokens, device="cpu"):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir).to(device)
    special = special_ids(tokenizer)

    def run():
        count = 0
        with torch.inference_mode():
            for sentence in sentences:  # what most scripts do: one sentence at a time through generate()
                output = model.generate(**tokenizer([sentence], return_tensors="pt").to(device), num_beams=beams,
                                        max_new_tokens=tokens, min_new_tokens=tokens)
                tokenizer.batch_decode(output, skip_special_tokens=True)
                count += produced(output.tolist(), special)
        return count

    return run


def batched_translate(model_dir, sentences, beams, tokens, batch=32, sort=False, dtype="float32", device="cpu"):
    """A hand-written batched loop, as a user would write it: tokenizer padding, fixed batches,
    optionally sorted by length first (the best a careful user does)."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, dtype=getattr(torch, dtype)).to(device).eval()
    special = special_ids(tokenizer)

    def run():
        order = sorted(sentences, key=len, reverse=True) if sort else sentences
        count = 0
        with torch.inference_mode():
            for start in range(0, len(order), batch):
                inputs = tokenizer(order[start:start + batch], return_tensors="pt", padding=True).to(device)
                output = model.generate(**inputs, num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens)
                tokenizer.batch_decode(output, skip_special_tokens=True)
                count += produced(output.tolist(), special)
        return count

    return run


def _counting_backends():
    """Count what newsdigest's engines generate (the same rule as for the other systems)."""
    from engines import Backend

    counter = {"tokens": 0}
    original = Backend._run  # every batch of every engine goes through it

    def run(self, *args, **kwargs):
        outputs = original(self, *args, **kwargs)
        counter["tokens"] += produced(outputs, special_ids(self.tokenizer))
        return outputs

    Backend._run = run
    return counter


def newsdigest_translate(model_dir, sentences, beams, tokens, device="cpu", **runtime):
    """The library path a run takes; no engine named is the default path."""
    from translate import RuntimeSettings, TranslationSettings, load_translator, translate_documents

    counter = _counting_backends()
    settings = TranslationSettings(num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens)
    translator = load_translator(str(model_dir), settings=settings, runtime=RuntimeSettings(device=device, **runtime))
    print(f"  newsdigest {runtime or 'default'}: {translator.engine}", file=sys.stderr, flush=True)

    def run():
        counter["tokens"] = 0
        documents = translate_documents(sentences, translator)
        assert sum(len(d.segments) for d in documents) == len(sentences)
        return counter["tokens"]

    return run


def raw_ct2(model_dir, texts, beams, tokens, no_repeat=0):
    import ctranslate2
    from transformers import AutoTokenizer

    from engines import ModelRef
    from engines.ct2_engine import converted_model

    folder = converted_model(ModelRef(str(model_dir)).info(), "int8")  # conversion is cached before timing
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    translator = ctranslate2.Translator(str(folder), device="cpu", compute_type="int8",
                                        intra_threads=os.cpu_count() or 1)

    def run():
        batch = [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(texts)["input_ids"]]
        results = translator.translate_batch(batch, beam_size=beams, max_batch_size=32,
                                             min_decoding_length=tokens, max_decoding_length=tokens,
                                             no_repeat_ngram_size=no_repeat)
        tokenizer.batch_decode([tokenizer.convert_tokens_to_ids(r.hypotheses[0]) for r in results],
                               skip_special_tokens=True)
        return sum(len(r.hypotheses[0]) for r in results)

    return run


def naive_summarize(model_dir, articles, beams, tokens):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
    special = special_ids(tokenizer)

    def run():
        count = 0
        with torch.inference_mode():
            for article in articles:
                inputs = tokenizer([article], return_tensors="pt", truncation=True, max_length=1024)
                output = model.generate(**inputs, num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens,
                                        no_repeat_ngram_size=3)
                count += produced(output.tolist(), special)
        return count

    return run


def newsdigest_summarize(model_dir, articles, beams, tokens, **runtime):
    from summarize import SummarySettings, load_summarizer
    from translate import RuntimeSettings

    counter = _counting_backends()
    summarizer = load_summarizer(str(model_dir), settings=SummarySettings(num_beams=beams, no_repeat_ngram_size=3),
                                 runtime=RuntimeSettings(device="cpu", **runtime))

    def run():
        counter["tokens"] = 0
        # the generator step of the pipeline, with the minimum forced to the maximum for equal work
        outputs = summarizer.generator.generate(articles, tokens, tokens)
        assert len(outputs) == len(articles)
        return counter["tokens"]

    return run


def _child(function, args, kwargs, repeat, queue):
    """Load once, then time the work `repeat` times and keep the fastest run (machines are noisy)."""
    try:
        started = time.perf_counter()
        run = function(*args, **kwargs)
        loaded = time.perf_counter()
        best = float("inf")
        for _ in range(repeat):
            begin = time.perf_counter()
            produced = run()
            best = min(best, time.perf_counter() - begin)
        queue.put({"load_s": loaded - started, "run_s": best, "tokens": produced, "rss_mb": peak_rss_mb()})
    except BaseException:
        import traceback

        queue.put({"error": traceback.format_exc()})


REPEAT = 3


def measure(function, *args, **kwargs) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(function, args, kwargs, REPEAT, queue))
    process.start()
    result = queue.get()
    process.join()
    if "error" in result:
        raise SystemExit(f"{function.__name__} failed:\n{result['error']}")
    result["tokens_per_s"] = result["tokens"] / result["run_s"]
    return result


# -- whole processes: what a command-line user waits for ---------------------------------------

NAIVE_SCRIPT = """
import sys
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
model_dir, source, beams, tokens = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
tokenizer = AutoTokenizer.from_pretrained(model_dir)
model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
with torch.inference_mode():
    for sentence in open(source, encoding="utf-8").read().split("\\n\\n"):
        output = model.generate(**tokenizer([sentence], return_tensors="pt"), num_beams=beams,
                                max_new_tokens=tokens, min_new_tokens=tokens)
        print(tokenizer.decode(output[0], skip_special_tokens=True))
"""


def whole_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one command, start-up included.

    RSS is sampled every 10 ms: the kernel's ru_maxrss of a child counts the memory of the (large)
    process that forked it.
    """
    import subprocess

    import psutil

    begin = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.01)
    seconds = time.perf_counter() - begin
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return seconds, peak / 2**20


def whole_processes(model_dir: Path, sentences: list[str], beams: int, tokens: int, work: Path) -> str:
    source = work / "sentences.txt"
    source.write_text("\n\n".join(sentences), encoding="utf-8")
    (work / "naive.py").write_text(NAIVE_SCRIPT, encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NEWSDIGEST_TRANSLATION__MIN_NEW_TOKENS": str(tokens)}
    commands = {
        "naive script: HF generate(), one sentence at a time": [
            sys.executable, str(work / "naive.py"), str(model_dir), str(source), str(beams), str(tokens)],
        "newsdigest translate (default: no engine named)": [
            sys.executable, "-m", "newsdigest", "translate", str(source), "--model", str(model_dir), "--num-beams",
            str(beams), "--max-new-tokens", str(tokens), "-q", "-o", str(work / "translated.txt")],
        "newsdigest translate --engine torch": [
            sys.executable, "-m", "newsdigest", "translate", str(source), "--model", str(model_dir), "--num-beams",
            str(beams), "--max-new-tokens", str(tokens), "-q", "--engine", "torch", "-o", str(work / "t.txt")],
    }
    whole_process(commands["newsdigest translate (default: no engine named)"], env)  # the conversion, once
    rows = []
    for name, command in commands.items():
        runs = [whole_process(command, env) for _ in range(REPEAT)]
        rows.append((name, min(seconds for seconds, _ in runs), max(rss for _, rss in runs)))
    naive = rows[0][1]
    lines = ["| command (whole process, start-up included) | seconds | x naive | peak RSS MB |",
             "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {seconds:.1f} | {naive / seconds:.2f} | {rss:.0f} |" for name, seconds, rss in rows]
    return "\n".join(lines)


# -- GPU ----------------------------------------------------------------------------------------

def gpu_measure(function, *args, repeat: int = 2, **kwargs) -> dict:
    """In this process (CUDA start-up once): one warm-up run, then the fastest of `repeat`."""
    import gc

    import torch

    cuda = torch.cuda.is_available()
    if cuda:
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    run = function(*args, **kwargs)
    loaded = time.perf_counter()
    run()
    best = float("inf")
    for _ in range(repeat):
        if cuda:
            torch.cuda.synchronize()
        begin = time.perf_counter()
        count = run()
        if cuda:
            torch.cuda.synchronize()
        best = min(best, time.perf_counter() - begin)
    result = {"load_s": loaded - started, "run_s": best, "tokens": count, "tokens_per_s": count / best,
              "gpu_mb": torch.cuda.max_memory_allocated() / 2**20 if cuda else 0.0}
    del run
    gc.collect()
    return result


def gpu_tables(paths: dict[str, Path], sentences: list[str], beams: int, tokens: int, device: str = "cuda",
               batches: tuple[int, ...] = (64, 128, 256, 512),
               dtypes: tuple[str, ...] = ("float32", "float16", "bfloat16"), variants: bool = True) -> str:
    import torch

    name = torch.cuda.get_device_name() if device == "cuda" else device
    print(f"device: {name}, torch {torch.__version__}; {len(sentences)} sentences", file=sys.stderr, flush=True)
    rows = [("naive HF generate(), one sentence at a time (first 64 sentences)",
             gpu_measure(naive_translate, paths["marian"], sentences[:64], beams, tokens, device=device, repeat=1))]
    hand: list[tuple[str, dict]] = []
    for dtype in dtypes:
        for batch in batches:
            result = gpu_measure(batched_translate, paths["marian"], sentences, beams, tokens, batch=batch, sort=True,
                                 dtype=dtype, device=device)
            hand.append((f"hand-written HF loop, length-sorted, batches of {batch}, {dtype}", result))
            print(f"  {hand[-1][0]}: {result['tokens_per_s']:.0f} tok/s", file=sys.stderr, flush=True)
    best_name, best = max(hand, key=lambda row: row[1]["tokens_per_s"])
    rows += hand
    systems = [("newsdigest, default (no engine or precision named)", {})]
    if variants:
        systems += [("newsdigest --precision float16", {"precision": "float16"}),
                    ("newsdigest --precision float32", {"precision": "float32"}),
                    ("newsdigest --batch-size 1024", {"batch_size": 1024}),
                    ("newsdigest --batch-size 256", {"batch_size": 256})]
    for name, runtime in systems:
        rows.append((name, gpu_measure(newsdigest_translate, paths["marian"], sentences, beams, tokens,
                                       device="auto" if device == "cuda" else device, **runtime)))
        print(f"  {name}: {rows[-1][1]['tokens_per_s']:.0f} tok/s", file=sys.stderr, flush=True)
    base = rows[0][1]["tokens_per_s"]
    lines = ["| system (GPU) | generated tokens/s | x naive | x best hand-written | load s | peak GPU MB |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['tokens_per_s']:.0f} | {r['tokens_per_s'] / base:.1f} | "
                     f"{r['tokens_per_s'] / best['tokens_per_s']:.2f} | {r['load_s']:.1f} | {r['gpu_mb']:.0f} |")
    default = dict(rows)["newsdigest, default (no engine or precision named)"]["tokens_per_s"]
    lines.append(f"\nbest hand-written: {best_name}; newsdigest default / best hand-written: "
                 f"{default / best['tokens_per_s']:.2f}")
    return "\n".join(lines)


# -- report ------------------------------------------------------------------------------------

def table(rows: list[tuple[str, dict]], baseline: str) -> str:
    base = dict(rows)[baseline]["tokens_per_s"]
    lines = ["| system | generated tokens/s | x naive | load s | peak RSS MB |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['tokens_per_s']:.1f} | {r['tokens_per_s'] / base:.2f} | {r['load_s']:.1f} "
                     f"| {r['rss_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--sentences", type=int, help="default: 48 on a CPU, 1,012 on a GPU")
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--articles", type=int, default=4)
    parser.add_argument("--summary-tokens", type=int, default=64)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdigest-bench")
    parser.add_argument("--eval-dir", type=Path, help="the evaluation data (default: ../shared/eval)")
    parser.add_argument("--quick", action="store_true", help="8 sentences, 2 articles, 8/16 tokens, one run")
    parser.add_argument("--skip-summaries", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per system; the fastest counts")
    parser.add_argument("--gpu-batches", default="64,128,256,512", help="hand-written loop batch sizes (GPU)")
    parser.add_argument("--gpu-dtypes", default="float32,float16,bfloat16", help="hand-written loop dtypes (GPU)")
    parser.add_argument("--gpu-default-only", action="store_true", help="no newsdigest variants (GPU)")
    options = parser.parse_args()
    global REPEAT, SHARED
    REPEAT, SHARED = options.repeat, options.eval_dir or SHARED
    sentence_count = options.sentences or (1012 if options.device == "cuda" else 48)
    if options.quick:
        sentence_count, options.articles, options.new_tokens, options.summary_tokens = 8, 2, 8, 16
        REPEAT = 1
    options.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NEWSDIGEST_CT2_DIR", str(options.work / "ct2"))
    paths = build_models(options.work, summaries=options.device == "cpu" and not options.skip_summaries)
    if options.device == "cpu":  # convert once before timing: load times are those of every later run
        from engines import ModelRef
        from engines.ct2_engine import converted_model

        for path in paths.values():
            converted_model(ModelRef(str(path)).info(), "int8")
    sentences = dutch_sentences(sentence_count)
    beams, tokens = options.beams, options.new_tokens
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(sentences)} FLORES sentences, beams {beams}, {tokens} new tokens each (EOS suppressed); "
          f"tokens counted from what each system produced\n")
    if options.device == "cuda":
        print("**Translation on the GPU (opus-mt-nl-en architecture)**\n")
        print(gpu_tables(paths, sentences, beams, tokens, batches=tuple(map(int, options.gpu_batches.split(","))),
                         dtypes=tuple(options.gpu_dtypes.split(",")), variants=not options.gpu_default_only))
        return

    print(f"fastest of {REPEAT} timed runs per system, each system in its own process\n")
    rows = [
        ("naive HF generate(), one sentence at a time", measure(naive_translate, paths["marian"], sentences, beams,
                                                                 tokens)),
        ("hand-written HF loop, batches of 32", measure(batched_translate, paths["marian"], sentences, beams, tokens)),
        ("newsdigest, default (no engine named)", measure(newsdigest_translate, paths["marian"], sentences, beams,
                                                           tokens)),
        ("newsdigest --engine torch", measure(newsdigest_translate, paths["marian"], sentences, beams, tokens,
                                              engine="torch")),
        ("newsdigest --engine torch --precision int8", measure(newsdigest_translate, paths["marian"], sentences,
                                                               beams, tokens, engine="torch", precision="int8")),
        ("raw CTranslate2 translate_batch (int8)", measure(raw_ct2, paths["marian"], sentences, beams, tokens)),
    ]
    print("**Translation (opus-mt-nl-en architecture)**\n")
    print(table(rows, rows[0][0]))
    default = dict(rows)["newsdigest, default (no engine named)"]["tokens_per_s"]
    print(f"\nnewsdigest default / raw CTranslate2: "
          f"{default / dict(rows)['raw CTranslate2 translate_batch (int8)']['tokens_per_s']:.2f}")

    print(f"\n**What a command-line user waits for ({len(sentences)} sentences, fastest of {REPEAT})**\n")
    print(whole_processes(paths["marian"], sentences, beams, tokens, options.work))

    scaling = []
    for factor in (1, 2, 4):
        batch = sentences * factor
        scaling.append((factor, len(batch), measure(newsdigest_translate, paths["marian"], batch, beams, tokens)["run_s"]))
    print("\n**Scaling (newsdigest default path)**\n\n| inputs | sentences | seconds | seconds per sentence / 1x |\n"
          "| ---: | ---: | ---: | ---: |")
    for factor, count, seconds in scaling:
        print(f"| {factor}x | {count} | {seconds:.1f} | {seconds / count / (scaling[0][2] / scaling[0][1]):.2f} |")

    if options.skip_summaries:
        return
    from transformers import AutoTokenizer

    from engines.batching import quiet_length_warning

    tokenizer = AutoTokenizer.from_pretrained(paths["bart"])
    quiet_length_warning(tokenizer)  # the articles are cut below, not fed whole
    articles = []
    for article in english_articles(options.articles):  # cut to the model's 1,024-token input: equal work
        ids = tokenizer(article, add_special_tokens=False)["input_ids"][:1000]
        articles.append(tokenizer.decode(ids))
    summary_tokens = options.summary_tokens
    print(f"\n**Summarisation (distilbart-cnn-12-6 architecture)**: {len(articles)} CNN/DM articles (at most "
          f"1,000 tokens each), beams {beams}, {summary_tokens} new tokens each, no_repeat_ngram_size 3\n")
    rows = [
        ("naive HF generate(), one article at a time", measure(naive_summarize, paths["bart"], articles, beams,
                                                                summary_tokens)),
        ("newsdigest, default (no engine named)", measure(newsdigest_summarize, paths["bart"], articles, beams,
                                                           summary_tokens)),
        ("newsdigest --engine torch", measure(newsdigest_summarize, paths["bart"], articles, beams, summary_tokens,
                                              engine="torch")),
        ("raw CTranslate2 translate_batch (int8)", measure(raw_ct2, paths["bart"], articles, beams, summary_tokens,
                                                           no_repeat=3)),
    ]
    print(table(rows, rows[0][0]))


if __name__ == "__main__":
    main()
