"""What every request passes through: the token, the upload limit, security headers, one log line.

A pure ASGI middleware, so that it sees the body as it arrives: a declared Content-Length over
the limit is refused before a byte of the body is read, and a body sent without one (chunked)
is refused as soon as the bytes received pass the limit.

The log line holds the method, the path (never the query string, which can hold a name typed
into a filter), the status, the response's size and the time taken: never recording text.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from http.cookies import SimpleCookie

log = logging.getLogger("qa_checker.serve")

COOKIE = "qa_checker_token"
# The page's own script and styles only; nothing inline, nothing from elsewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
# Multipart boundaries and the part headers around the file.
FORM_OVERHEAD = 64 * 1024
# Reachable without the token: the health probe, the page's script and styles, the token form.
OPEN_PATHS = ("/api/health", "/static/", "/token")

Denial = Callable[[dict, int, str], Awaitable[tuple[bytes, bytes]]]


class TooLarge(Exception):
    """The request body passed the limit while it was being read."""


class Guard:
    """Wraps the app: token check, body limit, headers, access log.

    ``refuse(scope, status, message)`` gives the (content type, body) of a refusal, so the page
    and the JSON API can each say it their way.
    """

    def __init__(self, app, *, token: str | None, max_upload: int, refuse: Denial,
                 hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.token = token
        self.hosts = {h.lower() for h in hosts} if hosts and not token else None
        self.max_body = max_upload + FORM_OVERHEAD
        self.max_upload = max_upload
        self.refuse = refuse

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        sent = {"status": 0, "size": 0}

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            elif message["type"] == "http.response.body":
                sent["size"] += len(message.get("body", b""))
            await send(message)

        try:
            await self._guarded(scope, receive, send_with_headers, sent)
        finally:
            log.info("%s %s %s %dB %.0fms", scope["method"], scope["path"], sent["status"] or "-", sent["size"],
                     (time.perf_counter() - started) * 1000)

    async def _guarded(self, scope, receive, send, sent) -> None:
        if self.hosts is not None and _hostname(_header(scope, b"host")) not in self.hosts:
            # Without a token, only requests addressed to this computer: a web page elsewhere whose
            # name was pointed at 127.0.0.1 (DNS rebinding) cannot read the team's recordings.
            await self._deny(scope, send, 421, "qa-checker serve answers only at the address it was started on, "
                                               "such as http://127.0.0.1:8080/; open the page there")
            return
        if self.token and not self._authorised(scope):
            await self._deny(scope, send, 401, "This page needs the access token the server was started with.")
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._deny(scope, send, 413, self.too_large(int(declared)))
            return
        received = 0

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise TooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except TooLarge:
            if not sent["status"]:
                await self._deny(scope, send, 413, self.too_large(None))

    def too_large(self, size: int | None) -> str:
        limit = f"{self.max_upload / 1e6:g} MB"
        said = f"is {size / 1e6:.3g} MB, over" if size else "is over"
        return (f"This upload {said} the {limit} limit; remove large pictures from the recording "
                "or check that this is the right file")

    def _authorised(self, scope) -> bool:
        path = scope["path"]
        if path.startswith(OPEN_PATHS):
            return True
        auth = _header(scope, b"authorization") or ""
        scheme, _, given = auth.partition(" ")
        if scheme.lower() == "bearer" and same_token(given.strip(), self.token):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(_header(scope, b"cookie") or "")
        except Exception:  # a malformed cookie header is simply no token
            return False
        return COOKIE in cookie and same_token(cookie[COOKIE].value, self.token)

    async def _deny(self, scope, send, status: int, message: str) -> None:
        content_type, body = await self.refuse(scope, status, message)
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if status == 401:
            headers.append((b"www-authenticate", b'Bearer realm="qa-checker"'))
        if status == 413:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def same_token(given: str, token: str | None) -> bool:
    """``given`` is the token (compared in constant time); never true without a token."""
    return token is not None and bool(token) and hmac.compare_digest(given.encode(), token.encode())


def _hostname(host: str | None) -> str:
    """``127.0.0.1`` from ``127.0.0.1:8080``, ``::1`` from ``[::1]:8080``."""
    host = (host or "").strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None
