"""The review history under contention and on files it did not make: it waits for another review's
lock (then says so in one line), refuses a database some other program made, and two reviews
creating a new one at the same moment both succeed."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, build

from qa_checker.review import history as history_module
from qa_checker.review.history import History, HistoryError


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setattr(history_module, "WAIT_SECONDS", 0.3)


def _locked_by_another(db):
    History(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_a_locked_history_waits_then_says_so_in_one_line(short_wait, tmp_path):
    db = tmp_path / "history.sqlite"
    holder = _locked_by_another(db)
    with pytest.raises(HistoryError) as raised:
        History(db)
    assert str(raised.value) == (f"{db}: another review (or another program) is using the history file and did not "
                                 "finish within 0.3 s; try again when it has finished")
    folder = tmp_path / "week"
    folder.mkdir()
    build(GOOD_SPEC, "text", folder, "recording")
    run = run_cli("review", str(folder), "--history", str(db))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"qa-checker review: {raised.value}\n"
    holder.close()


def test_a_lock_released_within_the_wait_is_waited_for(monkeypatch, tmp_path):
    monkeypatch.setattr(history_module, "WAIT_SECONDS", 10.0)
    db = tmp_path / "history.sqlite"
    holder = _locked_by_another(db)
    threading.Timer(0.3, holder.close).start()
    started = time.monotonic()
    with History(db) as history:
        assert history.previous_review() is None
    assert time.monotonic() - started >= 0.2


def test_a_database_it_did_not_create_is_refused_and_left_alone(tmp_path):
    db = tmp_path / "contacts.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE families (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO families (name) VALUES ('Smith')")
    before = db.read_bytes()
    with pytest.raises(HistoryError) as raised:
        History(db)
    assert str(raised.value) == (f"{db}: this is not a qa-checker history file (it holds another program's tables); "
                                 "give --history a new file name or an existing qa-checker history")
    assert db.read_bytes() == before
    folder = tmp_path / "week"
    folder.mkdir()
    build(GOOD_SPEC, "text", folder, "recording")
    run = run_cli("review", str(folder), "--history", str(db))
    assert (run.returncode, run.stdout, run.stderr) == (2, "", f"qa-checker review: {raised.value}\n")
    assert db.read_bytes() == before


def test_a_database_with_our_table_names_but_another_programs_id_is_refused(tmp_path):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA application_id = 1234")
    with pytest.raises(HistoryError) as raised:
        History(db)
    assert str(raised.value).startswith(f"{db}: this is not a qa-checker history file (it belongs to another program")


def test_two_reviews_creating_a_new_history_together_both_succeed(tmp_path):
    for attempt in range(6):
        db = tmp_path / f"new-{attempt}.sqlite"
        start = threading.Barrier(6)
        errors: list[BaseException] = []

        def open_it(db=db, start=start, errors=errors) -> None:
            start.wait()
            try:
                History(db).close()
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA user_version").fetchone() == (len(history_module.MIGRATIONS),)
