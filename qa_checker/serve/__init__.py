"""``qa-checker serve``: a web page for supervisors (check a draft, see the findings beside its text,
download the annotated copy) and team leaders (a folder's week at a glance), and the small JSON
API the page uses. Needs the ``serve`` extra: ``pip install 'qa-checker[serve]'``.

The app only calls the library (``check_document``, ``annotate_file``, the review's summary);
nothing here is imported by the core.
"""

from __future__ import annotations

import ipaddress

__all__ = ["ServeError", "needs_token"]


class ServeError(Exception):
    """The server cannot start as asked. ``str()`` is one line: what is wrong and what to do."""


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def needs_token(host: str, token: str | None) -> None:
    """Refuse to listen beyond this computer without an access token."""
    if not is_loopback(host) and not token:
        raise ServeError(
            f"qa-checker serve: listening on {host} lets other computers reach the page; give --token "
            "(or set QA_CHECKER_TOKEN), and on a shared server put the trust's reverse proxy and sign-in in front")
