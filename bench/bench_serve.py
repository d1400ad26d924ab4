"""Latency and throughput of `qa-checker serve`: POST /api/check for one 1,500-word .docx.

Starts `qa-checker serve` on a free loopback port (as a user would, so with the command line's
settings), warms it with a few requests, then:

1. latency: --requests requests one after another: median and 95th percentile;
2. throughput: --clients clients (threads, one keep-alive connection each) posting for --seconds:
   requests per second, errors, latency under load, and the server's memory (resident and peak,
   from /proc) at the start and the end.

Only 127.0.0.1 is ever contacted; the loop is bounded by --seconds and stops by itself. A
measurement, not a test: `make bench-serve` or `.venv/bin/python bench/bench_serve.py`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from generate_recordings import SECTIONS, _Pool, recording  # the script's folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = {title for _, title in SECTIONS} | {"WHAT NEEDS TO HAPPEN?", "SCALING", "REFLECTION/ANALYSIS"}
BOUNDARY = "qa-checker-bench"


def draft(folder: Path, words: int) -> tuple[Path, int]:
    """A generated recording of about ``words`` words as a Word document (headings styled)."""
    import docx

    rng = random.Random(20261123)
    pool = _Pool(rng, dense=False)
    text = min((recording(rng, pool, words) for _ in range(20)), key=lambda t: abs(len(t.split()) - words))
    document = docx.Document()
    for line in text.splitlines():
        if line in HEADINGS:
            document.add_heading(line.title(), level=1)
        elif line.endswith("?") and line.startswith("What"):
            document.add_paragraph().add_run(line).bold = True
        else:
            document.add_paragraph(line)
    path = folder / "draft-1500.docx"
    document.save(str(path))
    return path, len(text.split())


def body(path: Path) -> bytes:
    head = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
    return head.encode() + path.read_bytes() + f"\r\n--{BOUNDARY}--\r\n".encode()


class Client:
    """One keep-alive connection posting the draft to /api/check."""

    def __init__(self, port: int, payload: bytes) -> None:
        self.port, self.payload = port, payload
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def check(self) -> tuple[float, int]:
        started = time.perf_counter()
        self.connection.request("POST", "/api/check", body=self.payload,
                                headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
        response = self.connection.getresponse()
        data = response.read()
        status = response.status if response.status != 200 or json.loads(data)["version"] == 1 else 0
        return time.perf_counter() - started, status


def memory(pid: int) -> tuple[float, float]:
    """(resident, peak resident) in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def start_server(*options: str) -> tuple[subprocess.Popen, int]:
    """`qa-checker serve OPTIONS` on a free loopback port, once healthy: (process, port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).parent / "qa-checker"
    server = subprocess.Popen([str(exe), "serve", "--port", str(port), *options], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/health")
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start")


def load(port: int, payload: bytes, clients: int, seconds: float, pid: int) -> tuple[list[float], int, list[float]]:
    """``clients`` threads posting until ``seconds`` have passed: (latencies, errors, the server's
    resident MB every 10 s)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors
        client = Client(port, payload)
        while time.monotonic() < stop:
            try:
                took, status = client.check()
            except OSError:
                took, status = 0.0, 0
                client = Client(port, payload)
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    errors += 1

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    samples = []
    while time.monotonic() < stop:
        time.sleep(min(10, max(0, stop - time.monotonic())))
        samples.append(memory(pid)[0])
    for thread in threads:
        thread.join()
    return latencies, errors, samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, words = draft(Path(folder), args.words)
        payload = body(path)
        size = path.stat().st_size
        cold = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "qa-checker"), "check", str(path)], capture_output=True)
        cold = time.perf_counter() - cold
        server, port = start_server()
        try:
            client = Client(port, payload)
            for _ in range(5):
                client.check()
            single = [client.check()[0] for _ in range(args.requests)]
            start_rss, start_peak = memory(server.pid)
            latencies, errors, samples = load(port, payload, args.clients, args.seconds, server.pid)
            end_rss, end_peak = memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"draft: {words:,} words, .docx of {size:,} bytes")
    print(f"cold `qa-checker check` of the same draft: {cold:.2f} s")
    print(f"warm server, one client, {args.requests} requests: median {statistics.median(single) * 1000:.0f} ms, "
          f"p95 {percentile(single, 0.95) * 1000:.0f} ms")
    done = len(latencies)
    print(f"{args.clients} clients for {args.seconds:.0f} s: {done} checked, {errors} errors, "
          f"{done / args.seconds:.2f} requests/s; latency median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms")
    print(f"server memory: resident {start_rss:.0f} MB -> {end_rss:.0f} MB; peak {start_peak:.0f} MB -> {end_peak:.0f} MB")
    print(f"  resident every 10 s under load: {', '.join(f'{m:.0f}' for m in samples)} MB")


if __name__ == "__main__":
    main()
