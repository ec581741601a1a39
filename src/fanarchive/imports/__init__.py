"""Bulk import: folders, zips, AO3 downloads, EPUBs and eFiction dumps into the archive.

`sources`, `drafts`, `efiction` and `sqldump` are plain Python (no Django); `models`,
`store` and `importer` are the Django side.
"""
