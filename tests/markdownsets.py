"""The Markdown extension sets seed text is tested against: the ones mkdocs.yml enables
(read from it, as MkDocs loads it) and nearly every extension Python-Markdown and
pymdown-extensions ship, so escaping is proven to hold whatever the site enables next."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown
from mkdocs.config import load_config

from siteproject import ROOT

SECRET = "TOP-SECRET-SNIPPET"
"""What `pymdownx.snippets` would include if a seed's `--8<-- "secret.txt"` came alive."""
SNIPPETS = Path(__file__).parent / "fixtures" / "snippets"
MORE_EXTENSIONS = [
    "md_in_html", "abbr", "def_list", "footnotes", "admonition", "smarty",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic",
    "pymdownx.details", "pymdownx.emoji", "pymdownx.highlight", "pymdownx.inlinehilite",
    "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.smartsymbols",
    "pymdownx.snippets", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.tilde", "pymdownx.blocks.html", "pymdownx.blocks.details",
]
MORE_CONFIGS = {"pymdownx.snippets": {"base_path": [str(SNIPPETS)], "check_paths": False},
                "pymdownx.tabbed": {"alternate_style": True}}


@cache
def configured() -> tuple[tuple[str, ...], dict]:
    """mkdocs.yml's markdown_extensions and their settings, as MkDocs passes them on."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return tuple(config.markdown_extensions), dict(config.mdx_configs)


def every_extension() -> tuple[tuple[str, ...], dict]:
    """The configured set plus every extension above (snippets reading fixtures/snippets/)."""
    names, configs = configured()
    return names + tuple(n for n in MORE_EXTENSIONS if n not in names), {**configs, **MORE_CONFIGS}


EXTENSION_SETS = {"configured": configured, "every-extension": every_extension}


def to_html(text: str, extension_set: str) -> str:
    """Markdown → HTML with one of the sets above (a fresh converter: some keep state)."""
    names, configs = EXTENSION_SETS[extension_set]()
    return markdown.Markdown(extensions=list(names), extension_configs=configs).convert(text)
