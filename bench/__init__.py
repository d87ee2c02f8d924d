"""Benchmarks run outside the test suite: ``make bench`` measures the article page against nginx.

Only the child scripts that build the throwaway site import Django; everything else here is the
standard library, so its parsing and writing are unit-tested without a server (tests/).
"""
