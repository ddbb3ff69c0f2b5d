"""The window's language: which one, loading its translations, and a font that draws it.

The language follows the system's locale among those nnviz speaks (``words.languages()``:
English and one per ``resources/translations/nnviz_<language>.qm``); View ▸ Language
keeps a choice in the window's settings (``SETTING``), and ``nnviz --lang`` overrides
both for one run. A change made in the menu applies when nnviz next starts: every text
is translated once, when its widget is built, so no widget needs a second code path
that rebuilds its texts, and nothing half-translated is ever on screen.

English is the source language, but its counts need two forms ("1 sample", "2 samples")
where the code writes one text ("%n samples"): ``nnviz_en.qm`` holds just those, and is
installed when the window speaks English (it is not a language of its own in the menu).

``install(language)`` loads nnviz's own translation and Qt's ``qtbase`` one (the
standard dialogs' buttons: OK, Cancel, Open, Save), installs both on the application
when there is one, and hands nnviz's to ``nnviz.core.words`` so that the texts the core
and the application layer write (the worked arithmetic, the computational graph, the
lessons' task lines) are translated too. It needs QtCore only: ``nnviz trace --lang``
uses it without a window.

``check_font(language)`` asks Qt whether it can draw every character the translation
uses (``QFontMetrics.inFontUcs4``, which counts the fonts Qt falls back to); where it
cannot (a Linux without a CJK font), the window falls back to English with a one-line
warning rather than show empty boxes.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from contextlib import ExitStack
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from nnviz.core import words

SETTING = "view/language"  # "system" or a language code
SYSTEM = "system"
FONT_PACKAGES = "fonts-wqy-microhei or fonts-noto-cjk"  # Debian's names, for the warning

_installed: list[QTranslator] = []
_files = ExitStack()  # keeps a translation that had to be unpacked to a file until the end


def available() -> list[str]:
    return words.languages()


def native_name(language: str) -> str:
    """The language's name in itself, as the menu lists it: English, 简体中文."""
    if language == words.SOURCE_LANGUAGE:
        return "English"
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def system_language(ui_languages: Sequence[str] | None = None) -> str:
    """The first of the system's preferred languages (``QLocale.uiLanguages``: zh-Hans-CN,
    zh-CN, en-US …) that nnviz speaks, matched on language and script (zh-TW is written
    in traditional characters: not zh_CN); English where none is."""
    tags = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    spoken = [(code, QLocale(code)) for code in available()]
    for tag in tags:
        want = QLocale(tag.replace("-", "_"))
        for code, loc in spoken:
            if want.language() == loc.language() and (
                    code == words.SOURCE_LANGUAGE or want.script() == loc.script()):
                return code
    return words.SOURCE_LANGUAGE


def choose(requested: str | None = None, saved: object = None, ui_languages: Sequence[str] | None = None) -> str:
    """The language of this run: ``--lang`` if given, else the one kept in the settings
    (``saved``; ``system`` or anything not spoken means the system's)."""
    spoken = available()
    for choice in (requested, saved):
        if isinstance(choice, str) and choice in spoken:
            return choice
    return system_language(ui_languages)


def translators(language: str) -> list[QTranslator]:
    """nnviz's translation into ``language`` and Qt's own. ValueError when nnviz's cannot
    be loaded; Qt's is left out where PySide6 lacks it. English, the source language, has
    only the singular and plural of the counts (``nnviz_en.qm``; empty where it is missing)."""
    if language == words.SOURCE_LANGUAGE and not _resource(language).is_file():
        return []
    ours = QTranslator()
    resource = _resource(language)
    if not (resource.is_file() and ours.load(str(_files.enter_context(as_file(resource))))):
        raise ValueError(f"no translation into {language!r} (resources/translations/nnviz_{language}.qm)")
    out = [ours]
    if language == words.SOURCE_LANGUAGE:
        return out
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        out.append(qt)
    return out


def _resource(language: str):
    return files("nnviz.resources").joinpath("translations", f"nnviz_{language}.qm")


def install(language: str) -> str:
    """Speak ``language`` from now on (see the module notes); returns it."""
    uninstall()
    loaded = translators(language)
    app = QCoreApplication.instance()
    for t in loaded:
        if app is not None:
            QCoreApplication.installTranslator(t)
        _installed.append(t)
    if loaded:
        words.install(loaded[0].translate, language)  # (context, text, disambiguation, n) -> "" if none
    return language


def uninstall() -> None:
    """Back to English as written."""
    if QCoreApplication.instance() is not None:
        for t in _installed:
            QCoreApplication.removeTranslator(t)
    _installed.clear()
    words.install(None)


def current() -> str:
    return words.language()


def translated(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` whatever the language in use (a notice in the language
    just chosen)."""
    found = translators(language)
    return (found[0].translate(context, text) if found else "") or text


def setup(requested: str | None = None, settings: QSettings | None = None) -> str | None:
    """Start the window's language: ``--lang`` (``requested``), else the kept choice, else
    the system's. Returns the one-line warning when no font draws it (the window then
    speaks English; the warning has gone to stderr too). Needs the QApplication."""
    saved = (settings if settings is not None else QSettings()).value(SETTING)
    language = install(choose(requested, saved))
    warning = check_font(language)
    if warning is not None:
        install(words.SOURCE_LANGUAGE)
        print(warning, file=sys.stderr)
    return warning


# ==================================================================== fonts
def ts_texts(language: str) -> list[str]:
    """Every translation in nnviz's ``.ts`` file for ``language`` (shipped beside the ``.qm``)."""
    resource = files("nnviz.resources").joinpath("translations", f"nnviz_{language}.ts")
    if not resource.is_file():
        return []
    root = ET.fromstring(resource.read_bytes())
    out = []
    for message in root.iter("message"):
        tr = message.find("translation")
        if tr is not None:
            out += [tr.text or ""] + [form.text or "" for form in tr.iter("numerusform")]
    return out


def characters(language: str) -> set[str]:
    """The characters the translation into ``language`` writes: its ``.ts`` file and the
    lessons' texts in that language."""
    from nnviz.app.lessons.format import library

    texts = ts_texts(language)
    for lesson in library(language=language).lessons:
        texts += [lesson.title, lesson.summary]
        texts += [part for step in lesson.steps for part in (step.title, step.text, step.task)]
    return {c for text in texts for c in text if not c.isspace()}


def missing_characters(chars: set[str], font=None, fallbacks: bool = True) -> set[str]:
    """The characters of ``chars`` that ``font`` (default: the application's) does not draw:
    with ``fallbacks``, counting the fonts Qt falls back to (what would be empty boxes);
    without, the font's own."""
    from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication

    font = QFont(font if font is not None else QGuiApplication.font())
    if not fallbacks:
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    metrics = QFontMetrics(font)
    return {c for c in chars if not metrics.inFontUcs4(ord(c))}


def check_font(language: str) -> str | None:
    """None when Qt can draw every character of the translation into ``language``, else
    the one-line warning (the window then speaks English). Needs a QGuiApplication."""
    if language == words.SOURCE_LANGUAGE:
        return None
    missing = missing_characters(characters(language))
    if not missing:
        return None
    sample = "".join(sorted(missing)[:5])
    return (f"nnviz: no font here draws {native_name(language)} ({len(missing)} characters such as {sample}): "
            f"the window speaks English; install a CJK font ({FONT_PACKAGES} on Debian and Ubuntu)")
