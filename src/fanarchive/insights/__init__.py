"""Insights: the stored analysis of each work, tag suggestions from it, and the analysis page.

The analysis itself is `fanarchive.analysis` (pure Python); this app stores and shows it.
"""
