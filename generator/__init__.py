"""Turn policy analyses (seeds/) into briefs, and briefs into a briefing site (site_src/).

The pipeline, one module a stage:
    read → clean → metadata → paragraphs → sentences →
    recommendations, questions, summary, entities → parse (one Brief) →
    ids (stable ids, registry) → render (Jinja2) → write (site_src/)
`build.build()` runs it for a whole folder; `plugin.BriefsPlugin` runs it inside MkDocs.
"""
