"""The cast: characters known from packs or discovered in the text, and their mentions.

`detect_cast(document, quotes, knowledge) -> Cast` is the entry point; see `Cast` for the
API the speaker, relationship and warning components read.
"""

from fanarchive.analysis.characters.cast import Cast
from fanarchive.analysis.characters.detect import detect_cast

__all__ = ["Cast", "detect_cast"]
