"""From files on disk to text the parser can read, or a reason why not.

``discover_inputs`` lists what is under the input directory (and what may not be
read there); ``read_input`` reads one file, bounded in size, and decodes it:
UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy Windows-1252 /
Latin-1 texts; web pages are turned into text, PDFs too (``unres.pdf_text``,
cached by ``unres.pdf_cache``). Line endings come out as "\\n".
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import hashlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from schemas.vocabulary import RejectReason
from unres.html_text import html_to_text
from unres.pdf_cache import cached_extraction, store_extraction
from unres.pdf_text import extract_pdf
from unres.reject import Reject


@dataclass(frozen=True, slots=True)
class FileSignature:
    """What ``stat`` says of a file. As git trusts its index, a build trusts the sha256
    an earlier release recorded for an input whose signature is unchanged: a write
    changes the modification or status-change time (the latter cannot be set back),
    a file put in its place has another inode."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileSignature:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One entry found under the input directory.

    ``location`` is where to read it (a symbolic link stays a link; ``path`` as a
    Path, made when asked for: making 100,000 of them took a second); ``doc_id`` is the
    path relative to the input directory with "/" separators. ``problem`` is set
    when the entry must not or cannot be read at all (a link leading outside the
    input directory, a broken link, a FIFO): it goes straight to the rejects.
    ``signature`` is the file's, taken before its bytes are read; None for an entry
    with a problem and for a file changed within RACY_NANOSECONDS of discovery.
    ``identity`` is the (device, inode) of the file listed: the file opened must be
    that one (a file or link swapped in after the listing is refused). A link inside
    the input directory is read at its target, which ``location`` then names.
    """

    location: str
    doc_id: str
    problem: Reject | None = None
    signature: FileSignature | None = None
    identity: tuple[int, int] | None = None

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class InputRecord:
    """What a release's manifest records of one input: its bytes' sha256 (None when
    they were not read) and its signature when it can be trusted next time."""

    doc_id: str
    sha256: str | None
    signature: FileSignature | None = None

    def to_json(self) -> dict[str, object]:
        stat = self.signature
        return {
            "doc_id": self.doc_id,
            "sha256": self.sha256,
            "stat": None
            if stat is None
            else {
                "size": stat.size,
                "mtime_ns": stat.mtime_ns,
                "ctime_ns": stat.ctime_ns,
                "inode": stat.inode,
            },
        }

    @classmethod
    def from_json(cls, entry: Mapping[str, Any]) -> InputRecord:
        stat = entry.get("stat")  # absent from manifests written before signatures
        signature = (
            None
            if stat is None
            else FileSignature(stat["size"], stat["mtime_ns"], stat["ctime_ns"], stat["inode"])
        )
        return cls(entry["doc_id"], entry["sha256"], signature)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # "pdf" for a PDF's extracted text
    was_html: bool
    was_pdf: bool = False


# --- byte-level signs ----------------------------------------------------------

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A PDF's header may follow some junk, within its first kilobyte.
_PDF_SIGNATURE = b"%PDF-"
_PDF_HEADER_BYTES = 1024
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (also DOCX, ODT, XLSX)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (old Word or Excel)"),
    (b"\x1f\x8b", "a gzip archive"),
)
# Control bytes that plain text does not contain (tab, line breaks, form feed and
# escape excluded). Form feeds are page breaks in PDF-to-text output.
_STRAY_CONTROL_BYTES = bytes(set(range(0x20)) - set(b"\t\n\v\f\r\x1b")) + b"\x7f"
_BINARY_SAMPLE_BYTES = 65536
_MAX_STRAY_CONTROL_RATIO = 0.10

# --- text-level signs of a web page ----------------------------------------------

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ROOT_TAG = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
# <br> is left out: Markdown converters write it for hard line breaks.
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6])\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_SAMPLE_CHARS = 65536
# A page made of tags rather than Markdown that holds a few: at least this many
# block tags, and one per this many lines.
_MIN_BLOCK_TAGS = 10
_LINES_PER_BLOCK_TAG = 3

_LINE_BREAK = re.compile(r"\r\n?")
_LEGACY_SAMPLE_CHARS = 20000


# --- reading ---------------------------------------------------------------------


def read_input(path: Path, *, max_bytes: int) -> str | Reject:
    """The text of the file at ``path``, or why it cannot be had."""
    decoded = read_decoded(path, max_bytes=max_bytes)
    return decoded if isinstance(decoded, Reject) else decoded.text


def read_decoded(path: Path, *, max_bytes: int) -> DecodedText | Reject:
    """The decoded file at ``path`` (telling a web page from a text), or why it cannot be had."""
    data = _read_bytes(path, max_bytes=max_bytes)
    return data if isinstance(data, Reject) else _decode_file(path, data)


@dataclass(frozen=True, slots=True)
class HashedInput:
    """An input's bytes, read once: their sha256, and their text or why it has none."""

    sha256: str
    decoded: DecodedText | Reject


def read_and_hash(
    path: Path,
    *,
    max_bytes: int,
    pdf_cache: Path | None = None,
    identity: tuple[int, int] | None = None,
) -> HashedInput | Reject:
    """Read the file at ``path`` once, hash and decode the same bytes: the hash recorded
    is that of the text parsed even if the file is rewritten meanwhile. A Reject here
    means the bytes were not read (too large, not a regular file, an I/O error).
    A PDF's extraction is looked up in, and kept in, ``pdf_cache`` when given;
    ``identity``: see ``InputFile``."""
    data = _read_bytes(path, max_bytes=max_bytes, identity=identity)
    if isinstance(data, Reject):
        return data
    sha256 = hashlib.sha256(data).hexdigest()
    if is_pdf(data):
        return HashedInput(sha256, read_pdf(data, sha256=sha256, cache=pdf_cache))
    return HashedInput(sha256, _decode_file(path, data))


def is_pdf(data: bytes) -> bool:
    return _PDF_SIGNATURE in data[:_PDF_HEADER_BYTES]


def read_pdf(
    data: bytes, *, sha256: str | None = None, cache: Path | None = None
) -> DecodedText | Reject:
    """The text of a PDF (extracted once per ``sha256`` when a cache is given)."""
    extraction = None
    if cache is not None and sha256 is not None:
        extraction = cached_extraction(cache, sha256)
    if extraction is None:
        extraction = extract_pdf(data)
        if cache is not None and sha256 is not None:
            store_extraction(cache, sha256, extraction)
    if isinstance(extraction, Reject):
        return extraction
    return DecodedText(text=extraction.text, encoding="pdf", was_html=False, was_pdf=True)


def _read_bytes(
    path: Path, *, max_bytes: int, identity: tuple[int, int] | None = None
) -> bytes | Reject:
    """The bytes of the file at ``path``, or why they cannot be had.

    Never reads more than ``max_bytes + 1`` bytes. The file is opened without following
    a symbolic link and without blocking (a FIFO would block the build), then checked
    on the open descriptor: a regular file, and the one listed (``identity``), so a
    file swapped for another or for a link after the listing is never read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Reject(
                RejectReason.UNREADABLE, "replaced by a symbolic link since it was listed"
            )
        return Reject(RejectReason.UNREADABLE, f"cannot open: {error.strerror or error}")
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Reject(RejectReason.UNREADABLE, "not a regular file")
        if identity is not None and (info.st_dev, info.st_ino) != identity:
            return Reject(RejectReason.UNREADABLE, "replaced by another file since it was listed")
        if info.st_size > max_bytes:
            return Reject(RejectReason.TOO_LARGE, f"{info.st_size} bytes, the limit is {max_bytes}")
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            return Reject(RejectReason.UNREADABLE, f"cannot read: {error.strerror or error}")
    if len(data) > max_bytes:  # grew since stat
        return Reject(RejectReason.TOO_LARGE, f"more than {max_bytes} bytes")
    return data


def _decode_file(path: Path, data: bytes) -> DecodedText | Reject:
    return decode_input(data, html_hint=path.suffix.lower() in _HTML_SUFFIXES)


def decode_input(data: bytes, *, html_hint: bool = False) -> DecodedText | Reject:
    """Decode an input's bytes; turn a web page into text.

    ``html_hint`` (the file is named .html/.htm) lets a page with few tags count
    as HTML. ``DecodedText.was_html`` tells a page from a text file, for the
    caller that must tell "a page with no resolution" from "not a resolution".
    """
    if not data.strip():
        return Reject(RejectReason.EMPTY, "no bytes" if not data else "only whitespace")
    if is_pdf(data):
        return read_pdf(data)
    marked = _decode_marked(data)
    if isinstance(marked, Reject):
        return marked
    if marked is not None:
        text, encoding = marked
    else:
        binary = _binary_reason(data)
        if binary is not None:
            return Reject(RejectReason.BINARY, binary)
        unmarked = _decode_unmarked(data)
        if isinstance(unmarked, Reject):
            return unmarked
        text, encoding = unmarked
    text = _LINE_BREAK.sub("\n", text)
    was_html = _looks_like_html(text, html_hint=html_hint)
    if was_html:
        text = html_to_text(text)
    if not text.strip():
        return Reject(
            RejectReason.EMPTY, "a web page with no text" if was_html else "only whitespace"
        )
    return DecodedText(text=text, encoding=encoding, was_html=was_html)


def _decode_marked(data: bytes) -> tuple[str, str] | Reject | None:
    """Decode by byte-order mark; None when there is none."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                return Reject(
                    RejectReason.NOT_UTF8, f"invalid {codec} after its byte-order mark: {error}"
                )
    return None


def _binary_reason(data: bytes) -> str | None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    sample = data[:_BINARY_SAMPLE_BYTES]
    stray = len(sample) - len(sample.translate(None, _STRAY_CONTROL_BYTES))
    if stray > _MAX_STRAY_CONTROL_RATIO * len(sample):
        return f"{stray} control bytes in the first {len(sample)}"
    return None


def _decode_unmarked(data: bytes) -> tuple[str, str] | Reject:
    """UTF-8 if valid, else the legacy encoding the bytes most plausibly are in."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        not_utf8 = f"invalid UTF-8 byte 0x{data[error.start]:02x} at offset {error.start}"
    best = from_bytes(data).best()
    if best is None:
        return Reject(RejectReason.NOT_UTF8, f"{not_utf8}, and no other text encoding fits")
    guess = str(best)
    # The detector often names cp1250 or a DOS code page for Western text, which
    # turns "à" into "ŕ". Trust it only when it recognised a language written in
    # another script (a Cyrillic cp1251 text); otherwise the bytes are what
    # Western tools write: Windows-1252, a superset of Latin-1's printable range.
    if not (best.coherence > 0 and _mostly_non_latin(guess)):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return guess, best.encoding


def _mostly_non_latin(text: str) -> bool:
    letters = [c for c in text[:_LEGACY_SAMPLE_CHARS] if not c.isascii() and c.isalpha()]
    non_latin = sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN"))
    return non_latin * 2 > len(letters)


def _looks_like_html(text: str, *, html_hint: bool) -> bool:
    sample = text[:_HTML_SAMPLE_CHARS]
    if _HTML_START.match(sample) or _HTML_ROOT_TAG.search(sample):
        return True
    if html_hint:
        return _ANY_TAG.search(sample) is not None
    block_tags = len(_BLOCK_TAG.findall(sample))
    lines = sample.count("\n") + 1
    return block_tags >= _MIN_BLOCK_TAGS and block_tags * _LINES_PER_BLOCK_TAG >= lines


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file's bytes, read in chunks."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


# --- discovery -------------------------------------------------------------------

# A file whose modification or status-change time lies within this much of the moment
# it was listed gets no signature: file-system clocks tick coarsely (a jiffy on Linux,
# 2 s on FAT), so a write later in the same tick could leave its stat as it was.
RACY_NANOSECONDS = 2_000_000_000


def discover_inputs(raw: Path) -> list[InputFile]:
    """Every input under ``raw``, sorted by doc_id, each with its signature.

    Hidden entries (dot-files and dot-directories) are skipped. Symbolic links are
    followed only when their target stays inside ``raw``; any other link, and any
    entry that is not a regular file or directory, is listed with a ``problem``.
    """
    root = raw.resolve(strict=True)
    walk = _Walk(root, settled_before=time.time_ns() - RACY_NANOSECONDS)
    walk.directory(raw, "", root, frozenset({root}))
    return sorted(_distinct_ids(walk.found), key=lambda entry: entry.doc_id)


def _distinct_ids(found: list[InputFile]) -> list[InputFile]:
    """The entries, each with a doc_id of its own. Two names can give one doc_id (a
    name with undecodable bytes, spelt out as "\\xe9", and a name holding that text
    literally): the first by the bytes of its path keeps it, the others get "#2", "#3"
    (the first number free), so the ids are stable from build to build."""
    by_id: dict[str, list[InputFile]] = {}
    for entry in found:
        by_id.setdefault(entry.doc_id, []).append(entry)
    taken = set(by_id)
    distinct = []
    for doc_id, entries in by_id.items():
        first, *others = sorted(entries, key=lambda entry: os.fsencode(entry.location))
        distinct.append(first)
        number = 1
        for other in others:
            number += 1
            while f"{doc_id}#{number}" in taken:
                number += 1
            taken.add(f"{doc_id}#{number}")
            distinct.append(dataclasses.replace(other, doc_id=f"{doc_id}#{number}"))
    return distinct


@dataclass(slots=True)
class _Walk:
    root: Path
    settled_before: int  # files changed since this time (ns) get no signature
    found: list[InputFile] = field(default_factory=list)

    def directory(
        self, directory: Path, doc_id: str, real: Path, open_directories: frozenset[Path]
    ) -> None:
        """Collect the entries of ``directory`` (``doc_id``: its own, "" for the input
        directory; ``real``: its resolved path); ``open_directories`` guards link cycles.

        The type of an entry that is not a link comes with the listing, so a plain
        file costs one ``stat`` (for its signature) and a plain directory none.
        """
        try:
            entries = list(os.scandir(directory))
        except OSError as error:
            if not doc_id:  # the input directory itself: nothing to build from
                raise
            self._problem(
                str(directory), doc_id, RejectReason.UNREADABLE, f"cannot list: {error.strerror}"
            )
            return
        prefix = f"{doc_id}/" if doc_id else ""
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            entry_id = prefix + _readable(entry.name)
            if entry.is_symlink():
                self._link(path, entry_id, open_directories)
            elif entry.is_dir(follow_symlinks=False):
                inside = real / entry.name
                self.directory(Path(path), entry_id, inside, open_directories | {inside})
            elif entry.is_file(follow_symlinks=False):
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError as error:  # gone since the listing, say
                    self._problem(
                        path, entry_id, RejectReason.UNREADABLE, f"cannot stat: {error.strerror}"
                    )
                    continue
                self._file(path, entry_id, info)
            else:
                self._problem(path, entry_id, RejectReason.UNREADABLE, "not a regular file")

    def _link(self, path: str, doc_id: str, open_directories: frozenset[Path]) -> None:
        """A symbolic link, followed only when its target lies inside the input directory.

        Details never name a path outside the input directory."""
        try:
            target = Path(path).resolve(strict=True)
            info = target.stat()
        except RuntimeError:  # Python 3.11 reports a loop so
            self._problem(path, doc_id, RejectReason.UNREADABLE, "a symbolic link loop")
            return
        except OSError as error:
            what = "a symbolic link loop" if error.errno == errno.ELOOP else "a broken link"
            self._problem(path, doc_id, RejectReason.UNREADABLE, what)
            return
        if not target.is_relative_to(self.root):
            detail = "a symbolic link to a file outside the input directory"
            self._problem(path, doc_id, RejectReason.SYMLINK_OUTSIDE_RAW, detail)
        elif stat.S_ISDIR(info.st_mode):
            if target not in open_directories:  # else a link back up: already being walked
                self.directory(Path(path), doc_id, target, open_directories | {target})
        elif stat.S_ISREG(info.st_mode):
            self._file(str(target), doc_id, info)
        else:
            self._problem(path, doc_id, RejectReason.UNREADABLE, "not a regular file")

    def _file(self, path: str, doc_id: str, info: os.stat_result) -> None:
        settled = max(info.st_mtime_ns, info.st_ctime_ns) < self.settled_before
        signature = FileSignature.of(info) if settled else None
        identity = (info.st_dev, info.st_ino)
        self.found.append(InputFile(path, doc_id, signature=signature, identity=identity))

    def _problem(self, path: str, doc_id: str, reason: RejectReason, detail: str) -> None:
        self.found.append(InputFile(path, doc_id, problem=Reject(reason, detail)))


def _readable(name: str) -> str:
    """A file name as a doc_id part. A name that is not valid UTF-8 arrives with
    surrogate escapes, which no Parquet string can hold; its odd bytes are spelt out."""
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
