"""Size and count limits for anything a person uploads.

They keep one bad file from exhausting memory or filling the database: a résumé is a few pages,
a LinkedIn export a few megabytes, so anything far beyond that is refused with a message.
"""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024  # one résumé file
MAX_PDF_PAGES = 20
MAX_TEXT_CHARS = 200_000  # extracted text of one résumé
MAX_ZIP_BYTES = 50 * 1024 * 1024  # the uploaded ZIP itself
MAX_ZIP_MEMBERS = 500
MAX_ZIP_UNPACKED = 100 * 1024 * 1024  # all members together, once decompressed
MAX_ZIP_RATIO = 100  # a member that decompresses more than this is treated as a bomb
MAX_CSV_ROWS = 50_000  # Connections.csv of a very connected person stays well under
MAX_ENTRIES = 2_000  # positions, education, skills... in one import
MAX_XML_PART = 10 * 1024 * 1024  # one XML part of a .docx once unpacked; a résumé's is < 1 MB
MAX_LINE_CHARS = 20_000  # one line of résumé text; longer is a flattened dump, not a résumé
MAX_PAGE_CHARS = 60_000  # characters on one PDF page; a dense page holds about 6,000
MAX_PDF_INFLATED = 256 * 1024 * 1024  # all deflated PDF streams once inflated (photos included)
