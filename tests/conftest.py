from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

WORKERS = 2  # the README's test command runs on two cores (target: at most 90 s; BENCHMARKS.md)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """Two xdist workers (``--dist loadfile``: a notebook's cells stay on one worker) when a whole folder runs:
    ``python -m pytest`` (the README's command), ``pytest tests`` or ``pytest tests/book``. Named files run in one
    process, which starts at once: ``pytest tests/test_data.py``. ``-n`` on the command line always wins."""
    if hasattr(config, "workerinput") or not config.pluginmanager.has_plugin("xdist"):
        return
    if config.option.numprocesses is not None or config.option.collectonly:
        return
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS or any(
        Path(arg.split("::")[0]).is_dir() for arg in config.args
    )
    if whole:
        config.option.numprocesses = WORKERS
        if config.option.dist == "no":
            config.option.dist = "loadfile"
