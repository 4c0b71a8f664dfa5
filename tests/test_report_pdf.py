"""The PDF report (journal/report_pdf.py, fpdf2, no Qt), read back with poppler's real tools:
pdftotext for the text (Cyrillic round trip, labels in the user's language, page numbers),
pdftotext -bbox for the layout (nothing runs off the page), pdfinfo for the page size and
metadata, pdfimages for the thumbnails."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess

import pytest
from PIL import Image

from journal import i18n
from journal.errors import Cancelled, JournalError
from journal.report_pdf import REPLACEMENT, clean_text, clean_thumbnail, write_pdf
from journal.records.reports import ReportFilter
from journal.records.search import EntryFilter

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                                reason="poppler-utils is not installed")

LONG_URL = "https://example.org/" + "very-long-path/" * 12 + "?q=" + "x" * 80
LONG_WORD = "Очень" + "длинное" * 30 + "слово"


def _text(path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def _jpeg(color, size=(640, 480), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is not None:
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    yield
    i18n.reset()


@pytest.fixture
def sample(journal):
    """A Russian and an English entry with a form, people with contact details, a contact log
    and photos; an entry with text the font cannot draw and words longer than a line."""
    olga = journal.people.add(name="Ольга Иванова", phones=["+380 44 000 00 00"], handles=["telegram:@olga_iv"])
    ru = journal.entries.add(title="Задержание у здания суда", category="detention", place="Минск",
                             occurred_at="2024-03-05T12:00+03:00", body="Задержаны трое человек после заседания.",
                             tags=["суд"])
    journal.people.link(ru.uuid, olga.uuid, "detained")
    journal.forms.set_values(ru.uuid, "detention", {"police_unit": "РУВД Центрального района",
                                                    "lawyer_admitted": False, "detained_persons": [olga.uuid]})
    for color in ("navy", "darkgreen", "maroon"):
        journal.attachments.add_bytes(ru.uuid, _jpeg(color), f"{color}.jpg")
    en = journal.entries.add(title="Police search of an NGO office", category="search", place="Grodno",
                             occurred_at="2024-03-06T08:30+03:00", body=f"Video: {LONG_URL}\n\n{LONG_WORD}")
    journal.contact_log.add(people=[olga.uuid], channel="call", direction="incoming", summary="Reported the search",
                            entries=[en.uuid], at="2024-03-06T10:00+03:00")
    odd = journal.entries.add(title="Emoji 👩‍👩‍👧 CJK 中文 control\x07 end", occurred_at="2024-03-07T09:00+03:00",
                              body="Thai ภาษาไทย, Devanagari हिन्दी, math 𝔸, tab\there, {nb} \x01#\x01 stay")
    return {"ru": ru, "en": en, "odd": odd}


def test_report_text_round_trips_with_entries_fields_and_page_numbers(journal, sample, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "report.pdf"
    count = write_pdf(journal, ReportFilter(), out, title="Отчёт за март")
    assert count == 3
    assert out.read_bytes().startswith(b"%PDF") and oct(out.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in out.parent.iterdir()] == ["report.pdf"]  # no temporary file left beside it
    text = _text(out)
    for expected in ("Отчёт за март", "Entries: 3", "None: all entries.", "This file is not encrypted",
                     "Задержание у здания суда", "Police search of an NGO office", "Минск", "Detention",
                     "РУВД Центрального района", "Ольга Иванова", "detained", "Reported the search",
                     "call (incoming)", "navy.jpg", "What happened", "Page 1 of 4", "Page 4 of 4"):
        assert expected in text, expected
    assert _info(out)["Pages"] == "4"  # a title page, then one page per entry
    # entries oldest first, each starting its own page
    pages = text.split("\f")
    assert "Задержание у здания суда" in pages[1] and "Police search" in pages[2] and "Emoji" in pages[3]


def test_contact_details_are_left_out_when_asked(journal, sample, tmp_path):
    left_out, included = tmp_path / "left_out.pdf", tmp_path / "included.pdf"
    write_pdf(journal, ReportFilter(), left_out, omit_contact_details=True)
    write_pdf(journal, ReportFilter(), included, omit_contact_details=False)
    text = _text(left_out)
    assert "Ольга Иванова" in text and "+380" not in text and "olga_iv" not in text
    assert "Contact details (phone numbers, messenger handles) were left out." in text
    text = _text(included)
    assert "+380 44 000 00 00" in text and "telegram:@olga_iv" in text and "were left out" not in text


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Отчёт об инцидентах", "Записи: 3", "Что произошло", "Когда", "Место", "Задержание", "черновик",
            "Куда доставлены", "нет", "задержан", "звонок (входящий)", "Страница 1 из 4", "Вложения"]),
    ("uk", ["Звіт про інциденти", "Записи: 3", "Що сталося", "Коли", "Місце", "Затримання", "чернетка",
            "Сторінка 2 з 4", "Вкладення"]),
])
def test_labels_follow_the_users_language(journal, sample, tmp_path, lang, expected):
    i18n.set_language(lang)
    out = tmp_path / f"{lang}.pdf"
    write_pdf(journal, ReportFilter(), out)
    text = _text(out)
    for word in expected:
        assert word in text, word
    assert _info(out)["Title"] == expected[0]


def test_filters_are_described_on_the_title_page(journal, sample, tmp_path):
    i18n.set_language("ru")
    out = tmp_path / "f.pdf"
    flt = ReportFilter(EntryFilter(category="detention", status="draft", date_from="2024-03-01"), origin="own")
    assert write_pdf(journal, flt, out) == 1
    first_page = _text(out, "-layout").split("\f")[0]
    for label, value in (("Категория", "Задержание"), ("Статус", "черновик"), ("Дата с", "2024-03-01"),
                         ("Происхождение", "собственные записи")):
        assert re.search(rf"{label}\s+{value}", first_page), (label, value)
    selected = tmp_path / "s.pdf"
    write_pdf(journal, ReportFilter(entry_uuids=(sample["en"].uuid, sample["odd"].uuid)), selected)
    assert re.search(r"Выбранные записи\s+2", _text(selected, "-layout"))


def test_empty_report_is_a_title_page(journal, tmp_path):
    out = tmp_path / "empty.pdf"
    assert write_pdf(journal, ReportFilter(), out, page_size="letter") == 0
    text = _text(out)
    assert "Incident report" in text and "Entries: 0" in text and "Page 1 of 1" in text
    info = _info(out)
    assert info["Pages"] == "1" and info["Page size"].startswith("612 x 792")


def test_page_sizes(journal, sample, tmp_path):
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    write_pdf(journal, ReportFilter(), a4, page_size="a4")
    write_pdf(journal, ReportFilter(), letter, page_size="letter")
    assert _info(a4)["Page size"] == "595.28 x 841.89 pts (A4)"
    assert _info(letter)["Page size"] == "612 x 792 pts (letter)"
    with pytest.raises(ValueError):
        write_pdf(journal, ReportFilter(), tmp_path / "x.pdf", page_size="a5")
    assert not (tmp_path / "x.pdf").exists()


def test_nothing_runs_off_the_page(journal, sample, tmp_path):
    """Long URLs and words wrap inside the margins: every word's box is on the page."""
    out = tmp_path / "wide.pdf"
    write_pdf(journal, ReportFilter(), out, page_size="a4")
    bbox = _text(out, "-bbox")
    width, height = (float(v) for v in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox).groups())
    words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bbox)]
    assert words
    margin = 15 * 72 / 25.4 - 1  # 15 mm, less a point of rounding
    off = [w for w in words if w[0] < margin or w[2] > width - margin or w[3] > height]
    assert off == []
    # the long word and URL are all there, only broken across lines
    text = re.sub(r"\s", "", _text(out))
    assert LONG_WORD in text and LONG_URL in text


def test_characters_outside_the_font_become_a_placeholder(journal, sample, tmp_path):
    assert clean_text("Emoji 👩‍👩‍👧 end") == f"Emoji {REPLACEMENT} end"  # one placeholder per run
    assert clean_text("中文 x") == f"{REPLACEMENT} x"
    assert clean_text("bell\x07\r\nnext\tcol\ud800") == f"bell\nnext    col{REPLACEMENT}"
    assert clean_text("Кириллица ёЁ їЇ ґҐ єЄ іІ") == "Кириллица ёЁ їЇ ґҐ єЄ іІ"
    assert clean_text(None) == ""
    out = tmp_path / "odd.pdf"
    write_pdf(journal, ReportFilter(entry_uuids=(sample["odd"].uuid,)), out)
    text = _text(out)
    assert f"Emoji {REPLACEMENT} CJK {REPLACEMENT} control end" in text
    assert "Thai \ufffd, Devanagari \ufffd, math" in text and "here" in text
    assert "{nb} # stay" in text  # no user text is taken for the page count


def test_thumbnails_are_drawn_and_carry_no_metadata(journal, sample, tmp_path):
    with_photos, without = tmp_path / "photos.pdf", tmp_path / "none.pdf"
    write_pdf(journal, ReportFilter(), with_photos, photos=True)
    write_pdf(journal, ReportFilter(), without, photos=False)
    listing = subprocess.run(["pdfimages", "-list", str(with_photos)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert len(listing) == 3 and all(" jpeg " in line for line in listing)
    assert subprocess.run(["pdfimages", "-list", str(without)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:] == []
    # the re-encoding drops EXIF (here a camera GPS block) and anything else the source carried
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (53.0, 54.0, 0.0)}
    data, width, height = clean_thumbnail(_jpeg("red", (300, 200), exif=exif.tobytes()))
    assert b"CameraMaker" not in data and b"Exif" not in data and (width, height) == (300, 200)
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif() and "icc_profile" not in image.info
    # a damaged or hostile preview is left out, never an error
    assert clean_thumbnail(b"\xff\xd8\xff garbage") is None
    assert clean_thumbnail(b"") is None and clean_thumbnail(None) is None


def test_metadata_names_no_person_and_no_path(journal, sample, tmp_path):
    out = tmp_path / "secret-folder" / "report.pdf"
    out.parent.mkdir()
    write_pdf(journal, ReportFilter(), out, title="Отчёт")
    info = _info(out)
    assert info["Title"] == "Incident report"  # generic, not the report's own title
    assert info["Producer"] == "fpdf2"
    assert "Author" not in info and "Creator" not in info
    data = out.read_bytes()
    for needle in (str(tmp_path).encode(), b"secret-folder", b"resources", b"DejaVuSans.ttf", b"/Author",
                   b"/Creator"):
        assert needle not in data, needle


def test_progress_and_cancel(journal, sample, tmp_path):
    seen = []
    write_pdf(journal, ReportFilter(), tmp_path / "p.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3) and (1, 3) in seen
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        write_pdf(journal, ReportFilter(), out, cancel=lambda: True)
    assert list(tmp_path.glob("*cancelled*")) == [] and not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_a_missing_font_is_a_clear_error_and_writes_nothing(journal, tmp_path, monkeypatch):
    import journal.resource_files as resource_files

    monkeypatch.setattr(resource_files, "RESOURCES_DIR", tmp_path / "nowhere")
    out = tmp_path / "r.pdf"
    with pytest.raises(JournalError, match=r"font for PDF reports \(DejaVuSans.ttf\) is missing"):
        write_pdf(journal, ReportFilter(), out)
    assert not out.exists()
