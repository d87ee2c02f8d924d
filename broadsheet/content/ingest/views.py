"""The admin page at /admin/import-ninjs/: upload ninjs files, see what became of each one."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from broadsheet.content.models import SectionPage

from .batch import FileOutcome, import_ninjs_files
from .uploads import unpack_uploads

TEMPLATE = "content/admin/import_ninjs.html"


def sections_open_to(user: Any) -> list[SectionPage]:
    """Return the sections in which ``user`` may add articles, in tree order."""
    return [
        section
        for section in SectionPage.objects.order_by("path")
        if section.permissions_for_user(user).can_add_subpage()
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ".json,.zip,application/json,application/zip"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class NinjsUploadForm(forms.Form):
    uploads = MultipleFileField(
        label="ninjs files",
        help_text="One or more .json files, or a .zip holding JSON files and the media they name.",
    )
    section = forms.ModelChoiceField(
        queryset=SectionPage.objects.none(),
        empty_label=None,
        help_text="New articles go here; an article imported before stays where it is.",
    )
    mode = forms.ChoiceField(
        label="Import as",
        choices=[("draft", "Drafts"), ("publish", "Published articles")],
        initial="draft",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, user: Any, sections: list[SectionPage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        section_field = cast(forms.ModelChoiceField, self.fields["section"])
        section_field.queryset = SectionPage.objects.filter(
            pk__in=[s.pk for s in sections]
        ).order_by("path")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        section = cleaned.get("section")
        if (
            cleaned.get("mode") == "publish"
            and section is not None
            and not section.permissions_for_user(self.user).can_publish_subpage()
        ):
            self.add_error("mode", f"You may not publish in {section.title}; import drafts.")
        return cleaned


def import_ninjs(request: HttpRequest) -> HttpResponse:
    """Show the upload form; on POST import every file and list the outcome of each."""
    sections = sections_open_to(request.user)
    if not sections:
        raise PermissionDenied("You may not add articles to any section.")
    form = NinjsUploadForm(
        request.POST or None, request.FILES or None, user=request.user, sections=sections
    )
    outcomes: list[FileOutcome] = []
    refused: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        with tempfile.TemporaryDirectory(prefix="broadsheet-upload-") as folder:
            unpacked = unpack_uploads(form.cleaned_data["uploads"], Path(folder))
            refused = unpacked.errors
            outcomes = list(
                import_ninjs_files(
                    unpacked.files,
                    section=form.cleaned_data["section"],
                    publish=form.cleaned_data["mode"] == "publish",
                    user=request.user,
                )
            )
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "form": form,
            "outcomes": outcomes,
            "refused": refused,
            "total": len(refused) + len(outcomes),
            "failed": len(refused) + sum(1 for o in outcomes if o.result is None),
            "page_title": "Import ninjs",
            "header_title": "Import ninjs",
            "header_icon": "download",
            "breadcrumbs_items": [],
        },
        status=200,
    )
