"""MHTML (``.mhtml``, ``.mht``): a page saved by a browser as one file, a MIME message
whose first ``text/html`` part is the page (images and styles are other parts). Read
with the standard library's email parser; the page goes through the HTML reader, with
the address it was saved from as its URL."""

from __future__ import annotations

import email
import email.policy

from ..records import Document
from .blocks import IngestError
from .document import parse_document


def mhtml_document(data: bytes, name: str, warnings: list[str]) -> Document:
    """The document of a saved page; IngestError when it holds no HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml") and not part.is_multipart():
            page = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and charset.lower().replace("-", "") not in ("utf8", "usascii"):
                try:
                    page = page.decode(charset, errors="replace").encode("utf-8")
                except LookupError:
                    pass  # a charset Python does not know: the decoder's own guess stands
            url = part.get("Content-Location") or message.get("Snapshot-Content-Location")
            return parse_document(page, name, warnings, reader="html", url=str(url).strip() if url else None)
    raise IngestError("a saved page (MHTML) with no HTML part")
