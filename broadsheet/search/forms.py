"""The search form: the query and its filters, checked before anything is searched."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from broadsheet.concepts.models import Concept
from broadsheet.content.models import Author, SectionPage

from .queries import MAX_PAGES, Filters

DATE_MESSAGES = {"invalid": "Give the date as year-month-day, for example 2026-03-01."}


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, max_length=200)
    section = forms.ModelChoiceField(
        queryset=SectionPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="All sections",
        error_messages={"invalid_choice": "There is no such section."},
    )
    concept = forms.ModelChoiceField(
        queryset=Concept.objects.active(),
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "There is no such topic."},
    )
    author = forms.ModelChoiceField(
        queryset=Author.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "There is no such author."},
    )
    published_from = forms.DateField(
        label="Published from",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_MESSAGES,
    )
    published_to = forms.DateField(
        label="Published to",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_MESSAGES,
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGES,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "The page number must be a whole number.",
            "min_value": "The page number must be 1 or more.",
            "max_value": f"Results stop at page {MAX_PAGES}: narrow the search instead.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built per form: public() reads the view restrictions when the queryset is made.
        sections: Any = self.fields["section"]
        sections.queryset = SectionPage.objects.live().public().order_by("path")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("published_from"), cleaned.get("published_to")
        if start and end and start > end:
            raise ValidationError("The “published from” date is after the “published to” date.")
        return cleaned

    @property
    def query(self) -> str:
        return " ".join(str(self.cleaned_data.get("q") or "").split())

    @property
    def page_number(self) -> int:
        return int(self.cleaned_data.get("page") or 1)

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            section=data.get("section"),
            concept=data.get("concept"),
            author=data.get("author"),
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
        )
