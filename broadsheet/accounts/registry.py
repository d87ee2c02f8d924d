"""Where higher apps plug into the account page and the personal-data download.

accounts sits below follows and alerts, so it never imports them. They register here from
their ``AppConfig.ready()`` instead::

    from broadsheet.accounts import registry

    registry.register_account_section(
        registry.AccountSection(
            key="follows",
            title="Follows",
            description="Topics, people and places you follow, and how each reaches you.",
            url_name="follows:manage",
        )
    )
    registry.register_personal_data_exporter("follows", export_follows)

An exporter takes the user and returns JSON-serialisable data; its key names the part of the
"download my data" file it fills. Registering the same key again replaces the entry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from broadsheet.accounts.models import User


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountSection:
    """A link on the account page to a page another app owns."""

    key: str
    title: str
    description: str
    url_name: str
    """A URL name without arguments; the section is hidden while it does not resolve."""


PersonalDataExporter = Callable[["User"], Any]
"""Return one user's data of one app, as JSON-serialisable values."""

_account_sections: dict[str, AccountSection] = {}
_personal_data_exporters: dict[str, PersonalDataExporter] = {}


def register_account_section(section: AccountSection) -> None:
    """Show ``section`` on the account page, after the sections registered before it."""
    _account_sections[section.key] = section


def account_sections() -> list[AccountSection]:
    """Return the registered sections in registration order."""
    return list(_account_sections.values())


def register_personal_data_exporter(key: str, exporter: PersonalDataExporter) -> None:
    """Add ``exporter``'s output under ``key`` to every "download my data" file."""
    if key == "account":
        raise ValueError('"account" is the user\'s own fields; choose another key.')
    _personal_data_exporters[key] = exporter


def personal_data_exporters() -> dict[str, PersonalDataExporter]:
    """Return the registered exporters by key, in registration order."""
    return dict(_personal_data_exporters)


def unregister(key: str) -> None:
    """Remove the section and the exporter registered under ``key`` (for tests)."""
    _account_sections.pop(key, None)
    _personal_data_exporters.pop(key, None)
