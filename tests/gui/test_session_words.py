"""The Session's status-bar messages are written in the language in use: Chinese with
the translation installed, English (as written) without one — as the command line,
which installs none, prints them."""

from __future__ import annotations

from nnviz.app.session import Session
from nnviz.core import presets
from visible_words import CJK, is_english


def messages_of_a_session(tmp_path) -> list[str]:
    s = Session(presets.load("mazur"))
    told = []
    s.message.connect(told.append)
    s.load_preset("xor")
    s.freeze(["W1[0,0]"])
    s.freeze(["W1[0,0]", "W1[0,1]"], frozen=False)
    s.freeze_biases()
    s.edit_parameter("W1[0,1]", 0.5)
    s.edit_parameters({"W1[1,0]": 0.25, "W1[1,1]": 0.5})
    s.reset()
    s.start_lesson("zeros")
    s.end_lesson()
    s.fork(0.5)
    s.save_snapshot(tmp_path / "net.json")
    s.open_snapshot(tmp_path / "net.json")
    s.set_stop_rules(None, 2)
    s.set_play_speed(1000.0)
    s.play()
    while s.playing:
        s.tick()
    s.close()
    return told


def test_the_session_speaks_chinese_with_the_translation(chinese, tmp_path):
    told = messages_of_a_session(tmp_path)
    assert len(told) == 13
    assert [m for m in told if not CJK.search(m) or is_english(m, kept={"xor", "XOR", "mazur", "json", "tanh"})] == []


def test_the_session_speaks_english_without_one(tmp_path):
    told = messages_of_a_session(tmp_path)
    assert len(told) == 13 and not any(CJK.search(m) for m in told)
    assert told[-1] == "Stopped: reached 2 iterations"
    assert told[1] == "W1[0,0] frozen: training leaves it unchanged"
