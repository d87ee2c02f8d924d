"""Measure the annotator against a hand-labelled gold set.

``python -m annotator.eval`` scores one split of the gold articles (``gold/dev``,
``gold/test``) and the ambiguity suite; README.md gives the labelling guidelines and the
definition of every number. Pure Python like the rest of ``annotator``: it imports only the
standard library and the engine.
"""
