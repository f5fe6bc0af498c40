"""Grading on a Dask distributed cluster (``--scheduler``): a LocalCluster started here grades a small class,
sandboxed, into the same files, byte for byte, as the local process pool."""

from pathlib import Path

import pytest
from helpers import ASSIGNMENT, answered
from helpers import read_notebook as notebook
from helpers import write_notebook as write

from soviet_numbers.grading.grade import grade_submissions
from soviet_numbers.grading.sandbox import unavailable_reason

distributed = pytest.importorskip("distributed")
pytestmark = [
    pytest.mark.cluster,  # its own .ci/run step: a cluster's start and a second grading of the class
    pytest.mark.skipif(unavailable_reason() is not None, reason=f"no sandbox: {unavailable_reason()}"),
]


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_cluster_grades_the_class_as_the_local_pool_does(tmp_path):
    subs = tmp_path / "subs"
    write(subs, "alice.ipynb", answered())
    write(subs, "bob.ipynb", notebook())
    grade_submissions(subs, ASSIGNMENT, tmp_path / "pool" / "grades.csv", timeout=20, workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        grade_submissions(
            subs, ASSIGNMENT, tmp_path / "cluster" / "grades.csv", timeout=20, scheduler=cluster.scheduler_address
        )
    pool, dask = _tree(tmp_path / "pool"), _tree(tmp_path / "cluster")
    assert pool == dask and len(pool) >= 6
    assert b"alice" in pool[Path("grades.csv")] and b"bob" in pool[Path("grades.csv")]
