"""Saved e-mails (.eml): the article a mail forwards, never its transport headers or MIME encoding.

The mails in tests/data/layouts/mail-*.eml are invented, in the shapes Gmail, Outlook and other clients save.
"""

import pytest

from newsdigest import Failure, InputSettings, load_articles
from tests_helpers import LAYOUTS, only


@pytest.mark.parametrize(("name", "title", "date", "source", "author", "first", "note"), [
    # multipart/alternative, quoted-printable, the sender's note above Gmail's forward line
    ("mail-gmail-forward-quoted-printable.eml", "Gemeenten zien aantal aanvragen voor bijzondere bijstand snel stijgen",
     "2025-10-13", "NRC", "Mirjam Claessen",
     "Steeds meer huishoudens doen een beroep op bijzondere bijstand omdat ze hun energierekening",
     "Hoi Fenna, Dit stuk uit NRC gaat precies over ons onderwerp"),
    # HTML only, base64 in windows-1252, Outlook's "Van: / Verzonden: / Onderwerp:" block in bold under a signature
    ("mail-outlook-html-base64.eml", "Waterschappen verhogen heffingen fors om dijken op orde te krijgen",
     "2025-09-06", "Trouw", "Koen Haverkamp",
     "De waterschappen in Nederland verhogen volgend jaar hun heffingen met gemiddeld elf procent",
     "Beste collega’s, Ter info: het artikel uit Trouw"),
    # forwarded as an attachment (message/rfc822) from the outlet's own mail, under a one-line note
    ("mail-forward-as-attachment.eml", "Eindhoven Airport mag van de rechter niet meer nachtvluchten laten landen",
     "2025-05-21", "Omroep Brabant", "Redactie Omroep Brabant",
     "Eindhoven Airport mag vanaf volgend jaar geen vliegtuigen meer laten landen", "Zie bijlage, voor je scriptie."),
    # the article alone in the mail, headline only in the subject ("FW: ...")
    ("mail-forward-subject-is-headline.eml", "Provincie Utrecht legt aanleg tramlijn naar Nieuwegein een jaar stil",
     "2025-04-02", None, "Door onze verslaggever",
     "De provincie Utrecht legt de aanleg van de nieuwe tramlijn naar Nieuwegein Zuid een jaar stil.", None),
])
def test_a_saved_mail_gives_the_forwarded_article(name, title, date, source, author, first, note):
    """The mail's own Date (when it was sent, days later) is never the article's date; it is kept in extra."""
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.source, article.author) == (title, date, source, author)
    assert article.body.startswith(first)
    assert (article.extra.get("note") or "").startswith(note or "")
    assert article.extra["mail_sent"] and article.extra["mail_from"]
    for header in ("Received:", "Content-Type", "Return-Path", "=C3", "Van:", "Onderwerp:", "Verzonden:"):
        assert header not in article.body


def test_mail_files_are_read_from_folders_and_a_raw_mail_saved_as_text_is_a_mail(tmp_path):
    source = (LAYOUTS / "mail-gmail-forward-quoted-printable.eml").read_bytes()
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "fwd.eml").write_bytes(source)
    (tmp_path / "inbox" / "saved.txt").write_bytes(source)
    articles = [only([item]) for item in load_articles([tmp_path / "inbox"], InputSettings())]
    assert [article.title for article in articles] == ["Gemeenten zien aantal aanvragen voor bijzondere bijstand "
                                                       "snel stijgen"] * 2


def test_a_mail_without_text_is_one_failure_naming_the_file(tmp_path):
    path = tmp_path / "empty.eml"
    path.write_bytes(b"From: a@b.nl\r\nSubject: leeg\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n"
                     b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n")
    [item] = load_articles([path])
    assert isinstance(item, Failure) and str(path) in item.error and "e-mail" in item.error
