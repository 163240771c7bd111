"""OpenDocument text notes, read straight from content.xml and meta.xml."""

from __future__ import annotations

from typing import Any

from lxml import etree

from synthesis.ingest.containers import ZipLimits, open_checked_zip
from synthesis.ingest.document import Block, RawDocument, table_block
from synthesis.ingest.properties import metadata_from_properties

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# No entity expansion and no network: the XML comes from an uploaded file.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _inline_text(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == _q("text:s"):
            parts.append(" ")  # text:c may ask for billions of spaces; they would fold into one anyway
        elif child.tag in (_q("text:tab"), _q("text:line-break")):
            parts.append(" ")
        elif child.tag != _q("text:note"):  # footnotes are not part of the running text
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(element: Any, in_list: bool = False) -> list[Block]:
    blocks: list[Block] = []
    for child in element:
        if child.tag == _q("text:h"):
            blocks.append(Block("heading", _inline_text(child).strip()))
        elif child.tag == _q("text:p"):
            blocks.append(Block("list_item" if in_list else "paragraph", _inline_text(child).strip()))
        elif child.tag in (_q("text:list"), _q("text:list-item")):
            blocks.extend(_blocks(child, in_list=True))
        elif child.tag == _q("table:table"):
            for row in child.iter(_q("table:table-row")):
                cells = [
                    " ".join(_inline_text(p).strip() for p in cell.iter(_q("text:p")))
                    for cell in row.iter(_q("table:table-cell"))
                ]
                if any(cells):
                    blocks.append(table_block(cells))
        elif child.tag == _q("text:section"):
            blocks.extend(_blocks(child, in_list))
    return [block for block in blocks if block.text]


def _meta(root: Any) -> dict[str, Any]:
    meta = root.find(f"{_q('office:meta')}")
    if meta is None:
        return {}

    def text_of(name: str) -> str | None:
        node = meta.find(_q(name))
        return node.text if node is not None else None

    properties = {
        "title": text_of("dc:title"),
        "initial-creator": text_of("meta:initial-creator"),
        "creator": text_of("dc:creator"),
        "subject": text_of("dc:subject"),
        "language": text_of("dc:language"),
        "keywords": "; ".join(k.text or "" for k in meta.iter(_q("meta:keyword"))),
    }
    metadata = metadata_from_properties(properties)
    for field in meta.iter(_q("meta:user-defined")):
        name = (field.get(_q("meta:name")) or "").strip().lower()
        if name and field.text and field.text.strip():
            metadata[name] = field.text.strip()
    return metadata


def read_odt(data: bytes, *, limits: ZipLimits) -> RawDocument:
    archive = open_checked_zip(data, "ODT", limits)
    content = etree.fromstring(archive.read("content.xml"), _PARSER)
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    blocks = _blocks(body) if body is not None else []
    names = archive.namelist()
    metadata = _meta(etree.fromstring(archive.read("meta.xml"), _PARSER)) if "meta.xml" in names else {}
    return RawDocument(blocks, metadata)
