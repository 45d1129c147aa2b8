"""Where outputs go: never onto an input, never where the next run would read them back, and
written whole (temporary file + rename) with the permissions any new file of the user gets."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from translate.errors import NewsdigestError


class OutputConflict(NewsdigestError):
    """The output would destroy an input or be read back as one (a usage error)."""


class OutputError(NewsdigestError):
    """The output cannot be written."""


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket: written to directly, never replaced by a file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)  # also sees hard links and symlinks
    except OSError:
        return _real(first) == _real(second)


def names_folder(output: str) -> bool:
    """`output` is a folder: one that exists, or a name ending in a slash (a folder to create)."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def check_output(output: str, inputs: Iterable[str], *, folder: bool = False) -> None:
    """Refuse an output that is an input file or lies inside an input folder.

    With `folder` (one file per article), the output folder may also not hold an input file, since
    a name made from a title could replace it.
    """
    target = Path(output)
    if folder and target.exists() and not target.is_dir():
        raise OutputConflict(f"{output}: is not a folder (--split writes one file per article into a folder)")
    if _is_special(target):
        return
    if not folder and names_folder(output):  # "out/" would otherwise be written as a file named out
        raise OutputConflict(f"{output}: is a folder; give a file name")
    _check_place(output, target if folder else target.parent)
    real_target = _real(target)
    for name in inputs:
        if name == "-":
            if not folder and _is_standard_input(target):
                raise OutputConflict(f"{output}: is the file standard input is read from; writing there would "
                                     "destroy it; choose another -o")
            continue
        source = Path(name)
        if source.is_dir():
            real_source = _real(source)
            if real_target == real_source or real_source in real_target.parents:
                where = "is" if real_target == real_source else "is inside"
                raise OutputConflict(f"{output}: {where} the input folder {name}, so the next run would read "
                                     "the digest back as articles; write it outside the input folders")
        elif source.exists():
            if not folder and _same_file(target, source):
                raise OutputConflict(f"{output}: is the input file {name}; writing there would destroy it; "
                                     "choose another -o")
            if folder and _real(source).parent == real_target:
                raise OutputConflict(f"{output}: holds the input file {name}, which a digest file could "
                                     "replace; choose another folder")


def _is_standard_input(target: Path) -> bool:
    """`newsdigest digest - -o a.txt < a.txt`: standard input is the output file itself."""
    try:
        given, existing = os.fstat(0), target.stat()
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(given.st_mode) and (given.st_dev, given.st_ino) == (existing.st_dev, existing.st_ino)


def _check_place(output: str, folder: Path) -> None:
    """Find out before any model work that the output cannot be written where it is asked for.
    A folder that does not exist yet is made when the output is written."""
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                raise OutputError(f"{output}: cannot write there: {place} is a file, not a folder")
            if not os.access(place, os.W_OK | os.X_OK):
                raise OutputError(f"{output}: cannot write there: no permission to write in {place}")
            return


def write_output(path: str | Path, text: str) -> None:
    """Write `text` to `path`: straight to a device or FIFO, atomically to a file (symlinks kept)."""
    target = Path(path)
    try:
        if _is_special(target):
            with open(target, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            return
        write_atomic(_real(target), text)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from error


def write_atomic(path: str | Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file.

    A new file gets the mode any new file gets (0666 less the umask); a replaced file keeps its mode.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    temporary, handle = _create_temporary(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new hidden file beside `target`, created with mode 0666 so that the umask applies."""
    while True:
        temporary = target.with_name(f".{target.name[:200]}.{secrets.token_hex(4)}.part")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
