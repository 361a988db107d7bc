"""Hostile files built in memory, for the security tests and ``bench_hostile_files``.

Each one replays a file from issue 16 that froze the server, exhausted its memory or ended in
a traceback. They are generated (a few hundred kilobytes each, seconds to build in total),
never committed, and every one must be refused with a message naming the file.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections.abc import Callable


def _pdf(content: bytes, *, compress: bool = True) -> bytes:
    """A one-page PDF with Helvetica and ``content`` as its page stream."""
    stream = zlib.compress(content, 9) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< " + filters + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n"
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _deflate_repeated(unit: bytes, total: int) -> bytes:
    """``unit`` repeated to ``total`` bytes, deflated without building the whole in memory."""
    packer = zlib.compressobj(9)
    chunk = unit * (1_048_576 // len(unit))
    parts = [packer.compress(chunk) for _ in range(total // len(chunk))]
    parts.append(packer.flush())
    return b"".join(parts)


def pdf_long_lines() -> bytes:
    """A 4 KB PDF whose one page draws 300,000 characters on a few lines (froze the server)."""
    text = b"(" + b"a@" * 150_000 + b")"
    return _pdf(b"BT /F1 1 Tf 10 700 Td " + text + b" Tj ET")


def pdf_deflate_bomb(megabytes: int = 1536) -> bytes:
    """A PDF whose page stream inflates to 1.5 GB of drawing operators (peaked at 2 GB+)."""
    stream = _deflate_repeated(b"q Q ", megabytes * 2**20)
    body = _pdf(b"", compress=False)
    # Swap the empty stream for the bomb, keeping the dictionary honest about the length.
    head, _, _tail = body.partition(b"4 0 obj\n")
    objects = (
        b"4 0 obj\n<< /Filter /FlateDecode /Length " + str(len(stream)).encode()
        + b" >>\nstream\n" + stream + b"\nendstream\nendobj\n"
        b"5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
    )  # fmt: skip
    # A damaged cross-reference table is rebuilt by PDFium, as viewers do.
    return head + objects + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _docx(document_xml: bytes, *, corrupt: bool = False) -> bytes:
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
    data = out.getvalue()
    return _corrupt_member(data, "word/document.xml") if corrupt else data


def _corrupt_member(data: bytes, member: str) -> bytes:
    """Overwrite the middle of one member's deflate data with junk (headers stay valid)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    junk = bytes([0xFF]) * min(16, max(info.compress_size // 4, 1))
    return data[:middle] + junk + data[middle + len(junk) :]


WORD_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bomb() -> bytes:
    """A small DOCX whose document.xml unpacks to 95 MB (ran past 120 s at 850 MB)."""
    paragraph = b"<w:p><w:r><w:t>" + b"A" * 200 + b"</w:t></w:r></w:p>"
    body = paragraph * (95 * 2**20 // len(paragraph))
    return _docx(b"<w:document " + WORD_NS + b"><w:body>" + body + b"</w:body></w:document>")


def docx_corrupt_deflate() -> bytes:
    paragraph = b"<w:p><w:r><w:t>Ana Ruiz, data analyst</w:t></w:r></w:p>"
    body = b"<w:document " + WORD_NS + b"><w:body>" + paragraph * 400 + b"</w:body></w:document>"
    return _docx(body, corrupt=True)


def linkedin_zip_corrupt_deflate() -> bytes:
    out = io.BytesIO()
    rows = "".join(f"Acme {n},Analyst {n},,Jan 2020,,\n" for n in range(2000))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "Positions.csv",
            "Company Name,Title,Description,Started On,Finished On,Location\n" + rows,
        )
    return _corrupt_member(out.getvalue(), "Positions.csv")


def csv_long_field() -> bytes:
    """A LinkedIn Positions.csv whose description is 200,000 characters (csv.Error before)."""
    return (
        "Company Name,Title,Description,Started On,Finished On,Location\n"
        f'Acme,Analyst,"{"x" * 200_000}",Jan 2020,,Berlin\n'
    ).encode()


def json_nested() -> bytes:
    return b'{"basics": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"


def json_huge_number() -> bytes:
    return b'{"basics": {"name": "Ana"}, "work": [{"name": "Acme", "x": ' + b"9" * 5000 + b"}]}"


def txt_one_line() -> bytes:
    """A 1 MB one-line text résumé of e-mail-like tokens (held the server 11 s at 50 KB)."""
    return b"a@" * 500_000


HOSTILE: dict[str, Callable[[], bytes]] = {
    "long-lines.pdf": pdf_long_lines,
    "deflate-bomb.pdf": pdf_deflate_bomb,
    "bomb.docx": docx_bomb,
    "corrupt.docx": docx_corrupt_deflate,
    "corrupt-linkedin.zip": linkedin_zip_corrupt_deflate,
    "Positions.csv": csv_long_field,
    "nested.json": json_nested,
    "huge-number.json": json_huge_number,
    "one-line.txt": txt_one_line,
}


def surrogate_resume() -> bytes:
    """A JSON Resume whose name holds a lone surrogate: accepted, the surrogate replaced."""
    return json.dumps({"basics": {"name": "Ana \ud800 Ruiz", "email": "ana@example.com"}}).encode()
