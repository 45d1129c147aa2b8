"""`newsdigest summarize`: output shapes and orchestration on the fake models, chunking and the
instruction-model orders end to end on the tiny models."""

import json

import pytest

from newsdigest.cli import ExitStatus
from tests_helpers import invoke, invoke_tiny

ARTICLE = ("Gemeente breidt stalling uit\n16 februari 2019\nBron: ANP\n\n"
           "De gemeente onderzoekt twee opties. Reizigers zijn tevreden. Wel klagen fietsers over de drukte.")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "stalling.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def summarize(models, *args, model="bart"):
    return invoke_tiny(models, "summarize", "--no-cache", *args, summary=model)


def summarize_on_fakes(*args):
    return invoke("summarize", "--model", "fake/first-words", "--no-cache", *args)


@pytest.mark.parametrize("length", ["short", "medium", "long", "2", "25w", "30%"])
def test_json_has_summary_model_length_and_chunks(fake_models, article, length):
    result = summarize_on_fakes(article, "--format", "json", "--length", length)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["model"] == "fake/first-words" and data["length"] == length
    assert data["chunks"] >= 1 and data["summary"] == " ".join(data["summary_sentences"])
    assert data["signature"]["settings"]["summary"]["length"] == length


def test_long_article_records_its_chunks(models, tmp_path):
    path = tmp_path / "lang.txt"
    path.write_text("De gemeente onderzoekt twee opties voor een nieuwe stalling. " * 300, encoding="utf-8")
    result = summarize(models, str(path), "--format", "json", "--length", "3")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["chunks"] > 5 and data["rounds"] >= 1


def test_twenty_thousand_word_article_is_summarised_whole(fake_models, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDIGEST_INCLUDE_TRANSLATION", "true")  # to count the translated sentences
    sentence = "De gemeente onderzoekt {} opties voor een nieuwe stalling bij het station."
    text = " ".join(sentence.format(i) for i in range(1_700))  # 20,400 words
    assert len(text.split()) > 20_000
    path = tmp_path / "dossier.txt"
    path.write_text(text, encoding="utf-8")
    result = summarize_on_fakes(path, "--format", "json", "--length", "3")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["segments"]) == 1_700  # every sentence was translated before summarising
    assert data["chunks"] > 10 and data["rounds"] >= 1 and data["summary_sentences"]  # read whole, in pieces


@pytest.mark.parametrize("order", ["summarize-then-translate", "direct"])
def test_other_orders_with_an_instruction_model(models, article, order):
    result = summarize(models, str(article), "--format", "json", "--order", order, "--length", "2", model="causal")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["signature"]["settings"]["order"] == order and data["error"] is None


def test_bullets_in_markdown(fake_models, article):
    result = summarize_on_fakes(article, "--format", "markdown", "--style", "bullets")
    assert result.exit_code == 0
    body = result.stdout.split("\n\n")
    assert body[0] == "## Gemeente breidt stalling uit"  # the title, 'translated' by the identity fake
    assert body[1] == "*ANP · 2019-02-16*"
    assert body[2] == f"*Original title: Gemeente breidt stalling uit · File: `{article}`*"
    assert body[3].startswith("- ")


@pytest.mark.parametrize(("length", "problem"), [
    ("lots", "length 'lots' not understood: use short, medium, long"), ("0", "length '0' is out of range"),
    ("-3", "length '-3' not understood"), ("1000%", "length '1000%' is out of range")])
def test_bad_length_is_a_usage_error_before_any_model_loads(article, length, problem, no_network):
    # the default models are not on this machine: loading one would end in a model error (exit 4)
    result = invoke("summarize", article, "--offline", "--length", length)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.startswith(f"newsdigest: error: Invalid value for '--length': {problem}")
    assert result.stderr.endswith("(see 'newsdigest summarize --help')\n") and result.stderr.count("\n") == 1


def test_missing_prompt_template_is_an_input_error(models, article):
    result = summarize(models, str(article), "--prompt", "nope", model="causal")
    assert result.exit_code == ExitStatus.INPUT
    assert "no prompt template 'nope'" in result.stderr


def test_missing_input_file(models, tmp_path):
    result = summarize(models, str(tmp_path / "weg.txt"))
    assert result.exit_code == ExitStatus.INPUT
    assert f"{tmp_path / 'weg.txt'}: no such file" in result.stderr
