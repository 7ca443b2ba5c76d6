"""The ``unres`` command line."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from flows.defaults import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_BYTES,
    DEFAULT_OUT,
    DEFAULT_RAW,
    DEFAULT_WORKERS,
)
from flows.server import LocalServer, temporary_prefect_server
from unres.parse_worker import DEFAULT_TIME_LIMIT

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
DASK_CONNECT_SECONDS = 5

DESCRIPTION = """\
Build and check the unres dataset: UN resolutions as validated Parquet tables
(documents, paragraphs, citations, dates, footnotes, rejects, citation_edges).
"""

BUILD_EPILOG = """\
Every file under --raw becomes a row of `documents` or of `rejects` (with a reason).
The release is written to OUT/releases/<release_id>/ and OUT/latest is switched to it
only once every table has validated; a failed or interrupted build leaves earlier
releases and `latest` untouched.

Inputs whose bytes are unchanged since the release `latest` points at (built by
the same parser and schema versions) are not parsed again: their rows are kept. An
input whose size, times and inode are those the release recorded is taken as
unchanged without being read. When nothing changed at all, no new release is
published and the build says so.

Prefect: the build starts a temporary local Prefect server (about 5 s on 2 cores,
while the inputs are listed) and stops it at the end, unless PREFECT_API_URL names a
running one (`unres serve`'s: PREFECT_API_URL=http://127.0.0.1:4200/api).

exit status: 0 a release was published (even if some inputs were rejected), or
               nothing changed since the latest one,
             1 nothing was published, 2 bad command line.

examples: unres build                          (reads raw/, publishes into output/)
          unres build --raw texts --out /srv/unres --workers 2
"""


SERVE_DESCRIPTION = """\
Serve the build flow on a cron schedule. Unless --api-url names a running Prefect
server, a real one is started on 127.0.0.1:PORT (its UI at http://127.0.0.1:PORT
shows every run). Runs until interrupted (Ctrl-C stops the server too).
Trigger a run now from another shell:
  PREFECT_API_URL=http://127.0.0.1:4200/api prefect deployment run unres-build/scheduled
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unres", description=DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="parse every file under --raw and publish one release into --out",
        description="Parse every file under --raw and publish one release into --out.",
        epilog=BUILD_EPILOG,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    _add_directories(build)
    build.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        metavar="N",
        help=f"parse batches in N local processes (default {DEFAULT_WORKERS}: in this process)",
    )
    build.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="run the batches on this existing Dask cluster (its workers must reach\n"
        "the input and output directories at the same paths)",
    )
    build.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help=f"files per parse task (default {DEFAULT_BATCH_SIZE}); one Prefect task per batch",
    )
    build.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="inputs larger than this are rejected as too_large (default "
        f"{DEFAULT_MAX_BYTES / 2**20:g} MiB)",
    )
    build.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help="CPU seconds one document's parse may take; one that takes longer is\n"
        f"rejected as parse_timeout (default {DEFAULT_TIME_LIMIT:g})",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="publish nothing (exit 1) when an input is quarantined: the parser\n"
        "raised or ran out of time on it, or its rows broke a row rule of the schemas",
    )
    _add_verbosity(build)

    verify = commands.add_parser(
        "verify",
        help="recompute a release's hashes and check its tables against the schemas",
        description="Recompute every hash in a release's manifest and validate its tables.\n"
        "exit status: 0 the release is whole, 1 a problem was found.",
        formatter_class=argparse.RawTextHelpFormatter,
    )
    _add_release_argument(verify)
    _add_verbosity(verify)

    report = commands.add_parser(
        "report",
        help="write a release's report.html (every build writes one too)",
        description="Write report.html for a release: documents per body, session and\n"
        "year of adoption, top verbs and openers, most-cited resolutions, citation\n"
        "coverage, rejects and parser warnings as inline SVG plots; which fields were\n"
        "read, by body and decade; every document with warnings, every rejected or\n"
        "quarantined input with its reason, and the documents linked to undocs.org.\n"
        "Counts are of canonical documents (one per symbol). No network is needed to\n"
        "view it.",
        formatter_class=argparse.RawTextHelpFormatter,
    )
    _add_release_argument(report)
    report.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write (default RELEASE/report.html, for tables not yet\n"
        "published; a published release keeps the report it was built with)",
    )
    _add_verbosity(report)

    serve = commands.add_parser(
        "serve",
        help="run builds on a schedule, through a local Prefect server",
        description=SERVE_DESCRIPTION,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    serve.add_argument("--cron", default="0 3 * * *", help='schedule (default "%(default)s")')
    _add_directories(serve)
    serve.add_argument("--port", type=int, default=4200, help="server port (default %(default)s)")
    serve.add_argument(
        "--api-url", metavar="URL", help="use this running Prefect server instead of starting one"
    )
    serve.add_argument(
        "--database-url",
        metavar="URL",
        help="the server's database (default: SQLite in PREFECT_HOME; or postgresql+asyncpg://...)",
    )
    _add_verbosity(serve)

    diff = commands.add_parser(
        "diff",
        help="rows added, removed and changed between two releases",
        description="Compare two releases table by table and document by document.\n"
        "Rows are matched on each table's key; citations and dates, which have none,\n"
        "are compared as whole rows.",
        formatter_class=argparse.RawTextHelpFormatter,
    )
    diff.add_argument("old", type=Path, help="the earlier release directory")
    diff.add_argument("new", type=Path, help="the later release directory (or output/latest)")
    diff.add_argument("--json", action="store_true", help="print the full diff as JSON")
    _add_verbosity(diff)
    return parser


def _add_release_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "release",
        nargs="?",
        type=Path,
        default=Path("output/latest"),
        help="release directory (default output/latest)",
    )


def _add_directories(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--raw",
        type=Path,
        default=DEFAULT_RAW,
        metavar="DIR",
        help="the input texts (default %(default)s/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="DIR",
        help="where releases are published (default %(default)s/)",
    )


def _add_verbosity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", help="also show Prefect's logs")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors and the result")


_CLI_HANDLER = "unres-cli"


def _configure_logging(args: argparse.Namespace) -> None:
    if args.verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("unres: %(message)s"))
    handler.set_name(_CLI_HANDLER)
    root = logging.getLogger("unres")
    # One handler however often main() runs in a process (tests do): an earlier one
    # would write to the standard error of its time, maybe closed since.
    for earlier in [h for h in root.handlers if h.get_name() == _CLI_HANDLER]:
        root.removeHandler(earlier)
    root.addHandler(handler)
    root.setLevel(logging.WARNING if args.quiet else logging.INFO)
    root.propagate = False


def _usage_error(message: str) -> int:
    """One line on what is wrong and what to do; the exit status of a bad command line."""
    print(f"unres: {message}", file=sys.stderr)
    return EXIT_USAGE


def _build_usage_problem(args: argparse.Namespace) -> str | None:
    """What makes this build's command line unusable, found before anything starts."""
    if not args.raw.is_dir():
        return f"--raw {args.raw} is not a directory; point it at the input texts."
    try:
        with os.scandir(args.raw) as entries:
            next(entries, None)
    except OSError as error:
        return f"cannot read --raw {args.raw} ({error.strerror}); give a readable directory."
    if args.out.exists() and not args.out.is_dir():
        return (
            f"--out {args.out} is not a directory; name the directory releases go to "
            "(it is created if missing)."
        )
    if args.workers < 1 or args.batch_size < 1 or args.max_bytes < 1:
        return "--workers, --batch-size and --max-bytes must be at least 1."
    if not args.time_limit > 0:
        return "--time-limit must be a positive number of seconds."
    if args.dask:
        return _unreachable_dask_scheduler(args.dask)
    return None


def _unreachable_dask_scheduler(address: str) -> str | None:
    """Why the Dask scheduler at ``address`` cannot be reached, found in seconds (the
    Dask client itself waits 30 s, then fails with a long traceback)."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if not address.startswith("tcp://") or not host or not port.isdigit():
        return f"--dask {address}: give the scheduler's address as tcp://HOST:PORT."
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=DASK_CONNECT_SECONDS):
            return None
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        return (
            f"cannot reach the Dask scheduler at {address} ({reason}); start it "
            "(`dask scheduler`) or build without --dask."
        )


def _build(args: argparse.Namespace) -> int:
    problem = _build_usage_problem(args)
    if problem is not None:
        return _usage_error(problem)
    from unres.lock import BuildLock, LockHeld, OutputNotWritable

    try:
        BuildLock.check(args.out)  # before Prefect starts: a one-line refusal
    except LockHeld as error:
        print(f"unres: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OutputNotWritable:
        pass  # the build may have nothing to write; it says so otherwise
    started = time.perf_counter()
    try:
        with _prefect_server_unless_named() as server:
            # Prefect is imported only for commands that need it, and here while the
            # server boots.
            from flows.build import run_build, take_stock

            stock = None
            if server is not None:
                # The server takes seconds more to start than this process takes to
                # load the pipeline: list the inputs meanwhile.
                listing = time.perf_counter()
                stock = take_stock(str(args.raw), str(args.out))
                logging.getLogger("unres.build").info(
                    "listed the inputs while the Prefect server started, in %.1f s",
                    time.perf_counter() - listing,
                )
                server.wait_until_healthy()
            in_flow = time.perf_counter()
            try:
                summary = run_build(
                    args.raw,
                    args.out,
                    workers=args.workers,
                    dask_address=args.dask,
                    batch_size=args.batch_size,
                    max_bytes=args.max_bytes,
                    time_limit=args.time_limit,
                    strict=args.strict,
                    stock=stock,
                )
            except LockHeld as error:
                print(f"unres: {error}", file=sys.stderr)
                return EXIT_FAILED
            in_flow = time.perf_counter() - in_flow
    except Exception as error:
        print(f"unres: build failed, nothing published: {error}", file=sys.stderr)
        return EXIT_FAILED
    if summary.unchanged:
        print(
            f"nothing changed since {summary.release}: same {summary.inputs} inputs, parser "
            "and schema versions; no new release published"
        )
        return EXIT_OK
    print(
        f"published {summary.release}\n"
        f"  {summary.inputs} inputs: {summary.documents} documents, "
        f"{summary.rejects} rejected ({summary.quarantined} quarantined), "
        f"{summary.warnings} parser warnings, "
        f"{summary.reused} reused unchanged from the previous release; "
        f"{time.perf_counter() - started:.1f} s "
        f"({in_flow:.1f} s in the flow, the rest starting Prefect)\n"
        f"  rows: " + ", ".join(f"{name} {n}" for name, n in summary.rows.items()) + "\n"
        f"  latest -> {args.out / 'latest'}"
    )
    if summary.changes:
        print(f"  changes since the previous release: {summary.changes}")
    return EXIT_OK


@contextmanager
def _prefect_server_unless_named() -> Iterator[LocalServer | None]:
    """A temporary local Prefect server for this build, unless PREFECT_API_URL names
    a running one (``unres serve``'s, say), which saves its start-up."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    with temporary_prefect_server() as server:
        logging.getLogger("unres.build").info(
            "starting a temporary Prefect server at %s (PREFECT_API_URL=<url of a running "
            "server> saves this)",
            server.url,
        )
        yield server


def _verify(args: argparse.Namespace) -> int:
    from unres.publish import verify_release

    if not args.release.is_dir():
        print(f"unres: no release at {args.release}; run `unres build` first.", file=sys.stderr)
        return EXIT_FAILED
    problems = verify_release(args.release)
    for problem in problems:
        print(f"unres: {problem}", file=sys.stderr)
    if problems:
        return EXIT_FAILED
    print(f"{args.release.resolve()} is whole: every hash matches and every table validates")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from schemas import table_file
    from unres.publish import MANIFEST_FILE
    from unres.report import write_report

    if not (args.release / table_file("documents")).is_file():
        print(f"unres: no release at {args.release}; run `unres build` first.", file=sys.stderr)
        return EXIT_FAILED
    if args.output is None and (args.release / MANIFEST_FILE).is_file():
        return _usage_error(
            f"{args.release} is a published release: its manifest seals its report.html, "
            "which `unres verify` checks; pass --output FILE to write a new report elsewhere."
        )
    if args.output is not None:
        if args.output.is_dir():
            return _usage_error(
                f"--output {args.output} is a directory; name the file to write, "
                f"e.g. {args.output / 'report.html'}."
            )
        if not args.output.parent.is_dir():
            return _usage_error(
                f"--output {args.output}: there is no directory {args.output.parent}; "
                "create it or write elsewhere."
            )
    try:
        print(write_report(args.release, args.output))
    except OSError as error:
        print(f"unres: cannot write the report: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from schemas import table_file
    from unres.diff import diff_releases

    documents = table_file("documents")
    for release in (args.old, args.new):
        if not (release / documents).is_file():
            print(
                f"unres: {release} is not a release directory (no {documents}).",
                file=sys.stderr,
            )
            return EXIT_FAILED
    diff = diff_releases(args.old, args.new)
    if args.json:
        print(json.dumps(diff.to_json(), indent=2))
    else:
        print(f"{diff.old} -> {diff.new}\n  {diff.summary()}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from flows.serve import serve_build
    from flows.server import local_prefect_server, port_is_free

    def serve(api_url: str) -> None:
        print(f"serving unres-build/scheduled on {args.cron!r} via {api_url}; Ctrl-C stops")
        serve_build(api_url, cron=args.cron, raw_dir=args.raw, out_dir=args.out)

    if not args.api_url and not port_is_free(args.port):
        return _usage_error(
            f"port {args.port} on 127.0.0.1 is in use (another `unres serve` or Prefect "
            f"server?); pass --port with a free port, or --api-url "
            f"http://127.0.0.1:{args.port}/api to use the server listening there."
        )
    try:
        if args.api_url:
            serve(args.api_url)
        else:
            with local_prefect_server(args.port, args.database_url) as api_url:
                serve(api_url)
    except KeyboardInterrupt:
        return EXIT_OK
    except RuntimeError as error:
        print(f"unres: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _configure_logging(args)
    commands = {
        "build": _build,
        "verify": _verify,
        "diff": _diff,
        "serve": _serve,
        "report": _report,
    }
    return commands[args.command](args)


def run() -> NoReturn:
    """The ``unres`` command: ``main``, then a quick exit.

    Tearing down an interpreter that loaded Prefect, pandera, polars and pyarrow takes
    about a second after the work is done (measured on 2 cores). Once the exit
    handlers have run and the output is flushed there is nothing left to do, so the
    process ends without that teardown.
    """
    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
