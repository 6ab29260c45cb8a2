"""Publishing: briefs → Markdown pages, short links and data files in site_src/."""
