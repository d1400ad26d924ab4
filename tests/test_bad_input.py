"""Files that cannot be checked: one clear line naming the file, no traceback, the batch goes on."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, build

from qa_checker import check_paths
from qa_checker.readers.errors import MAX_DOCX_UNCOMPRESSED

CLI = [sys.executable, "-m", "qa_checker"]


def _good_docx(tmp_path: Path) -> Path:
    return build(GOOD_SPEC, "docx", tmp_path, "good")


def _corrupt_zip(tmp_path):
    data = _good_docx(tmp_path).read_bytes()
    path = tmp_path / "corrupt.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _empty_docx(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    return path


def _legacy_doc(tmp_path):
    path = tmp_path / "legacy.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    return path


def _legacy_doc_renamed(tmp_path):
    path = tmp_path / "renamed.docx"
    path.write_bytes(_legacy_doc(tmp_path).read_bytes())
    return path


def _random_bytes(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096))
    return path


def _password_protected(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _good_docx(tmp_path)
    path = tmp_path / "protected.docx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    return path


def _malformed_xml(tmp_path):
    path = tmp_path / "malformed.docx"
    with zipfile.ZipFile(_good_docx(tmp_path)) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return path


def _zip_bomb(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(_good_docx(tmp_path)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        chunk = b"\x00" * (1 << 20)
        with target.open("word/media/image1.bin", "w", force_zip64=True) as member:
            for _ in range(MAX_DOCX_UNCOMPRESSED // len(chunk) + 10):
                member.write(chunk)
    return path


def _empty_txt(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _huge_txt(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Mum arrived at 16:00. " * (5_000_000 // 22))
    return path


def _binary_txt(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(256))
    return path


def _undecodable_utf16(tmp_path):
    path = tmp_path / "broken16.txt"
    path.write_bytes(b"\xff\xfe" + "Mum".encode("utf-16-le") + b"\x00\xd8")
    return path


BAD = {
    "corrupt-zip": (_corrupt_zip, "damaged"),
    "empty-docx": (_empty_docx, "empty"),
    "legacy-doc": (_legacy_doc, "Word 97-2003"),
    "legacy-doc-named-docx": (_legacy_doc_renamed, "Word 97-2003"),
    "random-bytes": (_random_bytes, "not a Word .docx"),
    "password-protected": (_password_protected, "password-protected"),
    "malformed-xml": (_malformed_xml, "damaged"),
    "zip-bomb": (_zip_bomb, "limit"),
    "empty-txt": (_empty_txt, "empty"),
    "five-mb-txt": (_huge_txt, "larger than a recording"),
    "binary-txt": (_binary_txt, "not a text file"),
    "bad-utf16": (_undecodable_utf16, "UTF-16"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_gets_one_clear_line(kind, tmp_path):
    make, words = BAD[kind]
    bad = make(tmp_path)
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    good = build(GOOD_SPEC, "text", tmp_path, "zz-good")
    reports = check_paths([bad, good])
    assert [r.path for r in reports] == [str(bad), str(good)]
    error = reports[0].error
    assert error is not None and str(bad) in error and words in error
    assert "\n" not in error and "Traceback" not in error
    assert reports[0].passed is False and reports[0].findings == []
    assert reports[1].error is None and reports[1].passed
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before


def test_cli_reports_bad_file_and_goes_on(tmp_path):
    bad = _corrupt_zip(tmp_path)
    good = build(GOOD_SPEC, "text", tmp_path, "zz-good")
    run = subprocess.run(CLI + ["check", str(tmp_path), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    data = json.loads(run.stdout)
    by_path = {r["path"]: r for r in data["reports"]}
    assert by_path[str(bad)]["error"].startswith(f"{bad}: the Word file is damaged")
    assert by_path[str(good)]["passed"] is True
    text = subprocess.run(CLI + ["check", str(bad)], capture_output=True, text=True, timeout=120)
    assert text.returncode == 2 and "Traceback" not in text.stdout + text.stderr
    assert "cannot check: the Word file is damaged" in text.stdout


def test_missing_path_is_an_input_error(tmp_path):
    run = subprocess.run(CLI + ["check", str(tmp_path / "nope.docx")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "no such file or folder" in run.stdout
