"""Read text files whatever their encoding and size (outputs are written by newsdigest.output)."""

from __future__ import annotations

import logging
import os
import stat
import sys
import unicodedata
from pathlib import Path

from translate.errors import InputError

log = logging.getLogger("newsdigest")

_BINARY_MARKERS = (b"\x00", b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8")
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
DEFAULT_MAX_INPUT_SIZE = 100_000_000
PIPE_TIMEOUT = 30.0


def decode(data: bytes, name: str, charset: str | None = None, language: str = "nl") -> str:
    """Text from bytes: a byte-order mark (UTF-8/16/32) decides; else `charset` (from HTTP), UTF-8, the legacy
    encoding of the script `language` is written in where it reads cleanly, or the encoding charset-normalizer
    detects; the last two with a warning. NUL characters are removed."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return _without_nul(data[len(mark):].decode(encoding), name)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid "
                                 f"{encoding.upper()} (byte {error.start + len(mark)})") from None
    if data.startswith(_BINARY_MARKERS[1:]):
        raise InputError(f"{name}: binary file, not text")
    if b"\x00" in data[:8192]:
        text = _utf16_without_mark(data, name)
        if text is None:
            raise InputError(f"{name}: binary file, not text")
        return text
    if charset:
        try:
            return _without_nul(data.decode(charset), name)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %s does not fit", name, charset)
    try:
        return _without_nul(data.decode("utf-8"), name)
    except UnicodeDecodeError as error:
        legacy = _legacy(data, language)
        if legacy is not None:
            text, encoding = legacy
            log.warning("%s: not UTF-8, read as %s (a legacy encoding of %r text)", name, encoding, language)
            return _without_nul(text, name)
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: not valid UTF-8 (byte {error.start}) and no other encoding fits") from error
        log.warning("%s: not UTF-8, read as %s (detected)", name, best.encoding)
        return _without_nul(str(best), name)


# The legacy (pre-Unicode) encodings of each script, and the languages written in it. Text that is not
# UTF-8 is read in its language's legacy encodings before any guessing: on short Dutch text in ISO-8859-1,
# charset-normalizer guesses cp1250 ("geïnspireerd" becomes "geďnspireerd"). cp1252 covers ISO-8859-1's
# printable range. Mac Roman (files saved on a Mac) decodes any byte, so it is taken only where the reading
# before it shows letters or signs out of place and its own shows at most a quarter as many (see _misplaced).
_LEGACY = (
    ("cp1252 mac-roman", "LATIN", "nl en de fr es it pt ca eu gl da sv no nb nn fi is et af fy lb ga id ms sw"),
    ("cp1250 iso-8859-2", "LATIN", "pl cs sk hu sl hr ro bs sq"),
    ("cp1254", "LATIN", "tr az"),
    ("cp1257 iso-8859-13", "LATIN", "lt lv"),
    ("cp1251 koi8-r koi8-u", "CYRILLIC", "ru uk bg be sr mk"),
    ("cp1253 iso-8859-7", "GREEK", "el"),
)


def _legacy(data: bytes, language: str) -> tuple[str, str] | None:
    """(text, encoding): of the legacy encodings of `language`'s script whose reading is clean text, the first,
    unless a later one puts at most a quarter as many characters out of place."""
    code = language.lower().replace("_", "-").split("-")[0]
    for encodings, script, languages in _LEGACY:
        if code not in languages.split():
            continue
        best: tuple[str, str, int] | None = None
        for encoding in encodings.split():
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _reads_as(text, script):
                continue
            misplaced = _misplaced(text)
            if best is None or 4 * misplaced < best[2]:
                best = (text, encoding, misplaced)
            if best[2] == 0:
                break
        if best is not None:
            return best[0], best[1]
    return None


def _misplaced(text: str) -> int:
    """How many characters beyond ASCII stand where no text puts them, as they do when bytes are read in the
    wrong one of two encodings of a script: an upper-case letter after a lower-case one ("cafŽ", "zoÕn" for
    "café", "zo’n": Mac Roman read as cp1252) or inside a word before one ("ŽŽn" for "één"); a lower-case letter
    right before an upper-case one ("ìHet" for "“Het": cp1252 read as Mac Roman); a letter standing alone that
    is no one-letter word (" Ð " and " ñ " for a dash); a sign right after a letter that does not follow words
    ("ge•nspireerd", "idee‘n")."""
    count = 0
    sample = text[:50_000]
    for index, char in enumerate(sample):
        if char.isascii():
            continue
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index + 1 < len(sample) else " "
        if char.isalpha():
            if char.isupper():
                count += before.islower() or (before.isalpha() and after.islower())
            elif char.islower() and after.isupper():
                count += 1
            count += not before.isalpha() and not after.isalpha() and char not in _ONE_LETTER_WORDS
        elif char not in _BESIDE_WORDS and before.isalpha() and unicodedata.category(char)[0] in "SP":
            count += 1
    return count


# Words of one letter beyond ASCII ("5 à 6", French "à", Portuguese "é", Italian "è", Spanish "ó").
_ONE_LETTER_WORDS = frozenset("àáéèóòÀÁÉÈÓ")


def _reads_as(text: str, script: str) -> bool:
    """Whether decoded text is clean text in `script`: no control characters and no symbol right after a
    letter (ISO-8859-2's "ą" read as cp1250 gives "będ±"), every letter beyond ASCII of the script, as many of them
    as the script has (few in Latin, most in others), and mostly lower case (KOI8-R read as cp1251 swaps
    the cases)."""
    sample = text[:50_000]
    if any(char in sample for char in _CONTROLS):
        return False
    letters = uppercase = foreign = 0
    for index, char in enumerate(sample):
        if char.isalpha():
            letters += 1
            uppercase += char.isupper()
            if ord(char) > 127:
                if not unicodedata.name(char, "").startswith(script):
                    return False
                foreign += 1
        elif ord(char) > 127 and char not in _BESIDE_LETTERS and unicodedata.category(char)[0] in "SP" \
                and sample[index - 1:index].isalpha():
            return False
    if not letters or uppercase > 0.6 * letters:
        return False
    return foreign <= 0.3 * letters if script == "LATIN" else foreign >= 0.5 * letters


# Signs that do follow letters in clean text: "Coca-Cola®", "col·lecció", closing quotes, dashes. Opening
# quotes and bullets after a letter pass for clean (sloppy text has them) but count as out of place.
_BESIDE_LETTERS = frozenset("·®™©°’‘”“„»«–—…•′″")
_BESIDE_WORDS = _BESIDE_LETTERS - frozenset("‘“„«•")
_CONTROLS = frozenset(map(chr, [*range(0, 9), 11, *range(14, 32), *range(127, 160)]))


def _utf16_without_mark(data: bytes, name: str) -> str | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools do): in text mostly of Latin
    letters every other byte is NUL. Anything else with NULs stays binary."""
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 16:
        return None
    for nul_at, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        if head[nul_at::2].count(0) >= 0.9 * (len(head) // 2) and head[1 - nul_at::2].count(0) <= 0.01 * (len(head) // 2):
            try:
                text = data[:len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            if sum(char.isprintable() or char.isspace() for char in text[:4096]) >= 0.98 * len(text[:4096]):
                log.warning("%s: no byte-order mark; read as %s", name, encoding.upper())
                return _without_nul(text, name)
    return None


def _without_nul(text: str, name: str) -> str:
    if "\x00" in text:
        log.warning("%s: NUL characters removed", name)
        return text.replace("\x00", "")
    return text


_UNITS = {"": 1, "b": 1, "k": 1_000, "kb": 1_000, "m": 1_000_000, "mb": 1_000_000, "g": 1_000_000_000,
          "gb": 1_000_000_000, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}


def parse_size(text: str) -> int:
    """Bytes from "50MB", "2G", "500k" or a plain number."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else None
    if not match or unit not in _UNITS or float(match.group(1)) <= 0:
        raise InputError(f"'{text}' is not a size: use a number of bytes or e.g. 50MB, 2GB, 500kB")
    return int(float(match.group(1)) * _UNITS[unit])


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit} bytes"


def _too_large(name: str, limit: int) -> InputError:
    return InputError(f"{name}: larger than the {_size(limit)} input limit (raise it with --max-input-size "
                      "or input.max_input_size)")


def read_bytes(path: str | Path, limit: int = DEFAULT_MAX_INPUT_SIZE, timeout: float = PIPE_TIMEOUT) -> bytes:
    """The bytes of a file, of standard input ('-'), a pipe or a device, never more than `limit`.

    Pipes and devices are read without blocking for ever: no data for `timeout` seconds is an error.
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large("<stdin>", limit)
        return data
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a directory")
    if stat.S_ISSOCK(info.st_mode):
        raise InputError(f"{name}: is a socket, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise _too_large(name, limit)
    try:
        if stat.S_ISREG(info.st_mode):  # its size was checked above
            data = Path(path).read_bytes()
        else:
            data = _read_stream(name, limit, timeout)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def _read_stream(name: str, limit: int, timeout: float) -> bytes:
    """A FIFO or character device, read until end of file, `limit` + 1 bytes, or `timeout` s of silence."""
    import select

    handle = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(handle, select.POLLIN | select.POLLHUP)
        chunks, total = [], 0
        while total <= limit:
            if not poller.poll(timeout * 1000):
                raise InputError(f"{name}: no data for {timeout:g} s (a pipe that nobody writes to?)")
            try:
                chunk = os.read(handle, min(1 << 20, limit + 1 - total))
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def read_text(path: str | Path, limit: int = DEFAULT_MAX_INPUT_SIZE, timeout: float = PIPE_TIMEOUT,
              language: str = "nl") -> str:
    """The text of a file, of standard input for '-', of a pipe or device; see read_bytes and decode."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return decode(read_bytes(path, limit, timeout), name, language=language)

