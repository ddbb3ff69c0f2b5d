"""``Session.freeze`` and ``Session.freeze_biases``: the window's one door for freezing."""

from __future__ import annotations


def test_freeze_by_display_or_canonical_name_and_say_so(qtbot, session):
    t = session.trainer
    with qtbot.waitSignal(session.message) as said:
        assert session.freeze(["w5"])
    assert t.is_frozen("W2[0,0]") and said.args == ["w5 frozen: training leaves it unchanged"]
    with qtbot.waitSignal(session.message) as said:
        assert session.freeze(["W2[0,0]", "W1[0,0]"], False)
    assert not t.is_frozen("W2[0,0]") and said.args == ["2 parameters unfrozen"]


def test_a_bad_name_gives_a_message_and_changes_nothing(qtbot, session):
    before = session.trainer.frozen
    with qtbot.waitSignal(session.message) as said:
        assert not session.freeze(["W9[0,0]"])
    assert "W9[0,0]" in said.args[0] and session.trainer.frozen == before


def test_freeze_biases(qtbot, xor_session):
    t = xor_session.trainer
    biases = [p.name for p in t.network.params() if p.kind == "b"]
    with qtbot.waitSignal(xor_session.message) as said:
        xor_session.freeze_biases()
    assert all(t.is_frozen(b) for b in biases) and not t.is_frozen("W1[0,0]")
    assert "frozen" in said.args[0]
    with qtbot.waitSignal(xor_session.settingsChanged):
        xor_session.freeze_biases(False)
    assert not any(t.is_frozen(b) for b in biases)
