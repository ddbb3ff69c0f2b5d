"""The canvas in Chinese (the ``chinese`` fixture): the column headings, the caption,
the legend and its notes, the targets, the tooltips, the context menu and the bar under
the canvas show no English source text."""

from __future__ import annotations

import pytest

from nnviz.gui.canvas.layout import Hit
from nnviz.gui.canvas.painter import target_text
from nnviz.gui.canvas.panel import CanvasPanel
from visible_words import CJK, clipped, english_left, is_english


def scene_words(scene) -> list[str]:
    words = [w for head in scene.headings for w in head[:2]] + list(scene.caption) + scene.notes
    return [w for w in words + [title for _, title, _ in scene.legend] if w]


@pytest.mark.parametrize("micro_steps", [1, 4, 7])  # mid-forward, mid-backward, an iteration done
def test_the_canvas_speaks_chinese(chinese, show, session, micro_steps):
    for _ in range(micro_steps):
        session.step("micro")
    session.set_edge_mode("gradients")  # the grey "no gradients yet" note where there are none
    panel = show(CanvasPanel(session), (1000, 620))
    canvas = panel.canvas
    words = scene_words(canvas.scene)
    assert len(words) >= 6 and [w for w in words if is_english(w)] == []
    assert CJK.search(target_text("0.01"))
    tips = [canvas.tooltip_text(hit) for hit in (Hit("edge", 1, 0, 0), Hit("bias", 2, 1), Hit("neuron", 0, 0),
                                                Hit("neuron", 1, 1), Hit("neuron", 2, 0), Hit("bias_node", 1))]
    assert all(tips) and [t for t in tips if is_english(t)] == []
    actions = canvas.context_actions(Hit("edge", 2, 1, 0))
    assert [a.text() for a in actions if a.text() and is_english(a.text())] == []
    assert [a.toolTip() for a in actions if a.toolTip() and is_english(a.toolTip())] == []
    assert english_left(panel) == [] and clipped(panel) == []


def test_the_canvas_history_speaks_chinese(chinese, show, session):
    session.step("iteration")
    session.step("iteration")
    session.set_view_iteration(1)
    panel = show(CanvasPanel(session), (1000, 620))
    assert [w for w in scene_words(panel.canvas.scene) if is_english(w)] == []
    assert not is_english(panel.canvas.tooltip_text(Hit("edge", 1, 0, 0)))
    assert english_left(panel) == []


def test_in_english_the_canvas_is_as_written(show, session):
    session.step("micro")
    panel = show(CanvasPanel(session), (1000, 620))
    assert ("input", "2 units") in [h[:2] for h in panel.canvas.scene.headings]
    assert panel.canvas.scene.caption[0] == "Forward · layer 1 of 2"
