"""``nnviz graph``: a valid SVG whose text stays text, with the worked example's numbers
at the phase asked for; a PNG; bad input refused with exit status 2, one line on stderr
and nothing written."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from nnviz.core import presets
from nnviz.io import snapshot

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(path) -> str:
    root = ET.parse(path).getroot()  # raises on a malformed file
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert texts, "the SVG has no text elements"
    return "\n".join(texts)


def test_the_svg_holds_the_worked_examples_chain_as_text(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("graph", "--preset", "mazur", "--param", "w1", "--phase", "backward",
                       "--out", "w1.svg")
    assert (rc, err) == (0, "")
    assert "w1.svg" in out and "0.000438568" in out
    text = svg_text(workdir / "w1.svg")
    for published in ("0.055399425", "0.036350306", "0.241300709", "0.000438568", "dE/dout_h1", "net_h1"):
        assert published in text
    assert "0.149780716" not in text  # the update comes after the backward phase


def test_phases_fill_in_forward_then_backward_then_the_update(workdir, nnviz_cli):
    texts = {}
    for phase in ("forward", "backward", "update"):
        assert nnviz_cli("graph", "--param", "w5", "--phase", phase, "--out", f"{phase}.svg")[0] == 0
        texts[phase] = svg_text(workdir / f"{phase}.svg")
    assert "1.105905967" in texts["forward"] and "0.082167041" not in texts["forward"]
    assert "0.082167041" in texts["backward"] and "0.35891648" not in texts["backward"]
    assert "0.35891648" in texts["update"]  # w5 after the published update


def test_phase_runs_a_snapshot_only_as_far_as_it_has_not_got(workdir, nnviz_cli):
    t = presets.load("mazur")
    for _ in range(4):  # forward, loss and the backward step of layer 2
        t.step("micro")
    snapshot.save(t, workdir / "mid.json")
    assert nnviz_cli("graph", "--snapshot", "mid.json", "--param", "w1", "--out", "as-is.svg")[0] == 0
    assert "0.000438568" not in svg_text(workdir / "as-is.svg")  # without --phase: drawn as it stands
    assert "0.138498562" in svg_text(workdir / "as-is.svg")
    assert nnviz_cli("graph", "--snapshot", "mid.json", "--param", "w1", "--phase", "backward",
               "--out", "done.svg")[0] == 0
    assert "0.000438568" in svg_text(workdir / "done.svg")


def test_png_and_digits(workdir, nnviz_cli):
    rc, out, err = nnviz_cli("graph", "--preset", "xor", "--param", "W1[0,0]", "--sample", "4",
                       "--phase", "update", "--digits", "4", "--out", "xor.png")
    assert rc == 0 and "sample 4 of 4" in out
    assert (workdir / "xor.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert nnviz_cli("graph", "--param", "w1", "--phase", "backward", "--digits", "4", "--out", "w1.svg")[0] == 0
    assert "0.0004" in svg_text(workdir / "w1.svg") and "0.000438568" not in svg_text(workdir / "w1.svg")


@pytest.mark.parametrize("argv,message", [
    (["--param", "w99"], "nnviz graph: --param: bad parameter name 'w99'"),
    (["--param", "W3[0,0]"], "nnviz graph: --param: bad parameter name 'W3[0,0]'"),
    (["--param", "w1", "--sample", "2"], "nnviz graph: --sample: the batch has 1 sample, got 2"),
    (["--param", "w1", "--phase", "loss"], "nnviz graph: argument --phase: invalid choice"),
])
def test_bad_input_is_refused_with_one_line_and_nothing_written(workdir, nnviz_cli, argv, message):
    rc, out, err = nnviz_cli("graph", *argv, "--out", "g.svg")
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(message)
    assert list(workdir.iterdir()) == []


def test_a_bad_output_is_refused(workdir, nnviz_cli):
    rc, _, err = nnviz_cli("graph", "--param", "w1", "--out", "g.pdf")
    assert rc == 2 and err.count("\n") == 1 and ".svg or .png" in err
    rc, _, err = nnviz_cli("graph", "--param", "w1", "--out", "no/such/folder/g.svg")
    assert rc == 2 and err.count("\n") == 1 and "does not exist" in err
    assert list(workdir.iterdir()) == []
