"""Summaries on tiny random models: every length form, styles, map-reduce on long input, templates."""

import logging

import pytest

from summarize import LengthSpec, Summary, SummarySettings, load_summarizer
from translate import InputError

LONG_ARTICLE = (
    "De gemeente onderzoekt twee opties voor een nieuwe fietsenstalling. Reizigers zijn overwegend tevreden. "
    "Wel klagen fietsers over de drukte bij de in- en uitgangen tijdens de spits. "
)


@pytest.mark.parametrize(("spec", "kind", "value"), [
    ("short", "preset", 45), ("medium", "preset", 100), ("long", "preset", 200), ("3", "sentences", 3),
    ("60w", "words", 60), ("60 words", "words", 60), ("20%", "ratio", 20), ("12.5%", "ratio", 12.5),
])
def test_length_forms_parse(spec, kind, value):
    parsed = LengthSpec.parse(spec)
    assert (parsed.kind, parsed.value) == (kind, value)


@pytest.mark.parametrize("spec", ["", "huge", "0", "-3", "150%", "3x", "w60"])
def test_bad_lengths_are_rejected_with_the_forms_named(spec):
    with pytest.raises(InputError, match="short, medium, long|out of range"):
        LengthSpec.parse(spec)


@pytest.mark.parametrize(("spec", "source_words", "low", "high"), [
    ("short", 500, 14, 71), ("3", 500, 35, 142), ("60w", 500, 50, 109), ("10%", 1000, 84, 176),
])
def test_lengths_map_to_token_bounds(spec, source_words, low, high):
    assert LengthSpec.parse(spec).token_bounds(source_words) == (low, high)


def test_minimum_never_exceeds_what_the_source_has():
    low, high = LengthSpec.parse("long").token_bounds(20)
    assert low <= 20 * 1.4 * 0.8 and low < high


SENTENCES = ["One two three four five.", "Six seven eight nine ten.", "Eleven twelve thirteen.", "Fourteen and"]


@pytest.mark.parametrize(("spec", "expected"), [
    ("2", SENTENCES[:2]), ("10", SENTENCES[:3]), ("10w", SENTENCES[:2]), ("5w", SENTENCES[:1]),
    ("short", SENTENCES[:2]), ("50%", SENTENCES[:3]),
])
def test_trim_keeps_whole_sentences(spec, expected):
    assert LengthSpec.parse(spec).trim(SENTENCES) == expected


@pytest.mark.parametrize(("style", "text"), [
    ("paragraph", "A one. B two."), ("bullets", "- A one.\n- B two."), ("headline", "A one.\nB two."),
])
def test_styles_shape_the_text(style, text):
    assert Summary(["A one.", "B two."], style).text == text


@pytest.fixture(scope="module")
def bart(models):
    return load_summarizer(str(models["bart"]), settings=SummarySettings(length="3"))


def test_long_article_is_summarised_by_map_reduce_not_truncated(bart, spy):
    text = LONG_ARTICLE * 60  # about 1,900 words; the tiny model reads 64 tokens at a time
    calls = spy(bart.generator, "generate")
    summary = bart.summarize(text, language="nl")
    assert summary.chunks > 10 and summary.rounds >= 1
    first_round = calls[0]
    assert len(first_round) == summary.chunks
    assert " ".join(first_round) == " ".join(text.split())  # every sentence went into some chunk
    assert all(n <= bart.budget for n in bart.generator.count_tokens(first_round))
    assert len(calls[-1]) == 1  # the final call summarises one piece that fits


def test_short_article_is_one_chunk(bart):
    summary = bart.summarize("Dit is een kort artikel. Het heeft twee zinnen.", language="nl")
    assert (summary.chunks, summary.rounds) == (1, 0)


def test_length_beyond_the_source_warns_once(models, caplog):
    summarizer = load_summarizer(str(models["bart"]), settings=SummarySettings(length="9"))
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        first = summarizer.summarize("Eén zin maar.", language="nl")
        summarizer.summarize("Nog een zin.", language="nl")
    assert "9 sentences requested but the source has only 1" in first.warnings[0]
    assert len([r for r in caplog.records if "the source has only" in r.getMessage()]) == 1


def test_t5_summariser_uses_its_task_prefix(models):
    summarizer = load_summarizer(str(models["t5"]), settings=SummarySettings(length="short"))
    assert type(summarizer.generator).__name__ == "PlainGenerator"
    assert isinstance(summarizer.summarize(LONG_ARTICLE, language="nl"), Summary)


def test_decoder_model_is_driven_by_the_chat_template(models):
    summarizer = load_summarizer(str(models["causal"]), settings=SummarySettings(length="2",
                                                                                  style="bullets"))
    generator = summarizer.generator
    assert type(generator).__name__ == "PromptedGenerator" and generator.template.name == "summarize-chat"
    values = generator._values(LengthSpec.parse("2"), 10, "nl")
    system, prompt = generator.template.render(**values, text="HET ARTIKEL")
    assert "Dutch" in prompt and "2 sentences" in prompt and "HET ARTIKEL" in prompt and "English" in system
    messages = [{"role": "system", "content": system}, {"role": "user", "content": prompt}]
    tokenizer = generator.backend.tokenizer
    expected = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)["input_ids"]
    assert generator._encode("HET ARTIKEL", values) == list(expected)
    assert tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False).endswith(
        "<|assistant|> ")
    summary = summarizer.summarize(LONG_ARTICLE * 30, language="nl")
    assert summary.style == "bullets" and summary.chunks >= 1


def test_custom_prompt_file_is_used_and_checked(models, tmp_path, monkeypatch):
    template = tmp_path / "kort.toml"
    template.write_text('task = "summarize"\nfamily = "seq2seq"\ntemplate = "Vat samen in {{ length }}: {{ text }}"\n')
    summarizer = load_summarizer(str(models["t5"]), settings=SummarySettings(prompt=str(template), min_new_tokens=3))
    assert summarizer.generator.template.name == "kort"
    assert summarizer.generator.template.render(text="X", length="3 sentences")[1] == "Vat samen in 3 sentences: X"
    backend, seen = summarizer.generator.backend, []
    encode_prompt, generate = backend.encode_prompt, backend.generate
    monkeypatch.setattr(backend, "encode_prompt", lambda system, prompt: seen.append(prompt) or encode_prompt(
        system, prompt))
    monkeypatch.setattr(backend, "generate", lambda inputs, decoding, **kw: seen.append(decoding) or generate(
        inputs, decoding, **kw))
    summarizer.summarize(LONG_ARTICLE, language="nl")
    prompts = [item for item in seen if isinstance(item, str)]
    assert prompts and all(prompt.startswith("Vat samen in ") for prompt in prompts)
    # an explicit minimum reaches a prompted model (a length alone does not force one on it)
    assert [item.min_new_tokens for item in seen if not isinstance(item, str)][-1] == 3


@pytest.mark.parametrize("model", ["t5", "bart", "causal"])
def test_a_length_beyond_what_the_model_can_write_is_capped_with_one_warning(models, caplog, model):
    summarizer = load_summarizer(str(models[model]), settings=SummarySettings(length="99999w"))
    asked = []
    generate = summarizer.generator.generate
    summarizer.generator.generate = lambda texts, low, high, **kw: asked.append((low, high)) or generate(
        texts, low, high, **kw)
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        for _ in range(2):
            summary = summarizer.summarize("De dijk wordt versterkt. Het waterschap begint in maart. " * 3,
                                           language="nl")
    ceiling = summarizer.generator.max_output_tokens
    assert all(low < high <= ceiling for low, high in asked)  # never more than the model can produce
    assert any(f"writes at most {ceiling}" in warning for warning in summary.warnings)
    assert len([r for r in caplog.records if "writes at most" in r.getMessage()]) == 1
