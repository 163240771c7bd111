"""The site renders the same sample as the documents: their fixtures, re-exported."""

from tests.documents.conftest import no_translations, sample_synthesis, small_exhibition  # noqa: F401
