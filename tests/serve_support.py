"""Helpers for the ``serve`` tests: a TestClient once the checker is warm, a live uvicorn server."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from contextlib import contextmanager

BASE = "http://127.0.0.1:8080"  # the page answers only to this computer's names without a token


def wait_healthy(get, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if get() == 200:
            return
        time.sleep(0.05)
    raise TimeoutError("the server did not become healthy")


@contextmanager
def ready_client(app):
    from starlette.testclient import TestClient

    with TestClient(app, base_url=BASE) as client:
        wait_healthy(lambda: client.get("/api/health").status_code)
        yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(app):
    """``app`` served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"

    def status() -> int:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=5) as response:
                return response.status if json.load(response)["status"] == "ok" else 0
        except OSError:
            return 0

    try:
        wait_healthy(status)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
