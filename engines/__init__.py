"""The engine layer: find and load models, run them on the best engine and device, in batches.

`translate/` and `summarize/` build on this; neither knows which engine runs their model.

>>> from engines import ModelRef, RuntimeSettings, load_backend
>>> backend = load_backend(ModelRef("Helsinki-NLP/opus-mt-nl-en"), RuntimeSettings())
>>> backend.describe()
'ct2 on cpu (int8)'
"""

from .backend import Backend, Progress, relative_cap
from .batching import plan_batches, token_counts
from .errors import (EngineUnavailable, InputError, ModelError, ModelNotFoundError, NewsdigestError,
                     RemoteCodeRefusedError)
from .models import ModelInfo, ModelRef, download, hub_cache_dir, offline_requested
from .registry import ENGINES, Engine, engine_names, load_backend, register
from .settings import DEVICES, PRECISIONS, Decoding, GenerationParams, RuntimeSettings

__all__ = [
    "Backend", "DEVICES", "Decoding", "ENGINES", "Engine", "EngineUnavailable", "GenerationParams", "InputError",
    "ModelError", "ModelInfo", "ModelNotFoundError", "ModelRef", "NewsdigestError", "PRECISIONS", "Progress",
    "RemoteCodeRefusedError", "RuntimeSettings", "download", "engine_names", "hub_cache_dir", "load_backend",
    "offline_requested", "plan_batches", "register", "relative_cap", "token_counts",
]
