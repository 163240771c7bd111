"""Uploads from the web page: a rapporteur's file checked, then placed in notes/<workshop>/ with its sidecar.

Nothing here trusts the client: names are rebuilt, contents sniffed (`names`), fields validated
with the parsers ingestion uses (`fields`), and an earlier version is never lost (it moves to
history/, `placing`). Neither `.uploads/` nor `history/` is under `notes/`, the only folder the
night reads.
"""

from synthesis.uploads.fields import LANGUAGE_CHOICES, UploadFields, sidecar_text, validate_fields
from synthesis.uploads.names import (
    ALLOWED_SUFFIXES,
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    UploadError,
    UploadReason,
    check_content,
    safe_name,
)
from synthesis.uploads.placing import (
    HISTORY_DIR,
    UPLOADS_DIR,
    WITHDRAWN_FILE,
    Placed,
    PlacedStatus,
    Version,
    check_with_ingestion,
    note_history,
    place_upload,
    sha256_file,
    withdraw_note,
)

__all__ = [
    "ALLOWED_SUFFIXES",
    "HISTORY_DIR",
    "LANGUAGE_CHOICES",
    "MAX_NAME_BYTES",
    "MAX_NAME_CHARS",
    "UPLOADS_DIR",
    "WITHDRAWN_FILE",
    "Placed",
    "PlacedStatus",
    "UploadError",
    "UploadFields",
    "UploadReason",
    "Version",
    "check_content",
    "check_with_ingestion",
    "note_history",
    "place_upload",
    "safe_name",
    "sha256_file",
    "sidecar_text",
    "validate_fields",
    "withdraw_note",
]
