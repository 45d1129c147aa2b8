"""Digest content is data, not markup: article text cannot add structure to the Markdown digest (proved
by parsing it back with markdown-it-py), no output carries a NUL byte, names show control characters
escaped, and the header says what produced the digest in a line a person can read."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsdigest.formats import render_translations
from newsdigest.pipeline import Pipeline
from newsdigest.printable import printable
from newsdigest.render import md_block, md_inline, render, render_summaries
from translate import DocumentTranslation, Segment
from tests_helpers import invoke

# everything CommonMark and GitHub's tables and strikethrough make of a line
HOSTILE = [
    "# Kop", "Titel\n===", "Titel\n---", "---", "***", "_ _ _", "1. eerste", "2) tweede", "- punt", "+ punt",
    "* punt", "> citaat", "    ingesprongen code", "\tmet tab", "```\ncode\n```", "~~~python\ncode\n~~~",
    "<div>blok</div>", "<script>alert(1)</script>", "<!-- commentaar -->", "[klik](http://evil.example)",
    "![beeld](http://evil.example/x.png)", "<http://evil.example>", "[ref]: http://evil.example",
    "| a | b |\n|---|---|\n| 1 | 2 |", "&copy; &#60; &amp;", "**vet** en _schuin_", "~~doorgestreept~~",
    "regel met harde breuk  \nvolgende", "regel met backslash\\\nvolgende", "`code`", "\\# geen kop",
    "1986. Het jaar", "= gelijk", "## Kop ##",
]
TEXT = "\n\n".join(HOSTILE)
ALLOWED_INLINE = {"text", "softbreak", "em_open", "em_close", "strong_open", "strong_close", "code_inline"}
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def record(**fields):
    base = {"path": "in/artikel.txt", "title": "Gemeente breidt uit", "original_title": "Gemeente breidt uit",
            "date": "2019-02-16", "time": None, "source": "ANP", "url": None, "summary": "Kort.",
            "summary_sentences": ["Kort."], "headline": None, "style": "paragraph", "translation": None,
            "segments": None, "original": None, "model": "m", "length": "3", "chunks": 1, "rounds": 0,
            "warnings": [], "cached": False, "error": None}
    return {**base, **fields}


SIGNATURE = Pipeline().signature()


def blocks_and_inlines(markdown):
    tokens = PARSER.parse(markdown)
    blocks = [(t.type, t.tag) for t in tokens if t.type != "inline"]
    inlines = {child.type for t in tokens if t.type == "inline" for child in t.children}
    return tokens, blocks, inlines


def text_of(inline):
    return "".join("\n" if child.type == "softbreak" else child.content for child in inline.children
                   if child.type in ("text", "softbreak", "code_inline"))


@pytest.mark.parametrize("style", ["paragraph", "bullets", "headline"])
def test_article_text_creates_no_markdown_structure(style):
    sentences = [line for text in HOSTILE for line in text.splitlines()]
    records = [
        record(title=text, original_title=text, source=text, summary_sentences=sentences, style=style,
               headline=sentences[0] if style == "headline" else None, translation=TEXT, original=TEXT,
               path=f"in/{text}.txt")
        for text in HOSTILE
    ] + [record(title=None, original_title=None, error="\n".join(HOSTILE), path="in/<b>kapot.txt")]
    markdown = render(records, SIGNATURE, "markdown")
    tokens, blocks, inlines = blocks_and_inlines(markdown)
    allowed = {("paragraph_open", "p"), ("paragraph_close", "p"), ("heading_open", "h1"), ("heading_close", "h1"),
               ("heading_open", "h2"), ("heading_close", "h2"), ("heading_open", "h3"), ("heading_close", "h3")}
    if style == "bullets":
        allowed |= {("bullet_list_open", "ul"), ("bullet_list_close", "ul"), ("list_item_open", "li"),
                    ("list_item_close", "li")}
    assert set(blocks) <= allowed and inlines <= ALLOWED_INLINE
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    titles = [text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert len(headings) == 1 + len(records) + 2 * (len(records) - 1)  # digest, articles, Translation + Original
    assert titles == [" ".join(text.split()) for text in HOSTILE] + ["<b>kapot.txt"]
    if style == "bullets":
        assert blocks.count(("list_item_open", "li")) == len(sentences) * len(HOSTILE)


def test_translation_text_survives_escaping_character_for_character():
    markdown = render([record(translation=TEXT)], SIGNATURE, "markdown")
    tokens = PARSER.parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3")
    paragraphs = [text_of(t) for t in tokens[start + 3:] if t.type == "inline"]
    expected = ["\n".join(line.strip() for line in text.splitlines()) for text in HOSTILE]
    assert paragraphs == expected


MARKUP = st.sampled_from(list("#=-+*_>`~<>[]()!|&\\.:;0123456789 \t\n") + ["1.", "1)", "---", "===", "```",
                                                                         "&amp;", "    ", "\n\n", "http://x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP | st.text(alphabet="abcXYZ é", min_size=1, max_size=4), max_size=40).map("".join))
def test_any_text_renders_as_itself_in_plain_paragraphs(text):
    block = md_block(text)
    tokens, blocks, inlines = blocks_and_inlines(block)
    assert set(blocks) <= {("paragraph_open", "p"), ("paragraph_close", "p")} and inlines <= {"text", "softbreak"}
    paragraphs = ["\n".join(line.strip() for line in p.splitlines() if line.strip())
                  for p in text.replace("\t", " ").split("\n\n")]
    expected = [p for p in "\n\n".join(paragraphs).split("\n\n") if p]
    assert [text_of(t).replace("\t", " ") for t in tokens if t.type == "inline"] == expected
    inline = md_inline(text)
    _, blocks, inlines = blocks_and_inlines(inline)
    if text.split():
        assert blocks == [("paragraph_open", "p"), ("paragraph_close", "p")] and inlines <= {"text"}
        assert text_of(blocks_and_inlines(inline)[0][1]) == " ".join(text.split())


@pytest.mark.parametrize("fmt", ["markdown", "text", "html", "json", "jsonl"])
def test_no_nul_byte_reaches_any_output(fmt):
    nul = "met\x00nul"
    records = [record(title=nul, original_title=nul, source=nul, summary=nul, summary_sentences=[nul],
                      headline=nul, translation=nul, original=nul, path=f"in/{nul}.txt", warnings=[nul]),
               record(error=nul, path=nul)]
    outputs = [render(records, SIGNATURE, fmt)]
    if fmt in ("markdown", "text", "json"):  # what `newsdigest summarize` writes
        outputs.append(render_summaries(records, SIGNATURE, fmt))
    for output in outputs:
        assert "\x00" not in output and "\\u0000" not in output and "\\x00" not in output
        assert "metnul" in output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_nul_byte_reaches_a_translation(fmt):
    document = DocumentTranslation(segments=[Segment(0, "Een\x00zin.", "Een\x00zin.")])
    output = render_translations(["a\x00.txt", "b.txt"], [document, document], Pipeline().config, "m", fmt)
    assert "\x00" not in output and "\\u0000" not in output and "Eenzin." in output


def test_file_names_show_control_characters_escaped(tmp_path):
    name = "kapot\x1b[2J\nnaam\x7f.txt"
    assert printable(name) == "kapot\\x1b[2J\\nnaam\\x7f.txt"
    failed = record(title=None, original_title=None, error=f"{name}: empty file", path=f"in/{name}")
    markdown = render([failed], SIGNATURE, "markdown")
    tokens = PARSER.parse(markdown)
    [heading] = [text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert heading == printable(name)
    for fmt in ("markdown", "text", "html"):
        output = render([failed], SIGNATURE, fmt)
        assert "\x1b" not in output and "\nnaam" not in output and printable(name) in output.replace("\\\\", "\\")


def test_messages_show_control_characters_escaped_on_one_line(fake_models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "goed.txt").write_text("Titel\n\nDe gemeente onderzoekt twee opties.")
    (folder / "kapot\x1b[31m\nnaam.txt").write_text("")
    result = invoke("digest", folder, "-o", tmp_path / "d.md", "-q")
    assert result.exit_code == 1
    assert result.stderr == f"newsdigest: error: {folder}/kapot\\x1b[31m\\nnaam.txt: empty file, nothing to do\n"


def test_header_is_a_readable_line_of_models_and_settings():
    markdown = render([record()], SIGNATURE, "markdown")
    line = PARSER.parse(markdown)[4]  # the paragraph after the title
    text = text_of(line)
    assert text.startswith("newsdigest ") and "{" not in text and "'" not in text
    assert "models: translation Helsinki-NLP/opus-mt-nl-en, summary sshleifer/distilbart-cnn-12-6" in text
    assert "settings: source_language=nl, target_language=en, order=translate-then-summarize" in text
    assert "summary: length=medium, style=paragraph" in text


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_each_article_shows_its_file_and_original_title(fmt):
    records = [record(path="in/stalling_utrecht.txt", title="Municipality expands", original_title="Gemeente breidt uit"),
               record(path="feed.json#2", title=None, original_title=None, error="feed.json#2: no 'body' field")]
    output = render(records, SIGNATURE, fmt)
    if fmt == "markdown":
        assert "*Original title: Gemeente breidt uit · File: `in/stalling_utrecht.txt`*" in output
        assert "*File: `feed.json#2`*" in output
    else:
        assert "Original title: Gemeente breidt uit · File: in/stalling_utrecht.txt" in output
        assert "File: feed.json#2" in output


def test_summarize_json_is_data_too():
    output = render_summaries([record(summary="a\x00b")], SIGNATURE, "json")
    assert json.loads(output)["summary"] == "ab"


def test_the_header_line_leaves_out_groups_with_nothing_set():
    from newsdigest.signature import signature_line

    line = signature_line({"newsdigest": "1.0", "models": {"translation": "m1", "summary": "m2"},
                           "settings": {"order": "direct", "translation": {"num_beams": None},
                                        "summary": {"length": "short", "style": None}}})
    assert line == "newsdigest 1.0 · models: translation m1, summary m2 · settings: order=direct; summary: length=short"
