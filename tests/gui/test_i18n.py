"""The window's language: the choice (system locale, View ▸ Language, --lang), the
translations loaded (nnviz's and Qt's own, so the standard dialogs speak it too), the words
of the core in the window, and a font that draws the translation."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from nnviz.core import words
from nnviz.gui import i18n


# ================================================================ the choice
@pytest.mark.parametrize("ui_languages,expected", [
    (["zh-Hans-CN", "zh-CN", "zh-Hans", "zh"], "zh_CN"),
    (["zh"], "zh_CN"),
    (["zh-Hant-TW", "zh-TW", "zh-Hant"], "en"),  # traditional characters: not zh_CN
    (["zh-Hant-TW", "zh-Hans-CN"], "zh_CN"),  # ... unless simplified ones come next
    (["de-DE", "en-US", "zh-CN"], "en"),
    (["C"], "en"),
    ([], "en"),
])
def test_the_system_language(ui_languages, expected):
    assert i18n.system_language(ui_languages) == expected


def test_the_command_line_beats_the_kept_choice_which_beats_the_system():
    system = ["zh-CN"]
    assert i18n.choose(None, None, system) == "zh_CN"
    assert i18n.choose(None, "en", system) == "en"
    assert i18n.choose("zh_CN", "en", system) == "zh_CN"
    assert i18n.choose(None, "system", ["en-GB"]) == "en"
    assert i18n.choose(None, "klingon", system) == "zh_CN"  # a choice nnviz does not speak: the system's


def test_install_and_uninstall(chinese):
    assert i18n.current() == words.language() == "zh_CN"
    i18n.uninstall()
    assert i18n.current() == "en"
    from nnviz.core.state import MicroStep

    assert MicroStep(0, "forward", 1).describe(2) == "Forward · layer 1 of 2"


# ================================================================ the window in Chinese
def test_the_window_speaks_chinese(chinese_window, session):
    w = chinese_window
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "视图(&V)")
    assert w.language_menu.menuAction() in view.actions() and w.language_menu.title() == "语言(&L)"
    texts = [a.text() for a in w.language_menu.actions()]
    assert texts[1:] == ["English", "简体中文"] and re.fullmatch(r"系统语言（.+）", texts[0])
    assert w.language_menu.choices["system"].isChecked()  # nothing kept yet
    # the words of the core in the step controls and the inspector
    session.step("micro")
    assert w.controls.phase_label.text().startswith("前向传播 · 第 1 层（共 2 层）")
    assert "前向传播 · 第 2 层（共 2 层）" in w.controls.next_label.text()
    # the lessons
    assert w.lesson_panel.player.library.find("1").title == "一次训练迭代"


def test_qt_standard_dialogs_speak_chinese(chinese, qtbot):
    box = QMessageBox(QMessageBox.Icon.Information, "t", "x", QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert {b.text() for b in buttons} == {"打开(&O)", "取消"}


def test_a_language_chosen_in_the_menu_is_kept_and_applies_at_the_next_start(chinese_window, settings, qtbot):
    menu = chinese_window.language_menu
    menu.choices["en"].trigger()
    assert settings.value(i18n.SETTING) == "en"
    box = menu.notice
    assert box.isVisible()
    assert box.text() == ("下次启动 nnviz 时，界面语言将改为：English。\n"
                          "nnviz will speak English from the next time it starts.")
    assert [b.text() for b in box.buttons()] == ["确定"]
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert i18n.current() == "zh_CN"  # this window stays as it was built
    menu.choices["zh_CN"].trigger()  # the language in use: nothing to say
    assert settings.value(i18n.SETTING) == "zh_CN" and menu.notice is box


def test_the_window_in_english_after_uninstall(window):
    assert window.language_menu.title() == "&Language"
    assert window.language_menu.choices["zh_CN"].text() == "简体中文"  # a language is named in itself


# ================================================================ fonts
def test_the_translation_uses_chinese_characters():
    chars = i18n.characters("zh_CN")
    assert {"前", "向", "传", "播", "，", "。"} <= chars  # the .ts file and the lessons
    assert "收" in chars and "敛" in chars


def test_a_font_draws_every_character_of_the_translation(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no Chinese font installed (README: fonts-wqy-microhei or fonts-noto-cjk)")
    chars = i18n.characters("zh_CN")
    assert i18n.missing_characters(chars) == set()  # the application font, with Qt's fallbacks
    assert i18n.check_font("zh_CN") is None
    # one Chinese font has every Chinese character (and full-width mark) of the translation itself
    wide = {c for c in chars if unicodedata.east_asian_width(c) in "WF"}
    assert len(wide) > 400 and "，" in wide
    family = next((f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
                   if not i18n.missing_characters(wide, QFont(f), fallbacks=False)), None)
    assert family is not None
    font = QFont(family)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # that font alone
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) for c in wide)


def test_no_font_for_the_translation_means_english_and_one_line(qapp, monkeypatch, settings, capsys):
    monkeypatch.setattr(i18n, "missing_characters", lambda chars, font=None: {c for c in chars if c in "前向传播"})
    warning = i18n.setup("zh_CN", settings)
    try:
        assert i18n.current() == "en"
        assert warning == ("nnviz: no font here draws 简体中文 (4 characters such as 传前向播): the window speaks "
                           "English; install a CJK font (fonts-wqy-microhei or fonts-noto-cjk on Debian and Ubuntu)")
        assert capsys.readouterr().err == warning + "\n"
    finally:
        i18n.uninstall()


def test_setup_follows_the_kept_choice(qapp, settings):
    settings.setValue(i18n.SETTING, "zh_CN")
    try:
        assert i18n.setup(None, settings) is None
        assert i18n.current() == "zh_CN"
        assert i18n.setup("en", settings) is None and i18n.current() == "en"
    finally:
        i18n.uninstall()
