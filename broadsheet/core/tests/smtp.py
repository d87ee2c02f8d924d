"""A real SMTP server on loopback for tests that send email (aiosmtpd).

Load it once from the root conftest (``pytest_plugins = ["broadsheet.core.tests.smtp"]``),
then ask for ``smtp_server``: Django's SMTP backend is pointed at it for the test, and every
message it accepts lands, parsed, in ``smtp_server.messages``::

    def test_welcome_email(smtp_server, client):
        client.post("/account/signup/", {...})
        [message] = smtp_server.messages
        assert message["To"] == "reader@example.org"

``smtp_server.refuse_with = "451 4.3.0 Try again later"`` makes it refuse every message
until set back to None, to test retries.
"""

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass
class Delivery:
    """One message as the server received it: the SMTP envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class SMTPServer:
    host: str
    port: int
    deliveries: list[Delivery] = field(default_factory=list)
    refuse_with: str | None = None
    """An SMTP reply such as "451 4.3.0 Try again later": refuse each message with it."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def messages(self) -> list[EmailMessage]:
        """Return the accepted messages, oldest first."""
        with self._lock:
            return [delivery.message for delivery in self.deliveries]

    def messages_to(self, address: str) -> list[EmailMessage]:
        """Return the accepted messages whose envelope recipients include ``address``."""
        with self._lock:
            return [d.message for d in self.deliveries if address in d.rcpt_tos]

    def clear(self) -> None:
        with self._lock:
            self.deliveries.clear()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refuse_with:
            return self.refuse_with
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode()
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self._lock:
            self.deliveries.append(
                Delivery(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=list(envelope.rcpt_tos),
                    message=message,
                )
            )
        return "250 Message accepted for delivery"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[SMTPServer]:
    """Run an SMTP server on 127.0.0.1 and send Django's email to it for this test."""
    host = "127.0.0.1"
    server = SMTPServer(host=host, port=_free_port(host))
    controller = Controller(server, hostname=host, port=server.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield server
    finally:
        controller.stop()
