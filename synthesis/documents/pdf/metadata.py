"""Document information shared by the poster and the booklet: title, author, subject, language."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from synthesis.documents.content import Exhibition


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    # The catalog's /Lang. The documents are bilingual; the left language is the primary one.
    lang: str

    def apply(self, canvas: Canvas) -> None:
        canvas.setTitle(self.title)
        canvas.setAuthor(self.author)
        canvas.setSubject(self.subject)
        canvas.setKeywords(list(self.keywords))


def metadata_for(exhibition: Exhibition, *, subject: str, suffix: str = "") -> Metadata:
    return Metadata(
        title=exhibition.document_title(suffix),
        author=exhibition.author,
        subject=subject,
        keywords=exhibition.keywords,
        lang=exhibition.languages[0],
    )
