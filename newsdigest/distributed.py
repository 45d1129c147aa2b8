"""The digest on a Ray cluster: the same stages as the local runner, run by Ray Data.

Inputs are read and parsed by Ray tasks, translation and summaries run in actor pools of their own
(each actor loads its model once), and the records come back to the caller in input order or are
written as JSON lines shards into a folder. A folder run resumes: articles whose record is already
there (same key: content, models, settings, version) are not worked on again. An article that fails
is a record with its error; a worker process that dies is restarted and its batch retried by Ray.

    pip install "newsdigest[ray]"
    >>> from newsdigest.distributed import digest_on_ray
    >>> result = digest_on_ray(["articles/"], config, output="digest-shards/")
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate.errors import InputError, NewsdigestError

from .articles import Article, Failure, fetches_pages, is_url, load_articles, parse_data, row_article, walk
from .config import PipelineConfig
from .records import Record, from_arrow, to_arrow
from .stages import ReadStage, Stage, SummaryStage, TranslationStage, finish, run_signature, stage_classes

if TYPE_CHECKING:
    import pyarrow
    import ray.data

# Articles per batch in each model stage, as in the local runner: translation batches span them.
BATCH_SIZE = 16
# Reading, dropping and writing tasks ask for no CPU (their number is capped instead), so they can
# always start however the model workers fill the nodes: Ray Data starts actors first, and tasks
# that need a CPU the actors hold wait for ever (ray-project/ray#44687).
IO_TASK_CPUS = 0
# Columns that travel beside a record: where it came from (to give records back in input order) and
# the engine each model stage ran it on (for the signature).
CARRIED = {"_input": "int64", "_item": "int64", "_translation": "string", "_summary": "string"}
SHARD_PREFIX = "digest-"


class RayUnavailable(NewsdigestError):
    """Ray is not installed."""


class ClusterTooSmall(InputError):
    """The requested workers cannot all start on the cluster; Ray Data would wait for ever."""


@dataclass
class Workers:
    """Actor pools: how many workers each model stage gets and what each one asks of the cluster."""

    translation: int = 1
    summary: int = 1
    gpus: float = 0.0  # per worker
    cpus: float | None = None  # per worker; default: up to 1, fitted to the cluster

    def validate(self) -> None:
        if self.translation < 1 or self.summary < 1:
            raise InputError("each model stage needs at least one worker")
        if self.gpus < 0 or (self.cpus is not None and self.cpus <= 0):
            raise InputError("CPUs per worker must be above 0 and GPUs per worker at least 0")


@dataclass
class RayDigest:
    """What a run did: the records (in input order) when no folder was given, else counts for the folder."""

    signature: dict[str, Any]
    records: list[dict[str, Any]] | None = None
    articles: int = 0  # inputs seen (articles and unreadable inputs)
    written: int = 0  # records produced by this run
    skipped: int = 0  # already in the output folder
    failed: int = 0  # records of this run that hold an error
    shards: list[str] = field(default_factory=list)


def require_ray() -> None:
    import importlib.util

    if importlib.util.find_spec("ray") is None or importlib.util.find_spec("pyarrow") is None:
        raise RayUnavailable("--ray needs Ray Data: install newsdigest's ray extra "
                             "(in its checkout: pip install -e '.[ray]')")


def connect(address: str | None = None, *, quiet: bool = False, progress: bool | None = None) -> None:
    """Join the cluster at `address` (else RAY_ADDRESS, else start a local one) unless already joined.

    `progress` True or False shows or hides Ray Data's progress bars and keeps its INFO logs off the
    terminal (what the CLI wants); None leaves Ray's settings alone. `quiet` also hides workers' logs.
    """
    require_ray()
    import logging

    import ray

    if not ray.is_initialized():
        ray.init(address=address, logging_level=logging.ERROR, log_to_driver=not quiet,
                 include_dashboard=False if address is None else None)
    if progress is not None:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = progress
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)


def plan_resources(workers: Workers, nodes: list[dict[str, float]]) -> tuple[float, float]:
    """(CPUs, GPUs) per model worker, such that every worker fits on a node of the cluster.

    Without a CPU count, each worker gets up to 1 CPU, less (a fraction) when that is what it takes
    for all of them to fit. A request that cannot fit is refused before the job starts: Ray would wait
    for ever for the missing room.
    """
    workers.validate()
    count = workers.translation + workers.summary
    gpus = workers.gpus

    def room(cpus: float) -> int:  # how many workers of this size the nodes hold
        places = 0
        for node in nodes:
            fit = math.floor(node.get("CPU", 0.0) / cpus + 1e-9)
            if gpus:
                fit = min(fit, math.floor(node.get("GPU", 0.0) / gpus + 1e-9))
            places += fit
        return places

    fitted = next((hundredths / 100 for hundredths in range(100, 0, -1) if room(hundredths / 100) >= count), None)
    if gpus and fitted is None:
        total = sum(node.get("GPU", 0.0) for node in nodes)
        raise ClusterTooSmall(f"{count} model workers at {gpus:g} GPU each need {gpus * count:g} GPUs; the cluster "
                              f"has {total:g}: use fewer workers or a smaller --gpus-per-worker")
    cpus = workers.cpus if workers.cpus is not None else fitted
    if cpus is None or room(cpus) < count:
        sizes = ", ".join(f"{node.get('CPU', 0.0):g}" for node in nodes)
        advice = f"--cpus-per-worker {fitted:g}" if fitted else "a bigger cluster"
        size = f"at {cpus:g} CPU each" if cpus else "(even at 0.01 CPU each)"
        raise ClusterTooSmall(f"{count} model workers {size} do not fit on the cluster's nodes (CPUs: {sizes}), "
                              f"so the job would wait for ever; use fewer workers or {advice}")
    return cpus, gpus


def _io_tasks(nodes: list[dict[str, float]]) -> dict[str, Any]:
    """map_batches arguments for a light task (reading, filtering): no CPU asked, as many at once as CPUs."""
    import ray

    size = max(1, int(sum(node.get("CPU", 0.0) for node in nodes)))
    return {"num_cpus": IO_TASK_CPUS, "compute": ray.data.TaskPoolStrategy(size=size)}


# -- reading --------------------------------------------------------------------------------------

def _is_uri(name: str) -> bool:
    return "://" in name


def source_rows(inputs: Sequence[str], config: PipelineConfig) -> list[dict[str, Any]]:
    """One row per file to read (folders walked as the local runner walks them), in input order.

    What needs the network or this terminal (web pages, feeds, files of URLs, standard input) is read
    here on the driver, as the local runner reads it, and travels parsed (`parsed`): the same inputs
    work with and without --ray, through the page cache and --offline, whatever the nodes can reach.
    """
    import fnmatch

    settings = config.input
    rows: list[dict[str, Any]] = []
    for name in inputs:
        if name == "-" or is_url(name):
            items = list(load_articles([name], settings, offline=config.offline, language=config.source_language))
            rows.append({"path": name, "error": None, "parsed": pickle.dumps(items)})
            continue
        if not _is_uri(name):
            entries = walk(Path(name), settings) if Path(name).is_dir() else [Path(name)]
            for entry in entries:
                if isinstance(entry, Failure):
                    rows.append({"path": entry.path, "error": entry.error})
                elif fetches_pages(entry):
                    items = list(load_articles([entry], settings, offline=config.offline,
                                               language=config.source_language))
                    rows.append({"path": str(entry), "error": None, "parsed": pickle.dumps(items)})
                else:
                    rows.append({"path": str(entry), "error": None})
            continue
        import pyarrow.fs as pafs

        try:
            filesystem, base = pafs.FileSystem.from_uri(name)
            if filesystem.get_file_info(base).type != pafs.FileType.Directory:
                rows.append({"path": name, "error": None})
                continue
            found = filesystem.get_file_info(pafs.FileSelector(base, recursive=True))
        except (OSError, ValueError) as error:
            raise InputError(f"{name}: cannot list ({error})") from error
        scheme = name.split("://", 1)[0]
        rows += [{"path": f"{scheme}://{info.path}", "error": None} for info in sorted(found, key=lambda i: i.path)
                 if info.type == pafs.FileType.File and not info.base_name.startswith(".")
                 and any(fnmatch.fnmatch(info.base_name.lower(), pattern) for pattern in settings.include)]
    for index, row in enumerate(rows):
        row.setdefault("parsed", None)
        row["_input"] = index
    return rows


def _read_bytes(name: str, limit: int) -> bytes:
    """A file's bytes, local or from object storage, never more than `limit` (input.max_input_size)."""
    from .textio import _too_large, read_bytes

    if not _is_uri(name):
        return read_bytes(name, limit)
    import pyarrow.fs as pafs

    filesystem, path = pafs.FileSystem.from_uri(name)
    with filesystem.open_input_stream(path) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def _file_articles(name: str, config: PipelineConfig) -> list[Article | Failure]:
    """What the local runner reads from this file (the same parsing), or a failure; never raises."""
    try:
        if not _is_uri(name):
            return list(load_articles([name], config.input, offline=config.offline,
                                      language=config.source_language))
        data = _read_bytes(name, config.input.max_input_size)
        return list(parse_data(data, name, config.input, offline=config.offline, language=config.source_language))
    except InputError as error:
        return [Failure(name, str(error))]
    except OSError as error:
        return [Failure(name, f"{name}: cannot read ({error})")]
    except Exception as error:  # whatever a hostile file does to a parser, the job goes on
        return [Failure(name, f"{name}: {type(error).__name__}: {error}")]


def _attach(records: list[Record], carried: dict[str, list[Any]]) -> pyarrow.Table:
    import pyarrow as pa

    table = to_arrow(records)
    for name, kind in CARRIED.items():
        table = table.append_column(name, pa.array(carried.get(name) or [None] * len(records), kind))
    return table


def _detach(batch: pyarrow.Table) -> tuple[list[Record], dict[str, list[Any]]]:
    return from_arrow(batch.drop_columns(list(CARRIED))), {name: batch[name].to_pylist() for name in CARRIED}


def read_files(batch: pyarrow.Table, config: PipelineConfig) -> pyarrow.Table:
    """Ray task: rows naming files -> keyed records (one per article), with their input order."""
    reader = ReadStage(config)
    records, inputs, items = [], [], []
    for row in batch.to_pylist():
        if row["error"]:
            found = [Failure(row["path"], row["error"])]
        elif row["parsed"] is not None:  # read on the driver
            found = pickle.loads(row["parsed"])
        else:
            found = _file_articles(row["path"], config)
        for number, article in enumerate(found):
            records.append(article)
            inputs.append(row["_input"])
            items.append(number)
    return _attach(reader(records), {"_input": inputs, "_item": items})


def read_rows(batch: pyarrow.Table, config: PipelineConfig) -> pyarrow.Table:
    """Ray task: rows of a user's Dataset (article fields, as in JSON inputs) -> keyed records.

    A row is named by its `path` or `id` column, else by a hash of its content.
    """
    reader = ReadStage(config)
    articles = []
    for row in batch.to_pylist():
        name = row.get("path") or row.get("id")
        if name is None:
            digest = hashlib.sha256(repr(sorted(row.items(), key=lambda item: item[0])).encode("utf-8", "replace"))
            name = f"row-{digest.hexdigest()[:16]}"
        articles.append(row_article(row, str(name), config.input, language=config.source_language))
    return _attach(reader(articles), {"_input": [0] * len(articles), "_item": [0] * len(articles)})


def drop_keys(batch: pyarrow.Table, keys: frozenset[str]) -> pyarrow.Table:
    """Ray task: leave out records whose key is in `keys` (already in the output folder)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return batch.filter(pc.invert(pc.is_in(batch["key"], value_set=pa.array(sorted(keys), pa.string()))))


# -- model stages in actors --------------------------------------------------------------------------

class StageWorker:
    """A model stage in a Ray actor: Arrow batches in and out; the stage (its model) loads once per actor.

    `worker_class` makes one subclass per run that carries the config, so an actor has no constructor
    arguments in the object store to lose when Ray restarts it (ray-project/ray#53727).
    """

    stage_class: type[Stage]
    config: PipelineConfig
    last: bool  # the run's last model stage: it also drops what the output does not include

    def __init__(self) -> None:
        self.stage: Stage | None = None
        self.error: NewsdigestError | None = None
        try:
            self.stage = self.stage_class(self.config)
        except NewsdigestError as error:  # a missing model: end the job with this message, not a restart loop
            self.error = error

    def __call__(self, batch: pyarrow.Table) -> pyarrow.Table:
        if self.stage is None:
            raise self.error
        records, carried = _detach(batch)
        records = self.stage(records)
        if self.last:
            records = [finish(record, self.config) for record in records]
        model = self.stage.translator if isinstance(self.stage, TranslationStage) else self.stage.summarizer
        carried["_translation" if isinstance(self.stage, TranslationStage) else "_summary"] = \
            [getattr(model, "engine", None)] * len(records)
        return _attach(records, carried)


def worker_class(stage_class: type[Stage], config: PipelineConfig, last: bool) -> type[StageWorker]:
    name = {TranslationStage: "TranslationWorker", SummaryStage: "SummaryWorker"}[stage_class]
    return type(name, (StageWorker,), {"stage_class": stage_class, "config": config, "last": last})


# -- output folder ----------------------------------------------------------------------------------

def _filesystem(folder: str) -> tuple[Any, str]:
    import pyarrow.fs as pafs

    if _is_uri(folder):
        return pafs.FileSystem.from_uri(folder)
    return pafs.LocalFileSystem(), str(Path(folder).resolve())


def shard_keys(folder: str) -> list[tuple[str, str, bool]]:
    """(shard, key, failed) for each record already in an output folder (none if there is no folder)."""
    import pyarrow as pa
    import pyarrow.fs as pafs
    import pyarrow.json as pajson

    filesystem, base = _filesystem(folder)
    found = filesystem.get_file_info(pafs.FileSelector(base, allow_not_found=True))
    options = pajson.ParseOptions(explicit_schema=pa.schema([("key", pa.string()), ("error", pa.string())]),
                                  unexpected_field_behavior="ignore")
    keys: list[tuple[str, str, bool]] = []
    for info in found:
        if info.type != pafs.FileType.File or not info.base_name.startswith(SHARD_PREFIX) \
                or not info.base_name.endswith(".jsonl"):
            continue
        with filesystem.open_input_stream(info.path) as stream:
            table = pajson.read_json(stream, parse_options=options)
        keys += [(info.base_name, key, error is not None)
                 for key, error in zip(table["key"].to_pylist(), table["error"].to_pylist()) if key]
    return keys


def done_keys(folder: str) -> set[str]:
    """Keys of the articles that went through, already in an output folder's shards."""
    return {key for _, key, failed in shard_keys(folder) if not failed}


def drop_failures(folder: str, keys: set[str], keep: set[str]) -> None:
    """Take the failure records of `keys` out of the folder's shards, except the shards in `keep` (this
    run's): a retried article's new record replaces its old failure. Each shard is rewritten whole
    (temporary name, then rename); one left with no record is removed."""
    import json

    filesystem, base = _filesystem(folder)
    for shard in sorted({shard for shard, key, failed in shard_keys(folder)
                         if failed and key in keys and shard not in keep}):
        with filesystem.open_input_stream(f"{base}/{shard}") as stream:
            lines = stream.read().decode("utf-8", "surrogatepass").splitlines(keepends=True)
        kept = [line for line in lines if line.strip() and not _superseded(json.loads(line), keys)]
        if not kept:
            filesystem.delete_file(f"{base}/{shard}")
            continue
        temporary = f"{base}/.{shard}.part"
        with filesystem.open_output_stream(temporary) as stream:
            stream.write("".join(kept).encode("utf-8", "surrogatepass"))
        filesystem.move(temporary, f"{base}/{shard}")


def _superseded(record: dict[str, Any], keys: set[str]) -> bool:
    return record.get("error") is not None and record.get("key") in keys


def _shard_sink(folder: str, config: PipelineConfig) -> Any:
    from ray.data.block import BlockAccessor
    from ray.data.datasource import Datasink

    class JsonlShards(Datasink):
        """One JSON lines file per write task, named by the keys it holds and written atomically
        (temporary name, then rename): a retried task rewrites the same file, a reader never sees half
        of one. Each line carries the signature, with the engines that made that shard's records."""

        def __init__(self) -> None:
            self.results: list[dict[str, Any]] = []

        def on_write_start(self, schema: Any = None) -> None:
            filesystem, base = _filesystem(folder)
            filesystem.create_dir(base, recursive=True)

        def write(self, blocks: Any, ctx: Any) -> dict[str, Any]:
            from .render import render_jsonl

            records, carried = [], []
            for block in blocks:
                block_records, columns = _detach(BlockAccessor.for_block(block).to_arrow())
                records += block_records
                carried.append(columns)
            if not records:
                return {"records": 0, "failed": 0, "shard": None, "engines": {}}
            keys = "\n".join(sorted(record.key or record.path for record in records))
            name = f"{SHARD_PREFIX}{hashlib.sha256(keys.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}.jsonl"
            engines = _engines(carried)
            text = render_jsonl([record.to_dict() for record in records], run_signature(config, engines))
            filesystem, base = _filesystem(folder)
            temporary = f"{base}/.{name}.part"
            with filesystem.open_output_stream(temporary) as stream:
                stream.write(text.encode("utf-8", "surrogatepass"))
            filesystem.move(temporary, f"{base}/{name}")
            return {"records": len(records), "failed": sum(1 for r in records if r.error), "shard": name,
                    "engines": {f"_{role}": [engine] for role, engine in engines.items()}}

        def on_write_complete(self, write_result: Any) -> None:
            self.results = [result for result in write_result.write_returns if result and result["shard"]]

    return JsonlShards()


# -- the job ------------------------------------------------------------------------------------------

def digest_on_ray(inputs: ray.data.Dataset | Sequence[str], config: PipelineConfig | None = None, *,
                  output: str | None = None, workers: Workers | None = None,
                  address: str | None = None) -> RayDigest:
    """Digest `inputs` on a Ray cluster with the local runner's stages.

    `inputs` are files, folders and object storage URIs (s3://, gs://, file://), read like the local
    runner reads them plus Parquet, or a `ray.data.Dataset` whose rows hold article fields (`body`,
    `title`, `date`, `url`, `source`, named as in [input]; `path` or `id` names a row). With `output`
    (a folder or URI), records are written there as JSON lines shards and articles already there are
    skipped; without it, the records come back in input order (a Dataset's rows in Ray's order).
    Joins the cluster at `address` (else RAY_ADDRESS, else starts a local one) if Ray is not running.
    """
    require_ray()
    config = config or PipelineConfig()
    config.validate()
    connect(address)
    try:
        return _digest(inputs, config, output, workers or Workers())
    except Exception as error:  # Ray wraps what a worker raised: a missing model is reported as itself
        cause = _newsdigest_error(error)
        if cause is None or cause is error:
            raise
        if cause.args and isinstance(cause.args[0], str):  # Ray Data appends its retry advice to the message
            cause.args = (cause.args[0].split("\nFailed to apply UDF", 1)[0], *cause.args[1:])
        raise cause from error


def _newsdigest_error(error: BaseException | None) -> NewsdigestError | None:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, NewsdigestError) and not type(error).__module__.startswith("ray"):
            return error
        error = getattr(error, "cause", None) or error.__cause__
    return None


def _digest(inputs: ray.data.Dataset | Sequence[str], config: PipelineConfig, output: str | None,
            workers: Workers) -> RayDigest:
    import ray

    nodes = [node["Resources"] for node in ray.nodes() if node["Alive"]]
    cpus, gpus = plan_resources(workers, nodes)
    light = _io_tasks(nodes)
    if isinstance(inputs, ray.data.Dataset):
        parsed = inputs.map_batches(read_rows, fn_kwargs={"config": config}, batch_format="pyarrow", **light)
    else:
        rows = source_rows(list(inputs), config)
        if not rows:
            raise InputError(f"no articles found in {', '.join(inputs)}")
        sources = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 64)))
        # our own dataset: a worker's error (a missing model) reaches the caller as itself, not wrapped
        sources.context.raise_original_map_exception = True
        parsed = sources.map_batches(read_files, fn_kwargs={"config": config}, batch_format="pyarrow",
                                     batch_size=1, **light)
    parsed = parsed.materialize()
    seen = _columns(parsed, ["key", "error"])
    result = RayDigest(signature=run_signature(config), articles=len(seen["key"]))
    # Articles already in the folder are skipped; a failed one is retried (as the local cache does),
    # unless it fails again at reading, where a retry gives the same record.
    there = shard_keys(output) if output else []
    failed_reading = {key for key, error in zip(seen["key"], seen["error"]) if error is not None}
    skip = {key for _, key, failed in there if not failed or key in failed_reading} & set(seen["key"])
    result.skipped = sum(1 for key in seen["key"] if key in skip)
    if skip:
        parsed = parsed.map_batches(drop_keys, fn_kwargs={"keys": frozenset(skip)}, batch_format="pyarrow",
                                    **light)
    work = sum(1 for key, error in zip(seen["key"], seen["error"]) if error is None and key not in skip)

    records = parsed
    if work:
        classes = stage_classes(config)
        on_worker = _within(config, cpus)
        for number, stage_class in enumerate(classes):
            size = workers.translation if stage_class is TranslationStage else workers.summary
            records = records.map_batches(
                worker_class(stage_class, on_worker, last=number == len(classes) - 1), batch_size=BATCH_SIZE,
                batch_format="pyarrow", num_cpus=cpus, num_gpus=gpus or None,
                compute=ray.data.ActorPoolStrategy(size=size))
    else:  # nothing for a model to do: failures and skipped articles only, so no worker starts
        records = records.map_batches(_finish_only, fn_kwargs={"config": config}, batch_format="pyarrow", **light)

    if output:
        sink = _shard_sink(output, config)
        if result.articles - result.skipped:
            records.write_datasink(sink, ray_remote_args={"num_cpus": IO_TASK_CPUS},
                                   concurrency=light["compute"].size)
        result.written = sum(shard["records"] for shard in sink.results)
        result.failed = sum(shard["failed"] for shard in sink.results)
        result.shards = sorted(shard["shard"] for shard in sink.results)
        redone = (set(seen["key"]) - skip) | {key for _, key, failed in there if not failed}
        drop_failures(output, redone, set(result.shards))
        result.signature = run_signature(config, _engines([shard["engines"] for shard in sink.results]))
        return result
    ordered: list[tuple[int, int, Record]] = []
    engines = []
    for batch in records.iter_batches(batch_format="pyarrow", batch_size=None):
        batch_records, carried = _detach(batch)
        ordered += zip(carried["_input"], carried["_item"], batch_records)
        engines.append(carried)
    ordered.sort(key=lambda item: item[:2])
    result.records = [record.to_dict() for _, _, record in ordered]
    result.written = len(result.records)
    result.failed = sum(1 for record in result.records if record["error"])
    result.signature = run_signature(config, _engines(engines))
    return result


def _engines(carried: list[dict[str, list[Any]]]) -> dict[str, str]:
    """The engine each model ran on, from the columns the workers filled ("a / b" where nodes differed)."""
    found: dict[str, set[str]] = {"translation": set(), "summary": set()}
    for columns in carried:
        for role in found:
            found[role].update(engine for engine in columns.get(f"_{role}") or [] if engine)
    return {role: " / ".join(sorted(names)) for role, names in found.items() if names}


def _within(config: PipelineConfig, cpus: float) -> PipelineConfig:
    """The config a worker loads its model with: as many CPU threads as CPUs Ray gave it (engines default to
    all of the node's cores, which N workers on one node would share N times over), unless set. Record keys
    come from the run's own config, so they match the local runner's."""
    if config.runtime.threads:
        return config
    return dataclasses.replace(config, runtime=dataclasses.replace(config.runtime, threads=max(1, math.floor(cpus))))


def _finish_only(batch: pyarrow.Table, config: PipelineConfig) -> pyarrow.Table:
    records, carried = _detach(batch)
    return _attach([finish(record, config) for record in records], carried)


def _columns(dataset: ray.data.Dataset, names: list[str]) -> dict[str, list[Any]]:
    values: dict[str, list[Any]] = {name: [] for name in names}
    for batch in dataset.select_columns(names).iter_batches(batch_format="pyarrow", batch_size=None):
        for name in names:
            values[name] += batch[name].to_pylist()
    return values


__all__ = ["ClusterTooSmall", "RayDigest", "RayUnavailable", "Workers", "connect", "digest_on_ray", "done_keys",
           "drop_failures", "plan_resources", "shard_keys"]
