"""The Qt-free translation marker: placeholders filled in one pass, a lookup that the
window installs, English as written without one."""

from __future__ import annotations

import pytest

from nnviz.core import words
from nnviz.core.state import MicroStep
from nnviz.core.words import N_, T_, fill


@pytest.fixture
def lookup():
    """A fake lookup from a table (what the window's QTranslator does), removed afterwards;
    it records what it was asked."""
    asked = []
    table = {("state", "Forward"): "FWD", ("state", "%1 · layer %2 of %3"): "%3>%2 %1",
             ("t", "%n apples"): "%n APPLES (plural form for %n)"}

    def find(context, text, disambiguation, n):
        asked.append((context, text, disambiguation, n))
        return table.get((context, text), "")

    words.install(find, "xx")
    yield asked
    words.install(None)


def test_fill_takes_the_arguments_in_order_in_one_pass():
    assert fill("%2 before %1", "a", "b") == "b before a"
    assert fill("%1 and %1", 3) == "3 and 3"
    assert fill("%1", "%2", "x") == "%2"  # an argument is not filled in again
    assert fill("%1 of %n", 2, n=7) == "2 of 7"
    assert fill("100% and %3", "a") == "100% and %3"  # no such argument: left as it is
    assert fill("%n", "x") == "%n"  # no count given


def test_english_as_written_without_a_lookup():
    assert words.language() == "en"
    assert N_("c", "text") == "text"
    assert T_("explain", "sample %1 of %2", 1, 4) == "sample 1 of 4"
    assert MicroStep(0, "forward", 1).describe(2) == "Forward · layer 1 of 2"


def test_an_installed_lookup_translates_and_may_move_the_placeholders(lookup):
    assert words.language() == "xx"
    assert MicroStep(0, "forward", 1).describe(2) == "2>1 FWD"
    assert T_("t", "%n apples", n=3) == "3 APPLES (plural form for 3)"
    assert ("t", "%n apples", "", 3) in lookup  # the count goes to the lookup: it picks the plural form
    assert T_("t", "not in the table %1", 5) == "not in the table 5"  # no translation: the English
    assert N_("t", "%n apples") == "%n apples"  # marked only


def test_the_languages_are_english_and_one_per_shipped_translation():
    spoken = words.languages()
    assert spoken[0] == "en" and "zh_CN" in spoken
