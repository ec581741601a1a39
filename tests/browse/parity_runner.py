"""Load the fixed corpus into one database and print the answers to PARITY_QUERIES as JSON.

    python -m tests.browse.parity_runner sqlite:////tmp/x.sqlite3
    python -m tests.browse.parity_runner postgres://postgres@127.0.0.1:5433/fanarchive

test_parity runs it once per database and compares the output. On PostgreSQL it uses its own
scratch database (`fanarchive_browse_parity`) on the given server.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

PARITY_QUERIES = [
    "",
    "sort=kudos",
    "include=10&sort=title",
    "include=11&exclude=41&sort=words&order=asc",
    "include=30&page=2",
    "crossover=only",
    "crossover=exclude&status=in_progress&sort=hits",
    "language=francais&sort=author",
    "words_from=1000&words_to=30000&sort=comments",
    "updated_from=2025-06-01&updated_to=2025-12-31",
    "q=moon",
    "q=moon+river&sort=kudos",
    'q="lantern+fox"',
    'q="secret+phrase+hides"',
    'q="echo+chamber"',
    'q="moon+river+fox"&sort=title',
    'q=lantern+-"fox+moon+river"&sort=kudos',
    "q=cafe+deja",
    "q=fox+-storm&include=1",
    "q=-moon&sort=title",
    "q=%27%3B+DROP+TABLE+x+--+%22",
    "speaks=12&sort=kudos",
    "speaks_most=10",
    "pairing=20",
    "hide_note=minors-in-a-romantic-or-sexual-scene&include=13",
]


def main(url: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from fanarchive.browse.standalone import configure, database_settings

    name = "fanarchive_browse_parity" if url.startswith("postgres") else None
    configure(database_settings(url, name), Path(tempfile.mkdtemp()))

    from django.core.management import call_command
    from django.db import connection

    from fanarchive.browse.service import HOLDER
    from tests.browse import corpus

    call_command("migrate", "browse", "zero", verbosity=0)
    call_command("migrate", "browse", verbosity=0)
    corpus.load()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # statistics that order term look-ups
            cursor.execute("ANALYZE browse_textterms")
    answers = [answer(querystring) for querystring in PARITY_QUERIES]
    # Again with every search term cached (PostgreSQL keeps frequent terms' ids in memory):
    # the first pass fills the cache, the second answers from it.
    HOLDER.terms.min_works = 1
    for label in ("filling", "cached"):
        answers += [
            answer(querystring, label) for querystring in PARITY_QUERIES if "q=" in querystring
        ]
    print(json.dumps(answers))


def answer(querystring: str, label: str = "") -> dict:
    from django.http import QueryDict

    from fanarchive.browse.filters import parse_query
    from fanarchive.browse.service import browse

    page = browse(parse_query(QueryDict(querystring)))
    return {
        "query": f"{label}:{querystring}" if label else querystring,
        "total": page.total,
        "ids": [w.work_id for w in page.works],
        "facets": {g: [[str(k), c] for k, c in shown] for g, shown in sorted(page.facets.items())},
        "messages": page.query.messages,
    }


if __name__ == "__main__":
    main(sys.argv[1])
