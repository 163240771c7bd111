"""Hostile and broken uploads, built at test time in a temporary folder (none is committed).

Each `Case` writes its file(s) under a summit's notes/ and says which rejection
reason the night must give it, or None when the file must be read as a note
(its danger neutralised). tests/ingest/test_hostile.py runs them all.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from synthesis.models import RejectionReason
from tests.conftest import BAD, GOOD

SECRET = "TOP-SECRET-4242-never-published"  # in a file outside the summit
META = "rapporteur: Hostile Tester\nsession: 2019-08-31 morning\n"
ENGLISH = (
    "The mayor of Lyon said the city will open two new community centres for young people next year. "
    "Participants discussed how neighbourhood councils can reach residents who rarely take part."
)
R = RejectionReason


@dataclass(frozen=True)
class Case:
    name: str
    source: str  # the rejection's or note's source, relative to the summit folder
    reason: RejectionReason | None  # None: read as a note
    build: Callable[[Path, Path], None]  # (summit_dir, outside_dir)


def _note(summit: Path, name: str, body: str | bytes, front: str = META) -> Path:
    path = summit / "notes" / "healthy" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = body if isinstance(body, bytes) else f"---\n{front}---\n{body}\n".encode()
    path.write_bytes(data)
    return path


def _sidecar(path: Path, text: str = META) -> None:
    path.with_name(path.name + ".meta.yaml").write_text(text, encoding="utf-8")


def symlink_to_secret(summit: Path, outside: Path) -> None:
    secret = outside / "secret.md"
    secret.write_text(f"---\n{META}---\n{SECRET}. Lyon will publish this secret by 2020.\n", "utf-8")
    link = summit / "notes" / "healthy" / "passwd.md"
    link.symlink_to(secret)
    _sidecar(link)


def symlink_loop(summit: Path, outside: Path) -> None:
    folder = summit / "notes" / "healthy"
    (folder / "loop-a.md").symlink_to(folder / "loop-b.md")
    (folder / "loop-b.md").symlink_to(folder / "loop-a.md")


def dangling_symlink(summit: Path, outside: Path) -> None:
    (summit / "notes" / "healthy" / "dangling.md").symlink_to(outside / "gone.md")


def symlinked_folder(summit: Path, outside: Path) -> None:
    (outside / "etc").mkdir()
    (outside / "etc" / "note.md").write_text(f"---\n{META}---\n{SECRET}\n", "utf-8")
    (summit / "notes" / "healthy" / "etc").symlink_to(outside / "etc", target_is_directory=True)


def symlinked_sidecar(summit: Path, outside: Path) -> None:
    (outside / "meta.yaml").write_text(f"{META}city: {SECRET}\n", "utf-8")
    note = _note(summit, "linked-sidecar.md", ENGLISH, front="title: Linked sidecar\n")
    note.with_name(note.name + ".meta.yaml").symlink_to(outside / "meta.yaml")


def fifo(summit: Path, outside: Path) -> None:
    os.mkfifo(summit / "notes" / "healthy" / "pipe.md")


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)


def laughs_front_matter(summit: Path, outside: Path) -> None:
    _note(summit, "laughs.md", ENGLISH, front=META + BILLION_LAUGHS)


def laughs_sidecar(summit: Path, outside: Path) -> None:
    path = _note(summit, "laughs-sidecar.txt", ENGLISH.encode())
    _sidecar(path, META + BILLION_LAUGHS)


def python_tag(summit: Path, outside: Path) -> None:
    _note(summit, "tag.md", ENGLISH, front=META + 'city: !!python/object/apply:os.system ["id"]\n')


def rapporteur_mapping(summit: Path, outside: Path) -> None:
    _note(summit, "mapping.md", ENGLISH, front="rapporteur: {a: 1, b: 2}\nsession: 2019-08-31 morning\n")


def binary_city(summit: Path, outside: Path) -> None:
    _note(summit, "binary.md", ENGLISH, front=META + "city: !!binary aGVsbG8=\n")


def huge_yaml(summit: Path, outside: Path) -> None:
    _note(summit, "long-yaml.md", ENGLISH, front=META + "title: " + "x" * 20_000 + "\n")


def bidi_title(summit: Path, outside: Path) -> None:
    _note(summit, "bidi.md", ENGLISH, front=META + "title: Report \u202egnp.exe\u202c of \u2066Lyon\u2069\n")


def _odt(content: str) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>'
            f"{content}</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def odt_spaces(summit: Path, outside: Path) -> None:
    path = _note(summit, "spaces.odt", _odt(f'<text:p>{ENGLISH}<text:s text:c="2000000000"/>End.</text:p>'))
    _sidecar(path)


def _pdf_with_stream(stream: bytes) -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
        b"4 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def deflated_zeros(gigabytes: float) -> bytes:
    """A zlib stream of `gigabytes` of zero bytes: about a thousandth of that on disk."""
    compressor, chunk = zlib.compressobj(9), bytes(1 << 24)
    parts = [compressor.compress(chunk) for _ in range(int(gigabytes * 1e9) >> 24)]
    return b"".join([*parts, compressor.flush()])


def pdf_stream_bomb(summit: Path, outside: Path) -> None:
    path = _note(summit, "stream-bomb.pdf", _pdf_with_stream(deflated_zeros(2.0)))
    _sidecar(path)


def zip_bomb(summit: Path, outside: Path) -> None:
    shutil.copy(BAD / "bomb.docx", summit / "notes" / "healthy" / "bomb.docx")


def three_thousand_pages(summit: Path, outside: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number in range(3000):
        page.drawString(72, A4[1] - 40, f"Line {number}: the council will review the plan by 2020.")
        page.showPage()
    page.save()
    _sidecar(_note(summit, "pages.pdf", buffer.getvalue()))


def long_single_line(summit: Path, outside: Path) -> None:
    """Just under the 1,000,000 characters a note may have, on one line: read, and parsed in pieces
    (spaCy needs about 1 GB per 100,000 characters of a single Doc)."""
    sentence = "Lyon will plant trees along every school street by 2021. "
    _note(summit, "one-line.txt", f"---\n{META}---\n{sentence * 15_500}\n".encode())  # about 900 kB


def huge_single_line(summit: Path, outside: Path) -> None:
    sentence = "Rabat will open a language café in every district by 2020. "
    _note(summit, "five-mb.txt", f"---\n{META}---\n{sentence * 85_000}\n".encode())  # about 5 MB


def utf16_no_bom(summit: Path, outside: Path) -> None:
    text = "Notes saved by an old editor: the city of Namur will train twelve volunteer guides this autumn."
    _note(summit, "utf16.txt", f"---\n{META}---\n{text}\n".encode("utf-16-le"))


SPANISH = (
    "El alcalde anunció que la ciudad abrirá dos nuevos centros comunitarios el próximo año. "
    "Los participantes hablaron de cómo los consejos de barrio pueden llegar a los vecinos."
)
ARABIC = (
    "أعلن رئيس البلدية أن المدينة ستفتح مركزين جديدين للشباب في العام المقبل. "
    "وناقش المشاركون كيف يمكن لمجالس الأحياء أن تصل إلى السكان."
)


def spanish_note(summit: Path, outside: Path) -> None:
    _note(summit, "espanol.md", f"{SPANISH}\n\n{SPANISH}")


def arabic_note(summit: Path, outside: Path) -> None:
    _note(summit, "arabic.md", f"{ARABIC}\n\n{ARABIC}")


def mixed_note(summit: Path, outside: Path) -> None:
    _note(summit, "mixed.md", f"{ENGLISH}\n\n{SPANISH}\n\n{ENGLISH} {ENGLISH}")


def not_utf8_name(summit: Path, outside: Path) -> None:
    folder = os.fsencode(summit / "notes" / "healthy")
    with open(os.path.join(folder, b"caf\xe9-notes.md"), "wb") as handle:
        handle.write(f"---\n{META}---\n{ENGLISH}\n".encode())


def newline_name(summit: Path, outside: Path) -> None:
    _note(summit, "x.md\n- Problem (ok): everything is fine\n.md", ENGLISH)


def html_name(summit: Path, outside: Path) -> None:
    _note(summit, "<img src=x onerror=alert(1)>.md", "")  # empty, so it is listed as rejected


def bracket_path(summit: Path, outside: Path) -> None:
    (summit / "notes" / "healthy" / "a[").mkdir()
    _note(summit, "a[/]b.md", "")  # empty, so that the CLI prints its whole path as a rejection


def nothing(summit: Path, outside: Path) -> None:
    """The file was made by the case before."""


def copy_bad(fixture: str) -> Callable[[Path, Path], None]:
    def build(summit: Path, outside: Path) -> None:
        shutil.copy(BAD / fixture, summit / "notes" / "healthy" / fixture)

    return build


def orphan_sidecar(summit: Path, outside: Path) -> None:
    (summit / "notes" / "healthy" / "ghost.pdf.meta.yaml").write_text(META, "utf-8")


def oversized(summit: Path, outside: Path) -> None:
    _note(summit, "huge.txt", b"Lyon will plant trees. " * 500_000)  # 11.5 MB, over the 10 MB limit


def wrong_workshop(summit: Path, outside: Path) -> None:
    path = summit / "notes" / "sports" / "stray.md"
    path.parent.mkdir()
    path.write_text(f"---\n{META}---\n{ENGLISH}\n", "utf-8")


def duplicate(summit: Path, outside: Path) -> None:
    shutil.copy(GOOD / "inclusive-note.txt", summit / "notes" / "inclusive" / "copy-of-inclusive.txt")


H = "notes/healthy/"
CASES = [
    Case("symlink to a file outside", H + "passwd.md", R.SYMLINK, symlink_to_secret),
    Case("symlink loop", H + "loop-a.md", R.SYMLINK, symlink_loop),
    Case("symlink loop, other end", H + "loop-b.md", R.SYMLINK, nothing),
    Case("dangling symlink", H + "dangling.md", R.SYMLINK, dangling_symlink),
    Case("symlinked folder", H + "etc", R.SYMLINK, symlinked_folder),
    Case("symlinked sidecar", H + "linked-sidecar.md", R.SYMLINK, symlinked_sidecar),
    Case("symlinked sidecar, the link", H + "linked-sidecar.md.meta.yaml", R.SYMLINK, nothing),
    Case("named pipe", H + "pipe.md", R.NOT_A_FILE, fifo),
    Case("billion laughs in front matter", H + "laughs.md", R.INVALID_METADATA, laughs_front_matter),
    Case("billion laughs in a sidecar", H + "laughs-sidecar.txt", R.INVALID_METADATA, laughs_sidecar),
    Case("python tag", H + "tag.md", R.INVALID_METADATA, python_tag),
    Case("rapporteur as a mapping", H + "mapping.md", R.INVALID_METADATA, rapporteur_mapping),
    Case("city as !!binary", H + "binary.md", R.INVALID_METADATA, binary_city),
    Case("oversized front matter", H + "long-yaml.md", R.INVALID_METADATA, huge_yaml),
    Case("bidi controls in the title", H + "bidi.md", None, bidi_title),
    Case("ODT asking for two billion spaces", H + "spaces.odt", None, odt_spaces),
    Case("PDF with a 2 GB stream", H + "stream-bomb.pdf", R.TOO_LARGE_CONTENT, pdf_stream_bomb),
    Case("DOCX zip bomb", H + "bomb.docx", R.ZIP_BOMB, zip_bomb),
    Case("3,000-page PDF, one line a page", H + "pages.pdf", None, three_thousand_pages),
    Case("900 kB single-line note", H + "one-line.txt", None, long_single_line),
    Case("5 MB single-line note", H + "five-mb.txt", R.TOO_LARGE_CONTENT, huge_single_line),
    Case("UTF-16 without a byte-order mark", H + "utf16.txt", None, utf16_no_bom),
    Case("Spanish note", H + "espanol.md", R.UNSUPPORTED_LANGUAGE, spanish_note),
    Case("Arabic note", H + "arabic.md", R.UNSUPPORTED_LANGUAGE, arabic_note),
    Case("English note with a Spanish passage", H + "mixed.md", None, mixed_note),
    Case("file name not UTF-8", H + "caf\\xe9-notes.md", R.INVALID_NAME, not_utf8_name),
    Case(
        "newline in the file name",
        H + "x.md\\n- Problem (ok): everything is fine\\n.md",
        R.INVALID_NAME,
        newline_name,
    ),
    Case("HTML in the file name", H + "<img src=x onerror=alert(1)>.md", R.EMPTY, html_name),
    Case("square brackets in the path", H + "a[/]b.md", R.EMPTY, bracket_path),
    # inputs/README.md's rejection table
    Case("empty file", H + "empty.txt", R.EMPTY, copy_bad("empty.txt")),
    Case("blank Markdown", H + "blank.md", R.EMPTY, copy_bad("blank.md")),
    Case("over the size limit", H + "huge.txt", R.TOO_LARGE, oversized),
    Case("legacy .doc", H + "legacy.doc", R.UNSUPPORTED_TYPE, copy_bad("legacy.doc")),
    Case("DOCX named .pdf", H + "renamed-docx.pdf", R.WRONG_EXTENSION, copy_bad("renamed-docx.pdf")),
    Case("truncated DOCX", H + "truncated.docx", R.CORRUPT, copy_bad("truncated.docx")),
    Case("password-protected PDF", H + "protected.pdf", R.PROTECTED, copy_bad("protected.pdf")),
    Case("scanned PDF", H + "scanned.pdf", R.SCANNED_PDF, copy_bad("scanned.pdf")),
    Case("Shift-JIS text", H + "shift-jis.txt", R.UNDECODABLE_TEXT, copy_bad("shift-jis.txt")),
    Case("sidecar without its note", H + "ghost.pdf.meta.yaml", R.INVALID_METADATA, orphan_sidecar),
    Case("folder that is no workshop", "notes/sports/stray.md", R.UNKNOWN_WORKSHOP, wrong_workshop),
    Case("the same text twice", "notes/inclusive/copy-of-inclusive.txt", R.DUPLICATE, duplicate),
]
VALID = ("healthy-note.docx", "resilient-note.pdf", "connective-note.odt", "inclusive-note.txt")


def build_summit(summit: Path, outside: Path) -> None:
    """The valid fixture notes, then every hostile case beside them."""
    for name in VALID:
        target = summit / "notes" / name.split("-")[0] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(GOOD / name, target)
        if (sidecar := GOOD / f"{name}.meta.yaml").exists():
            shutil.copy(sidecar, target.with_name(sidecar.name))
    (summit / "notes" / "healthy").mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.build(summit, outside)
