"""The `newsdigest` command: parses options, builds a config, calls the library, prints.

Library errors become one line on stderr and a distinct exit code (see ExitStatus); --debug shows
the traceback instead.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Any

import click

from engines.settings import LIMITS
from prompts import TemplateError
from translate.errors import InputError, ModelError, NewsdigestError

from .output import OutputConflict, OutputError
from .printable import printable


class ExitStatus(IntEnum):
    OK = 0
    PARTIAL = 1  # some inputs failed; the output holds the rest
    USAGE = 2  # bad command line (Click's own code)
    INPUT = 3  # no usable input, or a bad config/template
    MODEL = 4  # a model is missing, refused or cannot be loaded
    OUTPUT = 5  # the output cannot be written
    INTERRUPTED = 130


log = logging.getLogger("newsdigest")


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"newsdigest: {record.levelname.lower()}: {printable(record.getMessage())}"


def _setup_logging(quiet: bool, verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING)


def _status_for(error: BaseException) -> ExitStatus:
    if isinstance(error, ModelError):
        return ExitStatus.MODEL
    if isinstance(error, OutputConflict):
        return ExitStatus.USAGE
    if isinstance(error, (OutputError, OSError)):
        return ExitStatus.OUTPUT
    return ExitStatus.INPUT


def _fail(ctx: click.Context, message: str, status: ExitStatus) -> None:
    click.echo(f"newsdigest: error: {printable(message)}", err=True)
    ctx.exit(status)


class _Group(click.Group):
    """Turns library errors and bad option values into one line and an exit code at the boundary."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            if _debug(ctx):
                raise
            command = (error.ctx or ctx).command_path
            _fail(ctx, f"{error.format_message()} (see '{command} --help')", ExitStatus.USAGE)
        except (NewsdigestError, TemplateError, OSError) as error:
            if _debug(ctx):
                raise
            _fail(ctx, str(error), _status_for(error))
        except KeyboardInterrupt:
            if _debug(ctx):
                raise
            kept = (ctx.obj or {}).get("kept")  # what the interrupted run kept, where a command knows it
            click.echo(f"newsdigest: interrupted{'; ' + kept() if kept else ''}", err=True)
            ctx.exit(ExitStatus.INTERRUPTED)


def run() -> None:
    """The `newsdigest` program. After an interrupt has been reported, a second Ctrl-C or kill while
    worker threads wind down is ignored: it would only add a traceback to the one-line message."""
    import signal

    try:
        main(prog_name="newsdigest")
    except SystemExit as exit:
        if exit.code == ExitStatus.INTERRUPTED:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.obj and ctx.obj.get("debug"))


def _version() -> str:
    from .signature import package_version

    return package_version()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=None, package_name="newsdigest", message="newsdigest %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Translate and summarise news articles (Dutch -> English by default) into digests.

    Exit codes: 0 ok, 1 some inputs failed, 2 usage error, 3 input error, 4 model error,
    5 output error, 130 interrupted.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# -- shared options -----------------------------------------------------------------------------

def _options(*decorators: Callable) -> Callable:
    def apply(function: Callable) -> Callable:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


common = _options(
    click.option("--config", "config_file", type=click.Path(dir_okay=False), help="TOML config file "
                 "(default: ./newsdigest.toml if present)."),
    click.option("--offline", is_flag=True, default=None, help="Never download or connect: models from the "
                 "local cache or a model directory (also HF_HUB_OFFLINE=1), web pages from the page cache."),
    click.option("--trust-remote-code", is_flag=True, default=None, help="Allow models that run code "
                 "from their repository."),
    click.option("-q", "--quiet", is_flag=True, help="Errors only; no progress bar."),
    click.option("-v", "--verbose", is_flag=True, help="More detail on stderr."),
    click.option("--debug", "debug_here", is_flag=True, help="Show tracebacks."),
)


def _engine_choices() -> list[str]:
    from engines import engine_names

    return list(engine_names())


def _runtime_choices(name: str) -> list[str]:
    import engines

    return list(getattr(engines, name))


runtime_options = _options(
    click.option("--engine", type=click.Choice(_engine_choices()), help="Inference engine for every model "
                 "(default: auto, the fastest that works here)."),
    click.option("--device", type=click.Choice(_runtime_choices("DEVICES")), help="Where every model runs "
                 "(default: auto, a CUDA GPU when there is one; mps only when asked)."),
    click.option("--precision", type=click.Choice(_runtime_choices("PRECISIONS")),
                 help="Weights and arithmetic (default: auto: int8 on CTranslate2, float32 on PyTorch on a "
                 "CPU, half precision on a GPU)."),
    click.option("--threads", type=click.IntRange(min=1, max=LIMITS["threads"]),
                 help="CPU threads (default: all cores)."),
    click.option("--batch-size", type=click.IntRange(min=1, max=LIMITS["batch_size"]),
                 help="Inputs per batch, for every model (default: chosen per engine and device)."),
)
translation_options = _options(
    click.option("--num-beams", type=click.IntRange(min=1, max=LIMITS["num_beams"]),
                 help="Beam size (default: the model's)."),
    click.option("--max-new-tokens", type=click.IntRange(min=1, max=LIMITS["max_new_tokens"]),
                 help="Cap on tokens generated per sentence (default: twice the source length + 16)."),
    runtime_options,
)


class _Size(click.ParamType):
    name = "size"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        from .textio import parse_size

        try:
            return value if isinstance(value, int) else parse_size(value)
        except InputError as error:
            self.fail(str(error), param, ctx)


input_options = _options(
    click.option("--no-fetch", is_flag=True, default=None, help="Use each feed entry's own text; do not fetch "
                 "the pages entries link to."),
    click.option("--follow-symlinks", is_flag=True, default=None, help="Follow symlinks in input folders that "
                 "point outside them."),
    click.option("--max-input-size", type=_Size(), help="Largest input file read (default: 100MB)."),
)


def _length(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check --length with the library's own parser, so a bad value stops before any model loads."""
    if value is not None:
        from summarize.length import LengthSpec

        try:
            LengthSpec.parse(value)
        except InputError as error:
            raise click.BadParameter(str(error), ctx, param) from error
    return value


summary_options = _options(
    click.option("--length", callback=_length, help="short, medium, long, N sentences (3), N words (60w) or a "
                 "ratio (20%)."),
    click.option("--style", type=click.Choice(["paragraph", "bullets", "headline"]), help="Summary shape."),
    click.option("--order", type=click.Choice(["translate-then-summarize", "summarize-then-translate",
                                               "direct"]), help="Order of work."),
    click.option("--prompt", help="Prompt template name or .toml file (instruction models)."),
    click.option("--prompt-dir", "prompt_dirs", multiple=True, help="Folder of extra prompt templates."),
    click.option("--num-beams", type=click.IntRange(min=1, max=LIMITS["num_beams"]), help="Beam size of both the "
                 "translation and the summary model (default: each model's own; set them apart in the config file)."),
    click.option("--max-new-tokens", type=click.IntRange(min=1, max=LIMITS["max_new_tokens"]), help="Cap on new "
                 "tokens of both models: per translated sentence (default: twice its length + 16) and per summary "
                 "(default: from --length)."),
    click.option("--no-repeat-ngram-size", type=click.IntRange(min=0), help="Summary model: forbid repeated "
                 "n-grams of this size (default: the model's, else 3)."),
    click.option("--repetition-penalty", type=click.FloatRange(min=0, min_open=True), help="Summary model: penalise "
                 "repeated tokens (1: not at all; above 1: more)."),
)


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # a kill (SIGTERM) ends the run like Ctrl-C: nothing half-written


def _begin(ctx: click.Context, params: dict[str, Any]) -> None:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    if params.pop("debug_here", False):
        ctx.obj["debug"] = True
    ctx.obj["quiet"] = params.pop("quiet", False)
    _setup_logging(ctx.obj["quiet"], params.pop("verbose", False))


def _config(params: dict[str, Any], beams_for: tuple[str, ...] = ("translation",)):
    """Map command-line values onto config keys and resolve precedence in the library.

    `beams_for` names the models --num-beams and --max-new-tokens reach: the translation model in
    `translate`, both models where a command runs both.
    """
    from .config import resolve_config

    beams = {table: {"num_beams": params.get("num_beams"), "max_new_tokens": params.get("max_new_tokens")}
             for table in beams_for}
    options = {
        "source_language": params.get("source_language"), "target_language": params.get("target_language"),
        "translation_model": params.get("translation_model"), "summary_model": params.get("summary_model"),
        "order": params.get("order"), "format": params.get("fmt"),
        "include_translation": params.get("include_translation"),
        "include_original": params.get("include_original"), "offline": params.get("offline"),
        "trust_remote_code": params.get("trust_remote_code"), "fail_fast": params.get("fail_fast"),
        "cache": False if params.get("no_cache") else None,
        "runtime": {name: params.get(name) for name in ("engine", "device", "precision", "threads", "batch_size")},
        "translation": beams.get("translation", {}),
        "summary": {**beams.get("summary", {}), "length": params.get("length"), "style": params.get("style"),
                    "prompt": params.get("prompt"), "prompt_dirs": list(params.get("prompt_dirs") or []) or None,
                    "no_repeat_ngram_size": params.get("no_repeat_ngram_size"),
                    "repetition_penalty": params.get("repetition_penalty")},
        "input": {"include": list(params.get("include") or []) or None,
                  "language_check": params.get("language_check"), "max_input_size": params.get("max_input_size"),
                  "fetch": False if params.get("no_fetch") else None,
                  "follow_symlinks": params.get("follow_symlinks")},
    }
    return resolve_config(options, params.get("config_file"))


class _Progress:
    """A tqdm bar on a terminal (nothing in pipes, files or with --quiet): the stage, the count and the
    total. Called with a count (sentences, articles read); `stage` and `advance` serve the runner."""

    def __init__(self, total: int | None, unit: str, quiet: bool, stage: str | None = None):
        self.bar = None
        self.translated = 0
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=unit, desc=stage, file=sys.stderr, leave=False, dynamic_ncols=True)

    def __call__(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(count)

    advance = __call__

    def stage(self, name: str) -> None:
        if self.bar is not None and self.bar.desc != name:
            self.bar.set_description_str(name)

    def sentences(self, count: int) -> None:
        """Sentences translated: the articles of a group finish together, this moves batch by batch."""
        self.translated += count
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.translated:,} sentences translated")

    def restart(self, stage: str, total: int) -> None:
        """Count again from nothing, towards a known total."""
        if self.bar is not None:
            self.bar.reset(total=total)
            self.bar.set_description_str(stage)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _check_output(output: str | None, inputs: tuple[str, ...], folder: bool = False) -> None:
    """Refuse, before any work, an output that would destroy an input or be read back as one."""
    from .output import check_output

    if output and output != "-":
        check_output(output, inputs or ("-",), folder=folder)


def _check_prompts(config) -> None:
    """Load the prompt templates the run may use, so a refused one stops it before any model loads."""
    from prompts import get_template, load_templates

    load_templates(config.summary.prompt_dirs)
    if config.summary.prompt:
        get_template(config.summary.prompt, config.summary.prompt_dirs)


def _emit(text: str, output: str | None) -> None:
    from .output import write_output

    if output and output != "-":
        write_output(output, text)
    else:
        click.echo(text, nl=False)


def _finish(failures: int, successes: int) -> None:
    if failures and not successes:
        raise SystemExit(ExitStatus.INPUT)
    if failures:
        raise SystemExit(ExitStatus.PARTIAL)


# -- translate ----------------------------------------------------------------------------------

@main.command("translate")
@click.argument("inputs", nargs=-1)
@click.option("--model", "translation_model", help="Hub id or model directory (default: opus-mt-FROM-TO).")
@click.option("--from", "source_language", help="Source language (default: nl).")
@click.option("--to", "target_language", help="Target language (default: en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), help="Output format "
              "(default: text, or from the --output extension).")
@click.option("-o", "--output", help="Write here instead of standard output.")
@input_options
@translation_options
@common
@click.pass_context
def translate_command(ctx: click.Context, inputs: tuple[str, ...], **params: Any) -> None:
    """Translate text files (or standard input) sentence by sentence; nothing is dropped."""
    from translate import translate_documents

    from .articles import EXTRACTED, Failure, is_url, load_articles, parse_text
    from .formats import render_translations
    from .pipeline import configured_translator
    from .readers.exports import is_export
    from .readers.frontmatter import without_front_matter
    from .render import format_for
    from .textio import read_text

    _begin(ctx, params)
    _check_output(params.get("output"), inputs)
    fmt = format_for(params.get("output"), params.get("fmt"), default="text")
    if fmt not in ("text", "json", "markdown"):
        raise click.UsageError(f"translate writes text, json or markdown, not {fmt}: choose one with --format")
    config = _config(params)
    names, texts, failures = [], [], 0
    for name in inputs or ("-",):
        shown = "<stdin>" if name == "-" else name
        if name != "-" and (is_url(name) or Path(name).suffix.lower() in EXTRACTED or Path(name).is_dir()):
            items = load_articles([name], config.input, offline=config.offline,  # the article, not the markup
                                  language=config.source_language)
        else:
            try:
                # plain text is translated as it is written, without its front matter (metadata, not text)
                text = without_front_matter(read_text(name, config.input.max_input_size, config.input.pipe_timeout,
                                                      config.source_language))
                if not text.strip():
                    raise InputError(f"{shown}: empty file, nothing to translate")
            except InputError as error:
                log.error("%s", error)
                failures += 1
                continue
            if not is_export(text):
                names.append(shown)
                texts.append(text)
                continue
            # a press-database export (LexisNexis, Nexis Uni, Mediargus): its articles, not its fields
            items = parse_text(text, shown, config.input, Path(name).suffix.lower())
        for item in items:
            if isinstance(item, Failure):
                log.error("%s", item.error)
                failures += 1
            else:
                names.append(item.path)
                texts.append("\n\n".join(part for part in (item.title, item.body) if part))
    if not texts:
        raise SystemExit(ExitStatus.INPUT)
    progress = _Progress(None, "sentence", ctx.obj["quiet"])
    translator = configured_translator(config, progress)
    documents = translate_documents(texts, translator, config.source_language)
    progress.close()
    _emit(render_translations(names, documents, config, getattr(translator, "name", None), fmt), params.get("output"))
    _finish(failures, len(texts))


# -- summarize and digest -----------------------------------------------------------------------

def _run_pipeline(ctx: click.Context, inputs: tuple[str, ...], config) -> tuple[list[dict], dict]:
    """The local runner: read every input first (so the bar knows the total), then translate and summarise."""
    from .articles import load_articles
    from .cache import ResultCache
    from .pipeline import Pipeline

    cache = ResultCache(config.cache_dir) if config.cache else None
    progress = _Progress(None, "article", ctx.obj["quiet"], stage="reading")
    pipeline = Pipeline(config, cache=cache, progress=progress)
    ctx.obj["kept"] = lambda: _kept(pipeline, cache)
    try:
        items = []
        for item in load_articles(inputs or ("-",), config.input, offline=config.offline,
                                  language=config.source_language):
            items.append(item)
            progress(1)
        if not items:
            raise InputError(f"no articles found in {', '.join(inputs)} (patterns: {' '.join(config.input.include)})")
        progress.restart("translating", len(items))
        records = list(pipeline.run(items))
    finally:
        progress.close()
        if cache is not None:
            cache.close()
    return records, pipeline.signature()


def _kept(pipeline, cache) -> str:
    """How many of this run's articles have their result in the cache, counted there, not remembered."""
    if cache is None:
        return "nothing was kept (the result cache is off)"
    if cache.failed:
        return "nothing was kept (the result cache could not be used)"
    from .cache import ResultCache

    with_results = ResultCache(cache.path.parent)
    try:
        done = sum(1 for key in set(pipeline.keys) if with_results.get(key) is not None)
    finally:
        with_results.close()
    return (f"{done} finished article{'' if done == 1 else 's'} kept in the result cache; run the same command "
            "again to go on from there")


@main.command("summarize")
@click.argument("inputs", nargs=-1)
@click.option("--model", "summary_model", help="Summary model: hub id or directory.")
@click.option("--translation-model", help="Translation model: hub id or directory.")
@click.option("--from", "source_language", help="Source language (default: nl).")
@click.option("--to", "target_language", help="Target language (default: en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), help="Output format.")
@click.option("-o", "--output", help="Write here instead of standard output.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@input_options
@summary_options
@runtime_options
@common
@click.pass_context
def summarize_command(ctx: click.Context, inputs: tuple[str, ...], **params: Any) -> None:
    """Summarise articles (translating first by default) and print the summaries."""
    from .render import format_for, render_summaries

    _begin(ctx, params)
    _check_output(params.get("output"), inputs)
    config = _config(params, beams_for=("translation", "summary"))
    _check_prompts(config)
    fmt = format_for(params.get("output"), params.get("fmt"), default="text")
    records, signature = _run_pipeline(ctx, inputs, config)
    if not _keep_previous(params.get("output"), records):
        _emit(render_summaries(records, signature, fmt), params.get("output"))
    _finish(sum(1 for r in records if r["error"]), sum(1 for r in records if not r["error"]))


ray_options = _options(
    click.option("--ray", "use_ray", is_flag=True, help="Run on a Ray cluster (the ray "
                 "extra: pip install -e '.[ray]'). "
                 "With --format jsonl and -o FOLDER/, write one shard per block and skip articles already there."),
    click.option("--ray-address", help="Ray cluster to join (default: RAY_ADDRESS, else start a local one)."),
    click.option("--translation-workers", type=click.IntRange(min=1), help="Translation workers (actors)."),
    click.option("--summary-workers", type=click.IntRange(min=1), help="Summary workers (actors)."),
    click.option("--gpus-per-worker", type=click.FloatRange(min=0), help="GPUs per model worker (e.g. 0.5)."),
    click.option("--cpus-per-worker", type=click.FloatRange(min=0, min_open=True), help="CPUs per model worker "
                 "(default: up to 1, fitted so reading and writing always have a CPU)."),
)
_RAY_ONLY = ("ray_address", "translation_workers", "summary_workers", "gpus_per_worker", "cpus_per_worker")


@main.command("digest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", help="Digest file (format from its extension), or a folder with --split. "
              "Default: standard output.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "text", "html", "json", "jsonl"]),
              help="Output format (default: from -o's extension, else markdown).")
@click.option("--split", is_flag=True, help="One file per article in the -o folder.")
@click.option("--translation-model", help="Translation model: hub id or directory.")
@click.option("--summary-model", help="Summary model: hub id or directory.")
@click.option("--from", "source_language", help="Source language (default: nl).")
@click.option("--to", "target_language", help="Target language (default: en).")
@click.option("--include-translation/--no-include-translation", default=None, help="Add full translations.")
@click.option("--include-original/--no-include-original", default=None, help="Add the original text.")
@click.option("--include", multiple=True, help="File patterns to read in folders (default: *.txt *.md "
              "*.html *.json *.jsonl ...).")
@click.option("--language-check", type=click.Choice(["warn", "skip", "off"]), help="What to do with "
              "articles that are not in the source language.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first failing article.")
@input_options
@ray_options
@summary_options
@runtime_options
@common
@click.pass_context
def digest_command(ctx: click.Context, inputs: tuple[str, ...], **params: Any) -> None:
    """Translate and summarise many articles into one digest (or one file per article)."""
    from .output import names_folder, write_output
    from .render import format_for, render, safe_filename

    started = time.monotonic()
    _begin(ctx, params)
    ray = {name: params.pop(name) for name in ("use_ray", *_RAY_ONLY)}
    output = params.get("output")
    if params.get("split") and (not output or output == "-"):
        raise click.UsageError("--split needs -o FOLDER")
    into_folder = bool(output and output != "-" and names_folder(output))
    _check_output(output, inputs, folder=params.get("split", False) or into_folder)
    config = _config(params, beams_for=("translation", "summary"))
    _check_prompts(config)
    fmt = format_for(None if params.get("split") else output, config.format, default="markdown")
    shards = into_folder and not params.get("split") and ray["use_ray"] and fmt == "jsonl"
    if into_folder and not params.get("split") and not shards:  # refused here, before any model loads
        raise click.UsageError(f"{output} is a folder, but a {fmt} digest is one file: give a file name, or add "
                               "--split for one file per article, or --ray --format jsonl for shards")
    if ray["use_ray"]:
        if config.fail_fast:
            raise click.UsageError("--fail-fast stops the local runner; a --ray job records failures and goes on")
        if shards:
            _digest_shards(ctx, inputs, config, ray, output, started)
            return
        records, signature = _run_on_ray(ctx, inputs, config, ray)
    else:
        given = [f"--{name.replace('_', '-')}" for name in _RAY_ONLY if ray[name] is not None]
        if given:
            raise click.UsageError(f"{', '.join(given)} only apply with --ray")
        records, signature = _run_pipeline(ctx, inputs, config)
    if params.get("split"):
        folder = Path(output)
        used: set[str] = set()
        suffix = {"markdown": ".md", "text": ".txt", "html": ".html", "json": ".json", "jsonl": ".jsonl"}[fmt]
        for record in records:
            name = safe_filename(record["title"] or record["original_title"] or Path(record["path"]).stem,
                                 used, suffix)
            write_output(folder / name, render([record], signature, fmt))
        where = f"{len(records)} files in {output}"
    elif _keep_previous(output, records):
        where = f"nothing written, {output} is as it was"
    else:
        _emit(render(records, signature, fmt), output)
        where = output if output and output != "-" else "standard output"
    failures = sum(1 for r in records if r["error"])
    cached = sum(1 for r in records if r["cached"])
    _report_run(ctx, started, len(records), f"{failures} failed" + (f", {cached} from the cache" if cached else ""),
                where)
    _finish(failures, len(records) - failures)


def _keep_previous(output: str | None, records: list[dict]) -> bool:
    """When every article failed, an existing output file (the last good digest) is left as it was."""
    if any(not record["error"] for record in records) or not output or output == "-":
        return False
    if not Path(output).is_file():
        return False
    log.warning("no article could be digested; %s is left as it was", output)
    return True


def _report_run(ctx: click.Context, started: float, articles: int, detail: str, where: str) -> None:
    """The one line a finished run ends with (not with --quiet): what it did, in how long, and where to."""
    if not ctx.obj["quiet"]:
        click.echo(f"newsdigest: digest of {articles} article{'' if articles == 1 else 's'} in "
                   f"{time.monotonic() - started:.1f} s ({detail}): {printable(where)}", err=True)


def _ray_workers(ray: dict[str, Any]):
    from .distributed import Workers

    chosen = {"translation": ray["translation_workers"], "summary": ray["summary_workers"],
              "gpus": ray["gpus_per_worker"], "cpus": ray["cpus_per_worker"]}
    return Workers(**{key: value for key, value in chosen.items() if value is not None})


def _connect(ctx: click.Context, ray: dict[str, Any]) -> None:
    from .distributed import connect

    import signal
    import threading

    quiet = ctx.obj["quiet"]
    connect(ray["ray_address"], quiet=quiet, progress=not quiet and sys.stderr.isatty())
    if threading.current_thread() is threading.main_thread():  # ray.init installs a SIGTERM handler that
        signal.signal(signal.SIGTERM, _terminate)  # would end the run at once, without saying what was kept
    # Ray Data logs a failed job's traceback itself; the CLI says it in one line (--debug: all of it)
    logging.getLogger("ray.data").setLevel(logging.DEBUG if _debug(ctx) else logging.CRITICAL)


def _run_on_ray(ctx: click.Context, inputs: tuple[str, ...], config, ray: dict[str, Any]) -> tuple[list[dict], dict]:
    from .distributed import digest_on_ray

    _connect(ctx, ray)
    ctx.obj["kept"] = lambda: "nothing was kept (a --ray run keeps its results only in a --format jsonl folder)"
    result = digest_on_ray(list(inputs), config, workers=_ray_workers(ray))
    for record in result.records:
        if record["error"]:
            log.error("%s", record["error"])
    return result.records, result.signature


def _digest_shards(ctx: click.Context, inputs: tuple[str, ...], config, ray: dict[str, Any], folder: str,
                   started: float) -> None:
    from .distributed import digest_on_ray

    _connect(ctx, ray)
    ctx.obj["kept"] = lambda: (f"the shards already written to {folder} are kept; run the same command again "
                               "to go on from there")
    result = digest_on_ray(list(inputs), config, output=folder, workers=_ray_workers(ray))
    if result.failed:
        log.error("%d article(s) failed; their records in %s hold the errors", result.failed, folder)
    _report_run(ctx, started, result.articles, f"{result.written} new, {result.skipped} already there, "
                f"{result.failed} failed", f"{len(result.shards)} new shard(s) in {folder}")
    _finish(result.failed, result.articles - result.failed)


# -- prompts and models -------------------------------------------------------------------------

@main.group("prompts", cls=_Group)
def prompts_group() -> None:
    """List and show prompt templates."""


@prompts_group.command("list")
@click.option("--prompt-dir", "prompt_dirs", multiple=True, help="Folder of extra templates.")
def prompts_list(prompt_dirs: tuple[str, ...]) -> None:
    """Templates by name, with task, model family and where they come from."""
    from prompts import load_templates

    for name, template in sorted(load_templates(list(prompt_dirs)).items()):
        click.echo(f"{name:<22} {template.task:<10} {template.family:<8} {template.description}")


@prompts_group.command("show")
@click.argument("name")
@click.option("--prompt-dir", "prompt_dirs", multiple=True, help="Folder of extra templates.")
def prompts_show(name: str, prompt_dirs: tuple[str, ...]) -> None:
    """Print a template and the variables it uses."""
    from prompts import get_template

    template = get_template(name, list(prompt_dirs))
    click.echo(f"# {template.name} ({template.task}, {template.family}; {template.origin})")
    click.echo(f"# variables: {', '.join(sorted(template.variables()))}")
    if template.system:
        click.echo(f"[system]\n{template.system}\n")
    click.echo(f"[template]\n{template.template}")


@main.group("models", cls=_Group)
def models_group() -> None:
    """Download models and see which ones are available offline."""


@models_group.command("download")
@click.argument("names", nargs=-1)
def models_download(names: tuple[str, ...]) -> None:
    """Fetch models into the Hugging Face cache (default: the default models)."""
    from summarize import DEFAULT_SUMMARY_MODEL
    from engines import download
    from translate import default_translation_model

    for name in names or (default_translation_model("nl", "en"), DEFAULT_SUMMARY_MODEL):
        click.echo(f"{name}: {download(name)}")


@models_group.command("list")
def models_list() -> None:
    """The default models and whether each is in the local cache."""
    from huggingface_hub import try_to_load_from_cache

    from summarize import DEFAULT_INSTRUCTION_MODEL, DEFAULT_SUMMARY_MODEL
    from engines import hub_cache_dir
    from translate import default_translation_model

    click.echo(f"cache: {hub_cache_dir()}")
    for role, name in (("translation", default_translation_model("nl", "en")), ("summary", DEFAULT_SUMMARY_MODEL),
                       ("instruction", DEFAULT_INSTRUCTION_MODEL)):
        cached = isinstance(try_to_load_from_cache(name, "config.json"), str)
        click.echo(f"{role:<12} {name:<40} {'cached' if cached else 'not cached'}")


# -- eval ---------------------------------------------------------------------------------------

def report_options(unit: str) -> Callable:
    """--limit, --format and -o, shared by the eval commands."""
    return _options(
        click.option("--limit", type=click.IntRange(min=1), help=f"Only the first N {unit}."),
        click.option("--format", "report_format", type=click.Choice(["table", "json"]), default="table",
                     show_default=True),
        click.option("-o", "--output", help="Write the report here."),
    )


@main.group("eval", cls=_Group)
def eval_group() -> None:
    """Measure translation (BLEU, chrF) and summary (ROUGE) quality on your own data."""


def _seconds(seconds: float) -> float:
    """Three significant digits: a run of a few milliseconds is 0.00435 s, not 0.0."""
    return float(f"{seconds:.3g}")


def _report(result: dict[str, Any], fmt: str, rows: list[tuple[str, str, str]], footer: str,
            output: str | None) -> None:
    if fmt == "json":
        _emit(json.dumps(result, ensure_ascii=False, indent=2) + "\n", output)
        return
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'metric':<{width}}  {'score':>6}  signature"]
    lines += [f"{name:<{width}}  {score:>6}  {signature}" for name, score, signature in rows]
    _emit("\n".join(lines + [footer]) + "\n", output)


@eval_group.command("translation")
@click.option("--source", "source_file", required=True, help="Source text, one segment per line.")
@click.option("--reference", "reference_file", required=True, help="Reference translations, line-aligned.")
@click.option("--hypothesis", "hypothesis_file", help="Score this existing translation instead of translating.")
@click.option("--model", "translation_model", help="Translation model: hub id or directory.")
@click.option("--from", "source_language", help="Source language (default: nl).")
@click.option("--to", "target_language", help="Target language (default: en).")
@report_options("lines")
@translation_options
@common
@click.pass_context
def eval_translation(ctx: click.Context, **params: Any) -> None:
    """BLEU and chrF (sacrebleu) of a model, or of an existing translation, against references."""
    from .evaluation import read_lines, score_translations, timed, translate_lines
    from .pipeline import configured_translator

    _begin(ctx, params)
    _check_output(params.get("output"), tuple(filter(None, (params["source_file"], params["reference_file"],
                                                             params.get("hypothesis_file")))))
    config = _config(params)
    sources = read_lines(params["source_file"])[: params.get("limit")]
    references = read_lines(params["reference_file"])[: params.get("limit")]
    if len(sources) != len(references):
        raise InputError(f"{params['source_file']} has {len(sources)} lines but {params['reference_file']} "
                         f"has {len(references)}; they must be line-aligned")
    timing: dict[str, Any] = {}
    if params.get("hypothesis_file"):
        hypotheses = read_lines(params["hypothesis_file"])[: params.get("limit")]
        model = None
    else:
        translator = configured_translator(config)
        model = translator.name
        hypotheses, seconds = timed(lambda: translate_lines(sources, translator, config.source_language))
        words = sum(len(line.split()) for line in sources)
        timing = {"seconds": _seconds(seconds), "lines_per_second": round(len(sources) / seconds, 2),
                  "source_words_per_second": round(words / seconds, 1)}
    result = {**score_translations(hypotheses, references), "model": model, **timing}
    footer = f"{result['segments']} segments" + (f", model {model}" if model else ", existing hypothesis") + (
        f", {timing['seconds']} s, {timing['lines_per_second']} lines/s, "
        f"{timing['source_words_per_second']} source words/s" if timing else "")
    rows = [("BLEU", f"{result['bleu']['score']:.1f}", result["bleu"]["signature"]),
            ("chrF2", f"{result['chrf']['score']:.1f}", result["chrf"]["signature"])]
    _report(result, params["report_format"], rows, footer, params.get("output"))


@eval_group.command("summaries")
@click.option("--data", "data_file", required=True, help="JSON lines with articles and reference summaries.")
@click.option("--article-field", default="article", show_default=True, help="Field with the article text.")
@click.option("--reference-field", default="reference", show_default=True, help="Field with the reference.")
@click.option("--system-field", help="Score existing outputs held in this field (dots for nesting, e.g. "
              "systems.bart) instead of summarising.")
@click.option("--language", help="Language of the articles (default: the target language, so no "
              "translation is needed).")
@click.option("--model", "summary_model", help="Summary model: hub id or directory.")
@click.option("--translation-model", help="Translation model, when the articles need translating.")
@report_options("records")
@summary_options
@runtime_options
@common
@click.pass_context
def eval_summaries(ctx: click.Context, **params: Any) -> None:
    """ROUGE-1/2/Lsum (rouge-score) of a summariser, or of existing summaries, against references."""
    from .articles import Article
    from .evaluation import read_summary_data, score_summaries, timed
    from .pipeline import Pipeline, configured_summarizer

    _begin(ctx, params)
    _check_output(params.get("output"), (params["data_file"],))
    language = params.pop("language", None)
    config = _config(params, beams_for=("translation", "summary"))
    _check_prompts(config)
    data = read_summary_data(params["data_file"], params["article_field"], params["reference_field"],
                             params.get("system_field"), params.get("limit"))
    timing: dict[str, Any] = {}
    model = None
    if data.outputs is not None:
        outputs = data.outputs
    else:
        language = language or config.target_language
        if language == config.target_language:
            summarizer = configured_summarizer(config, language, config.target_language)
            model = summarizer.name
            summaries, seconds = timed(lambda: summarizer.summarize_many(data.articles, language))
            outputs = [summary.text for summary in summaries]
        else:
            config.source_language = language
            pipeline = Pipeline(config)
            model = pipeline.summary_model
            articles = [Article(path=f"{params['data_file']}#{i}", body=text) for i, text in enumerate(data.articles, 1)]
            records, seconds = timed(lambda: list(pipeline.run(articles)))
            outputs = [record["summary"] or "" for record in records]
        timing = {"seconds": _seconds(seconds), "articles_per_second": round(len(outputs) / seconds, 3)}
    result = {**score_summaries(outputs, data.references), "model": model, **timing}
    footer = (f"{result['summaries']} summaries, average {result['summary_words']} words "
              f"(references {result['reference_words']})" + (f", model {model}" if model else ", existing outputs")
              + (f", {timing['seconds']} s" if timing else ""))
    rows = [(name.upper().replace("ROUGELSUM", "ROUGE-Lsum").replace("ROUGE1", "ROUGE-1").replace("ROUGE2", "ROUGE-2"),
             f"{result[name]:.1f}", result["signature"]) for name in ("rouge1", "rouge2", "rougeLsum")]
    _report(result, params["report_format"], rows, footer, params.get("output"))
