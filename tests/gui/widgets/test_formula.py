"""nnviz.gui.widgets.formula: worked-arithmetic lines typeset as Qt rich text."""

from __future__ import annotations

import re

import numpy as np
import pytest

from nnviz.core import presets
from nnviz.core.data.datasets import Dataset
from nnviz.core.analysis.explain import trace
from nnviz.core.trainer import create
from nnviz.gui.widgets.formula import plain_text, split, symbol, to_html

NUMBER = re.compile(r"\d+\.\d+(?:e[+-]?\d+)?|\d+e[+-]?\d+")


def plain(rich: str) -> str:
    return plain_text(rich)


def formula_lines(trainer) -> list[str]:
    """The lines `nnviz trace` prints, without its headings."""
    return [ln for ln in trace(trainer) if not ln.startswith(("==", "--", "iteration ", "stopped"))]


@pytest.fixture(scope="module")
def mazur_lines():
    return formula_lines(presets.load("mazur"))


def generic_trainers():
    x = np.array([[0.5, -1.0]])
    yield create([2, 2, 2], ["tanh", "softmax"], Dataset(x, np.array([[1.0, 0.0]])),
                 loss="cross_entropy", optimizer="adam", seed=1)
    yield create([2, 2, 1], ["relu", "sigmoid"], Dataset(x, np.array([[1.0]])),
                 backprop="proportional", optimizer="adagrad", seed=1)
    yield create([2, 1], ["linear"], Dataset(x, np.array([[1.0]])), optimizer="momentum", loss="mse", seed=1)
    yield presets.load("xor")


@pytest.fixture(scope="module")
def generic_lines():
    return [ln for t in generic_trainers() for ln in formula_lines(t)]


# ------------------------------------------------------------ the rules, one by one
@pytest.mark.parametrize("text, expected", [
    ("dE/dw5", "∂E/∂w<sub>5</sub>"),
    ("dout_o1/dnet_o1", "∂out<sub>o1</sub>/∂net<sub>o1</sub>"),
    ("net_h1", "net<sub>h1</sub>"),
    ("delta_o1", "δ<sub>o1</sub>"),
    ("e_h1", "e<sub>h1</sub>"),
    ("a[1][0]", "a<sup>[1]</sup><sub>0</sub>"),
    ("W2[0,1]", "W<sup>2</sup><sub>0,1</sub>"),
    ("b1[0]", "b<sup>1</sup><sub>0</sub>"),
    ("t[0]", "t<sub>0</sub>"),
    ("E_total", "E<sub>total</sub>"),
    ("i1", "i<sub>1</sub>"),
    ("(t_o1 - out_o1)^2", "(t<sub>o1</sub> − out<sub>o1</sub>)<sup>2</sup>"),
    ("0.9^3", "0.9<sup>3</sup>"),
    ("w5 <- w5", "w<sub>5</sub> ← w<sub>5</sub>"),
    ("sqrt(G_w5)", "√(G<sub>w5</sub>)"),
    ("sum_k dE/dout_k*out_k", "Σ<sub>k</sub> ∂E/∂out<sub>k</sub>·out<sub>k</sub>"),
    ("0.15*0.05", "0.15·0.05"),
    ("dE/dout_o1 * dout_o1/dnet_o1", "∂E/∂out<sub>o1</sub> · ∂out<sub>o1</sub>/∂net<sub>o1</sub>"),
    ("dnet[1][0]/dW1[0,1]", "∂net<sup>[1]</sup><sub>0</sub>/∂W<sup>1</sup><sub>0,1</sub>"),
    ("v_W2[0,1]", "v<sub>W2[0,1]</sub>"),
    ("-0.217071535 - (-0.5)", "-0.217071535 − (-0.5)"),  # numbers keep their hyphen
    ("1e-08 + 1.5e-05", "1e-08 + 1.5e-05"),
    ("|W2[0,0]|", "|W<sup>2</sup><sub>0,0</sub>|"),
])
def test_rules(text, expected):
    assert to_html(text) == expected


def test_the_result_after_the_last_equals_sign_is_bold():
    assert to_html("net_h1 = w1*i1 + w2*i2 + b1 = 0.15*0.05 + 0.2*0.1 + 0.35 = 0.3775") == (
        "net<sub>h1</sub> = w<sub>1</sub>·i<sub>1</sub> + w<sub>2</sub>·i<sub>2</sub> + b<sub>1</sub> = "
        "0.15·0.05 + 0.2·0.1 + 0.35 = <b>0.3775</b>")
    assert to_html("x = -0.038098237").endswith("= <b>-0.038098237</b>")
    # a remark after the result stays outside the bold, in italics
    rich = to_html("delta[2][0] = a[2][0] - t[0] = 0.327326159 - 1 = -0.672673841   "
                   "(cross-entropy with softmax: f' cancels)")
    assert "<b>-0.672673841</b>   <i>(cross-entropy with softmax: f' cancels)</i>" in rich
    assert "<b>" not in to_html("b2 is frozen: stays 0.6")


def test_html_is_escaped():
    rich = to_html("x < y & z > 1 = 2")
    assert "&lt;" in rich and "&amp;" in rich and "&gt;" in rich
    assert plain(rich) == "x < y & z > 1 = 2"
    assert "<script>" not in to_html("<script>alert(1)</script>")


def test_words_without_digits_or_underscores_stay_as_they_are():
    assert to_html("sigmoid(0.3775)") == "sigmoid(0.3775)"
    assert to_html("sample 1 of 4 (data row 1):") == "sample 1 of 4 (data row 1):"
    assert to_html("… (3 more)") == "… (3 more)"


def test_plain_text_marks_powers():
    assert plain(to_html("G = 0.5*0.573493275^2 = 0.1")) == "G = 0.5·0.573493275^2 = 0.1"
    assert plain(to_html("E = 1/2*(t_o1 - out_o1)^2")) == "E = 1/2·(to1 − outo1)^2"
    assert plain(to_html("d = 1 - a[1][0]^2")) == "d = 1 − a[1]0^2"
    assert plain(to_html("W2[0,1] + b1[0]")) == "W20,1 + b10"  # layer numbers are no powers


def test_symbol():
    assert symbol("out_h1") == "out<sub>h1</sub>"
    assert symbol("delta[2][1]") == "δ<sup>[2]</sup><sub>1</sub>"
    assert symbol("lr") == "lr"


# ------------------------------------------------------------- real lines
def check_line(line: str) -> None:
    rich = to_html(line)
    text = plain(rich)
    # every number the core printed is there, unchanged, in the same order
    numbers = NUMBER.findall(line)
    assert NUMBER.findall(text) == numbers, (line, text)
    # everything was typeset: no ASCII operators or names with underscores are left
    assert "*" not in text and "<-" not in text and "sqrt(" not in text
    assert "_" not in text, text
    assert not re.search(r"(?<![A-Za-z])d[A-Za-z]+/d", text), text
    if "<" not in line.replace("<-", ""):
        assert "<" not in text  # no markup leaked into what is shown
    if "=" in line:
        value = line[line.rfind("=") + 1:].split()[0]
        assert f"<b>{value}</b>" in rich


def test_every_mazur_trace_line(mazur_lines):
    assert len(mazur_lines) > 40
    for line in mazur_lines:
        check_line(line)


def test_mazur_lines_read_like_the_worked_example(mazur_lines):
    by_start = {ln.split(" = ")[0]: to_html(ln) for ln in mazur_lines}
    assert by_start["dE/dw5"] == (
        "∂E/∂w<sub>5</sub> = ∂E/∂out<sub>o1</sub> · ∂out<sub>o1</sub>/∂net<sub>o1</sub> · "
        "∂net<sub>o1</sub>/∂w<sub>5</sub> = 0.74136507·0.186815602·0.593269992 = <b>0.082167041</b>")
    assert by_start["E_o1"] == ("E<sub>o1</sub> = 1/2·(t<sub>o1</sub> − out<sub>o1</sub>)<sup>2</sup> = "
                                "1/2·(0.01 − 0.75136507)<sup>2</sup> = <b>0.274811083</b>")
    assert by_start["delta_o2"] == (
        "δ<sub>o2</sub> = ∂E/∂out<sub>o2</sub> · ∂out<sub>o2</sub>/∂net<sub>o2</sub> = "
        "(-0.217071535)·0.175510053 = <b>-0.038098237</b>")
    update = next(ln for ln in mazur_lines if ln.startswith("w5 <-"))
    assert to_html(update) == ("w<sub>5</sub> ← w<sub>5</sub> − lr·∂E/∂w<sub>5</sub> = "
                               "0.4 − 0.5·0.082167041 = <b>0.35891648</b>")
    assert plain(to_html(update)) == "w5 ← w5 − lr·∂E/∂w5 = 0.4 − 0.5·0.082167041 = 0.35891648"


def test_every_line_of_generic_networks(generic_lines):
    assert any("W2[0,0]" in ln for ln in generic_lines)
    for line in generic_lines:
        check_line(line)


def test_generic_names(generic_lines):
    line = next(ln for ln in generic_lines if ln.startswith("dE/dW1[0,0] = dE/da[1][0]"))
    rich = to_html(line)
    assert rich.startswith("∂E/∂W<sup>1</sup><sub>0,0</sub> = ∂E/∂a<sup>[1]</sup><sub>0</sub> · "
                           "∂a<sup>[1]</sup><sub>0</sub>/∂net<sup>[1]</sup><sub>0</sub> · "
                           "∂net<sup>[1]</sup><sub>0</sub>/∂W<sup>1</sup><sub>0,0</sub> = ")
    adam = next(ln for ln in generic_lines if ln.startswith("W2[0,0] <- ") and "sqrt(v_W2[0,0]" in ln)
    rich = to_html(adam)
    assert "√(v<sub>W2[0,0]</sub>/(1 − 0.999<sup>1</sup>))" in rich
    assert "m<sub>W2[0,0]</sub>/(1 − 0.9<sup>1</sup>)" in rich
    prop = next(ln for ln in generic_lines if ln.startswith("e[1][0] = "))
    assert to_html(prop).startswith("e<sup>[1]</sup><sub>0</sub> = e<sup>[2]</sup><sub>0</sub>·"
                                    "W<sup>2</sup><sub>0,0</sub>/(|W<sup>2</sup><sub>0,0</sub>| + ")
    mean = next(ln for ln in generic_lines if "mean over samples of" in ln)
    assert "mean over samples of δ<sup>[" in to_html(mean)


def test_split_for_aligned_rows():
    lhs, rhs = split("dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = 0.5*0.2*0.1 = 0.01")
    assert lhs == "∂E/∂w<sub>5</sub>"
    assert rhs.startswith("= ∂E/∂out<sub>o1</sub>") and rhs.endswith("= <b>0.01</b>")
    lhs, rhs = split("w5 <- w5 - lr*dE/dw5 = 0.4 - 0.5*0.082167041 = 0.35891648")
    assert lhs == "w<sub>5</sub>" and rhs.startswith("← w<sub>5</sub> − lr·") and rhs.endswith("<b>0.35891648</b>")
    assert split("x = 5") == ("x", "= <b>5</b>")
    assert split("b2 is frozen: stays 0.6") is None
    assert split("sample 1 of 4 (data row 1):") is None
