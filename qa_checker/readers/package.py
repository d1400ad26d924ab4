"""The Word package (a zip of XML parts) checked before python-docx loads it.

Every part is inflated here in small chunks, counting what comes out, and the XML parts are
walked as they inflate, counting elements, paragraphs and characters: a part whose zip headers
understate its size, or a small file holding millions of empty paragraphs, is refused after at
most one limit's worth of work, never loaded whole. Only then does python-docx read the package,
which can no longer hold more than the limits allow.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from qa_checker.readers.errors import (
    MAX_DOCX_ELEMENTS,
    MAX_DOCX_FILE_BYTES,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_UNCOMPRESSED,
    MAX_DOCX_XML_PART,
    MAX_TEXT_CHARS,
    InputError,
    damaged,
    too_many_characters,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BODY = "word/document.xml"
_CHUNK = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_STORED, _DEFLATED = 0, 8


def check_package(path: Path) -> None:
    """Refuse what is not a usable .docx, or holds more than the limits, before python-docx reads it."""
    infos = _container(path)
    budget = _Budget(str(path))
    with path.open("rb") as handle:
        for info in infos:
            _inflate(handle, info, budget)


def _container(path: Path) -> list[zipfile.ZipInfo]:
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty (0 bytes); save the recording again from Word")
    if size > MAX_DOCX_FILE_BYTES:
        raise InputError(f"{path}: the file is {size / 1e6:.0f} MB, over the {MAX_DOCX_FILE_BYTES / 1e6:.0f} MB limit; remove large pictures or check that this is the right file")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        _old_or_protected(path)
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            raise InputError(f"{path}: the Word file is damaged or incomplete (perhaps cut short while copying); open it in Word and save it again")
        raise InputError(f"{path}: this is not a Word .docx file (it may be damaged or another kind of file); open it in Word and save it as .docx")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise InputError(f"{path}: the Word file is damaged ({exc}); open it in Word and save it again") from None
    if BODY not in {info.filename for info in infos}:
        raise InputError(f"{path}: this zip file is not a Word document (no {BODY}); open it in Word and save it as .docx")
    # What the headers say is checked first (cheap); what the parts hold is counted as they inflate.
    total = sum(info.file_size for info in infos)
    largest_xml = max((i.file_size for i in infos if _is_xml(i.filename)), default=0)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise InputError(f"{path}: the document would expand to {total / 1e6:.0f} MB, over the {MAX_DOCX_UNCOMPRESSED / 1e6:.0f} MB limit; check that this is the right file")
    if largest_xml > MAX_DOCX_XML_PART:
        largest = max((i for i in infos if _is_xml(i.filename)), key=lambda i: i.file_size)
        raise InputError(f"{path}: {largest.filename} would expand to {largest.file_size / 1e6:.0f} MB, over the "
                         f"{MAX_DOCX_XML_PART / 1e6:.0f} MB limit for one part; check that this is the right file")
    return infos


def _old_or_protected(path: Path) -> None:
    with path.open("rb") as handle:
        data = handle.read(MAX_DOCX_FILE_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(f"{path}: the document is password-protected; save an unprotected copy (File > Info > Protect Document) and check that")
    raise InputError(f"{path}: this is an old-style Word 97-2003 document (.doc); open it in Word and save it as .docx")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


@dataclass
class _Budget:
    """What the whole package has used of the limits so far."""

    name: str
    inflated: int = 0
    elements: int = 0

    def too_large(self, part: str, stated: int, limit: int) -> InputError:
        said = f"{stated / 1000:.0f} KB" if stated >= 1000 else f"{stated} bytes"
        if limit == MAX_DOCX_XML_PART:
            return InputError(f"{self.name}: {part} expands to more than {limit / 1e6:.0f} MB, over the limit for "
                              f"one part (the zip's headers say {said}); check that this is the right file")
        return InputError(f"{self.name}: the document expands to more than {MAX_DOCX_UNCOMPRESSED / 1e6:.0f} MB, "
                          f"over the limit (the zip's headers say {said} for {part}); check that this is the right file")


def _inflate(handle, info: zipfile.ZipInfo, budget: _Budget) -> None:
    """Inflate one part chunk by chunk, exactly as zipfile will read it, within the limits."""
    name, part = budget.name, info.filename
    if info.flag_bits & 0x1:
        raise damaged(name, f"{part} is encrypted")
    if info.compress_type not in (_STORED, _DEFLATED):
        raise damaged(name, f"{part} is compressed in a way Word does not write (method {info.compress_type})")
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise damaged(name, f"{part} is missing from where the zip's directory says it is")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    handle.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    xml = _is_xml(part)
    limit = MAX_DOCX_XML_PART if xml else MAX_DOCX_UNCOMPRESSED - budget.inflated
    counter = _XmlCounter(name, part, budget) if xml else None
    inflater = zlib.decompressobj(-15) if info.compress_type == _DEFLATED else None
    size, crc, left = 0, 0, info.compress_size
    while left > 0:
        raw = handle.read(min(_CHUNK, left))
        if not raw:
            raise damaged(name, f"{part} is cut short")
        left -= len(raw)
        pending = raw
        while pending:
            if inflater is None:
                out, pending = pending, b""
            else:
                try:
                    out = inflater.decompress(pending, _CHUNK)
                except zlib.error:
                    raise damaged(name, f"{part} cannot be inflated") from None
                pending = inflater.unconsumed_tail
            size += len(out)
            if size > limit or budget.inflated + size > MAX_DOCX_UNCOMPRESSED:
                raise budget.too_large(part, info.file_size, limit)
            crc = zlib.crc32(out, crc)
            if counter:
                counter.feed(out)
            if inflater is not None and inflater.eof:
                break
        if inflater is not None and inflater.eof:
            break
    if size > info.file_size:
        raise damaged(name, f"{part} is larger than the zip's headers say ({info.file_size:,} bytes)")
    if size < info.file_size:
        raise damaged(name, f"{part} is cut short")
    if crc != info.CRC:
        raise damaged(name, f"{part} does not match its checksum")
    budget.inflated += size
    if counter:
        counter.close()


class _XmlCounter:
    """Counts an XML part as it inflates, refusing it as soon as it holds more than the limits.

    Elements are counted in the bytes (every ``<`` that does not open an end tag: ``<`` cannot
    stand unescaped in text or attributes, so this never counts fewer than there are). word/document.xml is also parsed as it comes, for its
    paragraphs and characters, keeping only the paragraph being counted."""

    def __init__(self, name: str, part: str, budget: _Budget) -> None:
        self.name, self.part, self.budget = name, part, budget
        self.paragraphs = 0
        self.characters = 0
        self.parser = None
        if part == BODY:
            self.parser = etree.XMLPullParser(
                events=("end",), tag=(f"{{{W}}}p", f"{{{W}}}t"),
                resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
            )

    def feed(self, data: bytes) -> None:
        self.budget.elements += data.count(b"<") - data.count(b"</")
        if self.budget.elements > MAX_DOCX_ELEMENTS:
            raise InputError(f"{self.name}: {self.part} holds more than {MAX_DOCX_ELEMENTS:,} XML elements, "
                             "far more than a recording; check that this is the right file")
        if self.parser is not None:
            try:
                self.parser.feed(data)
            except etree.XMLSyntaxError as exc:
                raise self._broken(exc) from None
            self._count()

    def close(self) -> None:
        if self.parser is None:
            return
        try:
            self.parser.close()
        except etree.XMLSyntaxError as exc:
            raise self._broken(exc) from None
        self._count()

    def _broken(self, exc: etree.XMLSyntaxError) -> InputError:
        reason = re.sub(r" \(<string>, line \d+\)$", "", (str(exc).splitlines() or [""])[0])[:160] or "not well-formed"
        return damaged(self.name, f"{self.part} is not well-formed XML ({reason})")

    def _count(self) -> None:
        assert self.parser is not None  # counted while the part is being parsed
        for _, element in self.parser.read_events():
            if element.tag == f"{{{W}}}t":
                self.characters += len(element.text or "")
                continue
            self.paragraphs += 1
            # Keep memory flat: a counted paragraph, and those before it, are dropped.
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
            if self.paragraphs > MAX_DOCX_PARAGRAPHS:
                raise InputError(f"{self.name}: {self.part} holds more than {MAX_DOCX_PARAGRAPHS:,} paragraphs, "
                                 "far more than a recording; check that this is the right file")
            if self.characters > MAX_TEXT_CHARS:
                raise too_many_characters(self.name)
