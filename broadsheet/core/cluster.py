"""Keep modelcluster's child relations per model class instead of finding them per instance.

``ClusterableModel.__init__`` (every Wagtail page, every model with ``ParentalKey`` children)
asks ``get_all_child_relations`` and ``get_all_child_m2m_relations`` for its class's child
relations on every instance it builds, and each answer scans all of the model's fields: about a
third of a millisecond for the eight instances an article page builds. A model's fields are fixed
once the app registry is ready, so the answers are kept per class from then on.

Only modelcluster's own calls go through the kept answers; code that imported the functions by
name (Wagtail's page copy and reference index) keeps calling the originals.

An instance built from a database row (``Model.from_db``) is given its values positionally, so
it can carry no child objects; ``ClusterableModel.__init__`` still named every child relation
(``get_accessor_name()`` each) before finding none among the keyword arguments. Without keyword
arguments it now goes straight to the next constructor, as it would have after that search.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from modelcluster import models as cluster_models

_Finder = Callable[[Any], list[Any]]


def _per_class(find: _Finder) -> _Finder:
    kept = functools.cache(find)

    @functools.wraps(find)
    def per_class(model: Any) -> list[Any]:
        # A fresh list each time, as the original returns: callers may change theirs.
        return list(kept(model if isinstance(model, type) else type(model)))

    return per_class


def _without_keywords_first(init: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs:
            # What the original does once it finds no child relation among the keywords.
            super(cluster_models.ClusterableModel, self).__init__(*args)
            return
        init(self, *args, **kwargs)

    return __init__


def keep_child_relations_per_class() -> None:
    """Install the per-class answers (from ``CoreConfig.ready``, once every model is loaded)."""
    if getattr(cluster_models.get_all_child_relations, "__wrapped__", None) is not None:
        return
    cluster_models.get_all_child_relations = _per_class(cluster_models.get_all_child_relations)
    cluster_models.get_all_child_m2m_relations = _per_class(
        cluster_models.get_all_child_m2m_relations
    )
    cluster_models.ClusterableModel.__init__ = _without_keywords_first(  # type: ignore[method-assign]
        cluster_models.ClusterableModel.__init__
    )
