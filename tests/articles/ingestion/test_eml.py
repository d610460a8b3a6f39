from email.message import EmailMessage

import pytest

from articles.ingestion import IngestionError, read_file

from .helpers import STORY


def _message(html: bool = False) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Statement on the Marren shoals"
    message["From"] = "Press Office <press@ministry.example>"
    message["Date"] = "Fri, 28 Jun 2024 09:30:00 +0200"
    if html:
        message.set_content(f"<html><body><p>{STORY}</p></body></html>", subtype="html")
    else:
        message.set_content(STORY)
    return message.as_bytes()


def test_eml_subject_body_date_and_sender_are_read():
    article = read_file(_message(), name="m.eml").articles[0]
    assert (article.title, article.text, article.byline) == (
        "Statement on the Marren shoals",
        STORY,
        "Press Office",
    )
    assert article.published.isoformat() == "2024-06-28T09:30:00+02:00"


def test_eml_html_only_body_is_converted_to_text():
    assert read_file(_message(html=True), name="m.eml").articles[0].text == STORY


def test_eml_with_only_an_attachment_is_rejected():
    message = EmailMessage()
    message["Subject"] = "Files"
    message.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream")
    with pytest.raises(IngestionError, match=r"m\.eml: has no text or HTML body"):
        read_file(message.as_bytes(), name="m.eml")
