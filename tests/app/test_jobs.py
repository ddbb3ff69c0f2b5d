"""The job runner: thread requests on a pool with results handed to the owning thread,
progress coalesced, failures in one line, cancel; sliced requests run by the clock."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from nnviz.app.jobs import CANCELLED, DONE, FAILED, JobRunner, SlicedRequest, SweepRequest, ThreadRequest
from nnviz.core import presets


class Owner:
    """The owning thread's queue: calls run only when the owner gets to them."""

    def __init__(self) -> None:
        self.calls = []
        self.lock = threading.Lock()

    def post(self, fn) -> None:
        with self.lock:
            self.calls.append(fn)

    def run_queued(self) -> int:
        with self.lock:
            calls, self.calls = self.calls, []
        for fn in calls:
            fn()
        return len(calls)


class Counting(ThreadRequest):
    def __init__(self, n: int, gate: threading.Event | None = None) -> None:
        self.n, self.gate = n, gate
        self.thread = None

    def run(self, job):
        self.thread = threading.current_thread()
        if self.gate is not None:
            assert self.gate.wait(10)
        for k in range(self.n):
            job.report(k + 1, self.n)
        return "done after %d" % self.n


class Failing(ThreadRequest):
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def run(self, job):
        raise self.exc


@pytest.fixture
def pooled():
    pool = ThreadPoolExecutor(max_workers=1)
    owner = Owner()
    yield JobRunner(pool, owner.post), owner
    pool.shutdown(wait=True)


def test_without_a_pool_a_request_runs_at_once():
    runner = JobRunner()
    finished = []
    job = runner.submit(Counting(3), on_finished=finished.append)
    assert finished == [job] and job.status == DONE and job.result == "done after 3"
    assert job.request.thread is threading.main_thread()


def test_results_and_progress_reach_the_owner_in_its_own_time(pooled):
    runner, owner = pooled
    progress, finished = [], []
    gate = threading.Event()
    job = runner.submit(Counting(50, gate), on_progress=lambda j: progress.append(j.done),
                        on_finished=finished.append)
    assert job.running
    gate.set()
    runner.pool.submit(lambda: None).result()  # the worker is done with the request
    assert job.request.thread is not threading.main_thread()
    assert progress == [] and finished == [] and job.running  # nothing until the owner looks
    owner.run_queued()
    assert progress == [] or progress == [50]  # fifty reports: at most one delivery
    assert finished == [job] and job.status == DONE and job.result == "done after 50"


@pytest.mark.parametrize("exc, text", [(ValueError("the rates need two numbers"), "the rates need two numbers"),
                                       (ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero")])
def test_a_failure_is_one_line_for_the_owner(pooled, exc, text):
    runner, owner = pooled
    finished = []
    job = runner.submit(Failing(exc), on_finished=finished.append)
    runner.pool.submit(lambda: None).result()
    owner.run_queued()
    assert job.status == FAILED and job.error == text and finished == [job]


def test_work_cancelled_while_it_ran_ends_cancelled(pooled):
    runner, owner = pooled
    gate = threading.Event()
    finished = []
    job = runner.submit(Counting(5, gate), on_finished=finished.append)
    job.cancel()
    gate.set()
    runner.pool.submit(lambda: None).result()
    owner.run_queued()
    assert job.status == CANCELLED and finished == [job]


def test_a_quiet_cancel_calls_nobody(pooled):
    runner, owner = pooled
    gate = threading.Event()
    finished = []
    job = runner.submit(Counting(5, gate), on_finished=finished.append)
    job.cancel(quiet=True)
    gate.set()
    runner.pool.submit(lambda: None).result()
    owner.run_queued()
    assert job.status == CANCELLED and finished == []


def test_a_sweep_cancelled_while_it_runs_ends_cancelled():
    t = presets.load("xor")
    runner = JobRunner()
    seen = []

    class Stop(SweepRequest):  # cancel after the first rate reports
        def run(self, job):
            def progress(done, total):
                seen.append(done)
                job.cancel()
            from nnviz.core.analysis import surface
            return surface.sweep(self.trainer, self.rates, self.iterations, progress=progress,
                                 should_stop=lambda: job.cancelled)

    job = runner.submit(Stop(t.copy(), [0.1, 0.2, 0.5, 1.0], 30))
    assert seen and job.status == CANCELLED


class Ticking(SlicedRequest):
    """Counts the steps it gets before should_stop says stop."""

    def __init__(self, total: int) -> None:
        self.total, self.steps = total, 0

    def advance(self, job, should_stop) -> bool:
        while self.steps < self.total and not should_stop():
            self.steps += 1
        job.done = self.steps
        return self.steps >= self.total

    def result(self):
        return self.steps


def test_sliced_requests_share_the_time_they_are_given():
    now = [0.0]

    def clock():
        now[0] += 0.001  # each reading is a millisecond later
        return now[0]

    runner = JobRunner(clock=clock)
    changed = []
    runner.slices_changed = lambda: changed.append(runner.has_slices)
    a = runner.submit(Ticking(100))
    b = runner.submit(Ticking(100))
    runner.advance(0.010)  # 10 ms for both: about 5 steps each
    assert 3 <= a.request.steps <= 6 and 3 <= b.request.steps <= 6
    while runner.has_slices:
        runner.advance(0.010)
    assert a.status == b.status == DONE and a.result == b.result == 100
    assert changed[-1] is False


def test_cancelling_a_sliced_request_stops_it_before_its_next_slice():
    now = [0.0]

    def clock():
        now[0] += 0.001
        return now[0]

    runner = JobRunner(clock=clock)
    job = runner.submit(Ticking(100))
    runner.advance(0.005)
    steps = job.request.steps
    assert 0 < steps < 100
    job.cancel()
    assert job.status == CANCELLED and not runner.has_slices
    runner.advance(0.005)
    assert job.request.steps == steps
