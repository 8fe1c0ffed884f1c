"""The ``graph-service extract`` JSONL output: contract fields plus rule and sentence."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from graph_service.cli.extract_cmd import extract


def test_jsonl_names_rule_and_sentence(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Das Wetter war schön.\nRussland und Nordkorea haben eine strategische "
        "Partnerschaft vereinbart.\n",
        encoding="utf-8",
    )
    app = typer.Typer(add_completion=False)
    app.command()(extract)
    result = CliRunner().invoke(app, ["--format", "jsonl", str(doc)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows, result.stdout
    row = rows[0]
    assert {row["subject"], row["object"]} == {"RUS", "PRK"}
    assert row["rule"]
    assert row["sentence_index"] == 1
    assert all(value is not None for value in row.values())  # None fields left out
    assert "attributed_to" not in row
