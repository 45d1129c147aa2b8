"""What produced an output: package version, models and settings, so it can be reproduced."""

from __future__ import annotations

import datetime as dt
from importlib import metadata
from typing import Any


def package_version() -> str:
    try:
        return metadata.version("newsdigest")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def make_signature(models: dict[str, str | None], settings: dict[str, Any]) -> dict[str, Any]:
    return {
        "newsdigest": package_version(),
        "models": models,
        "settings": settings,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def signature_line(signature: dict[str, Any]) -> str:
    """One human-readable line, e.g. for a digest header."""
    models = ", ".join(f"{role}: {name}" for role, name in signature["models"].items() if name)
    settings = ", ".join(f"{key}={value}" for key, value in signature["settings"].items() if value is not None)
    return f"newsdigest {signature['newsdigest']} | {models} | {settings}"
