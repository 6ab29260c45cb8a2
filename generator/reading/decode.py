"""A seed's bytes → its text, the characters the author typed, or a SeedError saying why not.

Order of trust: a byte-order mark; else strict UTF-8; else UTF-8 with a few stray
Windows-1252 bytes (files edited in two editors); else a charset the page declares (HTML);
else what charset-normalizer detects, Windows-1252 preferred over its Latin cousins (the
genre is English). Then ftfy repairs mojibake ("Itâ€™s" → "It’s"), and only that.
"""
from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import BADNESS_RE

from ..model import SeedError
from .regex_needs import may_match, needs

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32 LE first: its mark starts like UTF-16 LE's
MAGIC = {b"%PDF-": "a PDF document", b"PK\x03\x04": "a ZIP archive: .docx, .epub, .zip",
         b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF89a": "a GIF image", b"GIF87a": "a GIF image",
         b"\xd0\xcf\x11\xe0": "an old Microsoft Office file", b"\x1f\x8b": "a gzip archive"}
LATIN_COUSINS = {"cp1252", "cp1250", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "mac_roman",
                 "mac_latin2", "mac_iceland", "cp850", "cp852", "cp775", "cp437", "ascii"}
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
ASCII_LETTERS = re.compile(rb"[A-Za-z]")
HIGH_BYTES = re.compile(rb"[\x80-\xff]")
LATIN_RATIO = 4
"""Short texts fool detectors (a lone “ read as Cyrillic); English has 4+ letters per accent."""
DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)
WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    remove_control_chars=False, normalization=None, explain=False)
C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
"""What ftfy's fix_c1_controls and fix_surrogates change."""
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
BINARY_SHARE = 0.05
"""More control characters than this share of the text: a binary file, not an article."""


def cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252."""
    bad = err.object[err.start:err.start + 1]
    try:
        return bad.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: as browsers do
        return bad.decode("latin-1"), err.start + 1


codecs.register_error("briefs-cp1252", cp1252_fallback)


def with_bom(data: bytes) -> str | None:
    """Text behind a byte-order mark, or None when there is none."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec)
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes, if Python knows it."""
    found = DECLARED.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    name = WHATWG_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_declared(data: bytes) -> str | None:
    """An HTML page's bytes in the charset it declares; None if it declares none that fits."""
    codec = declared_charset(data)
    try:
        return data.decode(codec) if codec else None
    except UnicodeDecodeError:
        return None


def latin_text(data: bytes) -> bool:
    """Mostly ASCII letters, few high bytes: a Latin-script text, whatever a detector says."""
    return len(ASCII_LETTERS.findall(data)) >= LATIN_RATIO * len(HIGH_BYTES.findall(data))


def detected(data: bytes) -> str | None:
    """The encoding charset-normalizer finds; Windows-1252 for Latin-script text it decodes."""
    import charset_normalizer  # here: most seeds are UTF-8, and importing it takes 25 ms
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    if best.encoding in LATIN_COUSINS or latin_text(data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def mostly_utf8(data: bytes) -> bool:
    """Bytes in UTF-8 sequences outnumber those that are not UTF-8: a UTF-8 file with strays."""
    invalid = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    return sum(map(len, UTF8_MULTIBYTE.findall(data))) >= invalid


def decode_text(data: bytes, path: object, html: bool = False) -> str:
    """Bytes → text (see the module's order of trust); SeedError for binary or undecodable data."""
    kind = next((what for magic, what in MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise SeedError(path, f"binary file ({kind}), not text")
    try:
        text = with_bom(data)
    except UnicodeDecodeError as err:
        raise SeedError(path, f"broken {err.encoding} text at byte {err.start}") from err
    if text is None:
        text = decode_without_bom(data, path, html)
    text = fix_mojibake(text)
    if control_share(text) > BINARY_SHARE:
        raise SeedError(path, "binary file (control characters), not text")
    return text


def fix_mojibake(text: str) -> str:
    """ftfy's mojibake fix, given the lines it reads one at a time (each up to its line
    break) unless a line plainly holds none: see `may_be_mojibake`."""
    out, pos = [], 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        line = text[pos:end]
        out.append(ftfy.fix_text(line, MOJIBAKE_ONLY) if may_be_mojibake(line) else line)
        pos = end
    return "".join(out)


def may_be_mojibake(line: str) -> bool:
    """False for a line ftfy (MOJIBAKE_ONLY) returns as it is: plain ASCII, or a line with
    no C1 control or surrogate that cannot match ftfy's own test for mojibake
    (`ftfy.badness.is_bad`), judged by the characters that test's regex cannot match
    without (reading/regex_needs.py), so that regex need not scan it (most lines of a seed:
    blank, ASCII, or with no more than ’ – — … beyond it)."""
    if line.isascii():
        return False
    return bool(C1_OR_SURROGATE.search(line)) or may_match(
        needs(BADNESS_RE.pattern, BADNESS_RE.flags), line)


def decode_without_bom(data: bytes, path: object, html: bool) -> str:
    """Bytes with no byte-order mark → text: UTF-8, mixed, declared or detected encoding."""
    if b"\x00" in data:
        raise SeedError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        return data.decode("utf-8", errors="briefs-cp1252")
    text = decode_declared(data) if html else None
    if text is not None:
        return text
    codec = detected(data)
    if codec is None:
        raise SeedError(path, "undecodable text: not UTF-8, and no known encoding fits")
    return data.decode(codec)


def control_share(text: str) -> float:
    """The share of characters that are control codes (tabs, line and page breaks aside)."""
    if not text:
        return 0.0
    return len(CONTROLS.findall(text)) / len(text)
