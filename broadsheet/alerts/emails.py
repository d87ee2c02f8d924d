"""Build the email for an outbox row: HTML and plain text, with one-click unsubscribe headers."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from broadsheet.concepts.models import Concept
from broadsheet.content.models import ArticlePage
from broadsheet.follows.models import Follow

from . import conf
from .models import Kind, OutboxMessage
from .tokens import make_token


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowLink:
    concept: Concept
    unsubscribe_url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestArticle:
    article: ArticlePage
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestGroup:
    follow: FollowLink
    articles: list[DigestArticle]


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def unsubscribe_url(*, reader_id: int, follow_ids: list[int] | None) -> str:
    token = make_token(reader_id=reader_id, follow_ids=follow_ids)
    return absolute(reverse("alerts:unsubscribe", args=[token]))


def message_id(row: OutboxMessage) -> str:
    """A Message-ID fixed per outbox row, so a receiver can spot a resent copy."""
    domain = settings.BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    return f"<outbox-{row.pk}-{row.kind}@{domain}>"


def _follow_links(row: OutboxMessage, follow_ids: list[int]) -> dict[int, FollowLink]:
    follows = Follow.objects.filter(pk__in=follow_ids, reader_id=row.reader_id).select_related(
        "concept"
    )
    return {
        f.pk: FollowLink(
            concept=f.concept,
            unsubscribe_url=unsubscribe_url(reader_id=row.reader_id, follow_ids=[f.pk]),
        )
        for f in follows
    }


def build_email(row: OutboxMessage) -> EmailMultiAlternatives | None:
    """Return the email the row owes its reader, or None when nothing is left to send.

    Articles are read now, not when the row was made, so corrections are in and an article
    unpublished in the meantime is left out.
    """
    reader = row.reader
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "Broadsheet")
    context: dict[str, object] = {
        "reader": reader,
        "site_name": site_name,
        "unsubscribe_all_url": unsubscribe_url(reader_id=reader.pk, follow_ids=None),
    }
    if row.kind == Kind.ALERT:
        article = ArticlePage.objects.published().filter(pk=row.article_id).first()
        follows = _follow_links(row, row.follow_ids)
        if article is None or not follows:
            return None
        context.update(
            article=article,
            article_url=article.get_full_url(),
            follows=[follows[f] for f in row.follow_ids if f in follows],
        )
        subject = article.title
        template = "alerts/email/alert"
    else:
        follow_articles: list[tuple[int, list[int]]] = [(f, a) for f, a in row.article_ids]
        follows = _follow_links(row, [f for f, _ in follow_articles])
        wanted = {a for _, ids in follow_articles for a in ids}
        articles = {
            a.pk: a
            for a in ArticlePage.objects.published().filter(pk__in=wanted).select_related("section")
        }
        shown = {
            pk: DigestArticle(article=a, url=a.get_full_url() or "") for pk, a in articles.items()
        }
        groups = [
            DigestGroup(follow=follows[f], articles=[shown[a] for a in ids if a in shown])
            for f, ids in follow_articles
            if f in follows
        ]
        groups = [g for g in groups if g.articles]
        if not groups:
            return None
        context.update(groups=groups, period=row.period, kind=row.kind)
        label = "Your daily digest" if row.kind == Kind.DAILY else "Your weekly digest"
        subject = f"{label} from {site_name}"
        template = "alerts/email/digest"
    context["subject"] = subject
    one_click = unsubscribe_url(reader_id=reader.pk, follow_ids=sorted(follows))
    headers = {
        "List-Unsubscribe": _list_unsubscribe(one_click),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": message_id(row),
        "Auto-Submitted": "auto-generated",
    }
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reader.email],
        headers=headers,
    )
    email.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return email


def _list_unsubscribe(url: str) -> str:
    mailto = conf.unsubscribe_mailto()
    if mailto:
        return f"<{url}>, <mailto:{mailto}?subject=unsubscribe>"
    return f"<{url}>"
