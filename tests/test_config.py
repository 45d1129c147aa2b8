"""Configuration precedence (option > environment > file > default) and validation."""

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
    ({"NEWSDIGEST_ENGINE": "ct2"}, r"unknown configuration key\(s\): engine"),
])
def test_runtime_settings_are_validated(tmp_path, environ, message):
    with pytest.raises(InputError, match=message):
        resolve_config({}, environ=environ, cwd=tmp_path)


@pytest.mark.parametrize(("content", "environ", "message"), [
    ('colour = "blue"\n', {}, r"unknown configuration key\(s\): colour"),
    ('[summary]\nlenght = "short"\n', {}, r"unknown configuration key\(s\): summary.lenght"),
    ("", {"NEWSDIGEST_TRANSLATON__NUM_BEAMS": "2"}, r"unknown configuration key\(s\): translaton"),
    ('order = "backwards"\n', {}, "order must be one of"),
    ("[translation]\nnum_beams = 0\n", {}, "num-beams must be at least 1"),
    ("", {"NEWSDIGEST_INCLUDE_TRANSLATION": "maybe"}, "must be true or false"),
    ("summary = 3\n", {}, "must be a table"),
    ("order = [1\n", {}, "invalid TOML"),
])
def test_bad_configuration_names_the_problem(tmp_path, content, environ, message):
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        resolve_config({}, path, environ=environ)


def test_sample_config_in_examples_is_valid():
    from tests_helpers import EXAMPLES

    config = resolve_config({}, EXAMPLES / "newsdigest.toml", environ={})
    assert config.translation_model == "Helsinki-NLP/opus-mt-nl-en"
    assert config.summary_model == "sshleifer/distilbart-cnn-12-6"
