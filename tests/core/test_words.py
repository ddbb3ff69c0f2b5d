"""The Qt-free translation marker: placeholders filled in one pass, a lookup that the
window installs, English as written without one."""

from __future__ import annotations

import json
import pickle

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


def test_a_message_is_english_and_shown_in_the_language_in_use(lookup):
    """A Message is its English text (what a file keeps), and shows in the language in use,
    its arguments too, even when it was made before the language was chosen."""
    inner = words.Message("state", "Forward")
    m = words.Message("state", "%1 · layer %2 of %3", inner, 1, 2)
    assert m == "Forward · layer 1 of 2" and isinstance(m, str)
    assert m.shown() == words.shown(m) == "2>1 FWD"
    assert words.shown("read from a file") == "read from a file"  # not a Message: as it is
    assert json.loads(json.dumps({"m": m})) == {"m": "Forward · layer 1 of 2"}
    again = pickle.loads(pickle.dumps(m))
    assert again == m and again.shown() == "2>1 FWD"
    counted = words.Message("t", "%n apples", n=3)
    assert counted == "3 apples" and counted.shown() == "3 APPLES (plural form for 3)"


def test_a_message_shows_its_english_without_a_lookup():
    m = words.Message("Trainer", "%1 at iteration %2", words.Message("Trainer", "the loss exploded to %1", "1e+09"), 3)
    assert m.shown() == m == "the loss exploded to 1e+09 at iteration 3"
