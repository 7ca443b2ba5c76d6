"""Benchmarks of the pipeline, kept out of the package (``make bench``)."""
