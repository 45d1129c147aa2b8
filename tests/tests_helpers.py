"""What the test files share: paths, one way to run the CLI, and fake models for orchestration tests."""

from __future__ import annotations

import time
from pathlib import Path

from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LAYOUTS = ROOT / "tests" / "data" / "layouts"


def only(items):
    """The one article in `items` (a reader's output), which must be an Article."""
    from newsdigest import Article

    [item] = list(items)
    assert isinstance(item, Article), item
    return item

# per command, the options that run it on the tiny models, each output capped at a few tokens
_MODEL_OPTIONS = {
    "translate": lambda models, summary: ["--model", models["marian"]],
    "summarize": lambda models, summary: ["--model", models[summary], "--translation-model", models["marian"]],
    "digest": lambda models, summary: ["--translation-model", models["marian"], "--summary-model", models[summary]],
}


def invoke(*args: object, input: str | bytes | None = None) -> Result:
    """`newsdigest ARGS` in Click's runner; stdout and stderr are kept apart."""
    from newsdigest.cli import main

    return CliRunner().invoke(main, [str(arg) for arg in args], input=input, prog_name="newsdigest")


def invoke_tiny(models: dict[str, Path], command: str, *args: object, summary: str = "bart",
                input: str | bytes | None = None) -> Result:
    """`newsdigest COMMAND ARGS` on the tiny random models (meaningless text, real mechanics)."""
    return invoke(command, *_MODEL_OPTIONS[command](models, summary), "--max-new-tokens", "4", *args, input=input)


class Identity:
    """A translator that returns its input: anything lost or duplicated shows in the output."""

    name = "identity"

    def translate_batch(self, sentences: list[str]) -> list[str]:
        return list(sentences)


class FirstWords:
    """A summariser 'model' that keeps the first words of each text: exercises the real map-reduce.

    `delay` seconds per text make a run slow enough to interrupt.
    """

    name = "first-words"
    max_input_tokens = 512
    max_output_tokens = 512
    overhead = 2
    output_reserve = 0

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(text.split()) for text in texts]

    def generate(self, texts: list[str], min_new: int, max_new: int, **_: object) -> list[str]:
        time.sleep(self.delay * len(texts))
        return [" ".join(text.split()[: min(12, max_new)]).rstrip(".") + "." for text in texts]


def _fakes(config, delay: float, options: dict) -> dict:
    from summarize import Summarizer

    options.setdefault("translator", Identity())
    options.setdefault("summarizer", Summarizer(FirstWords(delay), config.summary))
    return options


def fake_pipeline(config=None, *, delay: float = 0.0, **options):
    """A Pipeline on the fakes above: the real orchestration, caching and records, no model."""
    from newsdigest import Pipeline, PipelineConfig

    config = config or PipelineConfig()
    return Pipeline(config, **_fakes(config, delay, options))


def fake_pipeline_class(delay: float = 0.0) -> type:
    """A Pipeline subclass whose instances run on the fakes unless given other models."""
    from newsdigest.config import PipelineConfig
    from newsdigest.pipeline import Pipeline

    class FakePipeline(Pipeline):
        def __init__(self, config=None, **options):
            config = config or PipelineConfig()
            super().__init__(config, **_fakes(config, delay, options))

    return FakePipeline


def holding_pipeline_class(after: int, marker: Path, seconds: float = 60.0) -> type:
    """A Pipeline subclass whose runs hold for `seconds` once `after` articles are finished (cached and
    counted), after creating the file `marker`: an interruption then certainly lands mid-run."""
    from newsdigest.pipeline import Pipeline

    class HoldingPipeline(Pipeline):
        def run(self, items):
            for count, record in enumerate(super().run(items), 1):
                yield record
                if count == after:
                    marker.touch()
                    time.sleep(seconds)

    return HoldingPipeline


def _run_cli_with(pipeline_class: type) -> None:
    """The program, on `pipeline_class`. Ctrl-C (SIGINT) interrupts it as at a terminal even where this
    process inherited SIGINT ignored: a shell without job control starts background jobs so, Python keeps
    it so, and so a test suite started that way would see runs that SIGINT cannot interrupt."""
    import signal

    import newsdigest.pipeline
    from newsdigest.cli import run

    signal.signal(signal.SIGINT, signal.default_int_handler)
    newsdigest.pipeline.Pipeline = pipeline_class
    run()


def run_cli_on_fakes() -> None:
    """For a subprocess: `python -c 'import tests_helpers; tests_helpers.run_cli_on_fakes()' ARGS`.

    FAKE_DELAY (seconds per summarised text) makes the run slow enough to interrupt.
    """
    import os

    _run_cli_with(fake_pipeline_class(float(os.environ.get("FAKE_DELAY", "0"))))


def run_cli_holding_a_shard() -> None:
    """For a subprocess: `python -c 'import tests_helpers; tests_helpers.run_cli_holding_a_shard()' ARGS`, the
    real program with --ray, whose first shard write holds for a minute once its shard is in the folder,
    after creating the file HOLD_FILE. The job cannot end while that write task holds, so a test that waits
    for the file and then interrupts does not race the run: with tiny models the other shards take a second
    or two, and a test process that got to its signal later than that sent it to a finished run. The sink's
    class is made inside newsdigest.distributed._shard_sink, so Ray pickles it, and the held `write` with it,
    by value: the write tasks in Ray's worker processes hold too."""
    import os

    import newsdigest.distributed as distributed
    from newsdigest.pipeline import Pipeline

    marker, make_sink = Path(os.environ["HOLD_FILE"]), distributed._shard_sink

    def holding_sink(folder, config):
        sink = make_sink(folder, config)
        write = type(sink).write

        def held(self, blocks, ctx):
            result = write(self, blocks, ctx)
            if result["shard"] and not marker.exists():
                marker.touch()
                time.sleep(60)
            return result

        type(sink).write = held
        return sink

    distributed._shard_sink = holding_sink
    _run_cli_with(Pipeline)


def run_cli_holding() -> None:
    """For a subprocess: `python -c 'import tests_helpers; tests_helpers.run_cli_holding()' ARGS`, the
    real program on its real pipeline, which holds once HOLD_AFTER articles are finished and creates the
    file HOLD_FILE then (holding_pipeline_class). A test that waits for that file and then interrupts
    does not race the run: with tiny models the rest of a run takes a tenth of a second, and a test
    process that gets to its signal later than that (a busy machine, a pause of its own) sent it to a
    run that had finished its work."""
    import os

    _run_cli_with(holding_pipeline_class(int(os.environ["HOLD_AFTER"]), Path(os.environ["HOLD_FILE"])))
