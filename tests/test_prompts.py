"""Prompt templates: data files, named variables, sandboxed rendering, CLI listing."""

import pytest

import prompts
from newsdigest.cli import ExitStatus
from prompts import TemplateError, get_template, load_templates
from tests_helpers import invoke

VALUES = {"text": "Het artikel.", "source_language": "nl", "target_language": "en", "length": "3 sentences",
          "sentences": 3, "style": "Write one paragraph."}


def test_builtin_templates_are_data_files_one_per_task_and_family():
    templates = load_templates()
    assert {(t.task, t.family) for t in templates.values()} == {
        ("summarize", "chat"), ("summarize", "seq2seq"), ("translate", "chat"), ("translate", "seq2seq")}
    assert all(t.origin == "built-in" for t in templates.values())


@pytest.mark.parametrize("name", sorted(load_templates()))
def test_every_builtin_template_renders_with_the_documented_variables(name):
    template = get_template(name)
    assert template.variables() <= set(prompts.VARIABLES)
    system, prompt = template.render(**VALUES)
    assert "Het artikel." in prompt and "{{" not in prompt


def test_missing_variables_are_named():
    with pytest.raises(TemplateError, match=r"needs variable\(s\) not given: length, style"):
        get_template("summarize-chat").render(text="x", source_language="nl", target_language="en")


@pytest.mark.parametrize("source", [
    "{{ text.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__ }}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
])
def test_rendering_cannot_reach_python_internals(source, tmp_path):
    path = tmp_path / "evil.toml"
    path.write_text(f'task = "summarize"\nfamily = "chat"\ntemplate = "{source}"\n'.replace('\\', '\\\\'))
    with pytest.raises(TemplateError):
        get_template(str(path)).render(text="x")


@pytest.mark.parametrize(("source", "message"), [
    ("{% include 'secrets.txt' %}{{ text }}", "{% include %} on line 1 is not allowed; a template must be self-contained"),
    ("{% extends 'base.html' %}", "{% extends %} on line 1 is not allowed"),
    ("{% from 'x' import y %}{{ text }}", "{% import %} on line 1 is not allowed"),
    ("{{ cycler.__init__.__globals__ }}{{ text }}", "the template sandbox refuses this template (access to "
                                                    "attribute '__init__' of 'type' object is unsafe)"),
    ("{% for i in range(10**9) %}{% endfor %}{{ text }}", "the template sandbox refuses this template (Range too big"),
    # folded into a constant when compiled, this would build a gigabyte before any check ran
    ('{{ "x" * 999999999 }}{{ text }}', "the template sandbox refuses this template (repeating text past 100,000 "
                                        "characters is not allowed)"),
    ("{{ [text] * 999999999 }}", "the template sandbox refuses this template (repeating text past"),
    ("{{ 7 ** 99999999 }}{{ text }}", "the template sandbox refuses this template (powers above 64 are not allowed"),
    ("{{ text }} {{ author }}", "unknown variable(s) author; templates can use text, source_language"),
])
def test_refused_templates_stop_the_run_with_one_line_before_any_model_loads(tmp_path, source, message,
                                                                             no_network):
    path = tmp_path / "evil.toml"
    path.write_text(f'task = "summarize"\nfamily = "chat"\ntemplate = """{source}"""\n')
    with pytest.raises(TemplateError) as raised:
        get_template(str(path))
    assert str(raised.value).startswith(f"{path}: {message}")
    article = tmp_path / "a.txt"
    article.write_text("Titel\n\nDe gemeente onderzoekt twee opties.")
    # the default models are not on this machine: loading one would be a model error (exit 4)
    result = invoke("summarize", article, "--offline", "--order", "direct", "--prompt", path)
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr.startswith(f"newsdigest: error: {path}: {message}") and result.stderr.count("\n") == 1


def test_a_template_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes('task = "summarize"\nfamily = "chat"\ntemplate = "Café {{ text }}"\n'.encode("latin-1"))
    with pytest.raises(TemplateError, match=f"^{path}: not UTF-8 \\(byte 50\\); save the template as UTF-8$"):
        get_template(str(path))


@pytest.mark.parametrize(("content", "message"), [
    ('task = "summarize"\nfamily = "chat"\n', "'template' must be given"),
    ('task = "summarize"\nfamily = "chat"\ntemplate = "x"\nextra = 1\n', "unknown key"),
    ('task = "summarize"\nfamily = "chat"\ntemplate = "{{ text"\n', "template syntax error on line 1"),
    ('not toml at all = = =', "invalid TOML"),
])
def test_bad_template_files_are_reported(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(TemplateError, match=message):
        get_template(str(path))


def test_user_directory_adds_and_overrides_templates(tmp_path):
    (tmp_path / "summarize-chat.toml").write_text('task = "summarize"\nfamily = "chat"\ntemplate = "Kort: {{ text }}"\n')
    (tmp_path / "mijn-stijl.toml").write_text('task = "summarize"\nfamily = "seq2seq"\ntemplate = "{{ text }}"\n')
    templates = load_templates([tmp_path])
    assert templates["summarize-chat"].render(text="x") == (None, "Kort: x")
    assert templates["mijn-stijl"].origin == str(tmp_path / "mijn-stijl.toml")


def test_unknown_template_lists_the_available_ones():
    with pytest.raises(TemplateError, match="no prompt template 'nope'; available: summarize-chat"):
        get_template("nope")
    with pytest.raises(TemplateError, match=r"^missing.toml: prompt template file not found \(a relative path"):
        get_template("missing.toml")
    with pytest.raises(TemplateError, match=r"^prompts/kort: prompt template file not found"):
        get_template("prompts/kort")


def test_cli_list_and_show():
    listing = invoke("prompts", "list")
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == [
        "summarize-chat", "summarize-seq2seq", "translate-chat", "translate-seq2seq"]
    shown = invoke("prompts", "show", "summarize-chat")
    assert shown.exit_code == 0
    assert "# variables: length, source_language, style, target_language, text" in shown.stdout
    missing = invoke("prompts", "show", "nope")
    assert missing.exit_code == ExitStatus.INPUT
    assert missing.stderr.startswith("newsdigest: error: no prompt template 'nope'")
