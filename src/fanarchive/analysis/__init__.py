"""The story analysis engine: pure Python, no Django.

>>> from fanarchive.analysis import analyze_text
>>> result = analyze_text('"Hi," said Naruto.')
>>> result.to_dict()["schema_version"]
'1.0'
"""

from fanarchive.analysis.model import Analysis
from fanarchive.analysis.pipeline import analyze_document, analyze_text

__all__ = ["Analysis", "analyze_document", "analyze_text"]
