"""The engine layer: choosing an engine, falling back, conversions, and options reaching their model."""

import json
import logging
import os
import shutil
import subprocess
import sys

import pytest

from engines import Decoding, EngineUnavailable, ModelError, ModelRef, RuntimeSettings, load_backend
from engines.ct2_engine import CT2Backend, converted_model
from engines.torch_engine import TorchBackend
from newsdigest.cli import ExitStatus
from summarize import SummarySettings, load_summarizer
from translate import (ModelTranslator, PromptedTranslator, TranslationSettings, load_translator, split_sentences,
                       translate_document)
from tests_helpers import invoke, invoke_tiny

ARTICLE = ("Titel van het stuk\n\nDe gemeente onderzoekt o.a. twee opties. Dat meldt dhr. Jansen.\n\n"
           "Reizigers zijn tevreden, " + "en fietsers klagen over de drukte bij de ingang " * 12 + "tijdens de spits.")
CPU = RuntimeSettings(device="cpu")


def on(engine, **settings):
    return RuntimeSettings(engine=engine, device="cpu", **settings)


def test_ct2_translates_every_sentence_and_splits_what_is_too_long(models, spy):
    translator = load_translator(str(models["marian"]), runtime=on("ct2"), settings=TranslationSettings(max_new_tokens=4))
    assert isinstance(translator.inner.backend, CT2Backend) and translator.engine == "ct2 on cpu (int8)"
    batches = spy(translator.inner, "translate_batch")
    document = translate_document(ARTICLE, translator)
    seen = [sentence for batch in batches for sentence in batch]
    sources = [s for paragraph in ARTICLE.split("\n\n") for s in split_sentences(paragraph)]
    assert [segment.source for segment in document.segments] == sources
    long_sentence = sources[-1]
    assert translator.count_tokens([long_sentence])[0] > translator.inner.max_input_tokens  # it had to be split
    assert " ".join(seen) == " ".join(sources)  # every word went to the model once, in order
    assert max(translator.count_tokens(seen)) <= translator.inner.max_input_tokens
    assert document.text.count("\n\n") == 2


@pytest.mark.parametrize("engine", ["torch", "ct2"])
@pytest.mark.parametrize("max_new_tokens", [None, 1000])
def test_output_never_runs_past_the_position_table(models, engine, max_new_tokens):
    # min_new_tokens forces every output to the cap; the tiny Marian has 64 positions
    settings = TranslationSettings(max_new_tokens=max_new_tokens, min_new_tokens=1000, num_beams=1)
    translator = load_translator(str(models["marian"]), runtime=on(engine), settings=settings)
    sentence = "De dijk wordt versterkt omdat het water stijgt en " * 3
    assert 30 < translator.count_tokens([sentence])[0] <= translator.inner.max_input_tokens
    assert translator.translate_batch([sentence])[0]


def test_conversion_is_cached_and_reused(models, monkeypatch):
    from ctranslate2.converters import TransformersConverter

    info = ModelRef(str(models["marian"]), offline=True).info()
    first = converted_model(info, "int8")
    monkeypatch.setattr(TransformersConverter, "convert",
                        lambda *a, **k: pytest.fail("converted a model that is already in the cache"))
    assert converted_model(info, "int8") == first
    load_translator(str(models["marian"]), runtime=on("ct2"))  # loads from the cache too
    assert (first / "model.bin").is_file()
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".converting-")]


def test_a_changed_model_is_converted_again(models, tmp_path):
    copy = shutil.copytree(models["marian"], tmp_path / "marian")
    first = converted_model(ModelRef(str(copy), offline=True).info(), "int8")
    config = copy / "config.json"
    stat = config.stat()
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the model was replaced
    second = converted_model(ModelRef(str(copy), offline=True).info(), "int8")
    assert second != first and (second / "model.bin").is_file()


def test_auto_picks_ct2_when_installed_and_torch_when_not(models, monkeypatch, caplog):
    assert load_backend(ModelRef(str(models["marian"])), CPU).engine == "ct2"
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # as if CTranslate2 were not installed
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        backend = load_backend(ModelRef(str(models["marian"])), CPU, role="translation model")
    assert backend.engine == "torch"
    [line] = [r.getMessage() for r in caplog.records]
    assert line.endswith("runs on torch on cpu (float32) (ct2 on cpu: the ct2 engine needs the 'ctranslate2' "
                         "package)")
    with pytest.raises(EngineUnavailable, match="the ct2 engine needs the 'ctranslate2' package; try --engine auto"):
        load_backend(ModelRef(str(models["marian"])), on("ct2"))


def test_a_model_ct2_cannot_convert_falls_back_to_torch_with_one_line(models, tmp_path, monkeypatch, caplog):
    from ctranslate2.converters import TransformersConverter

    def refuse(*args, **kwargs):
        raise ValueError("No conversion is registered for the model configuration NewsConfig")

    monkeypatch.setattr(TransformersConverter, "convert", refuse)
    copy = shutil.copytree(models["bart"], tmp_path / "new-architecture")
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        summarizer = load_summarizer(str(copy), runtime=CPU)
    assert summarizer.engine == "torch on cpu (float32)"
    assert [r.getMessage() for r in caplog.records] == [
        f"summary model '{copy}' runs on torch on cpu (float32) (ct2 on cpu: CTranslate2 cannot convert "
        f"'{copy}' (No conversion is registered for the model configuration NewsConfig))"]


def test_ct2_without_its_cuda_libraries_falls_back_with_one_line(models, monkeypatch, caplog):
    """CTranslate2's wheels need CUDA 12 libraries; it only finds out when it first computes."""
    import ctranslate2

    import engines.ct2_engine

    real = ctranslate2.Translator

    class Translator:
        def __init__(self, path, device, **kwargs):
            self.real = real(path, device="cpu", **{**kwargs, "compute_type": "int8"})
            self.device = device

        def translate_batch(self, *args, **kwargs):
            if self.device == "cuda":
                raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")
            return self.real.translate_batch(*args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", Translator)
    monkeypatch.setattr(engines.ct2_engine, "cuda_devices", lambda: 1)
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        backend = load_backend(ModelRef(str(models["marian"])), RuntimeSettings(), role="translation model")
    assert (backend.engine, backend.device) != ("ct2", "cuda")
    [line] = [r.getMessage() for r in caplog.records]
    assert "ct2 on cuda: CTranslate2 cannot run on CUDA here (Library libcublas.so.12 is not found" in line
    assert translate_document("Dit is een zin.", load_translator(str(models["marian"]))).text


def test_a_ct2_failure_mid_run_is_one_line_not_one_error_per_article(models, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_text(f"Artikel {index}\n\nDe gemeente onderzoekt twee opties.\n")

    def broken(self, *args):
        raise RuntimeError("CUBLAS_STATUS_EXECUTION_FAILED")

    monkeypatch.setattr(CT2Backend, "_call", broken)
    result = invoke("digest", folder, "--translation-model", models["marian"], "--summary-model", models["bart"],
                    "--engine", "ct2", "--device", "cpu", "--no-cache", "-o", tmp_path / "digest.md")
    assert result.exit_code == ExitStatus.MODEL
    assert result.stderr == (f"newsdigest: error: CTranslate2 failed running '{models['marian']}' on cpu "
                             "(CUBLAS_STATUS_EXECUTION_FAILED); try --engine torch\n")


@pytest.mark.parametrize("kind", ["bart", "t5"])
def test_ct2_summaries_use_map_reduce_on_long_articles(models, kind):
    summarizer = load_summarizer(str(models[kind]), settings=SummarySettings(length="3"), runtime=on("ct2"))
    assert summarizer.generator.backend.engine == "ct2"
    summary = summarizer.summarize("De dijk wordt versterkt. Het waterschap begint in maart. " * 80, language="nl")
    assert summary.chunks > 5 and summary.rounds >= 1


@pytest.mark.parametrize("engine", ["torch", "ct2"])
def test_decoder_only_models_run_on_both_engines(models, engine):
    summarizer = load_summarizer(str(models["causal"]), settings=SummarySettings(length="2"), runtime=on(engine))
    assert summarizer.engine.startswith(engine) and type(summarizer.generator).__name__ == "PromptedGenerator"
    assert summarizer.summarize("De dijk wordt versterkt. Het waterschap begint in maart.", language="nl")
    translator = load_translator(str(models["causal"]), runtime=on(engine),
                                 settings=TranslationSettings(max_new_tokens=4))
    assert isinstance(translator.inner, PromptedTranslator)
    assert len(translator.translate_batch(["Dit is een zin.", "Dat is nieuws."])) == 2


def cli(models, *args):
    return invoke_tiny(models, "translate", "--format", "json", *args, input=ARTICLE)


def test_cli_output_has_the_same_shape_on_every_engine_and_precision(models):
    shapes = []
    for options in (["--engine", "torch"], ["--engine", "ct2"], ["--engine", "torch", "--precision", "int8",
                                                                 "--threads", "1"], ["--precision", "float32"]):
        result = cli(models, *options)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        shapes.append((sorted(data), [(s["paragraph"], s["source"]) for s in data["segments"]]))
    assert shapes[0] == shapes[1] == shapes[2] == shapes[3]
    assert len(shapes[0][1]) == 4


def test_int8_and_threads_reach_the_model_and_nothing_global_changes(models):
    import torch

    threads = torch.get_num_threads()
    backend = load_backend(ModelRef(str(models["marian"])), on("torch", precision="int8", threads=1))
    kinds = {type(module).__module__ for module in backend.model.modules()}
    assert "torch.ao.nn.quantized.dynamic.modules.linear" in kinds
    during = []
    generate = backend.model.generate
    backend.model.generate = lambda **kwargs: during.append(torch.get_num_threads()) or generate(**kwargs)
    translator = ModelTranslator(backend, TranslationSettings(max_new_tokens=3).resolve({}))
    assert translator.translate_batch(["Dit is een zin."])[0] is not None
    assert during == [1] and torch.get_num_threads() == threads  # set for the call, restored afterwards


def test_decoder_prompts_do_not_change_the_tokenizer_padding_side(models):
    translator = load_translator(str(models["causal"]), runtime=on("torch"),
                                 settings=TranslationSettings(max_new_tokens=3))
    tokenizer = translator.inner.backend.tokenizer
    before = tokenizer.padding_side
    translator.translate_batch(["Dit is een zin.", "Dat is nieuws, zegt de gemeente."])
    assert tokenizer.padding_side == before


@pytest.mark.parametrize("engine", ["torch", "ct2"])
def test_a_missing_accelerator_is_one_clear_line(models, engine):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    result = cli(models, "--engine", engine, "--device", "cuda")
    assert result.exit_code == ExitStatus.MODEL
    reason = {"torch": "PyTorch sees no CUDA GPU", "ct2": "CTranslate2 sees no CUDA GPU"}[engine]
    assert result.stderr == (f"newsdigest: error: translation model '{models['marian']}' cannot run here: "
                             f"{engine} on cuda: {reason}; try --engine auto or --device cpu\n")


def test_the_model_kind_comes_from_its_config_never_its_name(models, tmp_path):
    marian = shutil.copytree(models["marian"], tmp_path / "news-items" / "opus-mt-it-en-flan-chat-instruct")
    assert isinstance(load_translator(str(marian), runtime=CPU).inner, ModelTranslator)
    decoder = shutil.copytree(models["causal"], tmp_path / "opus-mt-nl-en")
    assert isinstance(load_translator(str(decoder), runtime=CPU).inner, PromptedTranslator)


def test_same_language_runs_need_no_translation_model(models, tmp_path, no_network):
    article = tmp_path / "council.txt"
    article.write_text("Council approves budget\n\nThe council met on Tuesday. It approved the budget.\n")
    result = invoke("summarize", article, "--from", "en", "--to", "en", "--offline", "--model", models["bart"],
                    "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Council approves budget" and data["signature"]["models"]["translation"] is None


def loaded_backends(monkeypatch):
    import engines.registry

    loaded = {}
    original = engines.registry.load_backend

    def record(ref, runtime, role="model"):
        loaded[role] = backend = original(ref, runtime, role)
        return backend

    for module in ("translate.translator", "summarize.summarizer"):
        monkeypatch.setattr(f"{module}.load_backend", record)
    return loaded


def test_every_option_reaches_the_models_it_names(models, tmp_path, monkeypatch):
    article = tmp_path / "stuk.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    loaded = loaded_backends(monkeypatch)
    captured = {}
    monkeypatch.setattr("newsdigest.pipeline.Pipeline._run_group", lambda self, records: captured.update(
        translator=self.translator, summarizer=self.summarizer) or iter([]))
    args = ["digest", str(article), "--translation-model", str(models["marian"]), "--summary-model",
            str(models["bart"]), "--no-cache", "--num-beams", "3", "--batch-size", "5", "--max-new-tokens", "7",
            "--engine", "torch", "--device", "cpu", "--threads", "1"]
    invoke(*args)
    translation, summary = loaded["translation model"], loaded["summary model"]
    assert (translation.batch_size, summary.batch_size) == (5, 5)
    assert translation.engine == summary.engine == "torch" and translation.runtime.threads == 1
    assert captured["translator"].inner.decoding.num_beams == 3
    assert captured["translator"].inner.decoding.max_new_tokens == 7
    assert captured["summarizer"].generator.decoding.num_beams == 3
    assert captured["summarizer"].settings.max_new_tokens == 7


def test_config_tables_set_each_model_apart(models, tmp_path, monkeypatch):
    from newsdigest.config import resolve_config
    from newsdigest.pipeline import Pipeline

    (tmp_path / "newsdigest.toml").write_text(
        f'translation_model = "{models["marian"]}"\nsummary_model = "{models["bart"]}"\n'
        '[runtime]\nengine = "ct2"\ndevice = "cpu"\n[translation]\nnum_beams = 2\n'
        '[summary]\nnum_beams = 5\nno_repeat_ngram_size = 4\n', encoding="utf-8")
    pipeline = Pipeline(resolve_config({}, environ={}, cwd=tmp_path))
    assert pipeline.translator.inner.decoding.num_beams == 2
    decoding = pipeline.summarizer.generator.decoding
    assert (decoding.num_beams, decoding.no_repeat_ngram_size) == (5, 4)
    assert pipeline.translator.engine == pipeline.summarizer.engine == "ct2 on cpu (int8)"
    assert pipeline.signature()["settings"]["engines"] == {"translation": "ct2 on cpu (int8)",
                                                           "summary": "ct2 on cpu (int8)"}


def test_the_ct2_path_imports_no_torch(models, tmp_path):
    load_translator(str(models["marian"]), runtime=on("ct2"))  # converted (with torch) in this process first
    script = ("import sys; from translate import load_translator, translate_document, RuntimeSettings; "
              f"t = load_translator({str(models['marian'])!r}, runtime=RuntimeSettings(device='cpu')); "
              "assert translate_document('Dit is een zin.', t).text; print(t.engine, 'torch' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ct2 on cpu (int8) False"


def test_eval_summaries_runs_on_the_engine_asked_for(models, tmp_path, monkeypatch):
    loaded = loaded_backends(monkeypatch)
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"article": "The dike is reinforced. Work starts in March.", "reference": "Dike work."})
                    + "\n", encoding="utf-8")
    result = invoke("eval", "summaries", "--data", data, "--model", models["bart"], "--engine", "torch",
                    "--length", "short")
    assert result.exit_code == 0, result.stderr
    assert isinstance(loaded["summary model"], TorchBackend)


def test_a_model_that_fits_nowhere_names_every_reason(models, monkeypatch):
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    with pytest.raises(ModelError, match=r"cannot run here: torch on mps: PyTorch has no mps device here; "
                                         r"try --device cpu"):
        load_backend(ModelRef(str(models["marian"])), RuntimeSettings(device="mps"), role="translation model")


def test_a_first_conversion_prints_no_progress_bar(models, tmp_path):
    fresh = shutil.copytree(models["marian"], tmp_path / "fresh-marian")  # not converted yet
    result = invoke("translate", "--model", fresh, "--engine", "ct2", "--device", "cpu", "--max-new-tokens", "3",
                    input="Dit is een zin.")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_a_model_whose_config_samples_gives_the_same_output_every_run(models, tmp_path):
    """Chat models often ship do_sample=true; a digest must not change from run to run (cache, --ray resume)."""
    sampling = shutil.copytree(models["causal"], tmp_path / "sampling-chat-model")
    config = json.loads((sampling / "generation_config.json").read_text())
    config.update(do_sample=True, temperature=1.5, top_k=0, top_p=1.0)
    (sampling / "generation_config.json").write_text(json.dumps(config))
    backend = load_backend(ModelRef(str(sampling)), on("torch"))
    prompts = [backend.encode_prompt(None, "Vat samen: de dijk wordt versterkt."),
               backend.encode_prompt(None, "Vat samen: het museum blijft langer open.")]
    runs = [backend.generate_ids(prompts, Decoding(num_beams=1).with_lengths(12, 12)) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_an_unwritable_conversion_folder_falls_back_with_one_line(models, tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSDIGEST_CT2_DIR", str(blocker / "ct2"))  # a folder inside a file cannot be made
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        backend = load_backend(ModelRef(str(models["marian"])), CPU, role="translation model")
    assert backend.engine == "torch"
    [line] = [r.getMessage() for r in caplog.records]
    assert f"ct2 on cpu: cannot write converted models to {blocker / 'ct2'}" in line
    assert "NEWSDIGEST_CT2_DIR" in line


def test_a_precision_ct2_lacks_on_this_cpu_is_refused_before_converting(models, tmp_path, monkeypatch):
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: {"int8", "float32"})
    monkeypatch.setenv("NEWSDIGEST_CT2_DIR", str(tmp_path / "ct2"))
    with pytest.raises(EngineUnavailable, match="CTranslate2 has no float16 on this CPU"):
        CT2Backend.load(ModelRef(str(models["marian"])).info(), "cpu", "float16", CPU)
    assert not (tmp_path / "ct2").exists()


@pytest.mark.parametrize(("ct2_gpus", "nvidia_device", "torch_cuda", "first"), [
    (1, True, True, "cuda"),
    (0, True, True, "cuda"),  # CTranslate2 built without CUDA, or its runtime too new for the driver
    (0, False, True, "cpu"),  # no NVIDIA device: torch is not even imported to ask
    (0, True, False, "cpu"),
])
def test_auto_device_finds_a_gpu_that_only_torch_can_use(monkeypatch, ct2_gpus, nvidia_device, torch_cuda, first):
    import engines.ct2_engine
    import engines.registry

    asked = []
    monkeypatch.setattr(engines.ct2_engine, "cuda_devices", lambda: ct2_gpus)
    monkeypatch.setattr(engines.registry, "_nvidia_device", lambda: nvidia_device)
    monkeypatch.setattr(engines.registry, "_torch_cuda", lambda: asked.append(1) or torch_cuda)
    plan = engines.registry._plan(RuntimeSettings())
    assert plan[0][1] == first
    assert [engine.name for engine, device in plan if device == "cuda"] == (["ct2", "torch"] if first == "cuda" else [])
    assert asked == ([] if ct2_gpus or not nvidia_device else [1])


def test_looking_for_a_model_leaves_the_hub_clients_logging_as_the_user_set_it():
    from huggingface_hub.utils import logging as hub_logging

    from engines import ModelNotFoundError

    before = hub_logging.get_verbosity()
    hub_logging.set_verbosity_info()
    try:
        with pytest.raises(ModelNotFoundError):
            ModelRef("nobody-here/no-such-model", offline=True).info()
        assert hub_logging.get_verbosity() == hub_logging.INFO
    finally:
        hub_logging.set_verbosity(before)
