"""Words shown to people by the layers without Qt, marked for translation.

The core and the application layer write sentences (the worked arithmetic, the
computational graph's labels, the lessons' task lines) but import no Qt. They mark each
text with a context, Qt's way of grouping texts for translators::

    N_("verdict", "converging")                    # marked only: returned as written
    T_("explain", "sample %1 of %2 (data row %3):", s, n, row)   # translated now, filled in
    T_("explain", "… and %1 more samples", count_text, n=count)  # plural forms chosen by n

``scripts/update_translations.py`` finds every ``N_`` and ``T_`` call (their context and
text must be literal strings) and writes the texts into
``resources/translations/nnviz_<language>.ts`` beside the window's own ``tr()`` strings.
The window (``nnviz.gui.i18n``), or ``nnviz trace --lang``, installs a ``lookup`` that
reads the compiled translation; with none installed, every text is the English written
here, so output without a language stays byte for byte what it was.

Texts kept beyond the moment (a run's status message, saved in its snapshot, which
stays English) are ``Message``s: the English text as a ``str``, keeping its context,
template and arguments, so that the window shows it in its language (``shown``)::

    m = Message("Trainer", "%1 at iteration %2", what, 3)   # str(m): the English
    label.setText(shown(m))                                   # the language in use

Placeholders are Qt's, so that Qt Linguist checks them: ``%1`` .. ``%99`` take the
arguments in order (``str()`` of each), ``%n`` the count ``n``; a translation may move
them. Formulas, parameter names and numbers are arguments, never translated text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.resources import files

# (context, source text, disambiguation, n or -1) -> the translation, or "" where there is none
Lookup = Callable[[str, str, str, int], str]

SOURCE_LANGUAGE = "en"
_lookup: Lookup | None = None
_language = SOURCE_LANGUAGE
_PLACEHOLDER = re.compile(r"%(\d{1,2}|n)")


def N_(context: str, text: str, disambiguation: str = "") -> str:  # noqa: N802 (the marker's usual name)
    """Mark ``text`` for translation and return it unchanged: for texts kept as data
    (a status word, a table of descriptions) and translated where shown (``translate``)."""
    return text


def T_(context: str, text: str, *args, n: int | None = None, disambiguation: str = "") -> str:  # noqa: N802
    """``text`` in the language in use, with ``%1``.. filled from ``args`` and ``%n``
    from ``n``, which also chooses the plural form."""
    return fill(translate(context, text, n, disambiguation), *args, n=n)


def translate(context: str, text: str, n: int | None = None, disambiguation: str = "") -> str:
    """The translation of a text marked elsewhere (``N_``), placeholders left as they are."""
    if _lookup is None:
        return text
    return _lookup(context, text, disambiguation, -1 if n is None else n) or text


def fill(template: str, *args, n: int | None = None) -> str:
    """``template`` with ``%1``.. replaced by ``args`` and ``%n`` by ``n``, in one pass
    (an argument that itself contains ``%2`` stays as it is)."""
    if not args and n is None:
        return template

    def value(m: re.Match) -> str:
        key = m[1]
        if key == "n":
            return m[0] if n is None else str(n)
        k = int(key)
        return str(args[k - 1]) if 1 <= k <= len(args) else m[0]

    return _PLACEHOLDER.sub(value, template)


class Message(str):
    """An English text (its ``str`` value: what files and logs keep) that remembers how it
    was made, to be shown in the language in use with ``shown``. Its arguments may be
    Messages themselves (a sentence made of sentences); the script that collects the texts
    reads ``Message`` calls as it reads ``T_``."""

    context: str
    template: str
    args: tuple
    n: int | None
    disambiguation: str

    def __new__(cls, context: str, text: str, *args, n: int | None = None, disambiguation: str = "") -> "Message":
        self = super().__new__(cls, fill(text, *args, n=n))
        self.context, self.template, self.args, self.n, self.disambiguation = context, text, args, n, disambiguation
        return self

    @classmethod
    def marked(cls, context: str, text: str, *args, n: int | None = None, disambiguation: str = "") -> "Message":
        """A Message of a text marked elsewhere with ``N_`` (a table's entry)."""
        return cls(context, text, *args, n=n, disambiguation=disambiguation)

    def __reduce__(self):
        return _message, (self.context, self.template, self.args, self.n, self.disambiguation)

    def shown(self) -> str:
        """The message in the language in use (its arguments too)."""
        return fill(translate(self.context, self.template, self.n, self.disambiguation),
                    *(shown(a) for a in self.args), n=self.n)


def _message(context: str, text: str, args: tuple, n: int | None, disambiguation: str) -> Message:
    return Message.marked(context, text, *args, n=n, disambiguation=disambiguation)


def shown(text):
    """A ``Message`` in the language in use; anything else as it is (a text read from a
    file, a number)."""
    return text.shown() if isinstance(text, Message) else text


def install(lookup: Lookup | None, language: str = SOURCE_LANGUAGE) -> None:
    """Translate through ``lookup`` from now on (None: the English as written)."""
    global _lookup, _language
    _lookup, _language = lookup, language if lookup is not None else SOURCE_LANGUAGE


def language() -> str:
    """The language of the installed lookup (``en`` without one)."""
    return _language


def languages() -> list[str]:
    """The languages nnviz speaks: English, and one for each translation shipped
    (``resources/translations/nnviz_<language>.qm``): a new ``.qm`` is a new language."""
    found = []
    folder = files("nnviz.resources").joinpath("translations")
    if folder.is_dir():
        found = sorted(e.name[len("nnviz_"):-len(".qm")] for e in folder.iterdir()
                       if e.name.startswith("nnviz_") and e.name.endswith(".qm"))
    return [SOURCE_LANGUAGE] + [code for code in found if code != SOURCE_LANGUAGE]
