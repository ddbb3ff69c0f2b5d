"""The surface panel's axes: chosen in the two boxes or by clicking two parameters on the
canvas, checked before they are used, and "Train only these two", which freezes every
other parameter so that the path lies exactly on the surface (unchecking restores the
frozen set from before). A mixin of ``SurfacePanel``, which applies the axes."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker

from nnviz.core.analysis import surface
from nnviz.core.words import T_


class AxesChoice:
    """The axes and "train only these two" of ``SurfacePanel`` (see the module notes)."""

    def _on_selection_changed(self) -> None:
        if self.controls.follow_box.isChecked():
            self._follow_canvas()

    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self._follow_canvas()
        self._update_note()

    def _follow_canvas(self) -> None:
        chosen = list(self.session.selected_params)
        if len(chosen) == 2 and tuple(chosen) != self.axes:
            self.set_axes(chosen[0], chosen[1])
        self._update_note()

    # ================================================================== axes
    def _fill_axis_boxes(self) -> None:
        frozen = self._saved_frozen if self._saved_frozen is not None else self.trainer.frozen
        self.controls.fill_axes(self.trainer.network, frozen)

    def _on_axis_chosen(self) -> None:
        a, b = self.controls.axis_a.currentData(), self.controls.axis_b.currentData()
        if (a, b) != self.axes and not self.set_axes(a, b):
            self._show_axes_in_boxes()

    def set_axes(self, p1: str, p2: str) -> bool:
        """Use ``p1`` (x) and ``p2`` (y) as the axes; False (with a message) when refused."""
        t = self.trainer
        try:
            if self._saved_frozen is not None:  # "train only": check against the user's frozen set
                net = t.network
                a, b = net.parse_param(p1), net.parse_param(p2)
                if a == b:
                    raise ValueError(T_("SurfacePanel", "the two axes must be different parameters, got %1 twice",
                                         net.display_name(a)))
                for p in (a, b):
                    if p.name in self._saved_frozen:
                        raise ValueError(T_("SurfacePanel", "%1 is frozen, so it cannot be an axis; unfreeze it first",
                                            net.display_name(p)))
            else:
                a, b = surface.check_axes(t, p1, p2)
        except ValueError as exc:
            self._show_error(T_("SurfacePanel", "Axes refused: %1", exc))
            return False
        self._apply_axes((a.name, b.name))
        return True

    def _show_axes_in_boxes(self) -> None:
        if self.axes is not None:
            self.controls.show_axes(self.axes)

    def axis_label(self, name: str) -> str:
        net = self.trainer.network
        shown = net.display_name(net.parse_param(name))
        return name if shown == name else f"{shown} ({name})"

    # ============================================================ train only
    @property
    def train_only(self) -> bool:
        return self._saved_frozen is not None

    def set_train_only(self, on: bool) -> None:
        """Freeze every parameter but the two axes (on), or restore the frozen set (off)."""
        if on == self.train_only:
            return
        if on and self.axes is None:
            on = False
        elif on:
            self._saved_frozen = frozenset(self.trainer.frozen)
            self._freeze_all_but_axes()
        else:
            saved, self._saved_frozen = self._saved_frozen, None
            self._train_only_frozen = None
            if self.session.configure(frozen=saved):
                self.session.notify(T_("SurfacePanel", "Surface: the previous frozen set is restored"))
        with QSignalBlocker(self.controls.train_only_box):
            self.controls.train_only_box.setChecked(on)
        self._fill_axis_boxes()
        self._show_axes_in_boxes()
        self._update_note()
        self._request_refresh(now=True)

    def _freeze_all_but_axes(self) -> None:
        keep = set(self.axes)
        self._train_only_frozen = frozenset(p.name for p in self.trainer.network.params() if p.name not in keep)
        self.session.configure(frozen=self._train_only_frozen)
        names = T_("SurfacePanel", "%1 and %2", *(self.axis_label(n) for n in self.axes))
        self.session.notify(T_("SurfacePanel", "Surface: only %1 train now; the path lies on the surface", names))

    def _on_frozen_changed(self) -> None:
        if self._saved_frozen is not None and self.trainer.frozen != self._train_only_frozen:
            # frozen elsewhere: that choice stands, "train only these two" no longer holds
            self._saved_frozen = self._train_only_frozen = None
            with QSignalBlocker(self.controls.train_only_box):
                self.controls.train_only_box.setChecked(False)
        self._fill_axis_boxes()
        self._show_axes_in_boxes()
        if self.axes is not None and self._saved_frozen is None:
            bad = [n for n in self.axes if n in self.trainer.frozen]
            if bad:
                self._show_error(T_("SurfacePanel", "%1 is now frozen: the path no longer moves along it",
                                    self.axis_label(bad[0])), announce=False)
        self._update_note()
