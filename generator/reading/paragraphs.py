"""Cleaned body text → numbered Paragraphs, using markdown-it-py for the structure.

Headings and list items become paragraphs of their own (flagged), hard-wrapped lines are
joined, and raw HTML or indented "code" is read as the plain text it is.
"""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Paragraph

PARSER = MarkdownIt("commonmark", {"html": False}).disable(["code", "html_block", "html_inline"])


def block_text(inline: Token) -> str:
    """An inline token's source text on one line."""
    return " ".join(line.strip() for line in inline.content.splitlines() if line.strip())


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Number every heading, list item and paragraph of the body in reading order."""
    out: list[Paragraph] = []
    heading = in_list = False
    for token in PARSER.parse(text):
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            in_list = True
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list = token.level > 0
        elif token.type == "inline" and block_text(token):
            out.append(Paragraph(number=len(out) + 1, text=block_text(token),
                                 heading=heading, list_item=in_list and not heading))
        elif token.type == "fence" and token.content.strip():
            out.append(Paragraph(number=len(out) + 1, text=" ".join(token.content.split())))
    return tuple(out)
