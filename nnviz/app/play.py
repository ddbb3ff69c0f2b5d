"""Play: the Session's time-sliced training (its mixin ``Playing``).

``tick()`` trains for a slice of time (the Qt adapter's one timer calls it), then
advances the followers and the sliced jobs; the slice grows with the time the window
spends drawing, so that Play keeps most of the headless speed however slow the redraw.
The stopping rules (a loss to reach, a number of iterations) end Play with a message.
Time comes from the Session's ``clock``, which tests replace with their own.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

from nnviz.core.trainer import UNITS, TrainingError
from nnviz.core.words import T_, shown

FAST_PLAY = math.inf  # steps per second meaning "as fast as the machine goes"
FRAME_PLAY = "frame"  # Play's default speed: one step per frame the screen shows
FRAME_RATE = 60.0  # frames a second, until the window tells the screen's rate
SLICE_SECONDS = 0.012  # Play's work per tick, at least
DRAWING_SHARE = 1 / 6  # Play trains 1/share - 1 times as long as the window spends drawing
DRAWING_SMOOTHING = 0.3  # the weight of the last frame in the running drawing time
MAX_SLICE_SECONDS = 0.25  # the window answers within this even when drawing is slow
JOB_SLICE_SECONDS = 0.015  # sliced jobs' (the race's) work per tick
TICK_MS = 16  # the timer's interval while Play is limited to a speed


class Playing:
    """Play and the stopping rules, mixed into ``nnviz.app.session.Session`` (which holds
    the trainer, the events and the state this uses)."""

    def set_stop_rules(self, until_loss: float | None, max_iterations: int | None) -> None:
        """Play stops when an iteration's loss falls below ``until_loss``, or at
        ``max_iterations`` iterations (None: no such rule)."""
        self.until_loss = until_loss if until_loss is not None and math.isfinite(until_loss) else None
        self.max_iterations = None if max_iterations is None else int(max_iterations)
        self.settings_changed.emit("stop_rules")

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def wants_ticks(self) -> bool:
        """Whether the timer should keep calling ``tick`` (Play, a race, forks catching up)."""
        return self._playing or self.jobs.has_slices or self._fork_behind

    def tick_interval_ms(self) -> int:
        """How long the timer waits between ticks: none at full speed or for background
        work only (each tick then fills its slice), else a frame or one step's time."""
        if not self._playing or self.play_speed == FAST_PLAY:
            return 0
        if self.play_speed == FRAME_PLAY:
            return max(1, int(1000 / self.frame_rate))
        if self.play_speed >= 1000 / TICK_MS:
            return TICK_MS
        return max(TICK_MS, int(1000 / self.play_speed))

    def set_play_unit(self, unit: str) -> None:
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}")
        self.play_unit = unit

    def set_play_speed(self, per_second: float | str) -> None:
        """Steps a second, FAST_PLAY (as fast as the machine goes) or FRAME_PLAY (one step
        per frame: as fast as the screen can show)."""
        self.play_speed = per_second
        if self._playing:
            self.work_changed.emit()  # the timer's interval changes

    def set_frame_rate(self, per_second: float) -> None:
        """The screen's refresh rate (FRAME_PLAY's pace); the adapter tells it."""
        if math.isfinite(per_second) and per_second > 0:
            self.frame_rate = float(per_second)
            if self._playing:
                self.work_changed.emit()

    def play(self) -> bool:
        if self._playing:
            return True
        if self._trainer.status == "diverged":
            self.message.emit(T_("Session", "%1: reset, step back or change the learning rate",
                                 shown(self._trainer.status_message)))
            return False
        if self.view_iteration is not None and not self.resume_from_view():
            return False
        self._play_credit = 0.0
        self._last_tick = self.clock()
        self._slice_end = 0.0
        self._playing = True
        self.flat_out = self.play_speed in (FAST_PLAY, FRAME_PLAY)
        self.playing_changed.emit(True)
        self.work_changed.emit()
        return True

    def pause(self) -> None:
        if self._playing:
            self._playing = False
            self.flat_out = False
            self.flush()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def tick(self) -> None:
        """One turn of the timer: a slice of Play (the forks follow it), or the forks'
        catch-up, then a slice of the sliced jobs (the race)."""
        if self._playing:
            self._play_slice()
        elif self._fork_behind:
            self._follow()
        self.jobs.advance(JOB_SLICE_SECONDS)

    def _play_slice(self) -> None:
        t = self._trainer
        now = self.clock()
        # Train longer than the window spends drawing between slices (smoothed: the views
        # that redraw less often than every frame come and go), so that Play keeps most
        # of the headless speed however slow the redraw.
        if self._slice_end:
            self._drawing += DRAWING_SMOOTHING * (now - self._slice_end - self._drawing)
        share = DRAWING_SHARE
        deadline = now + min(max(SLICE_SECONDS, self._drawing * (1 - share) / share), MAX_SLICE_SECONDS)
        if self.play_speed == FAST_PLAY:
            budget = math.inf
        elif self.play_speed == FRAME_PLAY:
            budget = 1  # the timer ticks once a frame
        else:
            self._play_credit = min(self._play_credit + (now - self._last_tick) * self.play_speed,
                                    max(1.0, self.play_speed * 0.25))
            budget = math.floor(self._play_credit) if self.tick_interval_ms() == TICK_MS else 1
        self._last_tick = now
        done = 0
        status = t.status
        try:
            if self.play_unit == "iteration" and budget > 1:
                limit = self._iterations_allowed(budget)
                with self._not_listening():  # a flush follows the slice
                    result = t.run(limit, self.until_loss, should_stop=lambda: self.clock() > deadline)
                done = result.iterations
                if result.reason == "until_loss":
                    self._stop_with(T_("Session", "Stopped: the loss fell below %1", f"{self.until_loss:g}"))
            else:
                while done < budget and self.clock() < deadline:
                    t.step(self.play_unit)
                    done += 1
                    if t.status == "diverged" or self._check_rules():
                        break
        except TrainingError as exc:
            self._stop_with(str(exc))
        every_frame = self.play_speed == FRAME_PLAY or done < budget
        self.flat_out = self._playing and every_frame and t.status != "diverged"
        self._play_credit = max(0.0, self._play_credit - done)
        self._slice_end = self.clock()  # what follows (views updating, painting) is drawing
        if self.max_iterations is not None and t.iteration >= self.max_iterations:
            self._stop_with(T_("Session", "Stopped: reached %n iterations", n=self.max_iterations))
        self.flush(force=done > 0 or t.status != status)

    @contextmanager
    def _not_listening(self):
        """Not hearing of every iteration of a Play slice (a few per cent of a small
        network's time); the slice flushes when it is done."""
        t = self._trainer
        signals = (t.weights_changed, t.iteration_finished, t.state_restored)
        for sig in signals:
            sig.disconnect(self._on_core_changed)
        try:
            yield
        finally:
            for sig in signals:
                sig.connect(self._on_core_changed)

    def _iterations_allowed(self, budget: float) -> int:
        limit = 10**9 if budget == math.inf else int(budget)
        if self.max_iterations is not None:
            limit = min(limit, max(self.max_iterations - self._trainer.iteration, 0))
        return limit

    def _check_rules(self) -> bool:
        t = self._trainer
        if (self.until_loss is not None and t.cursor == 0 and t.loss_history
                and t.loss_history[-1] < self.until_loss):
            self._stop_with(T_("Session", "Stopped: the loss fell below %1", f"{self.until_loss:g}"))
            return True
        return False

    def _stop_with(self, text: str) -> None:
        self.pause()
        self.message.emit(text)
