"""`newsdigest eval`: published figures reproduced on the real data; mechanics with tiny models."""

import json

import pytest

from newsdigest.cli import ExitStatus
from newsdigest.evaluation import read_lines, read_summary_data, score_summaries, score_translations
from tests_helpers import invoke


def test_published_opus_mt_flores_scores_are_reproduced(shared_eval):
    hypotheses = read_lines(shared_eval / "published_outputs" / "opus-mt-nl-en.flores101-devtest.nld-eng.output")
    references = read_lines(shared_eval / "flores200_devtest" / "eng_Latn.devtest")
    scores = score_translations(hypotheses, references)
    assert scores["segments"] == 1012
    assert round(scores["bleu"]["score"], 1) == 29.6 and round(scores["chrf"]["score"], 1) == 58.3
    assert "62.0/35.7/22.9/15.0" in scores["bleu"]["detail"] and "tok:13a" in scores["bleu"]["signature"]


def test_published_bart_rouge_on_frank_cnndm_is_reproduced(shared_eval):
    data = read_summary_data(shared_eval / "en_news_summ_frank" / "frank_cnndm_articles_refs_outputs.jsonl",
                             reference_field="references_per_system.bart", system_field="systems.bart")
    scores = score_summaries(data.outputs, data.references)
    assert scores["summaries"] == 250
    assert scores["rouge1"] == pytest.approx(45.3, abs=0.1)
    assert scores["rouge2"] == pytest.approx(22.6, abs=0.1)
    assert scores["rougeLsum"] == pytest.approx(42.3, abs=0.1)


def test_cli_reports_published_bleu_as_a_table(shared_eval):
    result = invoke(
        "eval", "translation", "--source", shared_eval / "flores200_devtest" / "nld_Latn.devtest",
        "--reference", shared_eval / "flores200_devtest" / "eng_Latn.devtest",
        "--hypothesis", shared_eval / "published_outputs" / "opus-mt-nl-en.flores101-devtest.nld-eng.output")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1].split()[:2] == ["BLEU", "29.6"] and lines[2].split()[:2] == ["chrF2", "58.3"]
    assert lines[3] == "1012 segments, existing hypothesis"


@pytest.fixture
def parallel(tmp_path):
    source = tmp_path / "nl.txt"
    reference = tmp_path / "en.txt"
    source.write_text("De gemeente onderzoekt twee opties.\nReizigers zijn tevreden. Ze klagen wel.\nDit is een zin.\n")
    reference.write_text("The municipality is investigating two options.\nTravellers are satisfied. They do "
                         "complain.\nThis is a sentence.\n")
    return source, reference


def test_cli_translates_and_scores_with_a_model(models, parallel):
    source, reference = parallel
    result = invoke("eval", "translation", "--source", source, "--reference", reference, "--model",
                    models["marian"], "--max-new-tokens", "4", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["segments"] == 3 and data["model"] == str(models["marian"])
    assert 0 <= data["bleu"]["score"] <= 100 and data["lines_per_second"] > 0 and data["seconds"] >= 0


def test_misaligned_files_are_an_input_error(parallel, tmp_path):
    source, _ = parallel
    short = tmp_path / "short.txt"
    short.write_text("Only one line.\n")
    result = invoke("eval", "translation", "--source", source, "--reference", short, "--hypothesis", short)
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr == (f"newsdigest: error: {source} has 3 lines but {short} has 1; "
                             "they must be line-aligned\n")


@pytest.fixture
def summary_data(tmp_path):
    path = tmp_path / "data.jsonl"
    rows = [{"article": "The council met on Tuesday. It approved the budget. Residents were pleased.",
             "reference": "The council approved the budget.", "out": {"mine": "The council approved it."}},
            {"article": "A storm hit the coast. Trees fell. Nobody was hurt.",
             "reference": "A storm hit the coast but nobody was hurt.", "out": {"mine": "A storm hit the coast."}}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_cli_scores_existing_summaries_with_nested_fields(summary_data):
    result = invoke("eval", "summaries", "--data", summary_data, "--system-field", "out.mine", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summaries"] == 2 and data["summary_words"] == 4.5 and data["rouge1"] > 50


def test_cli_summarises_with_a_model(models, summary_data):
    result = invoke("eval", "summaries", "--data", summary_data, "--model", models["bart"], "--length", "short")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split() == ["metric", "score", "signature"]
    assert result.stdout.splitlines()[-1].startswith(f"2 summaries, average")


def test_missing_field_names_the_record(summary_data):
    result = invoke("eval", "summaries", "--data", summary_data, "--system-field", "out.x")
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr == f"newsdigest: error: {summary_data}:1: no field 'out.x'\n"
