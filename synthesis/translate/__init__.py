"""Translation of free text (commitments, quotes, practice descriptions) for the documents.

A chain of backends set by configuration: the summit's translation memory
(human-edited PO files) first, then optional machine translation (Argos
Translate offline, or a LibreTranslate-compatible HTTP API). A segment nobody
translated stays in its original language, marked as such; it is never dropped.
"""

from synthesis.translate.argos import ArgosTranslator, install_argos_models
from synthesis.translate.base import Segment, Translation, TranslationError, Translator
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.http import HttpTranslator
from synthesis.translate.memory import TranslationMemory, export_untranslated

__all__ = [
    "ArgosTranslator",
    "HttpTranslator",
    "Segment",
    "Translation",
    "TranslationError",
    "TranslationMemory",
    "Translator",
    "TranslatorChain",
    "export_untranslated",
    "install_argos_models",
]
