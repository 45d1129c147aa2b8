"""Input options on the command line: translate extracts pages; digest records carry the new fields."""

import json
from pathlib import Path

from newsdigest.cli import ExitStatus
from tests_helpers import invoke, invoke_tiny

LAYOUTS = Path(__file__).parent / "data" / "layouts"


def test_translate_extracts_the_article_of_a_page(models):
    result = invoke_tiny(models, "translate", "--format", "json", LAYOUTS / "page.html")
    assert result.exit_code == 0, result.output
    sources = [segment["source"] for segment in json.loads(result.stdout)["segments"]]
    assert sources[:2] == ["Nieuwe tram naar Uithoorn rijdt vanaf zondag",
                           "Vanaf zondag rijdt de Amstelveenlijn door naar Uithoorn."]
    assert not any(marker in " ".join(sources) for marker in ("<", "cookies", "Lees ook", "DPG", "Beeld ANP"))


def test_max_input_size_option(models, tmp_path):
    (tmp_path / "groot.txt").write_text("De gemeente onderzoekt twee opties. " * 100)
    result = invoke_tiny(models, "translate", "--max-input-size", "1kB", tmp_path / "groot.txt")
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr == (f"newsdigest: error: {tmp_path / 'groot.txt'}: larger than the 1000 bytes input limit "
                             "(raise it with --max-input-size or input.max_input_size)\n")


def test_bad_size_is_a_usage_error():
    result = invoke("digest", "x", "--max-input-size", "veel")
    assert result.exit_code == ExitStatus.USAGE and "'veel' is not a size" in result.stderr


def test_digest_json_records_carry_author_published_tags_credits_and_extra(models, tmp_path):
    record = {"kop": "Brand in Haarlemse binnenstad", "tekst": "Een grote brand heeft vannacht een pand verwoest. "
              "Niemand raakte gewond.", "published_at": "2024-02-25T07:00:00+01:00", "bron": "NH Nieuws",
              "auteur": "Kees Hamer", "tags": ["brand", "haarlem"], "wordcount": 12}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    out = tmp_path / "d.json"
    result = invoke_tiny(models, "digest", tmp_path / "a.json", "-o", out, "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    [article] = json.loads(out.read_text())["articles"]
    assert (article["original_title"], article["source"], article["author"], article["published"], article["tags"],
            json.loads(article["extra"])) == ("Brand in Haarlemse binnenstad", "NH Nieuws", "Kees Hamer",
                                  "2024-02-25T07:00:00+01:00", ["brand", "haarlem"], {"wordcount": 12})
