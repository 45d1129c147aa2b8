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


def build_models(work: Path) -> dict[str, Path]:
    import modelkit

    paths = {"marian": work / "opus-mt-nl-en-arch", "bart": work / "distilbart-cnn-12-6-arch"}
    if all((p / "config.json").exists() for p in paths.values()):
        return paths
    text = flores_lines("nld_Latn.devtest") + flores_lines("eng_Latn.devtest")
    vocab = 8000
    if not text:
        from newsdigest.articles import Article, load_articles

        text = [a.body for a in load_articles([ROOT / "examples"]) if isinstance(a, Article)]
        vocab = 400
    spm = modelkit.train_sentencepiece(text, work / "spm", vocab)
    modelkit.build_marian(paths["marian"], spm, **OPUS_MT_NL_EN)
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


def naive_translate(model_dir, sentences, beams, tokens):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
    def run():
        produced = 0
        for sentence in sentences:  # what most scripts do: one sentence at a time through generate()
            output = model.generate(**tokenizer([sentence], return_tensors="pt"), num_beams=beams,
                                    max_new_tokens=tokens, min_new_tokens=tokens)
            produced += output.shape[1] - 1
        return produced

    return run


def newsdigest_translate(model_dir, sentences, beams, tokens, engine="torch", quantize=None):
    from translate import TranslationSettings, load_translator, translate_documents

    settings = TranslationSettings(num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens, device="cpu",
                                   quantize=quantize)
    translator = load_translator(str(model_dir), engine=engine, settings=settings)

    def run():
        documents = translate_documents(sentences, translator)
        assert sum(len(d.segments) for d in documents) == len(sentences)
        return len(sentences) * tokens

    return run


def raw_ct2(model_dir, texts, beams, tokens, no_repeat=0):
    import ctranslate2
    from transformers import AutoTokenizer

    from translate.ct2 import converted_model
    from translate.loading import ModelRef

    folder = converted_model(ModelRef(str(model_dir)), "int8")  # conversion is cached before timing
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    translator = ctranslate2.Translator(str(folder), device="cpu", compute_type="int8",
                                        intra_threads=os.cpu_count() or 1)
    def run():
        batch = [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(texts)["input_ids"]]
        results = translator.translate_batch(batch, beam_size=beams, max_batch_size=32,
                                             min_decoding_length=tokens, max_decoding_length=tokens,
                                             no_repeat_ngram_size=no_repeat)
        return sum(len(r.hypotheses[0]) for r in results)

    return run


def naive_summarize(model_dir, articles, beams, tokens):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
    def run():
        produced = 0
        for article in articles:
            inputs = tokenizer([article], return_tensors="pt", truncation=True, max_length=1024)
            output = model.generate(**inputs, num_beams=beams, max_new_tokens=tokens, min_new_tokens=tokens,
                                    no_repeat_ngram_size=3)
            produced += output.shape[1] - 1
        return produced

    return run


def newsdigest_summarize(model_dir, articles, beams, tokens, engine="torch"):
    from summarize import SummarySettings, load_summarizer

    summarizer = load_summarizer(str(model_dir), engine=engine,
                                 settings=SummarySettings(num_beams=beams, no_repeat_ngram_size=3, device="cpu"))
    def run():
        # the generator step of the pipeline, with the minimum forced to the maximum for equal work
        outputs = summarizer.generator.generate(articles, tokens, tokens)
        assert len(outputs) == len(articles)
        return len(articles) * tokens

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


# -- report ------------------------------------------------------------------------------------

def table(title: str, rows: list[tuple[str, dict]], baseline: str) -> str:
    base = dict(rows)[baseline]["tokens_per_s"]
    lines = [f"**{title}**", "", "| system | generated tokens/s | x naive | load s | peak RSS MB |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['tokens_per_s']:.1f} | {r['tokens_per_s'] / base:.2f} | {r['load_s']:.1f} "
                     f"| {r['rss_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=48)
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--articles", type=int, default=4)
    parser.add_argument("--summary-tokens", type=int, default=64)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdigest-bench")
    parser.add_argument("--quick", action="store_true", help="8 sentences, 2 articles, 8/16 tokens")
    parser.add_argument("--skip-summaries", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per system; the fastest counts")
    options = parser.parse_args()
    global REPEAT
    REPEAT = options.repeat
    if options.quick:
        options.sentences, options.articles, options.new_tokens, options.summary_tokens = 8, 2, 8, 16
        REPEAT = 1
    options.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NEWSDIGEST_CT2_DIR", str(options.work / "ct2"))
    paths = build_models(options.work)

    sentences = dutch_sentences(options.sentences)
    beams, tokens = options.beams, options.new_tokens
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(sentences)} FLORES sentences, beams {beams}, {tokens} new tokens each (EOS suppressed); "
          f"fastest of {REPEAT} timed runs per system, each system in its own process\n")
    rows = [
        ("naive HF generate(), one sentence at a time", measure(naive_translate, paths["marian"], sentences, beams, tokens)),
        ("newsdigest, PyTorch", measure(newsdigest_translate, paths["marian"], sentences, beams, tokens)),
        ("newsdigest, PyTorch + int8", measure(newsdigest_translate, paths["marian"], sentences, beams, tokens,
                                                 quantize="int8")),
        ("raw CTranslate2 translate_batch (int8)", measure(raw_ct2, paths["marian"], sentences, beams, tokens)),
        ("newsdigest, CTranslate2 engine (int8)", measure(newsdigest_translate, paths["marian"], sentences, beams,
                                                           tokens, engine="ct2")),
    ]
    print(table("Translation (opus-mt-nl-en architecture)", rows, rows[0][0]))
    fastest = dict(rows)["newsdigest, CTranslate2 engine (int8)"]["tokens_per_s"]
    print(f"\nnewsdigest CTranslate2 / raw CTranslate2: "
          f"{fastest / dict(rows)['raw CTranslate2 translate_batch (int8)']['tokens_per_s']:.2f}")

    scaling = []
    for factor in (1, 2, 4):
        batch = (sentences * factor)
        result = measure(newsdigest_translate, paths["marian"], batch, beams, tokens, engine="ct2")
        scaling.append((factor, len(batch), result["run_s"]))
    print("\n**Scaling (newsdigest CTranslate2 engine)**\n\n| inputs | sentences | seconds | seconds per sentence "
          "/ 1x |\n| ---: | ---: | ---: | ---: |")
    for factor, count, seconds in scaling:
        print(f"| {factor}x | {count} | {seconds:.1f} | {seconds / count / (scaling[0][2] / scaling[0][1]):.2f} |")

    if options.skip_summaries:
        return
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(paths["bart"])
    articles = []
    for article in english_articles(options.articles):  # cut to the model's 1,024-token input: equal work
        ids = tokenizer(article, add_special_tokens=False)["input_ids"][:1000]
        articles.append(tokenizer.decode(ids))
    summary_tokens = options.summary_tokens
    print(f"\n{len(articles)} CNN/DM articles (at most 1,000 tokens each), beams {beams}, {summary_tokens} new "
          "tokens each, no_repeat_ngram_size 3\n")
    rows = [
        ("naive HF generate(), one article at a time", measure(naive_summarize, paths["bart"], articles, beams,
                                                                summary_tokens)),
        ("newsdigest, PyTorch", measure(newsdigest_summarize, paths["bart"], articles, beams, summary_tokens)),
        ("raw CTranslate2 translate_batch (int8)", measure(raw_ct2, paths["bart"], articles, beams, summary_tokens,
                                                           no_repeat=3)),
        ("newsdigest, CTranslate2 engine (int8)", measure(newsdigest_summarize, paths["bart"], articles, beams,
                                                           summary_tokens, engine="ct2")),
    ]
    print(table("Summarisation (distilbart-cnn-12-6 architecture)", rows, rows[0][0]))


if __name__ == "__main__":
    main()
