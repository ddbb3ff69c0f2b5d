"""SessionView: a view follows the signals whose slots it defines, stops on close (no
slot, throttle or job of it runs again), and recolours once per palette change."""

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from nnviz.app.jobs import SlicedRequest
from nnviz.gui.widgets import palette
from nnviz.gui.widgets.session_view import SLOTS, SessionView


class Probe(SessionView, QWidget):
    def __init__(self, session) -> None:
        super().__init__(session)
        self.calls = []
        self.recolours = 0
        self.redraw = self.throttle(lambda: self.calls.append("redraw"), 0)

    def _on_state_changed(self) -> None:
        self.isVisible()  # asks Qt: raises once the widget is gone
        self.calls.append("state")

    def _on_selection_changed(self) -> None:
        self.calls.append("selection")

    def _on_palette_changed(self) -> None:
        self.recolours += 1


class Endless(SlicedRequest):
    def advance(self, job, should_stop) -> bool:
        return False


@pytest.fixture
def probe(show, session):
    return show(Probe(session))


def test_slots_are_connected_by_name(probe, session):
    session.step("micro")
    session.select_param("w5")
    assert probe.calls == ["state", "selection"]
    # only what the view defines: one connection per slot it has
    assert len(probe._connections) == 2
    assert {name for _, name in SLOTS} >= {"_on_state_changed", "_on_selection_changed"}


def test_closing_stops_slots_throttles_and_jobs(qtbot, probe, session):
    job = probe.submit(Endless())
    probe.redraw.request()
    assert job.running and probe.redraw.pending
    probe.close()
    assert not probe.attached and not probe.redraw.pending and job.status == "cancelled"
    session.step("micro")
    session.select_param("w5")
    assert probe.calls == []


def test_a_view_whose_widget_is_gone_is_never_called(session):
    view = Probe(session)
    shiboken6.delete(view)  # Qt deleted the widget; Python still holds the object
    session.step("micro")  # the slot (which asks Qt) would raise RuntimeError
    assert view.calls == []


def test_a_palette_change_recolours_once(probe):
    before = probe.recolours
    probe.setPalette(palette.dark_palette())
    assert probe.recolours == before + 1
