"""Writing releases so a reader never sees half of one.

Layout (see docs/CONTRACT.md, "Release layout")::

    out/.lock                     held by the one build that may write here (unres.lock)
    out/releases/.staging-*/      a release being written: invisible to readers
    out/releases/<release_id>/    a published release: immutable
    out/latest -> releases/<id>   what analysts open
    out/latest.json               the same pointer as a file: release id, path,
                                  creation time and the manifest's sha256

A release is written into a staging directory, fsynced, renamed into place in
one step, and only then is ``latest`` switched, itself by an atomic rename of a
new symbolic link, then ``latest.json``, also replaced in one step. A crash at
any point leaves ``latest`` and every earlier release as they were; the staging
left behind is removed by the next build.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from schemas import (
    SCHEMA_VERSION,
    TABLE_FILE_SUFFIX,
    TABLES,
    SchemaViolation,
    validate_tables,
)
from unres.ingest import InputRecord

RELEASES_DIR = "releases"
LATEST_LINK = "latest"
# The pointer for readers that see files, not links: a copy of the release root in
# object storage, or served over HTTP.
LATEST_POINTER = "latest.json"
MANIFEST_FILE = "manifest.json"
STAGING_PREFIX = ".staging-"

_RELEASE_ID_TIME = "%Y%m%dT%H%M%SZ"
_RELEASE_ID_ATTEMPTS = 100


def new_staging_dir(out_dir: Path) -> Path:
    """A fresh, empty directory to write the next release's tables into."""
    releases = out_dir / RELEASES_DIR
    releases.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=releases))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the published release from readers
    return staging


def new_release_id(out_dir: Path) -> str:
    """An id no release under ``out_dir`` has: the current time. Call under BuildLock."""
    return _unused_release_id(out_dir / RELEASES_DIR, dt.datetime.now(dt.UTC))


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging directories, and the new ``latest`` link or ``latest.json`` not
    yet renamed into place, left by builds that died. Call only under BuildLock."""
    releases = out_dir / RELEASES_DIR
    if not releases.is_dir():
        return []
    stale = sorted(p for p in releases.iterdir() if p.name.startswith(STAGING_PREFIX))
    for path in stale:
        shutil.rmtree(path)
    pointers = sorted(
        path
        for pattern in (f".{LATEST_LINK}-*", f".{LATEST_POINTER}-*")
        for path in out_dir.glob(pattern)
    )
    for path in pointers:
        path.unlink()
    return stale + pointers


def publish_release(
    staging: Path,
    out_dir: Path,
    *,
    inputs: Sequence[InputRecord],
    parser_version: str,
    schema_version: str,
    extra: Mapping[str, object] | None = None,
    release_id: str | None = None,
) -> Path:
    """Seal the tables in ``staging`` as a release and point ``latest`` at it.

    ``inputs`` are the records of every input file (doc_id, sha256, signature), the
    hash None for one whose bytes were not read (a link leading outside the input
    directory).
    ``release_id`` is one taken earlier with ``new_release_id`` (so that files
    written into ``staging`` can name it); a new one by default. Returns the
    release's directory. Call under BuildLock.
    """
    releases = out_dir / RELEASES_DIR
    if staging.resolve().parent != releases.resolve():
        raise ValueError(f"{staging} is not a staging directory of {out_dir} (new_staging_dir)")
    table_files = sorted(staging.glob(f"*{TABLE_FILE_SUFFIX}"))
    if not table_files:
        raise ValueError(f"{staging} holds no {TABLE_FILE_SUFFIX} table files")
    other_files = sorted(
        path
        for path in staging.iterdir()
        if path.is_file() and path.suffix != TABLE_FILE_SUFFIX and path.name != MANIFEST_FILE
    )
    previous = latest_release(out_dir)
    created = dt.datetime.now(dt.UTC)
    if release_id is None:
        release_id = _unused_release_id(releases, created)
    elif (releases / release_id).exists():
        raise FileExistsError(errno.EEXIST, "release id already taken", str(releases / release_id))
    manifest: dict[str, object] = {
        "release_id": release_id,
        "schema_version": schema_version,
        "parser_version": parser_version,
        "created_at": created.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "previous_release": previous.name if previous else None,
        "inputs": [record.to_json() for record in sorted(inputs, key=_doc_id_of)],
        "tables": {
            path.name.removesuffix(TABLE_FILE_SUFFIX): _table_entry(path) for path in table_files
        },
        # Everything else a release holds (its README.md, datapackage.json, report.html).
        "files": {path.name: _file_entry(path) for path in other_files},
    }
    clashes = manifest.keys() & (extra or {}).keys()
    if clashes:
        raise ValueError(f"extra manifest fields clash with the manifest's own: {sorted(clashes)}")
    manifest.update(extra or {})
    manifest_path = staging / MANIFEST_FILE
    manifest_path.write_text(_manifest_json(manifest), encoding="utf-8")
    for path in [*table_files, *other_files, manifest_path]:
        path.chmod(0o444)  # published files are never rewritten
        _fsync_file(path)
    _fsync_dir(staging)

    release = releases / release_id
    os.rename(staging, release)  # the release appears, whole, in this one step
    _fsync_dir(release.parent)
    _point_latest(out_dir, release, manifest)
    return release


def latest_release(out_dir: Path) -> Path | None:
    """The release ``latest`` points at, or None when there is none (yet)."""
    link = out_dir / LATEST_LINK
    if not link.is_symlink():
        return None
    release = out_dir / os.readlink(link)
    return release if release.is_dir() else None


def read_manifest(release: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((release / MANIFEST_FILE).read_text(encoding="utf-8"))
    return manifest


def verify_release(release: Path) -> list[str]:
    """Everything wrong with a published release; empty when it is whole.

    Recomputes the hash of every file the manifest lists (and every table's row
    count), looks for files it does not list, checks the manifest's own hash when
    ``latest.json`` names this release, and holds the tables to the schemas.
    ``release`` may be the ``latest`` link: the release it points at is checked.
    """
    release = release.resolve()
    try:
        manifest = read_manifest(release)
    except (OSError, ValueError) as error:
        return [f"{MANIFEST_FILE}: cannot be read: {error}"]
    problems: list[str] = []
    if manifest.get("release_id") != release.name:
        problems.append(
            f"{MANIFEST_FILE}: release_id {manifest.get('release_id')!r} "
            f"is not the directory's name {release.name!r}"
        )
    listed = manifest.get("tables")
    if not isinstance(listed, dict):
        return [*problems, f"{MANIFEST_FILE}: lists no tables"]
    tables: dict[str, pl.DataFrame] = {}
    for name, entry in listed.items():
        path = release / entry["file"]
        try:
            actual = _table_entry(path)
            tables[name] = pl.read_parquet(path)
        except (OSError, ValueError, pl.exceptions.PolarsError) as error:
            # pyarrow's ArrowInvalid is a ValueError: a damaged footer lands here.
            problems.append(f"{entry['file']}: cannot be read: {error}")
            continue
        problems += _mismatches(entry["file"], actual, entry, ("sha256", "rows"))
    problems += [f"{name}: not in the manifest" for name in TABLES if name not in listed]
    other_files = manifest.get("files", {})
    for name, entry in other_files.items():
        try:
            actual = _file_entry(release / name)
        except OSError as error:
            problems.append(f"{name}: cannot be read: {error}")
            continue
        problems += _mismatches(name, actual, entry, ("sha256", "bytes"))
    listed_files = {entry["file"] for entry in listed.values()} | other_files.keys()
    problems += [
        f"{path.name}: not listed in the manifest"
        for path in sorted(release.iterdir())
        if path.name not in listed_files and path.name != MANIFEST_FILE
    ]
    problems += _pointer_problems(release)
    if manifest.get("schema_version") != SCHEMA_VERSION:
        problems.append(
            f"{MANIFEST_FILE}: schema_version {manifest.get('schema_version')!r}; this code "
            f"checks {SCHEMA_VERSION!r}, so the tables were not checked against the schemas"
        )
    else:
        try:
            validate_tables(tables)
        except SchemaViolation as violation:
            problems += violation.problems
    return problems


def _manifest_json(manifest: Mapping[str, object]) -> str:
    """The manifest as ``json.dumps(indent=2)`` writes it, but one input to a line:
    its pure-Python indenting took seconds over tens of thousands of inputs."""
    fields = []
    for key, value in manifest.items():
        if key == "inputs" and isinstance(value, list) and value:
            rows = ",\n".join(f"    {json.dumps(entry, ensure_ascii=False)}" for entry in value)
            text = f"[\n{rows}\n  ]"
        else:
            text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        fields.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _doc_id_of(record: InputRecord) -> str:
    return record.doc_id


def _table_entry(path: Path) -> dict[str, object]:
    return {"file": path.name, "rows": pq.read_metadata(path).num_rows, **_file_entry(path)}


def _file_entry(path: Path) -> dict[str, object]:
    return {"sha256": _sha256(path), "bytes": path.stat().st_size}


def _mismatches(
    name: str, actual: Mapping[str, Any], recorded: Mapping[str, Any], fields: tuple[str, ...]
) -> list[str]:
    """What a file's measured ``fields`` say against the manifest's record of them."""
    return [
        f"{name}: {field} is {actual[field]}, the manifest says {recorded.get(field)}"
        for field in fields
        if actual[field] != recorded.get(field)
    ]


def _pointer_problems(release: Path) -> list[str]:
    """What is wrong with ``latest.json`` when it names ``release``: the manifest's
    hash there is the one thing that vouches for the manifest itself."""
    pointer_file = release.parent.parent / LATEST_POINTER
    try:
        pointer = json.loads(pointer_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        return [f"{LATEST_POINTER}: cannot be read: {error}"]
    if pointer.get("release_id") != release.name:
        return []
    actual = _sha256(release / MANIFEST_FILE)
    if pointer.get("manifest_sha256") != actual:
        return [
            f"{MANIFEST_FILE}: sha256 is {actual}, {LATEST_POINTER} says "
            f"{pointer.get('manifest_sha256')}"
        ]
    return []


def _sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _unused_release_id(releases: Path, created: dt.datetime) -> str:
    """ "20261123T101500Z-483920": the time, then its microseconds, so ids sort by time.

    The suffix keeps builds within one second apart; should an id be taken
    anyway (a clock set back), the next free number is used.
    """
    stamp = created.strftime(_RELEASE_ID_TIME)
    for suffix in range(created.microsecond, created.microsecond + _RELEASE_ID_ATTEMPTS):
        release_id = f"{stamp}-{suffix:06d}"
        if not (releases / release_id).exists():
            return release_id
    raise FileExistsError(errno.EEXIST, "no unused release id", str(releases / stamp))


def _point_latest(out_dir: Path, release: Path, manifest: Mapping[str, object]) -> None:
    link = out_dir / LATEST_LINK
    temporary = out_dir / f".{LATEST_LINK}-{secrets.token_hex(4)}"
    os.symlink(release.relative_to(out_dir), temporary)
    os.replace(temporary, link)  # readers see the old target or the new, never neither
    pointer = {
        "release_id": release.name,
        "path": release.relative_to(out_dir).as_posix(),
        "created_at": manifest["created_at"],
        "manifest_sha256": _sha256(release / MANIFEST_FILE),
    }
    written = out_dir / f".{LATEST_POINTER}-{secrets.token_hex(4)}"
    written.write_text(json.dumps(pointer, indent=2) + "\n", encoding="utf-8")
    _fsync_file(written)
    os.replace(written, out_dir / LATEST_POINTER)  # as the link: old or new, never half
    _fsync_dir(out_dir)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
