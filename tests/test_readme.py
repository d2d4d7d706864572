"""The README's example commands run, and print what the README says they print."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)


def examples():
    out = []
    for block in BLOCKS:
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, expected = chunk.partition("\n")
            out.append(pytest.param(command, expected, id=command[:60]))
    return out


def test_readme_opens_with_run_and_test_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "run"], ["make", "test"]]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nmake test\n" in ci


def test_every_command_is_documented():
    for command in ("facts extract", "facts show", "facts summary", "facts eval", "facts schema",
                    "--reference-date", "--jobs", "--explain", "--fail-on-empty", "--glob", "--output"):
        assert command in README, command


@pytest.mark.skipif(shutil.which("jq") is None, reason="the README's examples pipe into jq")
@pytest.mark.parametrize("command, expected", examples())
def test_readme_example(command, expected):
    env = {**os.environ, "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ['PATH']}"}
    env.pop("FORCE_COLOR", None)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected
