"""unres: UN resolutions as a clean, validated, versioned paragraph-level dataset."""

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("unres")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def _parser_fingerprint() -> str:
    """A hash of the parsing core's source: any change to a parsing rule changes it."""
    digest = hashlib.sha256()
    for source in sorted((Path(__file__).parent / "parse").glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


# Incremental builds reuse an earlier release's rows only when this is unchanged,
# so it must move with every rule change: the package version plus the core's hash.
PARSER_VERSION = f"{__version__}+{_parser_fingerprint()}"
