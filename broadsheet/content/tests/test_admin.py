"""The newsroom admin: publishing needs alt text; articles have a listing of their own."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from broadsheet.content.models import ArticlePage
from broadsheet.content.tests.factories import AuthorFactory, ImageFactory


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-for-tests"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def article_form(*, title, lead_image, author, body_image=None, action=None):
    body = [("paragraph", rich_text("<p>The quay was quiet.</p>"))]
    if body_image is not None:
        body.append(("image", {"image": body_image.pk, "caption": ""}))
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "standfirst": "Dockers went back to work on Monday.",
            "lead_image": lead_image.pk if lead_image else "",
            "body": streamfield(body),
            "bylines": inline_formset([{"author": author.pk, "location": "Lisbon"}], min=1),
            "tags": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


def test_publishing_without_alt_text_is_refused_with_a_reason(section, editor_client):
    image = ImageFactory(title="Quay at dawn", alt_text="")
    author = AuthorFactory()
    url = f"/admin/pages/add/content/articlepage/{section.pk}/"
    response = editor_client.post(
        url,
        article_form(
            title="Back to work", lead_image=image, author=author, action="action-publish"
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["lead_image"] == [
        'The image "Quay at dawn" has no alt text. Add it in Images, then publish.'
    ]
    assert not ArticlePage.objects.filter(title="Back to work").exists()


def test_body_image_without_alt_text_also_blocks_publishing(section, editor_client):
    author = AuthorFactory()
    response = editor_client.post(
        f"/admin/pages/add/content/articlepage/{section.pk}/",
        article_form(
            title="Back to work",
            lead_image=ImageFactory(),
            body_image=ImageFactory(title="Crane", alt_text="  "),
            author=author,
            action="action-publish",
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        'These images have no alt text: "Crane". Add it in Images, then publish.'
    ]
    assert not ArticlePage.objects.filter(title="Back to work").exists()


def test_a_draft_may_be_saved_without_alt_text(section, editor_client):
    image = ImageFactory(title="Quay at dawn", alt_text="")
    response = editor_client.post(
        f"/admin/pages/add/content/articlepage/{section.pk}/",
        article_form(title="Back to work", lead_image=image, author=AuthorFactory()),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(title="Back to work")
    assert article.live is False
    assert article.section_id == section.pk


def test_publishing_with_alt_text_goes_live_with_its_bylines(section, editor_client, client):
    author = AuthorFactory(name="Ana Lima", slug="ana-lima")
    response = editor_client.post(
        f"/admin/pages/add/content/articlepage/{section.pk}/",
        article_form(
            title="Back to work", lead_image=ImageFactory(), author=author, action="action-publish"
        ),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(title="Back to work")
    assert article.live is True
    assert article.published_at == article.first_published_at
    assert [(b.author.name, b.location) for b in article.bylines.all()] == [("Ana Lima", "Lisbon")]
    assert client.get(article.url).status_code == 200


def test_republishing_keeps_the_first_publication_time(section, editor_client):
    editor_client.post(
        f"/admin/pages/add/content/articlepage/{section.pk}/",
        article_form(
            title="Back to work",
            lead_image=ImageFactory(),
            author=AuthorFactory(),
            action="action-publish",
        ),
    )
    article = ArticlePage.objects.get(title="Back to work")
    first = article.published_at
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert article.published_at == first


def test_articles_have_a_model_listing_in_the_admin(section, editor_client):
    from broadsheet.content.tests.factories import make_article

    make_article(section=section, title="Listed story")
    response = editor_client.get("/admin/articles/")
    assert response.status_code == 200
    assert "Listed story" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        ("/admin/snippets/content/author/", "Ana Lima", "Ben Okafor"),
        ("/admin/snippets/content/video/", "", ""),
    ],
)
def test_snippet_listings_search(editor_client, url, present, absent):
    AuthorFactory(name="Ana Lima", slug="ana-lima")
    AuthorFactory(name="Ben Okafor", slug="ben-okafor")
    response = editor_client.get(url, {"q": "lima"})
    assert response.status_code == 200
    html = response.content.decode()
    assert present in html
    if absent:
        assert absent not in html
