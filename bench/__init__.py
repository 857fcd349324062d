"""Benchmarks that print figures (python -m bench); never run as tests."""
