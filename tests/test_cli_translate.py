"""`newsdigest translate` through Click's runner: output shapes, exit codes and messages."""

import json

import pytest
from markdown_it import MarkdownIt

from newsdigest.cli import ExitStatus
from tests_helpers import invoke, invoke_tiny

ARTICLE = "Titel van het stuk\n\nDe gemeente onderzoekt o.a. twee opties. Dat meldt dhr. Jansen.\n\nReizigers zijn tevreden."


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "stuk.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(models, *args, input=None):
    return invoke_tiny(models, "translate", *args, input=input)


def test_json_has_one_segment_per_source_sentence(models, article):
    result = run(models, str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"source_language", "target_language", "model", "text", "segments"} <= set(data)
    assert (data["source_language"], data["target_language"], data["model"]) == ("nl", "en", str(models["marian"]))
    assert [(s["paragraph"], s["source"]) for s in data["segments"]] == [
        (0, "Titel van het stuk"), (1, "De gemeente onderzoekt o.a. twee opties."), (1, "Dat meldt dhr. Jansen."),
        (2, "Reizigers zijn tevreden.")]
    assert data["text"].count("\n\n") == 2


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_of_a_text_file_is_not_translated(models, tmp_path, fence):
    path = tmp_path / "brand.txt"
    path.write_text(f"{fence}\ntitle: Brand in Zwolle\ndate: 2024-05-14 09:12:00 +0200\n{fence}\n"
                    "Een schoolgebouw is uitgebrand.\n\nNiemand raakte gewond.", encoding="utf-8")
    result = run(models, str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [s["source"] for s in json.loads(result.stdout)["segments"]] == [
        "Een schoolgebouw is uitgebrand.", "Niemand raakte gewond."]


def test_reads_standard_input_and_writes_text(models):
    result = run(models, "-", input=ARTICLE)
    assert result.exit_code == 0
    assert result.stdout.count("\n\n") == 2


def test_output_file_format_follows_extension(models, article, tmp_path):
    target = tmp_path / "out.json"
    result = run(models, str(article), "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(target.read_text())["segments"]) == 4


def test_several_inputs_in_markdown_keep_names(models, article, tmp_path):
    other = tmp_path / "twee.txt"
    other.write_text("Nog een zin.", encoding="utf-8")
    result = run(models, str(article), str(other), "--format", "markdown")
    assert result.exit_code == 0
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    headings = [tokens[i + 1] for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert ["".join(child.content for child in heading.children) for heading in headings] == [str(article), str(other)]


def test_missing_file_is_an_input_error(models, tmp_path):
    result = run(models, str(tmp_path / "weg.txt"))
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr == f"newsdigest: error: {tmp_path / 'weg.txt'}: no such file\n"


def test_empty_file_is_an_input_error(models, tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run(models, str(empty))
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr == f"newsdigest: error: {empty}: empty file, nothing to translate\n"


def test_one_bad_file_among_good_ones_is_a_partial_failure(models, article, tmp_path):
    result = run(models, str(article), str(tmp_path / "weg.txt"), "--format", "json")
    assert result.exit_code == ExitStatus.PARTIAL
    assert len(json.loads(result.stdout)["segments"]) == 4
    assert "weg.txt: no such file" in result.stderr


def test_unavailable_model_is_one_line_and_a_model_error(article, no_network):
    result = invoke("translate", "--offline", "--model", "Helsinki-NLP/opus-mt-xx-yy", article)
    assert result.exit_code == ExitStatus.MODEL
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "'Helsinki-NLP/opus-mt-xx-yy' is not in the local Hugging Face cache" in lines[0]
    assert "newsdigest models download Helsinki-NLP/opus-mt-xx-yy" in lines[0]


def test_model_directory_without_a_model(article, tmp_path):
    result = invoke("translate", "--model", tmp_path, article)
    assert result.exit_code == ExitStatus.MODEL
    assert result.stderr == f"newsdigest: error: directory '{tmp_path}' holds no model (no config.json)\n"


def test_bad_option_value_is_a_usage_error(article):
    result = invoke("translate", "--num-beams", "0", article)
    assert result.exit_code == ExitStatus.USAGE


def test_help_does_not_import_torch():
    import subprocess
    import sys

    heavy = ["torch", "transformers", "trafilatura", "htmldate", "feedparser", "httpx", "yaml", "bs4", "lxml"]
    code = ("import sys; from click.testing import CliRunner; from newsdigest.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
            f"print([name for name in {heavy!r} if name in sys.modules])")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"
