"""Build the chatbot's reference document frequencies from the national catalogue.

    .venv/bin/python bench/chatbot_referentie.py

The idf of a word should not depend on how many products a gemeente has: in a
gemeente with one product every word is "rare", and a question that shares
one word with that product explains it well. So the index counts every word
against a fixed reference collection as well as against the gemeente's own
products (``chatbot/index.py``). The reference is the whole demo catalogue
(the products of all three demo gemeenten, written from the national
basisteksten) plus the other organisations' UPL products. This script indexes
them with the chatbot's own normalisation and writes the document frequency
of every stem to ``chatbot/data/referentie_df.csv``. Run it again after a
change to the normalisation (``chatbot/normalise.py``); a test checks that
the file still matches.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database


def main() -> None:
    setup_demo_database(load=False)
    from wagtail.models import Site

    from chatbot.index import (
        NO_REFERENCE,
        REFERENTIE_CSV,
        build_index,
        documents_for_site,
        write_reference,
    )
    from chatbot.instanties import national_documents
    from demo.loader import load_demo

    load_demo()
    documents = [
        document
        for site in Site.objects.order_by("hostname")
        for document in documents_for_site(site)
    ]
    documents.extend(national_documents())
    index = build_index(documents, reference=NO_REFERENCE)
    write_reference(index, REFERENTIE_CSV)
    print(
        f"{len(index.documents)} documenten, {len(index.document_frequency)} stammen "
        f"-> {REFERENTIE_CSV}"
    )


if __name__ == "__main__":
    main()
