"""Whether a piece of a document's text is a file name or a path.

Documents name an inserted picture after its file ("IMG_2041.jpg", "Moscow-14-May.png") and
older Word put its whole path, with the Windows user name, in the picture's alt text; the
office and RTF cleaners (office.py, rtf.py) remove such values and keep text someone wrote.
"""

from __future__ import annotations

import re

FILE_LIKE = re.compile(
    r"^[A-Za-z]:[\\/]|^file:|^[/~]|\\|\.(jpe?g|jfif|png|gif|bmp|tiff?|heic|heif|webp|avif|dng|raw|cr2|nef|arw|emf|wmf|"
    r"svg|eps|ico|mp4|mov|m4v|avi|mkv|3gp|m4a|mp3|wav|ogg|opus|flac|pdf|docx?|xlsx?|pptx?|od[tspg])\s*$"
    # A camera's or phone's file name without its extension: IMG_2041, DSCN0010, PXL_20240514_…
    r"|^(img|dsc[nf]?|pxl|mvimg|vid|gopr|dji|wp|p\d{3})[_-]?\d{3,}",
    re.IGNORECASE)
