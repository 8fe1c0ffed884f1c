"""Reading documents: .txt/.md with YAML front matter, .html (main text via
trafilatura), .jsonl (one document per line); strict about encodings and binaries."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from graph_service.dates import parse_date
from graph_service.errors import DocumentReadError, InputTooLargeError, UnsupportedMediaError
from graph_service.extract.lexicon import SAFE_LOADER
from graph_service.models import Document

log = logging.getLogger(__name__)

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
_FRONT_KEYS = {"title", "date", "source", "url", "lang", "id"}


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise DocumentReadError(f"{path}: the document is empty", field="text")
    head = data[:8192]
    if b"\x00" in head:
        raise UnsupportedMediaError(f"{path}: binary data (NUL bytes), not a text document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "convert the file to UTF-8",
            field="text",
        ) from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise UnsupportedMediaError(f"{path}: binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


# a language tag as BCP 47 starts: a two- or three-letter code, optional subtags ("de", "pt-BR")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def _meta_lang(value: Any, where: str) -> str | None:
    """A declared language, checked: a wrong tag would silently select no lexicon."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _LANG_TAG.fullmatch(value.strip()):
        raise DocumentReadError(
            f"{where}: 'lang' must be a language code such as 'de' or 'en', got {value!r}",
            field="lang",
        )
    return value.strip().lower()


def _meta_date(value: Any, where: str) -> dt.date | None:
    """A declared date, checked: a date that cannot be read is an error, not a silent gap."""
    if value is None or value == "":
        return None
    date = parse_date(value)
    if date is None:
        raise DocumentReadError(
            f"{where}: 'date' must be a date as YYYY-MM-DD, got {value!r}", field="date"
        )
    return date


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between two '---' lines at the very start, and the body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for n, line in enumerate(lines[1:], 1):
        if line.strip() in ("---", "..."):
            try:
                meta = yaml.load("\n".join(lines[1:n]), Loader=SAFE_LOADER) or {}
            except yaml.YAMLError as exc:
                raise DocumentReadError(f"{path}: invalid YAML front matter: {exc}") from None
            if not isinstance(meta, dict):
                raise DocumentReadError(f"{path}: front matter is not a mapping")
            return meta, "\n".join(lines[n + 1 :]).lstrip("\n")
    return {}, text


def _text_document(text: str, path: str) -> Document:
    meta, body = split_front_matter(text, path)
    if not body.strip():
        raise DocumentReadError(f"{path}: the document has no text after the front matter")
    return Document(
        path=path,
        text=body,
        id=_str(meta.get("id")),
        title=_str(meta.get("title")),
        date=_meta_date(meta.get("date"), f"{path}: front matter"),
        url=_str(meta.get("url")),
        source=_str(meta.get("source")),
        lang=_meta_lang(meta.get("lang"), f"{path}: front matter"),
    )


def _html_document(text: str, path: str) -> Document:
    import trafilatura

    body = trafilatura.extract(
        text, include_comments=False, include_tables=False, favor_precision=True
    )
    if not body or not body.strip():
        raise DocumentReadError(f"{path}: no article text found in the HTML page")
    meta = trafilatura.extract_metadata(text)
    return Document(
        path=path,
        text=body,
        title=_str(getattr(meta, "title", None)),
        date=parse_date(getattr(meta, "date", None)),
        url=_str(getattr(meta, "url", None)),
        source=_str(getattr(meta, "sitename", None)),
        lang=_str(getattr(meta, "language", None)),
    )


def _jsonl_document(line: str, path: str, number: int) -> Document:
    where = f"{path}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentReadError(f"{where}: not JSON: {exc.msg}") from None
    if not isinstance(row, dict):
        raise DocumentReadError(f"{where}: a line must be a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentReadError(f"{where}: missing or empty 'text'", field="text")
    doc_id = _str(row.get("id"))  # the source's identifier; a line number is none
    return Document(
        path=f"{path}#{doc_id or number}",
        text=text,
        id=doc_id,
        title=_str(row.get("title")),
        date=_meta_date(row.get("date"), where),
        url=_str(row.get("url")),
        source=_str(row.get("source")),
        lang=_meta_lang(row.get("lang"), where),
    )


def document_from_bytes(data: bytes, *, path: str, fmt: str) -> Document:
    """One document from raw bytes; fmt is txt | md | html | jsonl-line."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputTooLargeError(
            f"{path}: {len(data)} bytes exceeds the limit of {MAX_DOCUMENT_BYTES} bytes"
        )
    if fmt not in ("txt", "md", "html", "jsonl-line"):
        raise UnsupportedMediaError(
            f"{path}: unsupported format {fmt!r} (txt, md, html, jsonl-line)"
        )
    text = _decode(data, path)
    if fmt == "html":
        return _html_document(text, path)
    if fmt == "jsonl-line":
        return _jsonl_document(text.strip(), path, 1)
    return _text_document(text, path)


def _walk(folder: Path) -> Iterator[Path | DocumentReadError]:
    """Every candidate document below a folder, sorted, following links to folders once.
    What cannot be a document is reported rather than dropped without a word: dangling
    links, link loops, FIFOs, sockets and devices."""
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path | DocumentReadError]:
        real = os.path.realpath(directory)
        if real in seen:
            yield DocumentReadError(f"{directory}: skipped, a link loop back to {real}")
            return
        seen.add(real)
        try:
            entries = sorted(directory.iterdir())
        except OSError as exc:
            yield DocumentReadError(f"{directory}: cannot list: {exc.strerror or exc}")
            return
        for child in entries:
            try:
                mode = child.stat().st_mode  # follows links
            except OSError as exc:
                if child.is_symlink():
                    yield DocumentReadError(f"{child}: skipped, a dangling or looping link")
                else:
                    yield DocumentReadError(f"{child}: cannot read: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(mode):
                yield from visit(child)
            elif child.suffix.lower() not in SUFFIX_FORMATS:
                continue  # images, notes, anything else next to a corpus: not ours to read
            elif stat.S_ISREG(mode):
                yield child
            else:
                yield DocumentReadError(f"{child}: skipped, {_file_kind(mode)}, not a file")

    yield from visit(folder)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _iter_files(paths: Iterable[str | Path]) -> Iterator[Path | DocumentReadError]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield DocumentReadError(f"{path}: a dangling or looping link")
        elif path.exists():
            yield DocumentReadError(f"{path}: {_file_kind(path.stat().st_mode)}, not a file")
        else:
            yield DocumentReadError(f"{path}: no such file or folder")


def _is_annotation_file(lines: list[str]) -> bool:
    # annotation files (gold.jsonl) sit next to corpora: not documents
    return not any('"text"' in line for line in lines)


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many documents read_documents will yield (documents and reported failures):
    one per text/HTML file, one per non-empty line of a JSONL file that holds documents."""
    total = 0
    for item in _iter_files(paths):
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            try:
                lines = item.read_text(encoding="utf-8", errors="replace").split("\n")
            except OSError:
                total += 1
                continue
            if not _is_annotation_file(lines):
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | DocumentReadError]:
    """Documents from files and folders (recursively, sorted). A file or line that
    cannot be read yields a DocumentReadError instead, so callers can go on."""
    for item in _iter_files(paths):
        if isinstance(item, DocumentReadError):
            yield item
            continue
        spath = str(item)
        fmt = SUFFIX_FORMATS.get(item.suffix.lower())
        if fmt is None:
            yield DocumentReadError(
                f"{spath}: unsupported file type {item.suffix!r} (.txt, .md, .html, .jsonl)"
            )
            continue
        try:
            size = item.stat().st_size
            if size > MAX_DOCUMENT_BYTES and fmt != "jsonl":
                raise InputTooLargeError(f"{spath}: {size} bytes exceeds the limit")
            data = item.read_bytes()
        except OSError as exc:
            yield DocumentReadError(f"{spath}: cannot read: {exc.strerror or exc}")
            continue
        except DocumentReadError as exc:
            yield exc
            continue
        except InputTooLargeError as exc:
            yield DocumentReadError(exc.message)
            continue
        if fmt == "jsonl":
            try:
                text = _decode(data, spath)
            except (DocumentReadError, UnsupportedMediaError) as exc:
                yield DocumentReadError(exc.message)
                continue
            lines = text.split("\n")
            if _is_annotation_file(lines):
                log.warning("%s: skipped, no line has a 'text' field", spath)
                continue
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield _jsonl_document(line, spath, number)
                except DocumentReadError as exc:
                    yield exc
            continue
        try:
            yield document_from_bytes(data, path=spath, fmt=fmt)
        except (DocumentReadError, UnsupportedMediaError) as exc:
            yield exc if isinstance(exc, DocumentReadError) else DocumentReadError(exc.message)
