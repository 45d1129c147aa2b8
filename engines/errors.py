"""Typed errors shared by the whole library; the CLI maps each family to an exit code."""


class NewsdigestError(Exception):
    """Base class: the message is meant for a user and should say what to do."""


class InputError(NewsdigestError):
    """An input (file, text, option value) cannot be used."""


class ModelError(NewsdigestError):
    """A model cannot be found, loaded or run."""


class ModelNotFoundError(ModelError):
    """The model is neither a local directory nor in the cache, and cannot be downloaded."""


class RemoteCodeRefusedError(ModelError):
    """The model needs custom code from its repository and the user did not allow it."""


class EngineUnavailable(ModelError):
    """This engine cannot run this model on this device here (a missing library, an unsupported
    architecture, a GPU it cannot use); `--engine auto` then tries the next engine."""
