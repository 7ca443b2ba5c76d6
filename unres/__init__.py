"""unres: UN resolutions as a clean, validated, versioned paragraph-level dataset."""

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("unres")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def _parser_fingerprint() -> str:
    """A hash of the parsing core's source and of the PDF reader's: any change to a
    parsing rule, or to how a PDF becomes text, changes it."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for source in [*sorted((package / "parse").glob("*.py")), package / "pdf_text.py"]:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


# Incremental builds reuse an earlier release's rows only when this is unchanged,
# so it must move with every rule change: the package version plus the core's hash.
PARSER_VERSION = f"{__version__}+{_parser_fingerprint()}"
