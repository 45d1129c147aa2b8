"""The library's typed errors, defined once in the engine layer and re-exported here."""

from engines.errors import InputError, ModelError, ModelNotFoundError, NewsdigestError, RemoteCodeRefusedError

__all__ = ["InputError", "ModelError", "ModelNotFoundError", "NewsdigestError", "RemoteCodeRefusedError"]
