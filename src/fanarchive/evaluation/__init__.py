"""Measuring the analysis against annotated data (PDNC novels, our own annotations,
the warnings development set). Pure Python, no Django."""
