"""A SQLite result cache, so an interrupted or repeated digest only does new work.

WAL journaling and a busy timeout let several processes share one cache file safely. The cache is
a help, never a reason to fail: a damaged or unwritable cache is reported once and the run goes on
without it, and a damaged file is moved aside (kept, for a post-mortem) so the next run starts anew.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import sqlite3
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("newsdigest")

FILENAME = "results.sqlite3"
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsdigest"))


def cache_key(*parts: Any) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _damaged(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED
    return "malformed" in str(error) or "not a database" in str(error)


class ResultCache:
    """get/put by key; both never raise: after the first problem the cache is simply off."""

    def __init__(self, directory: str | Path | None = None):
        folder = Path(directory).expanduser() if directory else default_cache_dir()
        self.path = folder / FILENAME
        self._db: sqlite3.Connection | None = None
        self.failed = False  # it could not be used, or stopped working during the run
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            if not _damaged(error):
                self._give_up(error)
                return
            aside = self._move_aside()
            log.warning("%s: the result cache is damaged (%s); %s, starting a new one", self.path, error, aside)
            try:
                self._db = self._open()
            except (OSError, sqlite3.Error) as second:
                self._give_up(second)
        except OSError as error:
            self._give_up(error)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            self._create()
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout=60000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)  # a cache file made by an older version may lack the table
        except BaseException:
            db.close()
            raise
        return db

    def _create(self) -> None:
        """Build the database under a temporary name and link it into place whole.

        A reader (another run, or a test polling the file) never sees a database without its table,
        and of two runs creating the cache at once, the first link wins and both use that file.
        """
        temporary = self.path.with_name(f".{FILENAME}.{secrets.token_hex(4)}.new")
        try:
            db = sqlite3.connect(temporary, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
            finally:
                db.close()
            try:
                os.link(temporary, self.path)
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                if not self.path.exists():
                    os.replace(temporary, self.path)
        finally:
            for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
                leftover.unlink(missing_ok=True)

    def _move_aside(self) -> str:
        """Rename the damaged file (and its WAL files) so the next run starts a new cache."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{FILENAME}.damaged-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            return f"could not move it aside ({error.strerror or error})"
        for suffix in ("-wal", "-shm"):
            try:
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
            except OSError:
                pass
        return f"moved it aside to {aside.name}"

    def _give_up(self, error: BaseException) -> None:
        self.failed = True
        reason = getattr(error, "strerror", None) or error
        if isinstance(error, (FileExistsError, NotADirectoryError)):
            reason = "a file is where its folder should be"
        log.warning("%s: cannot use the result cache (%s); going on without it (--no-cache skips it, "
                    "NEWSDIGEST_CACHE_DIR moves it)", self.path, reason)
        self._close()

    def _failed(self, error: sqlite3.Error) -> None:
        """The first error in use: report it once and turn the cache off for the rest of the run."""
        self._close()
        self.failed = True
        if _damaged(error):
            log.warning("%s: the result cache is damaged (%s); %s and going on without it", self.path, error,
                        self._move_aside())
        else:
            self._give_up(error)

    def _close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def get(self, key: str) -> dict[str, Any] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error)
            return None
        try:
            return json.loads(row[0]) if row else None
        except ValueError:  # a damaged value is a miss; the article is simply done again
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        if self._db is None:
            return
        try:
            # ASCII JSON keeps any character, a lone surrogate included, through SQLite's UTF-8
            self._db.execute("INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)",
                             (key, json.dumps(value), time.time()))
        except sqlite3.Error as error:
            self._failed(error)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self._close()
