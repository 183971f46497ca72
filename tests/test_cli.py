"""The ``mediakit analyze`` command: output on real articles, one-line errors, the real executable.

Bad files of every kind are run through the command in ``test_hostile.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import mediakit as mk
from mediakit.cli import friendly_errors, main

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).with_name("mediakit")


def test_help_documents_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        assert name in result.output
        assert command.help, name
        assert f"mediakit {name}" in readme, f"README does not show `mediakit {name}`"


def test_analyze_help_lists_its_options() -> None:
    result = CliRunner().invoke(main, ["analyze", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--max-bytes"):
        assert option in result.output


def test_analyze_table_on_the_bundled_article(bundled_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(bundled_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Russia Responds to Donald Trump's Alleged Threat to Strike Moscow")
    assert result.stderr == ""


def test_analyze_json_on_the_html_page(html_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(html_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["title"] == "Port authority defends harbour closure as fishermen count losses"


def test_size_limit_option(tmp_path: Path, bundled_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(bundled_path.read_bytes())
    result = CliRunner().invoke(main, ["analyze", str(p), "--max-bytes", "100"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"mediakit: error: {p}: file is ") and "over the limit of 100" in line
    assert CliRunner().invoke(main, ["analyze", str(p), "--max-bytes", "0"]).exit_code == 0


def test_missing_file_and_directory_are_one_line(tmp_path: Path) -> None:
    for target, problem in ((tmp_path / "missing.txt", "no such file"), (tmp_path, "is a directory")):
        result = CliRunner().invoke(main, ["analyze", str(target)])
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [f"mediakit: error: {target}: {result.stderr.split(': ', 3)[-1].strip()}"]
        assert problem in result.stderr


def test_non_english_article_gets_a_one_line_warning_and_its_analysis(tmp_path: Path) -> None:
    p = tmp_path / "monde.txt"
    p.write_text("Le gouvernement démissionne\n\nLe ministre a annoncé lundi que les négociations avec "
                 "l'opposition ne se poursuivront pas, faute d'accord entre les partis politiques du pays.",
                 encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(p)])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"mediakit: warning: {p}: text looks like 'fr'") and "lexicons are English" in line
    assert result.stdout.startswith("Le gouvernement démissionne")


def test_every_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    @friendly_errors
    def broken(path: str) -> None:
        raise KeyError("deep inside a library\nwith a second line")

    @friendly_errors
    def ours(path: str) -> None:
        raise mk.LoadError("bad record", path=path, line=3)

    @friendly_errors
    def unreadable(path: str) -> None:
        open(path, encoding="utf-8").close()

    monkeypatch.delenv("MEDIAKIT_DEBUG", raising=False)
    for func, status, expected in (
        (broken, 1, "mediakit: error: story.txt: unexpected error (KeyError: 'deep inside a library\\nwith a second "
                    "line'); this is a bug in mediakit, please report it (MEDIAKIT_DEBUG=1 shows the traceback)"),
        (ours, 2, "mediakit: error: story.txt, line 3: bad record"),
        (unreadable, 2, "mediakit: error: story.txt: No such file or directory"),
    ):
        with pytest.raises(SystemExit) as exit_:
            func("story.txt")
        assert exit_.value.code == status
        assert capsys.readouterr().err == expected + "\n"
    monkeypatch.setenv("MEDIAKIT_DEBUG", "1")
    with pytest.raises(KeyError):
        broken("story.txt")


def test_unexpected_error_message_is_printed_on_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    @friendly_errors
    def broken(path: str) -> None:
        raise RuntimeError("first line\nsecond line")

    monkeypatch.delenv("MEDIAKIT_DEBUG", raising=False)
    with pytest.raises(SystemExit):
        broken("story.txt")
    err = capsys.readouterr().err
    assert err == ("mediakit: error: story.txt: unexpected error (RuntimeError: first line second line); this is a "
                   "bug in mediakit, please report it (MEDIAKIT_DEBUG=1 shows the traceback)\n")


@pytest.mark.skipif(not EXE.exists(), reason="the mediakit script is not installed in this environment")
def test_real_executable(tmp_path: Path, bundled_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MEDIAKIT_DEBUG"}
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = subprocess.run([str(EXE), "analyze", str(bad)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2
    assert run.stderr == f"mediakit: error: {bad}: this is a PNG image, not article text\n"
    assert run.stdout == ""
    ok = subprocess.run([str(EXE), "analyze", str(bundled_path), "--format", "json"], capture_output=True,
                        text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["article"]["outlet"] == "Newsweek"
