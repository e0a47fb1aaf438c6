"""The folding behind entity search: one definition for the writer, the API and the scorer.

``search_text`` on every entity holds its names in this form, and the API folds a query the same way, so
"Bogotá", "BOGOTA" and "bogota" meet, and names in any script (Cyrillic, Hangul …) compare equal after
Unicode normalisation.
"""

from __future__ import annotations

import unicodedata


def search_fold(text: str) -> str:
    """Case-folded, accent-stripped (then recomposed), whitespace-collapsed form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())
