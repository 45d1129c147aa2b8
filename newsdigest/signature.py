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
    """One readable line for a digest header: version, models, then every setting as key=value.

    Nested settings are grouped under their table name (`summary: length=medium, style=bullets`),
    the way they are written in newsdigest.toml; unset values are left out.
    """
    models = ", ".join(f"{role} {name}" for role, name in signature["models"].items() if name)
    scalars = [f"{key}={_value(value)}" for key, value in signature["settings"].items()
               if not isinstance(value, dict) and _value(value)]
    tables = [f"{key}: " + ", ".join(f"{name}={_value(item)}" for name, item in value.items() if _value(item))
              for key, value in signature["settings"].items()
              if isinstance(value, dict) and any(_value(item) for item in value.values())]  # no empty groups
    settings = "; ".join([", ".join(scalars)] * bool(scalars) + tables)
    return f"newsdigest {signature['newsdigest']} · models: {models or 'none'} · settings: {settings}"


def _value(value: Any) -> str:
    """A setting as it is written in the config file; '' for an unset one."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return " ".join(_value(item) for item in value)
    return str(value)
