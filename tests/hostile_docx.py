"""Hostile and broken Word files, made from a good one: a part rewritten, or the zip's own headers
lying about a part's size. Shared by the bad-input tests, the fuzz test and bench/bench_fuzz.py."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

DOCTYPE = re.compile(r"^(<\?xml[^>]*\?>)")


def rewrite_part(source: Path, target: Path, part: str, change: Callable[[str], str]) -> Path:
    """A copy of ``source`` with ``part`` (e.g. word/document.xml) passed through ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(item.filename, data)
    return target


def replace_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """A copy of ``source`` whose ``part`` holds ``data`` (added if missing)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != part:
                new.writestr(item.filename, old.read(item))
        new.writestr(part, data)
    return target


def with_entity(xml: str, name: str, value: str) -> str:
    """``xml`` with a DTD declaring ``&name;`` as ``value``, used in place of ``value``'s first occurrence."""
    assert value in xml
    used = xml.replace(value, f"&{name};", 1)
    return DOCTYPE.sub(rf'\1<!DOCTYPE w:document [<!ENTITY {name} "{value}">]>', used, count=1)


def understated(source: Path, target: Path, part: str, data: bytes, stated: int) -> Path:
    """A copy of ``source`` whose ``part`` inflates to ``data`` while every header says ``stated``
    bytes (and the CRC is that of the first ``stated`` bytes, so the headers agree with themselves)."""
    replace_part(source, target, part, b"")
    with zipfile.ZipFile(target) as archive:
        infos = archive.infolist()
    blob = bytearray(target.read_bytes())
    info = next(i for i in infos if i.filename == part)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    crc = zlib.crc32(data[:stated])
    name_len, extra_len = struct.unpack("<HH", blob[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    old_size = info.compress_size
    blob[start:start + old_size] = packed
    growth = len(packed) - old_size
    # the local header of the part
    struct.pack_into("<III", blob, info.header_offset + 14, crc, len(packed), stated)
    struct.pack_into("<H", blob, info.header_offset + 8, 8)
    # later local headers move; the central directory follows every local header
    end = blob.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", blob[end + 12:end + 20])
    position = cd_offset + growth
    struct.pack_into("<I", blob, end + 16, position)
    stop = position + cd_size
    while position < stop:
        assert blob[position:position + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack("<HHH", blob[position + 28:position + 34])
        name = bytes(blob[position + 46:position + 46 + name_len]).decode()
        (offset,) = struct.unpack("<I", blob[position + 42:position + 46])
        if name == part:
            struct.pack_into("<H", blob, position + 10, 8)
            struct.pack_into("<III", blob, position + 16, crc, len(packed), stated)
        elif offset > info.header_offset:
            struct.pack_into("<I", blob, position + 42, offset + growth)
        position += 46 + name_len + extra_len + comment_len
    target.write_bytes(bytes(blob))
    return target


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def body(xml: str) -> bytes:
    """A document.xml whose body is ``xml`` (WordprocessingML as the default namespace)."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<document xmlns="{W}"><body>{xml}</body></document>').encode()


def empty_paragraphs(count: int) -> bytes:
    """A document.xml of ``count`` empty paragraphs: 20 MB inflated, 5 million pack into about 48 KB."""
    return body("<p/>" * count)
