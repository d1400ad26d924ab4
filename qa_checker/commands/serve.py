"""``qa-checker serve``: the web page and its JSON API, on this computer by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(ExitCode.USAGE)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Any but this computer's needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8080,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    token: Annotated[str | None, typer.Option("--token", envvar="QA_CHECKER_TOKEN", help="Access token the page and API ask for (env QA_CHECKER_TOKEN).")] = None,
    folder: Annotated[Path | None, typer.Option("--folder", help="A team's folder of recordings for the team page (read only).")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Show the names of children and adults as initials on the team page.")] = False,
    max_upload: Annotated[float, typer.Option("--max-upload", min=0.001, help="Largest upload in MB.")] = 10,
    config: Annotated[Path | None, typer.Option("--config", help="Check uploads with this settings file.")] = None,
) -> None:
    """Start the web page: check a draft in the browser, and a team's week with --folder."""
    from qa_checker.serve import ServeError, needs_token

    try:
        _extra_installed()
        needs_token(host, token)
        serve_options = _options(host, token, folder, redact, max_upload, config)
    except ServeError as exc:
        raise _fail(str(exc)) from None
    _run(host, port, open_browser, serve_options)


def _extra_installed() -> None:
    from qa_checker.serve import ServeError

    try:
        import jinja2  # noqa: F401
        import python_multipart  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ServeError(f"qa-checker serve needs the web server packages ({exc.name} is missing); "
                         "install them with: pip install 'qa-checker[serve]'") from None


def _options(host, token, folder, redact, max_upload, config):
    from qa_checker.config import ConfigError
    from qa_checker.serve import ServeError
    from qa_checker.serve.app import MB, ServeOptions, settings_for

    if folder is not None and not folder.is_dir():
        raise ServeError(f"qa-checker serve: --folder {folder}: no such folder")
    if redact and folder is None:
        raise ServeError("qa-checker serve: --redact applies to the team page; give --folder too")
    try:
        settings_for(config)
    except ConfigError as exc:
        raise ServeError(str(exc)) from None
    hosts = ServeOptions.hosts + (host.strip("[]").lower(),)
    return ServeOptions(token=token or None, folder=folder.resolve() if folder else None, redact=redact,
                        max_upload=int(max_upload * MB), config=config, hosts=hosts)


def _run(host: str, port: int, open_browser: bool, options) -> None:
    import logging

    import uvicorn

    from qa_checker.serve.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    typer.echo(f"qa-checker: the page is at {url} (Ctrl-C stops it)", err=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    # access_log off: uvicorn's own line would show query strings; the app logs its own.
    uvicorn.run(create_app(options), host=host, port=port, access_log=False, log_level="warning",
                server_header=False, date_header=False)
