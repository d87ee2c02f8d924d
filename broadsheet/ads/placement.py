"""Where ad slots go in an article body: a cadence over paragraphs, never beside media or at the end."""

from collections.abc import Sequence

PARAGRAPH = "paragraph"


def slot_positions(
    block_types: Sequence[str],
    *,
    first_after: int,
    every: int,
    media_types: frozenset[str],
) -> list[int]:
    """Return the indexes of the blocks after which a slot goes.

    The first slot follows paragraph ``first_after`` (1-based), the next ones every ``every``
    paragraphs after the previous slot. A slot is never placed after the last block nor next to
    a media block (before or after it); when the due spot is one of those, it moves to the next
    paragraph that allows it.
    """
    if first_after < 1 or every < 1:
        raise ValueError("first_after and every must be at least 1")
    positions: list[int] = []
    paragraphs_seen = 0
    due_at = first_after
    last = len(block_types) - 1
    for index, kind in enumerate(block_types):
        if kind == PARAGRAPH:
            paragraphs_seen += 1
        if paragraphs_seen < due_at or kind != PARAGRAPH:
            continue
        if index >= last or block_types[index + 1] in media_types:
            continue
        positions.append(index)
        due_at = paragraphs_seen + every
    return positions
