"""Benchmarks run outside the test suite, one script per measure; `make bench` runs article_page.py.

The article-page modules import no Django except bench/article_fixture.py's functions, which run
in a child process, so their parsing and writing are unit-tested without a server (tests/).
"""
