"""Fetch web pages and feeds over HTTP(S), politely, with an on-disk cache.

httpx does the HTTP. Around it: a User-Agent naming newsdigest and its version, timeouts, a redirect
limit, a size limit (the body is streamed and cut off past it), retries with exponential backoff on
429 and 5xx that honour Retry-After (a name that does not resolve is not retried, and a host that could not be
reached is not tried again in the same run), and a cache keyed by URL that is revalidated with
ETag/Last-Modified, so a re-run downloads nothing that has not changed. Offline, only the cache is read.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import os
import socket
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from translate.errors import InputError

from .config import InputSettings

log = logging.getLogger("newsdigest")

RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(InputError):
    """A URL that could not be fetched; the message names the URL and the HTTP status or the reason."""


@dataclass
class Page:
    """A fetched resource: the final URL after redirects, its content type and the raw bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    from_cache: bool = False


def user_agent() -> str:
    from .signature import package_version

    return f"newsdigest/{package_version()} (+https://pypi.org/project/newsdigest/)"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsdigest")) / "pages"


class PageCache:
    """One JSON file of headers and one file of bytes per URL, named by the URL's SHA-256."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.directory / f"{key}.json", self.directory / f"{key}.body"

    def get(self, url: str) -> Page | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            return Page(**{**meta, "body": body, "from_cache": True})
        except (OSError, ValueError, TypeError):
            return None

    def put(self, page: Page) -> None:
        meta_path, body_path = self._paths(page.url)
        meta = {key: value for key, value in asdict(page).items() if key not in ("body", "from_cache")}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write(body_path, page.body)
            _write(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError as error:  # a cache that cannot be written costs a re-fetch, nothing more
            log.warning("cannot write the page cache in %s (%s)", self.directory, error.strerror or error)


def _write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


class Fetcher:
    """Fetches URLs one by one with one shared connection pool; close() when done."""

    def __init__(self, settings: InputSettings | None = None, offline: bool = False):
        self.settings = settings or InputSettings()
        self.offline = offline
        self.cache = PageCache(self.settings.page_cache_dir or default_cache_dir()) if self.settings.page_cache \
            else None
        self._client = None
        self._unreachable: dict[str, str] = {}  # host -> why, for hosts that could not be reached in this run

    def _http(self):
        if self._client is None:
            import httpx

            settings = self.settings
            self._client = httpx.Client(
                timeout=httpx.Timeout(settings.fetch_timeout, connect=min(settings.fetch_timeout, 10.0)),
                follow_redirects=True, max_redirects=settings.max_redirects,
                headers={"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                         "application/atom+xml,application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.7,*/*;q=0.5",
                         "Accept-Language": "nl,en;q=0.8"})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Page:
        """The page at `url`, from the cache when the server says it has not changed; raises FetchError."""
        cached = self.cache.get(url) if self.cache is not None else None
        if self.offline:
            if cached is None:
                raise FetchError(f"{url}: not fetched (offline mode is on and the page is not in the cache)")
            return cached
        headers = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        page = self._fetch(url, headers, cached)
        if self.cache is not None and not page.from_cache:
            self.cache.put(page)
        return page

    def _fetch(self, url: str, headers: dict[str, str], cached: Page | None) -> Page:
        import httpx

        settings = self.settings
        try:
            host = httpx.URL(url).host
        except httpx.InvalidURL as error:
            raise FetchError(f"{url}: invalid URL ({error})") from None
        if host in self._unreachable:  # a feed of fifty links to a host that is down costs one wait, not fifty
            raise FetchError(f"{url}: {self._unreachable[host]} (not tried again in this run)")
        attempt = 0
        while True:
            last = attempt >= settings.fetch_retries
            try:
                return self._once(url, headers, cached)
            except _Retry as retry:
                if last:
                    raise FetchError(f"{url}: HTTP {retry.status} {retry.reason} (gave up after "
                                     f"{attempt + 1} tries)") from None
                wait = retry.wait if retry.wait is not None else settings.retry_backoff * 2 ** attempt
                if wait > settings.max_retry_wait:
                    raise FetchError(f"{url}: HTTP {retry.status} {retry.reason} (the server asks to wait "
                                     f"{wait:.0f} s, more than {settings.max_retry_wait:g} s)") from None
                log.info("%s: HTTP %d, retrying in %.1f s", url, retry.status, wait)
                time.sleep(wait)
            except httpx.TooManyRedirects:
                raise FetchError(f"{url}: more than {settings.max_redirects} redirects") from None
            except httpx.TimeoutException:
                raise FetchError(f"{url}: timed out after {settings.fetch_timeout:g} s") from None
            except httpx.ConnectError as error:
                lookup = _failed_lookup(error)
                if lookup is not None and lookup.errno != socket.EAI_AGAIN or last:
                    why = f"cannot resolve {host} ({lookup.strerror})" if lookup is not None \
                        else f"cannot connect ({error})"
                    self._unreachable[host] = why
                    raise FetchError(f"{url}: {why}") from None
                time.sleep(settings.retry_backoff * 2 ** attempt)
            except (httpx.RemoteProtocolError, httpx.ReadError) as error:
                if last:
                    raise FetchError(f"{url}: cannot connect ({error})") from None
                time.sleep(settings.retry_backoff * 2 ** attempt)
            except httpx.InvalidURL as error:
                raise FetchError(f"{url}: invalid URL ({error})") from None
            except httpx.HTTPError as error:
                raise FetchError(f"{url}: {type(error).__name__}: {error}") from None
            attempt += 1

    def _once(self, url: str, headers: dict[str, str], cached: Page | None) -> Page:
        settings = self.settings
        deadline = time.monotonic() + settings.fetch_timeout  # for the whole download, not just each read
        with self._http().stream("GET", url, headers=headers) as response:
            if response.status_code == 304 and cached is not None:
                return cached
            if response.status_code in RETRY_STATUSES:
                raise _Retry(response.status_code, response.reason_phrase,
                             _retry_after(response.headers.get("Retry-After")))
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > settings.max_fetch_size:
                raise FetchError(f"{url}: over the {settings.max_fetch_size / 1_000_000:g} MB fetch limit")
            chunks, total = [], 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > settings.max_fetch_size:
                    raise FetchError(f"{url}: over the {settings.max_fetch_size / 1_000_000:g} MB fetch limit")
                chunks.append(chunk)
                if time.monotonic() > deadline:  # a server that trickles bytes never trips the read timeout
                    raise FetchError(f"{url}: timed out after {settings.fetch_timeout:g} s")
            kind, charset = _content_type(response.headers.get("Content-Type", ""))
            return Page(url=url, final_url=str(response.url), status=response.status_code, content_type=kind,
                        charset=charset, body=b"".join(chunks), etag=response.headers.get("ETag"),
                        last_modified=response.headers.get("Last-Modified"))


def _failed_lookup(error: BaseException) -> socket.gaierror | None:
    """The name lookup failure under an httpx connect error, if that is what it was.

    A name that does not exist will not exist a second later, so only a temporary failure (EAI_AGAIN) is
    worth a retry."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, socket.gaierror):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


class _Retry(Exception):
    def __init__(self, status: int, reason: str, wait: float | None):
        super().__init__(status)
        self.status, self.reason, self.wait = status, reason, wait
