"""Sentences typeset like the worked lines (the lessons' text), and the tutorial's primed
weights w'11."""

from nnviz.gui.widgets import formula


def test_prose_typesets_symbols_only():
    html = formula.prose("Press Next: dE/dw5 = delta_o1*out_h1, x^2 and a - b, don't.")
    assert html == ("Press Next: ∂E/∂w<sub>5</sub> = δ<sub>o1</sub>·out<sub>h1</sub>, "
                    "x<sup>2</sup> and a − b, don't.")
    assert formula.prose("1 < 2 & 3") == "1 &lt; 2 &amp; 3"


def test_primed_weights():
    assert formula.symbol("w'11") == "w′<sub>11</sub>"
    line = "e_y1 = e_z1*w'11/(|w'11| + |w'21|) = 2*0.58/1.15 = 1.008695652"
    html = formula.to_html(line)
    assert "w′<sub>11</sub>" in html and html.endswith("<b>1.008695652</b>")
    assert "w′11" in formula.plain_text(html).replace("\n", "")
