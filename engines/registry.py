"""The engines newsdigest can run models on, and how `--engine auto` picks one.

Each engine is a module with `load(info, device, precision, runtime) -> Backend` and the devices it
runs on. `auto` tries engines fastest first (as measured by benchmarks/bench.py) on the best device,
and falls back with one line saying why. Adding an engine (ONNX Runtime, vLLM, ...) is one module and
one `register()` call; the command line takes its choices from here.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from .backend import Backend
from .errors import EngineUnavailable, InputError
from .models import ModelRef
from .settings import RuntimeSettings

log = logging.getLogger("newsdigest")


@dataclass(frozen=True)
class Engine:
    name: str
    module: str  # imported only when the engine is used
    requires: str  # the package it needs
    devices: tuple[str, ...]
    description: str

    def installed(self) -> bool:
        if self.requires in sys.modules:  # imported already, or blocked (None)
            return sys.modules[self.requires] is not None
        return importlib.util.find_spec(self.requires) is not None

    def load(self, ref: ModelRef, device: str, runtime: RuntimeSettings) -> Backend:
        if not self.installed():
            raise EngineUnavailable(f"the {self.name} engine needs the '{self.requires}' package")
        if device not in ("auto", *self.devices):
            raise EngineUnavailable(f"the {self.name} engine does not run on {device}")
        return importlib.import_module(self.module).load(ref.info(), device, runtime.precision, runtime)


ENGINES: dict[str, Engine] = {}


def register(engine: Engine) -> None:
    """Add an engine; the order of registration is the order `auto` tries them in."""
    ENGINES[engine.name] = engine


register(Engine("ct2", "engines.ct2_engine", "ctranslate2", ("cpu", "cuda"),
                "CTranslate2: converted once and cached; int8 by default"))
register(Engine("torch", "engines.torch_engine", "torch", ("cpu", "cuda", "mps"),
                "PyTorch generate(): every Hugging Face seq2seq or decoder-only model"))


def engine_names() -> tuple[str, ...]:
    return ("auto", *ENGINES)


def _plan(runtime: RuntimeSettings) -> list[tuple[Engine, str]]:
    """(engine, device) pairs to try, best first."""
    if runtime.engine != "auto" and runtime.engine not in ENGINES:
        raise InputError(f"unknown engine '{runtime.engine}': use one of {', '.join(engine_names())}")
    engines = [ENGINES[runtime.engine]] if runtime.engine != "auto" else list(ENGINES.values())
    if runtime.device != "auto":  # auto leaves out engines that never run there; a named engine is tried
        return [(engine, runtime.device) for engine in engines
                if runtime.engine != "auto" or runtime.device in engine.devices]
    order = (["cuda"] if _cuda_available() else []) + ["cpu"]
    return [(engine, device) for device in order for engine in engines if device in engine.devices]


def _cuda_available() -> bool:
    """Whether a CUDA GPU is there, for `--device auto`; a GPU is preferred over any engine on the CPU.

    CTranslate2 answers without importing torch. Where it sees none (not installed, a CPU-only build,
    a driver too old for its CUDA runtime) but the machine has an NVIDIA device (on Linux), torch is
    asked: it may still run there. Apple GPUs (mps) are only used when asked for (`--device mps`).
    """
    from .ct2_engine import cuda_devices

    if ENGINES["ct2"].installed() and cuda_devices() > 0:
        return True
    return (not ENGINES["ct2"].installed() or _nvidia_device()) and _torch_cuda()


def _nvidia_device() -> bool:
    """An NVIDIA GPU's device file (Linux); elsewhere CTranslate2's answer stands."""
    return any(Path("/dev").glob("nvidia[0-9]*"))


def _torch_cuda() -> bool:
    if not ENGINES["torch"].installed():
        return False
    import torch

    return torch.cuda.is_available()


def load_backend(ref: ModelRef, runtime: RuntimeSettings, role: str = "model") -> Backend:
    """Load `ref` on the engine and device the runtime settings ask for (or the best that works)."""
    runtime.validate()
    ref.info()  # a missing model or refused remote code is reported as such, not as an engine problem
    reasons: list[str] = []
    for engine, device in _plan(runtime):
        try:
            backend = engine.load(ref, device, runtime)
        except EngineUnavailable as error:
            reasons.append(f"{engine.name} on {device}: {error}")
            continue
        if reasons:
            log.warning("%s '%s' runs on %s (%s)", role, ref.name, backend.describe(), "; ".join(reasons))
        else:
            log.info("%s '%s' runs on %s", role, ref.name, backend.describe())
        return backend
    hints = [hint for chosen, hint in ((runtime.engine, "--engine auto"), (runtime.device, "--device cpu"))
             if chosen != "auto"]
    raise EngineUnavailable(f"{role} '{ref.name}' cannot run here: {'; '.join(reasons) or 'no engine for this device'}"
                            + (f"; try {' or '.join(hints)}" if hints else ""))
