"""modelcluster's child relations are kept per class and stay what a scan of the fields finds."""

import pytest
from modelcluster import models as cluster_models
from modelcluster.fields import ParentalKey, ParentalManyToManyField

from broadsheet.content.models import ArticlePage, HomePage, SectionPage

pytestmark = pytest.mark.django_db


def scanned(model, kind):
    return [
        field
        for field in model._meta.get_fields()
        if (isinstance(field.remote_field, ParentalKey) if kind == "fk" else False)
        or (isinstance(field, ParentalManyToManyField) if kind == "m2m" else False)
    ]


def test_the_kept_answers_are_what_scanning_the_fields_finds():
    for model in (ArticlePage, SectionPage, HomePage):
        assert cluster_models.get_all_child_relations(model) == scanned(model, "fk")
        assert cluster_models.get_all_child_m2m_relations(model) == scanned(model, "m2m")
    names = {rel.get_accessor_name() for rel in cluster_models.get_all_child_relations(ArticlePage)}
    assert "bylines" in names


def test_an_instance_gets_its_class_answer_in_a_list_of_its_own():
    page = ArticlePage(title="Kept")
    first = cluster_models.get_all_child_relations(page)
    assert first == cluster_models.get_all_child_relations(ArticlePage)
    first.clear()
    assert cluster_models.get_all_child_relations(page) != []


def test_building_a_page_no_longer_scans_its_fields(monkeypatch):
    ArticlePage(title="Warm")
    calls = []
    original = ArticlePage._meta.get_fields

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(ArticlePage._meta, "get_fields", counted)
    ArticlePage(title="Built", bylines=[])
    assert calls == []


def test_child_objects_given_as_keywords_still_become_the_cluster(section):
    from broadsheet.content.models import ArticleByline, Author

    author = Author.objects.create(name="Ines Duarte", slug="ines-duarte")
    page = ArticlePage(title="Clustered", bylines=[ArticleByline(author=author, location="Porto")])
    assert [byline.location for byline in page.bylines.all()] == ["Porto"]


def test_a_page_read_from_the_database_has_its_fields_and_no_children_made_up(section):
    from broadsheet.content.tests.factories import make_article

    article = make_article(section=section, title="Read back")
    found = ArticlePage.objects.get(pk=article.pk)
    assert (found.title, found.section_id) == ("Read back", section.pk)
    assert [b.author_id for b in found.bylines.all()] == [
        b.author_id for b in article.bylines.all()
    ]
