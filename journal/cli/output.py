"""Terminal-safe output: no text from a journal or a bundle can drive the terminal.

A sender name, a category label or an entry title may hold ANSI escape sequences (which can
recolour, retitle or rewrite the terminal), BEL, carriage returns that overwrite a line, or
bidirectional controls (U+202E and friends) that reorder what is shown. ``main()`` routes
everything the CLI prints through ``SafeStream``, which escapes such characters with
``escape()``; ``one_line()`` is for fields that must stay on one line (names, labels, titles in
tables), where a newline would forge another line of output.

Escapes are Python- and JSON-compatible: ``\\x1b`` for C0 controls, ``\\u202e`` (``\\ud83d…`` pairs
beyond the BMP) for everything else, so `--json` output stays valid JSON (JSON already escapes
C0 controls itself, and ``\\uXXXX`` is a JSON escape).
"""

from __future__ import annotations

import unicodedata

#: Format characters that are harmless and needed in real text: zero-width non-joiner and
#: joiner (Persian and Indic scripts, emoji sequences).
_KEPT_FORMAT = {"\u200c", "\u200d"}
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_cache: dict[str, bool] = {}


def _unsafe(char: str, keep: str) -> bool:
    if char in keep:
        return False
    flag = _cache.get(char)
    if flag is None:
        flag = unicodedata.category(char) in _UNSAFE_CATEGORIES and char not in _KEPT_FORMAT
        if len(_cache) < 4096:
            _cache[char] = flag
    return flag


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def escape(text: str, keep: str = "\n\t") -> str:
    """``text`` with every control, format (bidi) and separator character escaped, except
    those in ``keep`` (by default newline and tab, which the CLI's own layout uses)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, fast
    return "".join(_escaped(c) if _unsafe(c, keep) else c for c in text)


def one_line(text: object) -> str:
    """A field shown on one line (a name, a label, a title in a table): newlines and tabs too."""
    return escape(str(text), keep="")


class SafeStream:
    """Wraps sys.stdout / sys.stderr so that whatever is printed goes through ``escape()``.

    ``raw`` is the wrapped stream, for the CLI's own control output (a progress line's ``\\r``)."""

    def __init__(self, stream) -> None:
        self.raw = stream

    def write(self, text: str) -> int:
        self.raw.write(escape(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def raw_stream(stream):
    """The stream under a SafeStream (or ``stream`` itself)."""
    return getattr(stream, "raw", stream) if isinstance(stream, SafeStream) else stream
