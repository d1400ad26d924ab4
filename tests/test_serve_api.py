"""``qa-checker serve``: the JSON API, bad input, the upload limit, the token and what is logged."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, SAMPLES, build
from serve_support import BASE

from qa_checker.serve import ServeError, is_loopback, needs_token
from qa_checker.serve.app import ServeOptions, create_app
from qa_checker.serve.guard import CSP

FLAWED = SAMPLES / "flawed-sunday-sophie-oliver-2025-05-04.docx"
GOOD = SAMPLES / "good-amelia-jayden-2025-03-12.docx"


def upload(client, path: Path, name: str | None = None, endpoint: str = "/api/check"):
    return client.post(endpoint, files={"file": (name or path.name, path.read_bytes())})


def test_health_once_loaded(serve_client):
    from qa_checker import __version__

    response = serve_client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": __version__}


@pytest.mark.parametrize("sample", [FLAWED, SAMPLES / "flawed-text-export-leo-mia.txt",
                                    SAMPLES / "flawed-placeholders-ruby.md"], ids=lambda p: p.suffix)
def test_check_gives_the_commands_json(serve_client, sample, tmp_path):
    shutil.copy(sample, tmp_path / f"draft{sample.suffix}")
    cli = run_cli("check", f"draft{sample.suffix}", "--format", "json", cwd=tmp_path)
    response = upload(serve_client, sample, f"draft{sample.suffix}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == json.loads(cli.stdout)
    assert response.json()["reports"][0]["path"] == f"draft{sample.suffix}"
    assert response.json()["reports"][0]["findings"]  # the flawed samples have findings to compare


def test_upload_name_is_only_the_file_name(serve_client):
    response = upload(serve_client, GOOD, "C:\\Users\\jo\\Desktop\\../good.docx")
    assert response.json()["reports"][0]["path"] == "good.docx"


def test_annotate_gives_what_the_command_writes(serve_client, tmp_path):
    shutil.copy(FLAWED, tmp_path / "draft.docx")
    assert run_cli("annotate", "draft.docx", cwd=tmp_path).returncode == 1
    response = upload(serve_client, FLAWED, "draft.docx", "/api/annotate")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"draft.checked.docx\"; filename*=UTF-8''draft.checked.docx")
    assert response.headers["x-qa-checker-passed"] == "false"
    written = zipfile.ZipFile(tmp_path / "draft.checked.docx")
    served = zipfile.ZipFile(io.BytesIO(response.content))
    assert served.namelist() == written.namelist()
    # the same parts, byte for byte, but for each comment's time (to the second it was written)
    def parts(archive):
        return {n: re.sub(rb'w:date="[^"]+"', b'w:date=""', archive.read(n)) for n in archive.namelist()}

    assert parts(served) == parts(written)
    assert b"w:comment " in served.read("word/comments.xml")


def test_annotate_text_gives_markdown(serve_client, tmp_path):
    sample = SAMPLES / "flawed-text-export-leo-mia.txt"
    shutil.copy(sample, tmp_path / "draft.txt")
    run_cli("annotate", "draft.txt", cwd=tmp_path)
    response = upload(serve_client, sample, "draft.txt", "/api/annotate")
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert response.content == (tmp_path / "draft.checked.md").read_bytes()


def _bad(tmp_path: Path) -> dict[str, tuple[str, bytes, int, str]]:
    from msoffcrypto.format.ooxml import OOXMLFile

    good = build(GOOD_SPEC, "docx", tmp_path, "good").read_bytes()
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(good)).encrypt("secret", encrypted)
    return {
        "pdf": ("notes.pdf", b"%PDF-1.4", 415, "notes.pdf: qa-checker reads .docx, .txt and .md recordings, not .pdf"),
        "doc": ("old.doc", b"\xd0\xcf\x11\xe0", 415,
                "old.doc: this is an old-style Word 97-2003 document (.doc); open it in Word and save it as .docx"),
        "corrupt": ("cut.docx", good[: len(good) // 2], 422,
                    "cut.docx: the Word file is damaged or incomplete (perhaps cut short while copying); "
                    "open it in Word and save it again"),
        "encrypted": ("locked.docx", encrypted.getvalue(), 422,
                      "locked.docx: the document is password-protected; save an unprotected copy "
                      "(File > Info > Protect Document) and check that"),
        "empty": ("empty.txt", b"", 422,
                  "empty.txt: the file is empty; write the recording or remove the file from the folder"),
    }


@pytest.mark.parametrize("endpoint", ["/api/check", "/api/annotate", "/api/view"])
def test_bad_input_gets_the_commands_line(serve_client, tmp_path, endpoint):
    for kind, (name, data, status, message) in _bad(tmp_path).items():
        response = serve_client.post(endpoint, files={"file": (name, data)})
        assert (kind, response.status_code, response.json()) == (kind, status, {"error": message})
    # and the server goes on checking
    assert upload(serve_client, GOOD).status_code == 200


def test_a_broken_form_is_refused_in_json(serve_client):
    response = serve_client.post("/api/check", content=b"xx", headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 400
    assert response.json() == {"error": "The upload could not be read (Invalid multipart data.); "
                                        "send the recording as a form with the file in the field 'file'"}


def test_no_file_or_not_multipart(serve_client):
    response = serve_client.post("/api/check", data={"other": "x"})
    assert response.status_code == 415
    assert response.json() == {"error": "Send the recording as multipart/form-data, with the file in the field 'file'"}
    response = serve_client.post("/api/check", files={"other": ("a.txt", b"x")})
    assert response.status_code == 422
    assert response.json()["error"].startswith("No recording was sent")


def test_a_failing_check_does_not_stop_the_server(serve_app, serve_client, monkeypatch):
    def broken(document):
        raise RuntimeError("Amelia said something the rules choke on")

    monkeypatch.setattr(serve_app.state.checker, "check_document", broken)
    response = upload(serve_client, GOOD, "good.docx")
    assert response.status_code == 500
    assert response.json() == {"error": "good.docx: qa-checker failed on this file (RuntimeError); "
                                        "please report it to the qa-checker team"}
    monkeypatch.undo()
    assert upload(serve_client, GOOD).status_code == 200


def test_every_response_has_the_security_headers(serve_client):
    for response in (serve_client.get("/"), serve_client.get("/api/health"), serve_client.get("/static/app.js"),
                     serve_client.post("/api/check", files={"file": ("a.pdf", b"x")})):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "set-cookie" not in response.headers
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_nothing_is_left_in_the_temporary_folder(serve_client, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for endpoint in ("/api/check", "/api/annotate", "/api/view"):
        assert upload(serve_client, FLAWED, endpoint=endpoint).status_code == 200
        assert upload(serve_client, FLAWED, "x.docx", endpoint=endpoint).status_code == 200
    serve_client.post("/api/check", files={"file": ("cut.docx", b"PK\x03\x04broken")})
    assert list(tmp_path.iterdir()) == []


def test_the_log_has_no_recording_text(serve_client, caplog):
    caplog.set_level(logging.INFO, logger="qa_checker.serve")
    upload(serve_client, FLAWED, "Sophie Oliver draft.docx")
    serve_client.post("/api/view", data={"text": "INTRODUCTIONS\nSophie hugged Mum."},
                      files={"none": ("", b"")})
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2
    assert lines[0].startswith("POST /api/check 200 ") and lines[0].endswith("ms")
    assert lines[1].startswith("POST /api/view 200 ")
    assert not any(word in line for line in lines for word in ("Sophie", "Oliver", "Mum", "draft"))


# The upload limit -------------------------------------------------------------------------------

def _asgi(app, headers: list[tuple[bytes, bytes]], chunks: list[bytes]):
    """Call the app as a server would; returns (status, body, how many body chunks it read)."""
    read = 0
    sent: list[dict] = []

    async def receive():
        nonlocal read
        if read < len(chunks):
            read += 1
            return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/check", "raw_path": b"/api/check", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1:8080"), *headers], "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 8080),
             "client": ("127.0.0.1", 5000), "root_path": "", "asgi": {"version": "3.0"}}
    asyncio.run(app(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], json.loads(body), read


def small_app():
    return create_app(ServeOptions(max_upload=100_000), warm=False)


def test_declared_size_over_the_limit_is_refused_unread():
    chunks = [b"x" * 65536] * 400  # 26 MB
    status, body, read = _asgi(small_app(), [(b"content-type", b"multipart/form-data; boundary=b"),
                                             (b"content-length", str(65536 * 400).encode())], chunks)
    assert (status, read) == (413, 0)
    assert body == {"error": "This upload is 26.2 MB, over the 0.1 MB limit; remove large pictures from the recording "
                             "or check that this is the right file"}


def test_undeclared_size_is_refused_once_past_the_limit():
    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
    chunks = [head] + [b"x" * 65536] * 400
    status, body, read = _asgi(small_app(), [(b"content-type", b"multipart/form-data; boundary=b")], chunks)
    assert status == 413
    assert read == 4  # 100 KB + 64 KB of form overhead: the third 64 KB chunk passes it; the rest is never read
    assert body["error"].startswith("This upload is over the 0.1 MB limit")


def test_a_file_over_the_limit_inside_the_allowance_is_refused():
    from starlette.testclient import TestClient

    response = TestClient(small_app(), base_url=BASE).post("/api/check", files={"file": ("big.txt", b"a" * 120_000)})
    assert response.status_code == 413
    assert response.json() == {"error": "big.txt: the file is 0.12 MB, over the 0.1 MB upload limit; remove large "
                                        "pictures or check that this is the right file"}


# The token --------------------------------------------------------------------------------------

def test_without_a_token_only_this_computers_names_are_answered():
    from starlette.testclient import TestClient

    app = create_app(ServeOptions(), warm=False)
    for base in ("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://LOCALHOST"):
        assert TestClient(app, base_url=base).get("/").status_code == 200
    for base in ("http://attacker.example", "http://127.0.0.1.attacker.example:8080", "http://10.0.0.5:8080"):
        response = TestClient(app, base_url=base).get("/api/check")
        assert response.status_code == 421
        assert response.json()["error"].startswith("qa-checker serve answers only at the address it was started on")
    # with a token, behind a trust's proxy, any name (the token is asked for instead)
    assert TestClient(create_app(ServeOptions(token="t"), warm=False), base_url="http://qa.trust.example").get(
        "/", headers={"Authorization": "Bearer t"}).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_needs_no_token(host):
    assert is_loopback(host)
    needs_token(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_other_binds_need_a_token(host):
    assert not is_loopback(host)
    with pytest.raises(ServeError, match="give --token"):
        needs_token(host, None)
    needs_token(host, "s3cret")


def test_serve_refuses_to_start_beyond_loopback_without_a_token(monkeypatch):
    monkeypatch.delenv("QA_CHECKER_TOKEN", raising=False)
    ran = run_cli("serve", "--host", "0.0.0.0", "--port", "0")
    assert ran.returncode == 2
    assert ran.stderr == ("qa-checker serve: listening on 0.0.0.0 lets other computers reach the page; give --token "
                          "(or set QA_CHECKER_TOKEN), and on a shared server put the trust's reverse proxy and sign-in "
                          "in front\n")


def test_requests_without_the_token_get_401():
    from starlette.testclient import TestClient

    client = TestClient(create_app(ServeOptions(token="s3cret"), warm=False))
    pdf = {"file": ("a.pdf", b"x")}
    for response in (client.post("/api/check", files=pdf), client.post("/api/annotate", files=pdf),
                     client.post("/api/check", files=pdf, headers={"Authorization": "Bearer wrong"}),
                     client.post("/api/check", files=pdf, headers={"Authorization": "Basic s3cret"})):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == 'Bearer realm="qa-checker"'
        assert response.json() == {"error": "This page needs the access token the server was started with."}
    page = client.get("/")
    assert page.status_code == 401 and 'name="token"' in page.text
    # the bearer header gets through (to the upload's own answer: a PDF is refused with 415)
    assert client.post("/api/check", files=pdf, headers={"Authorization": "Bearer s3cret"}).status_code == 415
    assert client.get("/api/health").status_code == 503  # open to probes; not warmed up here


def test_the_page_asks_for_the_token_once():
    from starlette.testclient import TestClient

    client = TestClient(create_app(ServeOptions(token="s3cret"), warm=False))
    wrong = client.post("/token", data={"token": "nope", "next": "/"}, follow_redirects=False)
    assert wrong.status_code == 401 and "not the right one" in wrong.text and "set-cookie" not in wrong.headers
    given = client.post("/token", data={"token": "s3cret", "next": "//elsewhere.example/"}, follow_redirects=False)
    assert given.status_code == 303 and given.headers["location"] == "/"
    cookie = given.headers["set-cookie"]
    assert cookie.startswith("qa_checker_token=s3cret;") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/").status_code == 200  # the cookie now goes with every request
    assert client.post("/api/check", files={"file": ("a.pdf", b"x")}).status_code == 415



def test_serve_without_its_extra_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    ran = run_cli("serve")
    assert (ran.returncode, ran.stderr) == (2, "qa-checker serve needs the web server packages (uvicorn is missing); "
                                               "install them with: pip install 'qa-checker[serve]'\n")


def test_serve_options_are_checked(tmp_path):
    ran = run_cli("serve", "--folder", str(tmp_path / "nowhere"))
    assert (ran.returncode, ran.stderr) == (2, f"qa-checker serve: --folder {tmp_path / 'nowhere'}: no such folder\n")
    ran = run_cli("serve", "--redact")
    assert (ran.returncode, ran.stderr) == (2, "qa-checker serve: --redact applies to the team page; give --folder too\n")


def test_the_command_serves_and_logs_no_recording_text(tmp_path):
    """`qa-checker serve` as a user starts it: healthy, checks, and its log names no one."""
    import subprocess
    import sys
    import time
    import urllib.request

    from serve_support import free_port, wait_healthy

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "qa_checker", "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def health() -> int:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=5) as response:
                return response.status
        except OSError:
            return 0

    try:
        wait_healthy(health)
        boundary = "b0undary"
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="Sophie Dunn.docx"\r\n\r\n'
                ).encode() + FLAWED.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(url + "/api/check?child=Sophie", data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert json.load(response)["reports"][0]["path"] == "Sophie Dunn.docx"
        time.sleep(0.2)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert log.splitlines()[0] == f"qa-checker: the page is at {url}/ (Ctrl-C stops it)"
    assert re.search(r"^\S+ \S+ POST /api/check 200 \d+B \d+ms$", log, re.M)
    assert "Sophie" not in log and "Dunn" not in log and "Traceback" not in log


def test_a_checker_that_cannot_load_is_said_not_hidden(monkeypatch):
    import time

    from starlette.testclient import TestClient

    import qa_checker.api

    def broken() -> None:
        raise MemoryError

    monkeypatch.setattr(qa_checker.api, "warm_up", broken)
    with TestClient(create_app(), base_url=BASE) as client:
        for _ in range(1000):  # 20 s at most
            health = client.get("/api/health")
            if health.json()["status"] != "loading":
                break
            time.sleep(0.02)
        assert (health.status_code, health.json()) == (503, {"status": "failed"})
        response = upload(client, GOOD)
    assert response.status_code == 503
    assert response.json() == {"error": "The checker could not be loaded (MemoryError); restart qa-checker serve"}
