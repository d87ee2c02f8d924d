"""{% follow_list %}: kept per process, yet each page's buttons return to that page."""

from django.test import RequestFactory

from broadsheet.follows.templatetags.follow_tags import follow_button, follow_list

ITEMS = [
    {"label": "Rail <travel>", "url": "/topics/rail/", "kind": "Topic", "concept_id": "7"},
    {"label": "Ana Ruiz", "url": "/authors/ana-ruiz/", "kind": "Author", "concept_id": ""},
]


def _context(path):
    return {"request": RequestFactory().get(path)}


def test_each_item_links_its_page_and_concepts_get_a_button():
    html = follow_list(_context("/world/story/"), ITEMS)
    assert html.count('<li class="follow__item">') == 2
    assert "Rail &lt;travel&gt;" in html
    assert html.count('<form class="follow-button"') == 1
    assert 'data-follow-concept="7"' in html
    assert html == "".join(
        f'<li class="follow__item"><a href="{item["url"]}"><span class="follow__label">'
        + ("Rail &lt;travel&gt;" if item["concept_id"] else item["label"])
        + f'</span> <span class="follow__kind">{item["kind"]}</span></a>'
        + (
            follow_button(_context("/world/story/"), item["concept_id"], item["label"])
            if item["concept_id"]
            else ""
        )
        + "</li>"
        for item in ITEMS
    )


def test_the_same_items_on_another_page_return_there():
    first = follow_list(_context("/world/story/"), ITEMS)
    again = follow_list(_context("/world/story/"), ITEMS)
    other = follow_list(_context("/sport/match/"), ITEMS)
    assert first is again
    assert 'name="next" value="/sport/match/"' in other
    assert "/world/story/" not in other


def test_a_changed_label_is_a_new_list():
    follow_list(_context("/world/story/"), ITEMS)
    renamed = [{**ITEMS[0], "label": "Railways"}, ITEMS[1]]
    assert "Railways" in follow_list(_context("/world/story/"), renamed)
