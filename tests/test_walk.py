"""One directory walker (accordingto.read.walk): every entry point refuses PolNeAR's held-out test split.

The folders are built here, in a temporary directory, laid out as PolNeAR is;
the real test split is never looked for.
"""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from accordingto.cli import app
from accordingto.corpus.batch import run_batch
from accordingto.read.corpus import iter_records
from accordingto.read.directory import iter_directory, iter_polnear
from accordingto.read.records import Failure, Record
from accordingto.read.walk import HELD_OUT, HeldOutError, files, is_held_out, walk

runner = CliRunner()
ARTICLE = "Mayor Ted Wheeler said the bridge would reopen on Monday.\n"


@pytest.fixture
def polnear(tmp_path):
    """A PolNeAR-like root: metadata.tsv, a dev split and a split named test."""
    root = tmp_path / "polnear"
    (root / "metadata.tsv").parent.mkdir()
    (root / "metadata.tsv").write_text("filename\tcompartment\tpublisher\na\tdev\tnyt\nb\ttest\tnyt\n")
    for split, article in (("dev", "a"), ("test", "b")):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir()
        (root / split / "text" / f"{article}.txt").write_text(ARTICLE)
        (root / split / "attributions" / f"{article}_x.ann").write_text("")
    return root


def test_the_walker_steps_over_the_test_split_and_refuses_it_as_a_root(polnear):
    assert [p.name for p in walk(polnear)] == ["a_x.ann", "a.txt", "metadata.tsv"]
    for root in (polnear / "test", polnear / "test" / "text"):
        (failure,) = walk(root)
        assert isinstance(failure, Failure) and failure.reason == HELD_OUT
        assert is_held_out(root)
        with pytest.raises(HeldOutError, match=HELD_OUT):
            files(root, ".txt")
    assert files(polnear / "dev" / "text", ".txt") == [polnear / "dev" / "text" / "a.txt"]


def test_a_link_into_the_test_split_is_refused(polnear, tmp_path):
    link = tmp_path / "innocent"
    link.symlink_to(polnear / "test" / "text")
    assert is_held_out(link)
    with pytest.raises(HeldOutError):
        files(link, ".txt")


def test_a_plain_folder_named_test_is_read(tmp_path):
    folder = tmp_path / "test"
    folder.mkdir()
    (folder / "story.txt").write_text(ARTICLE)
    assert not is_held_out(folder)
    assert [r.id for r in iter_directory(folder)] == ["story"]
    assert files(folder, ".txt") == [folder / "story.txt"]


def test_predict_refuses_the_test_split(polnear, tmp_path):
    out = tmp_path / "out.jsonl"
    for folder in (polnear / "test", polnear / "test" / "text"):
        result = runner.invoke(app, ["predict", str(folder), "--out", str(out), "--fast"])
        assert result.exit_code == 2
        assert HELD_OUT in result.output
    assert not out.exists()


def test_evaluate_refuses_the_test_split(polnear, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "b", "attributions": []}\n')
    result = runner.invoke(app, ["evaluate", "--gold", str(polnear / "test"), "--pred", str(pred), "--json"])
    assert result.exit_code == 2
    assert HELD_OUT in result.output
    ok = runner.invoke(app, ["evaluate", "--gold", str(polnear / "dev"), "--pred", str(pred), "--json"])
    assert ok.exit_code == 0, ok.output


def test_corpus_reading_refuses_the_test_split(polnear):
    for folder in (polnear / "test", polnear / "test" / "text"):
        (failure,) = iter_records([folder])
        assert isinstance(failure, Failure) and failure.reason == HELD_OUT
    (failure,) = iter_polnear(polnear / "test")
    assert failure.reason == HELD_OUT
    records = list(iter_records([polnear]))
    assert [(r.id, r.meta["split"]) for r in records if isinstance(r, Record)] == [("a", "dev")]
    assert not [r for r in records if isinstance(r, Failure)]
    # the root's parent, walked as plain files, never enters the test split either
    assert [r.id for r in iter_records([polnear.parent])] == ["polnear/dev/text/a"]


def test_batch_refuses_the_test_split(polnear, tmp_path):
    store = tmp_path / "corpus.duckdb"
    summary = run_batch([polnear / "test"], store, fast=True, progress=False)
    assert (summary.analysed, summary.failed) == (0, 1)
    with duckdb.connect(str(store), read_only=True) as con:
        assert con.execute("SELECT reason FROM failures").fetchall() == [(HELD_OUT,)]
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
