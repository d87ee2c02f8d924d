"""Concepts: the vocabulary (people, organisations, places, topics, running stories) in the database.

Imports accounts and core; never content. Finds concepts in text through annotator/ (issue #3).
"""
