"""The held-out slice of PolNeAR train: a fixed rule, written down (docs/HELDOUT.md)."""

import hashlib
import re

import pytest

from accordingto.read.polnear import HELDOUT_PER_OUTLET, heldout_ids, select, text_files

from conftest import REPO, SHARED

TRAIN = SHARED / "data" / "polnear" / "train"


def _documented() -> list[str]:
    text = (REPO / "docs" / "HELDOUT.md").read_text(encoding="utf-8")
    return re.findall(r"^    ([a-z-]+_\d{4}-\d\d-\d\d_\S+)$", text, flags=re.M)


def test_rule_on_made_up_ids():
    ids = [f"alpha_2016-01-{d:02d}_story-{d}" for d in range(1, 21)] + ["beta_2016-01-01_only"]
    held = heldout_ids(ids)
    alpha = sorted((i for i in ids if i.startswith("alpha_")), key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    assert held == set(alpha[:HELDOUT_PER_OUTLET]) | {"beta_2016-01-01_only"}
    assert select(ids, "rest") == set(ids) - held
    assert select(ids, "all") == set(ids)
    with pytest.raises(ValueError):
        select(ids, "test")


@pytest.mark.skipif(not TRAIN.is_dir(), reason="PolNeAR train is not in ../shared")
def test_rule_gives_the_documented_slice():
    held = heldout_ids(text_files(TRAIN))
    assert len(held) == 84
    assert sorted(held) == _documented()
    outlets = {a.split("_", 1)[0] for a in held}
    assert all(sum(a.startswith(o + "_") for a in held) == 12 for o in outlets) and len(outlets) == 7
