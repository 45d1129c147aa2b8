"""The CTranslate2 engine, int8 quantisation and threads: same guarantees and output shape as PyTorch."""

import json
import os
import sys

import pytest
from click.testing import CliRunner

from newsdigest.cli import ExitStatus, main
from summarize import SummarySettings, load_summarizer
from translate import (ModelError, ModelRef, TranslationSettings, load_translator, split_sentences,
                       translate_document)

ctranslate2 = pytest.importorskip("ctranslate2", reason="the ct2 engine is the optional extra 'fast'")

ARTICLE = ("Titel van het stuk\n\nDe gemeente onderzoekt o.a. twee opties. Dat meldt dhr. Jansen.\n\n"
           "Reizigers zijn tevreden, " + "en fietsers klagen over de drukte bij de ingang " * 12 + "tijdens de spits.")


@pytest.fixture
def ct2_dir(tmp_path_factory, monkeypatch):
    """One conversion folder for the whole session, so each tiny model is converted once."""
    folder = tmp_path_factory.getbasetemp() / "ct2"
    monkeypatch.setenv("NEWSDIGEST_CT2_DIR", str(folder))
    return folder


def record_inputs(translator):
    """Wrap the engine under the chunker; return the list its inputs are appended to."""
    seen = []
    original = translator.inner.translate_batch
    translator.inner.translate_batch = lambda sentences: seen.extend(sentences) or original(sentences)
    return seen


def test_ct2_translates_every_sentence_and_splits_what_is_too_long(models, ct2_dir):
    from translate.ct2 import CT2Translator

    translator = load_translator(str(models["marian"]), engine="ct2", settings=TranslationSettings(max_new_tokens=4))
    assert isinstance(translator.inner, CT2Translator)
    seen = record_inputs(translator)
    document = translate_document(ARTICLE, translator)
    sources = [s for paragraph in ARTICLE.split("\n\n") for s in split_sentences(paragraph)]
    assert [segment.source for segment in document.segments] == sources
    long_sentence = sources[-1]
    assert translator.count_tokens([long_sentence])[0] > translator.inner.max_input_tokens  # it had to be split
    assert " ".join(seen) == " ".join(sources)  # every word went to the model once, in order
    assert max(translator.count_tokens(seen)) <= translator.inner.max_input_tokens
    assert document.text.count("\n\n") == 2


@pytest.mark.parametrize("engine", ["torch", "ct2"])
@pytest.mark.parametrize("max_new_tokens", [None, 1000])
def test_output_never_runs_past_the_position_table(models, ct2_dir, engine, max_new_tokens):
    # min_new_tokens forces every output to the cap; the tiny Marian has 64 positions
    settings = TranslationSettings(max_new_tokens=max_new_tokens, min_new_tokens=1000, num_beams=1)
    translator = load_translator(str(models["marian"]), engine=engine, settings=settings)
    sentence = "De dijk wordt versterkt omdat het water stijgt en " * 3
    assert 30 < translator.count_tokens([sentence])[0] <= translator.inner.max_input_tokens
    assert translator.translate_batch([sentence])[0]


def test_conversion_is_cached_and_reused(models, ct2_dir, monkeypatch):
    from ctranslate2.converters import TransformersConverter

    from translate.ct2 import converted_model

    ref = ModelRef(str(models["marian"]), offline=True)
    first = converted_model(ref, "int8")
    monkeypatch.setattr(TransformersConverter, "convert",
                        lambda *a, **k: pytest.fail("converted a model that is already in the cache"))
    assert converted_model(ref, "int8") == first
    load_translator(str(models["marian"]), engine="ct2")  # loads from the cache too
    assert (first / "model.bin").is_file()
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".converting-")]


def test_a_changed_model_is_converted_again(models, ct2_dir, tmp_path):
    import shutil

    from translate.ct2 import converted_model

    copy = shutil.copytree(models["marian"], tmp_path / "marian")
    first = converted_model(ModelRef(str(copy), offline=True), "int8")
    config = copy / "config.json"
    stat = config.stat()
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the model was replaced
    second = converted_model(ModelRef(str(copy), offline=True), "int8")
    assert second != first and (second / "model.bin").is_file()


def test_auto_picks_ct2_when_installed_and_torch_when_not(models, ct2_dir, monkeypatch):
    from translate.ct2 import CT2Translator
    from translate.engine import HFTranslator

    assert isinstance(load_translator(str(models["marian"]), engine="auto").inner, CT2Translator)
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # as if the extra were not installed
    assert isinstance(load_translator(str(models["marian"]), engine="auto").inner, HFTranslator)
    with pytest.raises(ModelError, match=r"pip install 'newsdigest\[fast\]'"):
        load_translator(str(models["marian"]), engine="ct2")


@pytest.mark.parametrize("kind", ["bart", "t5"])
def test_ct2_summaries_use_map_reduce_on_long_articles(models, ct2_dir, kind):
    summarizer = load_summarizer(str(models[kind]), settings=SummarySettings(device="cpu", length="3"), engine="ct2")
    assert type(summarizer.generator).__name__ == "CT2Generator"
    summary = summarizer.summarize("De dijk wordt versterkt. Het waterschap begint in maart. " * 80, language="nl")
    assert summary.chunks > 5 and summary.rounds >= 1


def cli(models, *args):
    return CliRunner().invoke(main, ["translate", "--model", str(models["marian"]), "--max-new-tokens", "4",
                                     "--format", "json", *args], input=ARTICLE)


def test_cli_output_has_the_same_shape_on_every_engine(models, ct2_dir):
    shapes = []
    for options in (["--engine", "torch"], ["--engine", "ct2"], ["--quantize", "int8", "--threads", "1"]):
        result = cli(models, *options)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        shapes.append((sorted(data), [(s["paragraph"], s["source"]) for s in data["segments"]]))
    assert shapes[0] == shapes[1] == shapes[2]
    assert len(shapes[0][1]) == 4


def test_int8_quantisation_and_threads_reach_the_model(models):
    import torch

    from translate.engine import HFTranslator

    threads = torch.get_num_threads()
    try:
        translator = HFTranslator.load(ModelRef(str(models["marian"]), offline=True),
                                       TranslationSettings(quantize="int8", threads=1, device="cpu"))
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(threads)
    kinds = {type(module).__module__ for module in translator.model.modules()}
    assert "torch.ao.nn.quantized.dynamic.modules.linear" in kinds
    assert translator.translate_batch(["Dit is een zin."])[0] is not None


@pytest.mark.parametrize("engine", ["torch", "ct2"])
def test_a_missing_accelerator_is_one_clear_line(models, ct2_dir, engine):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    result = cli(models, "--engine", engine, "--device", "cuda")
    assert result.exit_code == ExitStatus.MODEL
    assert result.stderr.strip() == ("newsdigest: error: device 'cuda' was requested but PyTorch sees no CUDA GPU: "
                                     "use --device cpu")


def test_eval_summaries_runs_on_the_engine_asked_for(models, ct2_dir, tmp_path, monkeypatch):
    import translate.ct2

    loaded = []
    original = translate.ct2.load_ct2
    monkeypatch.setattr(translate.ct2, "load_ct2", lambda ref, *a: loaded.append(ref.name) or original(ref, *a))
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"article": "The dike is reinforced. Work starts in March.", "reference": "Dike work."})
                    + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "summaries", "--data", str(data), "--model", str(models["bart"]),
                                       "--engine", "ct2", "--length", "short"])
    assert result.exit_code == 0, result.stderr
    assert loaded == [str(models["bart"])]
