"""Configuration precedence (option > environment > file > default) and validation."""

import os
from pathlib import Path

import pytest

from newsdigest.config import PipelineConfig, resolve_config
from translate import InputError


@pytest.fixture
def config_file(tmp_path):
    path = tmp_path / "newsdigest.toml"
    path.write_text('order = "direct"\nformat = "html"\n[summary]\nlength = "long"\nstyle = "bullets"\n'
                    '[translation]\nnum_beams = 3\n', encoding="utf-8")
    return path


def test_defaults_come_from_the_library(tmp_path):
    assert resolve_config({}, environ={}, cwd=tmp_path) == PipelineConfig()


@pytest.mark.parametrize(("options", "environ", "expected"), [
    ({}, {}, ("direct", "long", 3)),
    ({}, {"NEWSDIGEST_ORDER": "summarize-then-translate", "NEWSDIGEST_SUMMARY__LENGTH": "2"},
     ("summarize-then-translate", "2", 3)),
    ({"order": "translate-then-summarize", "summary": {"length": "60w"}, "translation": {"num_beams": 1}},
     {"NEWSDIGEST_ORDER": "direct", "NEWSDIGEST_TRANSLATION__NUM_BEAMS": "5"},
     ("translate-then-summarize", "60w", 1)),
    ({"order": None, "summary": {"length": None}}, {"NEWSDIGEST_TRANSLATION__NUM_BEAMS": "5"}, ("direct", "long", 5)),
])
def test_precedence(config_file, options, environ, expected):
    config = resolve_config(options, config_file, environ=environ)
    assert (config.order, config.summary.length, config.translation.num_beams) == expected
    assert config.summary.style == "bullets" and config.format == "html"


def test_config_file_found_in_working_directory(config_file):
    assert resolve_config({}, environ={}, cwd=config_file.parent).order == "direct"


def test_config_file_from_environment(config_file, tmp_path):
    assert resolve_config({}, environ={"NEWSDIGEST_CONFIG": str(config_file)}, cwd=tmp_path).order == "direct"


def test_engine_variables_are_not_mistaken_for_config_keys(tmp_path):
    config = resolve_config({}, environ={"NEWSDIGEST_CT2_DIR": str(tmp_path), "NEWSDIGEST_RUNTIME__ENGINE": "ct2"},
                            cwd=tmp_path)
    assert config.runtime.engine == "ct2"


@pytest.mark.parametrize(("environ", "message"), [
    ({"NEWSDIGEST_RUNTIME__ENGINE": "bogus"}, "unknown engine 'bogus': use one of auto, ct2, torch"),
    ({"NEWSDIGEST_RUNTIME__DEVICE": "tpu"}, "unknown device 'tpu'"),
    ({"NEWSDIGEST_RUNTIME__PRECISION": "int4"}, "unknown precision 'int4'"),
    ({"NEWSDIGEST_ENGINE": "ct2"}, r"^environment: unknown configuration key\(s\): NEWSDIGEST_ENGINE$"),
])
def test_runtime_settings_are_validated(tmp_path, environ, message):
    with pytest.raises(InputError, match=message):
        resolve_config({}, environ=environ, cwd=tmp_path)


@pytest.mark.parametrize(("content", "environ", "message"), [
    ('colour = "blue"\n', {}, r"c.toml: unknown configuration key\(s\): colour$"),
    ('[summary]\nlenght = "short"\n', {}, r"c.toml: unknown configuration key\(s\): summary.lenght$"),
    ("", {"NEWSDIGEST_TRANSLATON__NUM_BEAMS": "2"},
     r"^environment: unknown configuration key\(s\): NEWSDIGEST_TRANSLATON__NUM_BEAMS$"),
    ('order = "backwards"\n', {}, "order must be one of"),
    ("[translation]\nnum_beams = 0\n", {}, "num-beams must be at least 1"),
    ("", {"NEWSDIGEST_INCLUDE_TRANSLATION": "maybe"},
     "^NEWSDIGEST_INCLUDE_TRANSLATION: setting 'include_translation' must be true or false, not 'maybe'$"),
    ("summary = 3\n", {}, "c.toml: setting 'summary' must be a table"),
    ("order = [1\n", {}, "invalid TOML"),
    ("[translation]\nnum_beams = true\n", {}, "c.toml: setting 'translation.num_beams' must be a whole number, not true$"),
    ("[translation]\nnum_beams = 2.9\n", {}, "c.toml: setting 'translation.num_beams' must be a whole number, not 2.9$"),
    ("", {"NEWSDIGEST_TRANSLATION__NUM_BEAMS": "2.9"},
     "^NEWSDIGEST_TRANSLATION__NUM_BEAMS: setting 'translation.num_beams' must be a whole number, not '2.9'$"),
    ("offline = 1\n", {}, "c.toml: setting 'offline' must be true or false, not 1$"),
    ("[summary]\nrepetition_penalty = true\n", {}, "setting 'summary.repetition_penalty' must be a number, not true"),
    ("", {"NEWSDIGEST_SUMMARY__REPETITION_PENALTY": "nan"}, "must be a number, not 'nan'"),
    ("[input]\ninclude = 3\n", {}, "c.toml: setting 'input.include' must be a list of strings, not 3$"),
    ("[input]\ninclude = [1, 2]\n", {}, "setting 'input.include' must be a list of strings"),
    ("translation_model = 3\n", {}, "setting 'translation_model' must be a string, not 3$"),
    ("[summary]\nlength = true\n", {}, "setting 'summary.length' must be a string or a whole number, not true$"),
    ("[summary]\nlength = 3.0\n", {}, "setting 'summary.length' must be a string or a whole number, not 3.0$"),
    # a TOML file has types: a quoted number is a string, refused where a number is meant
    ('[translation]\nnum_beams = "2"\n', {}, "c.toml: setting 'translation.num_beams' must be a whole number, not '2'$"),
    ('[summary]\nrepetition_penalty = "1.2"\n', {}, "setting 'summary.repetition_penalty' must be a number, not '1.2'$"),
    ("offline = \"yes\"\n", {}, "c.toml: setting 'offline' must be true or false, not 'yes'$"),
    # values of the right type but out of range name where they were set
    ("[translation]\nnum_beams = 0\n", {}, r"c.toml: num-beams must be at least 1, got 0$"),
    ("[summary]\nlength = 0\n", {}, r"^\S*c.toml: .*length '0'"),
    ("", {"NEWSDIGEST_SUMMARY__LENGTH": "0"}, r"^environment: .*length '0'"),
    ("[runtime]\nthreads = 0\n", {}, r"c.toml: threads must be at least 1, got 0$"),
    ("[translation]\nnum_beams = 99999999999999999999\n", {}, "too large"),
    ("[translation]\nnum_beams = 1000\n", {}, "c.toml: num-beams must be at most 128, got 1000$"),
    ("", {"NEWSDIGEST_RUNTIME__THREADS": "99999999999999999999"}, "NEWSDIGEST_RUNTIME__THREADS: .*too large"),
])
def test_bad_configuration_names_the_problem(tmp_path, content, environ, message):
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        resolve_config({}, path, environ=environ)


def test_every_unknown_key_is_named_at_once(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('colour = "blue"\n[summary]\nlenght = "short"\n[translation]\nbeams = 2\n', encoding="utf-8")
    environ = {"NEWSDIGEST_TRANSLATON__NUM_BEAMS": "2", "NEWSDIGEST_COLOUR": "red"}
    with pytest.raises(InputError) as raised:
        resolve_config({}, path, environ=environ)
    assert str(raised.value) == (f"{path}: unknown configuration key(s): colour, summary.lenght, translation.beams; "
                                 "environment: unknown configuration key(s): NEWSDIGEST_COLOUR, "
                                 "NEWSDIGEST_TRANSLATON__NUM_BEAMS")


@pytest.mark.parametrize(("content", "expected"), [
    ("[summary]\nlength = 3\n", "3"),  # as the README shows: three sentences
    ('[summary]\nlength = "60w"\n', "60w"),
    ("[summary]\nrepetition_penalty = 2\n", 2.0),
])
def test_numbers_where_the_readme_allows_them(tmp_path, content, expected):
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    config = resolve_config({}, path, environ={})
    assert expected in (config.summary.length, config.summary.repetition_penalty)


def test_a_config_file_that_is_not_utf8_is_one_line_naming_it(tmp_path):
    from tests_helpers import invoke

    path = tmp_path / "c.toml"
    path.write_bytes('order = "direct"\n# café\n'.encode("latin-1"))
    with pytest.raises(InputError, match=f"^{path}: not UTF-8 \\(byte 22\\); TOML files must be UTF-8"):
        resolve_config({}, path, environ={})
    (tmp_path / "a.txt").write_text("Een artikel.")
    result = invoke("digest", tmp_path / "a.txt", "--config", path)
    assert result.exit_code == 3
    assert result.stderr == f"newsdigest: error: {path}: not UTF-8 (byte 22); TOML files must be UTF-8, so save it as UTF-8\n"


def test_sample_config_in_examples_is_valid():
    from tests_helpers import EXAMPLES

    config = resolve_config({}, EXAMPLES / "newsdigest.toml", environ={})
    assert config.translation_model == "Helsinki-NLP/opus-mt-nl-en"
    assert config.summary_model == "sshleifer/distilbart-cnn-12-6"


def test_a_config_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(InputError, match=f"^{path}: the configuration must be a regular file$"):
            resolve_config({}, path, environ={})


def test_a_huge_config_file_is_refused(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="big.toml: over 1,000,000 bytes"):
        resolve_config({}, path, environ={})


def test_a_utf8_config_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes(b"\xef\xbb\xbf" + 'order = "direct"\n'.encode())
    assert resolve_config({}, path, environ={}).order == "direct"


def test_prompt_paths_in_a_config_are_relative_to_its_folder(tmp_path, monkeypatch):
    folder = tmp_path / "project"
    (folder / "prompts").mkdir(parents=True)
    (folder / "prompts" / "kort.toml").write_text('task = "summarize"\ntemplate = "{{ text }}"\n')
    (folder / "newsdigest.toml").write_text('[summary]\nprompt = "prompts/kort.toml"\nprompt_dirs = ["prompts"]\n')
    monkeypatch.chdir(tmp_path)  # the run starts elsewhere
    config = resolve_config({}, folder / "newsdigest.toml", environ={})
    assert config.summary.prompt == str(folder / "prompts" / "kort.toml")
    assert config.summary.prompt_dirs == [str(folder / "prompts")]


def test_a_type_error_and_an_unknown_key_are_named_together(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('colour = "blue"\n[translation]\nnum_beams = true\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        resolve_config({}, path, environ={})
    assert "num_beams' must be a whole number" in str(raised.value)
    assert "unknown configuration key(s): colour" in str(raised.value)
