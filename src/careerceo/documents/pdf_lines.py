"""The text lines of one PDF page, rebuilt from PDFium's characters.

PDFium is fast (C) and merges the overprinted "fake bold" copies that résumé builders draw,
but it decides word breaks from glyph gaps alone. Web-to-PDF résumés (LiveCareer and the like)
place every glyph with its own ``Td`` and draw the space as a separate glyph that maps to no
character, so PDFium drops it and the words run together ("educationalleader"). The space glyph
is still a page object of its own, though: a character whose text object is not the one right
after the previous character's, with only blank text objects skipped in between, follows a
space. Gaps much wider than a space (a right-aligned date, a second column) become two spaces,
which is how the résumé parser tells the fields of one visual line apart.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

WIDE_GAP = 1.2  # a gap wider than this many line heights separates fields, not words
TEXT_OBJECT = pdfium_c.FPDF_PAGEOBJ_TEXT


def _address(pointer: object) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0  # type: ignore[arg-type]


def _as_address_function(function: object) -> object:
    """The same PDFium entry point, declared to return the object's address as an int: a
    pointer-to-int cast per character costs more than the call itself. A private prototype,
    so pypdfium2's own declarations are untouched."""
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    return prototype(_address(function))


CHAR_OBJECT = _as_address_function(pdfium_c.FPDFText_GetTextObject)
PAGE_OBJECT = _as_address_function(pdfium_c.FPDFPage_GetObject)


def _blank_objects_between(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, first: int, last: int
) -> bool:
    """Whether the page objects first..last-1 hold at least one blank text object (a space
    glyph PDFium did not turn into a character) and nothing that is drawn text."""
    buffer = (ctypes.c_ushort * 16)()
    blank = False
    for number in range(first, last):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, number)
        if pdfium_c.FPDFPageObj_GetType(obj) != TEXT_OBJECT:
            continue
        # The size comes back in bytes with the terminating NUL; a longer text is not copied,
        # and is not a lone space glyph anyway.
        size = pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, buffer, ctypes.sizeof(buffer))
        if size > ctypes.sizeof(buffer):
            return False
        text = "".join(chr(c) for c in buffer[: max(0, size // 2 - 1)])
        if text.strip():
            return False
        blank = True
    return blank


def page_lines(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[str]:
    """The page's lines in PDFium's reading order, words and fields spaced as drawn."""
    raw = textpage.raw
    page_address, text_address = _address(page.raw), _address(raw)
    page_object = PAGE_OBJECT
    order = {
        page_object(page_address, k): k  # type: ignore[operator]
        for k in range(pdfium_c.FPDFPage_CountObjects(page.raw))
    }
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    text_object = CHAR_OBJECT
    char_box = pdfium_c.FPDFText_GetLooseCharBox
    box = pdfium_c.FS_RECTF()
    lines: list[str] = []
    line: list[str] = []
    previous_object = -1
    previous_right: float | None = None
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = get_unicode(raw, i)
        if is_generated(raw, i):
            if code == 10:
                lines.append("".join(line))
                line, previous_object, previous_right = [], -1, None
            elif code == 32 and line and line[-1] != " ":
                line.append(" ")
            continue
        if code in (13, 10):
            continue
        char = chr(code)
        number = order.get(text_object(text_address, i), -1)  # type: ignore[operator]
        char_box(raw, i, box)
        if char.isspace():
            if line and line[-1] != " ":
                line.append(" ")
            previous_object, previous_right = number, None
            continue
        if line and previous_right is not None:
            if box.left - previous_right > WIDE_GAP * max(box.top - box.bottom, 1.0):
                line.append(" " if line[-1] == " " else "  ")
            elif (
                line[-1] != " "
                and previous_object >= 0
                and number > previous_object + 1
                and _blank_objects_between(page, textpage, previous_object + 1, number)
            ):
                line.append(" ")
        line.append(char)
        previous_object = number if number >= 0 else previous_object
        previous_right = box.right
    lines.append("".join(line))
    return [text.rstrip() for text in lines]
