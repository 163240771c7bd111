"""Summit Synthesis: from rapporteurs' notes to bilingual exhibition documents."""

__version__ = "0.1.0"
