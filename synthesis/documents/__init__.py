"""The exhibition documents: bilingual posters and booklet (PDF, DOCX), exports and the city kit.

Stages: `translation` translates the notes' sentences once per run; `build`
turns a stored synthesis into an `Exhibition` (every string, both languages);
`pdf` and `docx` lay it out; `exports` writes the CSV tables; `render` writes
them all to a folder; `kit` does the same from a stored `synthesis.json` for a
city's own branding and language pair.
"""
