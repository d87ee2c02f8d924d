"""Admin forms that say what is wrong before an article goes live."""

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import images_in_body


class ArticlePageForm(WagtailAdminPageForm):
    """The article edit form: publishing needs alt text on every image the article shows."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "action-publish" not in self.data:
            return cleaned
        lead_image = cleaned.get("lead_image")
        if lead_image is not None and not lead_image.alt_text.strip():
            self.add_error(
                "lead_image",
                forms.ValidationError(
                    f'The image "{lead_image.title}" has no alt text. Add it in Images, then publish.'
                ),
            )
        body = cleaned.get("body")
        if body is not None:
            missing = sorted(
                {img.title for img in images_in_body(body) if not img.alt_text.strip()}
            )
            if missing:
                self.add_error(
                    "body",
                    forms.ValidationError(
                        "These images have no alt text: "
                        + ", ".join(f'"{t}"' for t in missing)
                        + ". Add it in Images, then publish."
                    ),
                )
        return cleaned
