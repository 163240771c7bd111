"""The citizens' website: the exhibition as static, bilingual, accessible HTML pages.

`render_site` turns an `Exhibition` (already in both languages) into pages keyed by
their path; `write_site` writes them with the stylesheet. No JavaScript: the
register's filters are pages of their own. The posters' QR codes open
`<workshop-id>/`, so that URL shape must hold.
"""

from synthesis.site.render import render_site, write_site

__all__ = ["render_site", "write_site"]
