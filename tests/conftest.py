"""Session fixtures: tiny models built offline from a SentencePiece model trained on examples/."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no test may touch the network
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

EXTRA_SENTENCES = [
    "The municipality is investigating two options.", "The minister spoke in The Hague on Tuesday.",
    "Travellers are largely satisfied with the bicycle parking.", "The dike must be reinforced.",
    "Libraries will stay open longer at the weekend.", "Dit is een zin.", "Dat is nieuws.",
]


def _training_sentences() -> list[str]:
    from newsdigest.articles import Article, load_articles
    from translate import split_sentences

    sentences = list(EXTRA_SENTENCES)
    for item in load_articles([EXAMPLES]):
        if isinstance(item, Article):
            sentences += split_sentences(item.body) + ([item.title] if item.title else [])
    return sentences


@pytest.fixture(scope="session")
def spm_model(tmp_path_factory) -> Path:
    """A SentencePiece model trained on the example articles."""
    import modelkit

    return modelkit.train_sentencepiece(_training_sentences(), tmp_path_factory.mktemp("spm") / "spm", vocab_size=400)


@pytest.fixture(scope="session")
def models(tmp_path_factory, spm_model) -> dict[str, Path]:
    """Paths of tiny random-weight models: marian, t5, bart, causal. Output is meaningless text."""
    import modelkit

    folder = tmp_path_factory.mktemp("models")
    spm = spm_model
    return {
        "marian": modelkit.build_marian(folder / "marian", spm, max_positions=64),
        "t5": modelkit.build_t5(folder / "t5", spm, max_positions=64),
        "bart": modelkit.build_bart(folder / "bart", spm, max_positions=64),
        "causal": modelkit.build_causal(folder / "causal", spm, max_positions=1024),
    }


@pytest.fixture(scope="session")
def copy_model(tmp_path_factory, spm_model) -> Path:
    """A small Marian trained to copy its input (about 20 s of CPU): its output depends on its input."""
    import modelkit

    return modelkit.train_copy_marian(tmp_path_factory.mktemp("copy") / "copy-marian", spm_model)


@pytest.fixture
def no_network(monkeypatch):
    """Fail any attempt to open a network connection (local files and UNIX sockets still work)."""
    original = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"network connection attempted to {address}")
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(
        AssertionError(f"network connection attempted to {a[0] if a else k}")))


@pytest.fixture
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not present (only CI and developers have it)")
    return SHARED_EVAL


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, tmp_path_factory, monkeypatch):
    """Each test gets its own result cache and no stray config file or NEWSDIGEST_* variables.

    Converted CTranslate2 models go to one folder for the session (never the user's cache), so each
    tiny model is converted once.
    """
    for name in list(os.environ):
        if name.startswith("NEWSDIGEST_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSDIGEST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NEWSDIGEST_CT2_DIR", str(tmp_path_factory.getbasetemp() / "ct2"))


@pytest.fixture(autouse=True)
def _library_logging():
    """CLI runs point the 'newsdigest' logger at stderr; give each test the plain library logger back."""
    import logging

    logger = logging.getLogger("newsdigest")
    logger.handlers[:] = []
    logger.propagate = True
    logger.setLevel(logging.NOTSET)
    yield


@pytest.fixture
def spy(monkeypatch):
    """spy(owner, "name") wraps owner.name for the test: each call's first argument is recorded
    (a copy, if it is a list) in the list returned, and the call goes through to the original."""

    def wrap(owner, name):
        calls = []
        original = getattr(owner, name)

        def recording(*args, **kwargs):
            first = args[0] if args else None
            calls.append(list(first) if isinstance(first, list) else first)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, recording)
        return calls

    return wrap


@pytest.fixture
def fake_models(monkeypatch):
    """The CLI's pipeline runs on fakes (an identity translator, a first-words summariser): no model
    loads, so a test of orchestration (formats, cache, failures, outputs) takes milliseconds."""
    import newsdigest.pipeline
    from tests_helpers import fake_pipeline_class

    monkeypatch.setattr(newsdigest.pipeline, "Pipeline", fake_pipeline_class())
