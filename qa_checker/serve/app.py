"""The ASGI app: the supervisor page, the team page and the small JSON API they use.

Starlette rather than FastAPI: six routes whose JSON is the existing reporter's output need no
request models or generated OpenAPI, and Starlette is what FastAPI is built on, so it is the
smaller dependency for the same server (routing, multipart, static files, the test client).
"""

from __future__ import annotations

import json
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from qa_checker.serve.checking import PASTED, Checker, Upload, UploadError, safe_name, unsupported
from qa_checker.serve.guard import COOKIE, Guard, same_token
from qa_checker.serve.view import build_view

log = logging.getLogger("qa_checker.serve")
MB = 1_000_000


@dataclass(frozen=True)
class ServeOptions:
    """What ``qa-checker serve`` was started with."""

    token: str | None = None
    folder: Path | None = None
    redact: bool = False
    max_upload: int = 10 * MB
    config: Path | None = None
    # The names requests may be addressed to when there is no token (this computer's).
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


def templates() -> Environment:
    """The page templates, packaged with qa-checker; every value is escaped unless marked safe."""
    env = Environment(loader=PackageLoader("qa_checker.serve", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["mb"] = lambda size: f"{size / MB:g} MB"
    return env


def explanations() -> dict[str, str]:
    """``qa-checker explain ID`` for every rule, by code."""
    from qa_checker.registry import all_rules
    from qa_checker.reporters.rules import format_explanation

    # wide: the browser wraps the prose to the column; examples keep their own lines
    return {rule.code: format_explanation(rule, width=1000) for rule in all_rules()}


def settings_for(config: Path | None):
    """The settings every upload is checked with: the team's settings file, or the defaults."""
    from qa_checker.settings import ConfigResolver

    return ConfigResolver(config=config, isolated=config is None).settings_for(Path("upload"))


class Site:
    """The pages and API of one server: what each route does, with the checker they share."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.env = templates()
        self.checker = Checker(settings_for(options.config))
        self.explanations: dict[str, str] = {}
        self.failed: str | None = None
        self.team = None
        if options.folder is not None:
            from qa_checker.serve.team import Team

            self.team = Team(options.folder, self.checker, redact=options.redact)

    def page(self, request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        context = {"team": self.team is not None, "max_upload": self.options.max_upload, "path": request.url.path,
                   **context}
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def load(self) -> None:
        """The explanations and the warm-up, on the checker's thread before any check."""
        try:
            self.explanations = explanations()
            self.checker.warm()
        except Exception as exc:  # the page says the server is not ready instead of dying
            self.failed = type(exc).__name__
            log.error("loading the checker failed: %s", self.failed)

    async def refuse(self, scope, status: int, message: str) -> tuple[bytes, bytes]:
        """What the guard answers with: JSON for the API, a page otherwise."""
        if scope["path"].startswith("/api/"):
            return b"application/json", json.dumps({"error": message}).encode()
        name = "token.html" if status == 401 else "message.html"
        html = self.env.get_template(name).render(team=self.team is not None, message=message, next=scope["path"],
                                                  path=scope["path"], wrong=False)
        return b"text/html; charset=utf-8", html.encode()

    async def bad_request(self, request: Request, exc: Exception) -> Response:
        """Starlette's own refusals (a broken multipart body, a wrong method), said the page's way."""
        assert isinstance(exc, HTTPException)  # registered for HTTPException only
        message = (f"The upload could not be read ({exc.detail}); send the recording as a form with the file "
                   "in the field 'file'") if exc.status_code == 400 else str(exc.detail)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)
        return self.page(request, "message.html", status=exc.status_code, message=message)

    def _ready(self) -> None:
        if self.failed:
            raise UploadError(503, f"The checker could not be loaded ({self.failed}); restart qa-checker serve")

    async def _checked(self, request: Request):
        upload = await read_upload(request, self.options.max_upload)
        self._ready()
        try:
            return await self.checker.run(self.checker.check, upload)
        except UploadError:
            raise
        except Exception as exc:  # a failing check never takes the server down
            log.error("check failed: %s", type(exc).__name__)
            raise UploadError(500, f"{upload.name}: qa-checker failed on this file ({type(exc).__name__}); "
                                   "please report it to the qa-checker team") from None

    async def api_check(self, request: Request) -> Response:
        from qa_checker.report import RunResult
        from qa_checker.reporters.json import render_json

        try:
            result = await self._checked(request)
        except UploadError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        return Response(render_json(RunResult.of([result.report])), media_type="application/json")

    async def api_annotate(self, request: Request) -> Response:
        try:
            upload = await read_upload(request, self.options.max_upload)
            self._ready()
            data, name, report = await self.checker.run(self.checker.annotate, upload)
        except UploadError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        kind = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                if name.lower().endswith(".docx") else "text/markdown; charset=utf-8")
        return Response(data, media_type=kind, headers={
            "content-disposition": f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name)}",
            "x-qa-checker-passed": "true" if report.passed else "false",
        })

    async def api_view(self, request: Request) -> Response:
        try:
            result = await self._checked(request)
        except UploadError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        return self.page(request, "result.html", view=build_view(result, self.explanations), recheck=True)

    async def health(self, request: Request) -> Response:
        if self.checker.ready.is_set():
            from qa_checker import __version__

            return JSONResponse({"status": "ok", "version": __version__})
        return JSONResponse({"status": "failed" if self.failed else "loading"}, status_code=503)

    async def index(self, request: Request) -> Response:
        return self.page(request, "index.html", view=None, error=None)

    async def check_form(self, request: Request) -> Response:
        """The page without its script: the form posts here and the result comes back in the page."""
        try:
            result = await self._checked(request)
        except UploadError as exc:
            return self.page(request, "index.html", status=exc.status, view=None, error=exc.message)
        return self.page(request, "index.html", view=build_view(result, self.explanations), error=None,
                         recheck=False)

    async def token_form(self, request: Request) -> Response:
        return self.page(request, "token.html", next=_local(request.query_params.get("next")), wrong=False,
                         message="")

    async def token_given(self, request: Request) -> Response:
        async with request.form(max_files=0, max_fields=4) as form:
            given, target = str(form.get("token", "")), _local(str(form.get("next", "/")))
        if not same_token(given, self.options.token):
            return self.page(request, "token.html", status=401, next=target, wrong=True, message="")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, given, httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return response

    def routes(self) -> list:
        routes = [
            Route("/", self.index), Route("/check", self.check_form, methods=["POST"]),
            Route("/api/check", self.api_check, methods=["POST"]),
            Route("/api/annotate", self.api_annotate, methods=["POST"]),
            Route("/api/view", self.api_view, methods=["POST"]), Route("/api/health", self.health),
            Route("/token", self.token_form), Route("/token", self.token_given, methods=["POST"]),
            Mount("/static", StaticFiles(packages=[("qa_checker.serve", "static")]), name="static"),
        ]
        return routes + (self.team.routes(self) if self.team is not None else [])


def create_app(options: ServeOptions = ServeOptions(), *, warm: bool = True) -> Starlette:
    """The app; with ``warm`` it loads the pipeline in the background as it starts."""
    site = Site(options)

    @asynccontextmanager
    async def lifespan(app):
        if warm:
            site.checker.start(site.load)  # first on the checker's thread: every check waits for it
        yield

    middleware = [Middleware(Guard, token=options.token, max_upload=options.max_upload, refuse=site.refuse,
                             hosts=options.hosts)]
    app = Starlette(routes=site.routes(), middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: site.bad_request})
    app.state.checker = site.checker
    return app


async def read_upload(request: Request, max_upload: int) -> Upload:
    """The recording sent in the field ``file`` (or pasted text in ``text``); UploadError if none."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadError(415, "Send the recording as multipart/form-data, with the file in the field 'file'")
    async with request.form(max_files=1, max_fields=8) as form:
        file, text = form.get("file"), form.get("text")
        if isinstance(file, UploadFile) and file.filename:
            name = safe_name(file.filename)
            if not name:
                raise UploadError(422, "The file sent has no name; choose the recording again")
            if problem := unsupported(name):
                raise problem
            if file.size is not None and file.size > max_upload:
                raise UploadError(413, f"{name}: the file is {file.size / MB:.3g} MB, over the {max_upload / MB:g} MB "
                                       "upload limit; remove large pictures or check that this is the right file")
            return Upload(name, await file.read())
        if isinstance(text, str) and text.strip():
            return Upload(PASTED, text.encode("utf-8"))
    raise UploadError(422, "No recording was sent: choose a .docx, .txt or .md file, or paste the recording's text")


def _local(target: str | None) -> str:
    """Only a path on this server (``/team``), never another site (``//example``)."""
    return target if target and target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


def _ascii(name: str) -> str:
    return "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name)
