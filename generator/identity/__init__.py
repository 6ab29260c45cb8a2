"""Identity: slugs and permanent ids that survive rebuilds and edits."""
