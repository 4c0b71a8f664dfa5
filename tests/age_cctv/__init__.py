"""Ports of the C2SP CCTV age test-vector generators (testkit.py, vectors.py); see README.md.

The generators are Go programs upstream and the generated files are not vendored here, so
tests/test_age_cctv.py rebuilds every vector in memory with these ports."""
