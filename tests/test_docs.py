"""The documentation stays honest: every rule documented, README's Quick start present."""

from __future__ import annotations

from lkj_excel.render import render_rules
from lkj_excel.rules import load_all

from .conftest import ROOT


def test_docs_aturan_is_generated_from_the_rules():
    text = (ROOT / "docs" / "aturan.md").read_text(encoding="utf-8")
    assert text.strip() == render_rules("markdown").strip(), \
        "docs/aturan.md is stale: run  lkj aturan --format markdown > docs/aturan.md"
    for code, r in load_all().items():
        assert f"## {code}" in text
        assert "Contoh" in r.doc, f"{code} has no worked example"


def test_readme_quick_start_has_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    cmds = [line for line in block.strip().splitlines() if line and not line.startswith("#")]
    assert len(cmds) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1] in ci.splitlines()
