"""Browse, filter and full-text search over the archive, fast at a million works."""
