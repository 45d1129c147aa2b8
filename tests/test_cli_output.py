"""Where outputs go: never onto an input, never where the next run reads them back, devices and FIFOs
written to directly, files written whole with the user's permissions."""

import json
import os
import stat
import threading

import pytest

from newsdigest.cli import ExitStatus
from newsdigest.output import write_output
from tests_helpers import invoke

ARTICLE = "Titel\n\nDe gemeente onderzoekt twee opties. Reizigers zijn tevreden."


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    return folder


@pytest.mark.parametrize("command", ["digest", "summarize", "translate"])
def test_output_onto_an_input_file_is_refused_and_the_input_kept(fake_models, folder, command):
    article = folder / "a.txt"
    result = invoke(command, article, "-o", article)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == (f"newsdigest: error: {article}: is the input file {article}; writing there would "
                             "destroy it; choose another -o\n")
    assert article.read_text() == ARTICLE


def test_output_reached_through_a_link_is_still_the_input(fake_models, folder, tmp_path):
    (tmp_path / "link.txt").symlink_to(folder / "a.txt")
    os.link(folder / "a.txt", tmp_path / "hard.txt")
    for alias in ("link.txt", "hard.txt"):
        result = invoke("digest", folder / "a.txt", "-o", tmp_path / alias)
        assert result.exit_code == ExitStatus.USAGE, alias
    assert (folder / "a.txt").read_text() == ARTICLE


@pytest.mark.parametrize("where", ["in/digest.md", "in/sub/digest.md", "in"])
def test_output_inside_an_input_folder_is_refused(fake_models, folder, tmp_path, where):
    split = ["--split"] if where == "in" else []
    result = invoke("digest", folder, "-o", tmp_path / where, *split)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.startswith(f"newsdigest: error: {tmp_path / where}: is")
    assert f"the input folder {folder}, so the next run would read the digest back as articles" in result.stderr
    assert sorted(p.name for p in folder.rglob("*")) == ["a.txt"]


def test_split_folder_that_holds_an_input_file_is_refused(fake_models, folder):
    result = invoke("digest", folder / "a.txt", "-o", folder, "--split")
    assert result.exit_code == ExitStatus.USAGE
    assert "holds the input file" in result.stderr and (folder / "a.txt").read_text() == ARTICLE


def test_split_folder_next_to_the_inputs_is_fine(fake_models, folder, tmp_path):
    result = invoke("digest", folder, "-o", tmp_path / "out", "--split")
    assert result.exit_code == 0, result.stderr
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".md"]


@pytest.mark.parametrize(("args", "message"), [
    (["--split"], "--split needs -o FOLDER"),
    (["--split", "-o", "-"], "--split needs -o FOLDER"),
    (["--split", "-o", "{file}"], "is not a folder (--split writes one file per article into a folder)"),
    (["-o", "{dir}"], "dir is a folder, but a markdown digest is one file: give a file name, or add --split for "
                      "one file per article, or --ray --format jsonl for shards"),
    (["-o", "{new}/"], "new/ is a folder, but a markdown digest is one file"),
    (["-o", "{new}/", "--format", "jsonl"], "new/ is a folder, but a jsonl digest is one file"),
    (["-o", "{new}/", "--ray"], "new/ is a folder, but a markdown digest is one file"),  # before Ray starts
])
def test_split_and_folder_mistakes_are_usage_errors_before_any_work(fake_models, folder, tmp_path, args,
                                                                    message, spy):
    import newsdigest.pipeline

    (tmp_path / "file.md").write_text("mine\n")
    (tmp_path / "dir").mkdir()
    runs = spy(newsdigest.pipeline.Pipeline, "run")
    args = [a.format(file=tmp_path / "file.md", dir=tmp_path / "dir", new=tmp_path / "new") for a in args]
    result = invoke("digest", folder, *args)
    assert result.exit_code == ExitStatus.USAGE
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert runs == [] and (tmp_path / "file.md").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir", "file.md", "in"]


@pytest.mark.parametrize("command", ["summarize", "translate"])
def test_a_folder_as_output_of_a_one_file_command_is_refused(fake_models, folder, tmp_path, command):
    result = invoke(command, folder / "a.txt", "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == f"newsdigest: error: {tmp_path / 'out'}/: is a folder; give a file name\n"
    assert not (tmp_path / "out").exists()


def test_a_character_device_is_written_to_not_replaced(fake_models, folder, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
        open(device, "w").close()
    except PermissionError:
        pytest.skip("creating and opening a device node needs root and a file system without nodev")
    result = invoke("digest", folder, "-o", device)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.stat().st_mode) and device.stat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_fifo_is_written_to_not_replaced(fake_models, folder, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = invoke("digest", folder, "-o", fifo, "--format", "json")
    reader.join(30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(json.loads(received[0])["articles"]) == 1


def test_new_outputs_get_the_umask_permissions(fake_models, folder, tmp_path):
    previous = os.umask(0o022)
    try:
        assert invoke("digest", folder, "-o", tmp_path / "d.md").exit_code == 0
        assert invoke("digest", folder, "-o", tmp_path / "split", "--split").exit_code == 0
        os.umask(0o077)
        assert invoke("digest", folder, "-o", tmp_path / "private.md").exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "d.md").stat().st_mode) == 0o644
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "split").iterdir()} == {0o644}
    assert stat.S_IMODE((tmp_path / "private.md").stat().st_mode) == 0o600


def test_a_replaced_output_keeps_its_mode_and_a_symlink_stays_a_symlink(tmp_path):
    target = tmp_path / "shared.md"
    target.write_text("old\n")
    target.chmod(0o640)
    (tmp_path / "link.md").symlink_to(target)
    write_output(tmp_path / "link.md", "new\n")
    assert (tmp_path / "link.md").is_symlink() and target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_write_error_names_the_users_file_and_leaves_nothing(fake_models, folder, tmp_path, monkeypatch):
    out = tmp_path / "d.md"
    out.write_text("previous digest\n")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = invoke("digest", folder, "-o", out, "-q")
    assert result.exit_code == ExitStatus.OUTPUT
    assert result.stderr == f"newsdigest: error: {out}: cannot write (No space left on device)\n"
    assert out.read_text() == "previous digest\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_eval_report_onto_its_own_data_is_refused(tmp_path):
    source, reference = tmp_path / "nl.txt", tmp_path / "en.txt"
    source.write_text("Dit is een zin.\n")
    reference.write_text("This is a sentence.\n")
    result = invoke("eval", "translation", "--source", source, "--reference", reference, "--hypothesis", reference,
                    "-o", reference)
    assert result.exit_code == ExitStatus.USAGE and "is the input file" in result.stderr
    assert reference.read_text() == "This is a sentence.\n"


@pytest.mark.parametrize("command", [["digest", "-"], ["summarize", "-"], ["translate"]])
def test_output_onto_the_file_standard_input_reads_is_refused(folder, command):
    """`newsdigest digest - -o a.txt < a.txt` would replace the article with its digest."""
    import subprocess
    import sys

    article = folder / "a.txt"
    with open(article, "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "newsdigest", *command, "-o", str(article), "--offline"],
                                stdin=stdin, capture_output=True, text=True, timeout=60)
    assert result.returncode == ExitStatus.USAGE, result.stderr
    assert result.stderr == (f"newsdigest: error: {article}: is the file standard input is read from; writing "
                             "there would destroy it; choose another -o\n")
    assert article.read_text() == ARTICLE


def test_an_output_that_cannot_be_written_is_found_before_any_work(fake_models, folder, tmp_path):
    blocker = tmp_path / "g.md"
    blocker.write_text("a previous digest")
    result = invoke("digest", folder, "-o", blocker / "x.md")
    assert result.exit_code == ExitStatus.OUTPUT
    assert result.stderr == f"newsdigest: error: {blocker / 'x.md'}: cannot write there: {blocker} is a file, not a folder\n"
    assert blocker.read_text() == "a previous digest"


def test_split_onto_a_device_is_refused(fake_models, folder):
    result = invoke("digest", folder, "--split", "-o", "/dev/null")
    assert result.exit_code == ExitStatus.USAGE
    assert "/dev/null: is not a folder (--split writes one file per article into a folder)" in result.stderr


@pytest.mark.parametrize("command", ["digest", "summarize"])
def test_a_run_where_every_article_fails_leaves_the_previous_digest(fake_models, tmp_path, command):
    broken = tmp_path / "kapot.txt"
    broken.write_bytes(b"\x00\x01\x02 geen tekst \xff\xfe" * 50)
    previous = tmp_path / "digest.md"
    previous.write_text("yesterday's good digest")
    result = invoke(command, broken, "-o", previous)
    assert result.exit_code == ExitStatus.INPUT
    assert previous.read_text() == "yesterday's good digest"
    assert f"newsdigest: warning: no article could be digested; {previous} is left as it was" in result.stderr


def test_the_closing_line_shows_control_characters_in_the_output_name_escaped(fake_models, folder, tmp_path):
    name = tmp_path / "o\x1b[2Jx.md"
    result = invoke("digest", folder, "-o", name)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr and "o\\x1b[2Jx.md" in result.stderr
