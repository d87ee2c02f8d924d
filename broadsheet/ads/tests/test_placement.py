import pytest

from broadsheet.ads.placement import slot_positions
from broadsheet.content.blocks import MEDIA_BLOCK_TYPES

P, IMG, V, E, H = "paragraph", "image", "video", "embed", "subheading"


def place(kinds, first=3, every=6):
    return slot_positions(kinds, first_after=first, every=every, media_types=MEDIA_BLOCK_TYPES)


def test_first_slot_after_third_paragraph_then_every_six():
    assert place([P] * 16) == [2, 8, 14]


def test_never_at_the_very_end():
    assert place([P] * 3) == []
    assert place([P] * 9) == [2]


def test_no_slot_for_a_short_article():
    assert place([P, P]) == []


def test_never_before_a_media_block_moves_to_next_paragraph():
    # The third paragraph is followed by an image: the slot moves after the image and next paragraph.
    assert place([P, P, P, IMG, P, P, P]) == [4]


def test_never_right_after_a_media_block():
    # A slot goes after a paragraph, so it is never directly after an image/video/embed.
    kinds = [P, P, IMG, P, V, P, P, P]
    positions = place(kinds)
    for index in positions:
        assert kinds[index] == P
        assert kinds[index + 1] not in MEDIA_BLOCK_TYPES
    assert positions == [5]


def test_subheadings_do_not_count_as_paragraphs():
    assert place([P, H, P, H, P, P]) == [4]


def test_cadence_counts_from_the_slot_actually_placed():
    kinds = [P, P, P, E, P, P, P, P, P, P, P, P, P]
    # due after paragraph 3 (index 2, but an embed follows) -> after paragraph 4 (index 4);
    # next due 6 paragraphs later: paragraph 10 (index 10).
    assert place(kinds) == [4, 10]


@pytest.mark.parametrize(("first", "every"), [(0, 6), (3, 0)])
def test_nonsense_cadence_is_refused(first, every):
    with pytest.raises(ValueError, match="at least 1"):
        place([P] * 10, first=first, every=every)
