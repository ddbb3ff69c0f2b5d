"""Typesetting of worked-arithmetic lines as Qt rich text.

The core writes plain text that reads well in a terminal (``nnviz trace``)::

    dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = 0.74136507*0.186815602*0.593269992 = 0.082167041

``to_html`` turns one such line into the subset of HTML that Qt's rich text understands,
the way a textbook prints it: ∂E/∂w₅ = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ..., with
subscripts and superscripts, · for products, ← for assignments, √, Σ, δ, − for the
binary minus, and the result (the value after the last ``=``) in bold. Numbers are
never changed — a negative number keeps its ASCII hyphen — so what the core computed
is what the student reads, and the plain text of the result still contains it.

Symbols, from the names ``nnviz.core.analysis.explain`` produces:

=================  ==================================
``net_h1``         net<sub>h1</sub>
``delta_o1``       δ<sub>o1</sub>
``w5``, ``i1``     w<sub>5</sub>, i<sub>1</sub>
``w'11``           w′<sub>11</sub>
``a[1][0]``        a<sup>[1]</sup><sub>0</sub>
``W2[0,1]``        W<sup>2</sup><sub>0,1</sub>
``b1[0]``          b<sup>1</sup><sub>0</sub>
``t[0]``           t<sub>0</sub>
``v_W2[0,1]``      v<sub>W2[0,1]</sub> (no nested subscripts: Qt draws them flat)
=================  ==================================
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QTextDocumentFragment

GREEK = {"delta": "δ"}

# A symbol: letters, optional digits, optional _suffix, optional [..] indices.
_SYM = r"[A-Za-z]+(?:'\d+|\d*)(?:_[A-Za-z0-9]+(?:'\d+)?)?(?:\[\d+(?:,\d+)?\])*"

_TOKEN = re.compile(
    rf"""
    (?P<deriv>(?<![A-Za-z0-9_\]])d(?P<num>{_SYM})/d(?P<den>{_SYM}))
  | (?P<arrow><-)
  | (?P<sqrt>\bsqrt\()
  | (?P<sum>\bsum_(?P<sumidx>[A-Za-z0-9]+))
  | (?P<power>\^(?P<exp>\d+|[A-Za-z][A-Za-z0-9]*))
  | (?P<times>\*)
  | (?P<minus>(?<=\s)-(?=\s))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<sym>(?<![A-Za-z0-9_])[A-Za-z]+(?:'\d+|\d*)(?:_[A-Za-z0-9]+(?:'\d+)?)?(?:\[\d+(?:,\d+)?\])*)
    """,
    re.VERBOSE,
)

_INDEXED2 = re.compile(r"^([A-Za-z]+)\[(\d+)\]\[(\d+)\]$")  # a[1][0]
_LAYERED = re.compile(r"^([A-Za-z]+)(\d+)\[(\d+(?:,\d+)?)\]$")  # W2[0,1], b1[0]
_INDEXED1 = re.compile(r"^([A-Za-z]+)\[(\d+)\]$")  # t[0]
_SUFFIXED = re.compile(r"^([A-Za-z]+)_(.+)$")  # net_h1, v_W2[0,1]
_NUMBERED = re.compile(r"^([A-Za-z]+?)(\d+)$")  # w5, i1
_PRIMED = re.compile(r"^([A-Za-z]+)'(\d+)$")  # w'11 (the tutorial's weights into the output)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _base(name: str) -> str:
    return GREEK.get(name, _e(name))


_SYMBOLS = (  # (pattern, rich text of its groups), the first that matches
    (_INDEXED2, lambda m: f"{_base(m[1])}<sup>[{m[2]}]</sup><sub>{m[3]}</sub>"),
    (_LAYERED, lambda m: f"{_base(m[1])}<sup>{m[2]}</sup><sub>{m[3]}</sub>"),
    (_INDEXED1, lambda m: f"{_base(m[1])}<sub>{m[2]}</sub>"),
    (_SUFFIXED, lambda m: f"{_base(m[1])}<sub>{_e(m[2])}</sub>"),
    (_NUMBERED, lambda m: f"{_base(m[1])}<sub>{m[2]}</sub>"),
    (_PRIMED, lambda m: f"{_base(m[1])}′<sub>{m[2]}</sub>"),
)


def symbol(name: str) -> str:
    """One symbol (``net_h1``, ``W2[0,1]``, ``a[1][0]`` ...) as rich text."""
    for pattern, rich in _SYMBOLS:
        m = pattern.match(name)
        if m:
            return rich(m)
    return _base(name)


_SIGNS = {"arrow": "←", "sqrt": "√(", "times": "·", "minus": "−"}  # tokens written as one sign


def _typeset(text: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(_e(text[pos:m.start()]))
        pos = m.end()
        kind = m.lastgroup
        if m["deriv"]:
            out.append(f"∂{symbol(m['num'])}/∂{symbol(m['den'])}")
        elif kind in _SIGNS:
            out.append(_SIGNS[kind])
        elif m["sum"]:
            out.append(f"Σ<sub>{_e(m['sumidx'])}</sub>")
        elif m["power"]:
            out.append(f"<sup>{_e(m['exp'])}</sup>")
        elif m["number"]:
            out.append(m["number"])
        elif kind == "sym":
            out.append(symbol(m["sym"]))
    out.append(_e(text[pos:]))
    return "".join(out)


def prose(text: str) -> str:
    """Sentences (a lesson's text) as rich text, with the symbols in them typeset as in
    the worked lines (net_h1, dE/dw5, delta_o1, w5 ...); nothing is emphasised."""
    return _typeset(text)


_RESULT = re.compile(r"(\s*)(\S+)(\s+\(.*\))?(\s*)$", re.S)  # value, optional (remark)


def to_html(line: str) -> str:
    """One plain-text worked-arithmetic line as Qt rich text (a fragment, no block tags):
    the result after the last ``=`` in bold, a trailing ``(remark)`` in italics."""
    cut = line.rfind("=")
    if cut < 0:
        return _typeset(line)
    head, tail = line[:cut + 1], line[cut + 1:]
    m = _RESULT.match(tail)
    if m:
        space, value, note, end = m.groups()
    else:  # the result is an expression
        stripped = tail.lstrip()
        space, value, note, end = tail[:len(tail) - len(stripped)], stripped.rstrip(), None, ""
    if not value:
        return _typeset(line)
    remark = ""
    if note:
        body = note.lstrip()
        remark = f"{_e(note[:len(note) - len(body)])}<i>{_typeset(body)}</i>"
    return f"{_typeset(head)}{_e(space)}<b>{_typeset(value)}</b>{remark}{_e(end)}"


_RELATION = re.compile(r" (=|<-) ")


def split(line: str) -> tuple[str, str] | None:
    """A line as (left-hand side, the rest from its first ``=`` or ``<-``), each as rich
    text, for aligning a block of lines on their relations; None for lines without one."""
    m = _RELATION.search(line)
    if not m or not line[:m.start()].strip():
        return None
    return to_html(line[:m.start()]), to_html(line[m.start() + 1:])


_POWER = re.compile(r"(?:(?<=[\d)])|(?<=</sub>))<sup>")


def plain_text(rich: str) -> str:
    """What rich text from this module reads as when copied: the characters shown, with
    ``^`` before a power so that 0.57² does not read as 0.572."""
    return QTextDocumentFragment.fromHtml(_POWER.sub("^<sup>", rich)).toPlainText()
