"""unres: UN resolutions as a clean, validated, versioned paragraph-level dataset."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unres")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# Bumped whenever a parsing rule changes what the tables hold, so that incremental
# builds know which earlier rows can be reused.
PARSER_VERSION = "0.1.0"
