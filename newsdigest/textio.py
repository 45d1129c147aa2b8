"""Read text files whatever their encoding, and write outputs atomically."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from translate.errors import InputError

log = logging.getLogger("newsdigest")

_BINARY_MARKERS = (b"\x00", b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8")


def decode(data: bytes, name: str) -> str:
    """UTF-8 first; otherwise the encoding charset-normalizer detects, with a warning."""
    if data.startswith(_BINARY_MARKERS[1:]) or b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: not valid UTF-8 (byte {error.start}) and no other encoding fits") from error
        log.warning("%s: not UTF-8, read as %s", name, best.encoding)
        return str(best)


def read_text(path: str | Path) -> str:
    """The text of a file, or of standard input for '-'."""
    name = str(path)
    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"{name}: no such file") from error
    except IsADirectoryError as error:
        raise InputError(f"{name}: is a directory") from error
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from error
    return decode(data, name)


def write_atomic(path: str | Path, text: str) -> None:
    """Write via a temporary file in the same directory and rename: never a half-written file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
