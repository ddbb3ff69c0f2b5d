"""JobRunner.finished reports every job once it has ended, whatever its outcome, after
the job's own callback (the lessons' sweep check listens to it)."""

from nnviz.app.jobs import CANCELLED, DONE, FAILED, JobRunner, SlicedRequest, ThreadRequest


class Value(ThreadRequest):
    def __init__(self, value=None, error=None):
        self.value, self.error = value, error

    def run(self, job):
        if self.error:
            raise ValueError(self.error)
        return self.value


class Forever(SlicedRequest):
    def advance(self, job, should_stop):
        return False


def test_finished_reports_done_failed_and_cancelled_jobs():
    runner = JobRunner()
    seen = []
    runner.finished.connect(lambda job: seen.append((job.status, job.result, job.error)))
    order = []
    runner.finished.connect(lambda job: order.append("finished"))
    runner.submit(Value(7), on_finished=lambda job: order.append("callback"))
    runner.submit(Value(error="no"))
    job = runner.submit(Forever())
    runner.advance(0.001)
    assert len(seen) == 2
    job.cancel()
    assert seen == [(DONE, 7, ""), (FAILED, None, "no"), (CANCELLED, None, "")]
    assert order[:2] == ["callback", "finished"]
