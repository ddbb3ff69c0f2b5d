"""Lesson files: one TOML file per lesson in ``resources/lessons/``, read and checked.

TOML (``tomllib``, in the standard library since Python 3.11) rather than JSON because a
lesson is mostly prose: multi-line strings need no escaped newlines, a teacher can leave
comments, and a parse error names its line. ``docs/lessons.md`` describes the format::

    title = "One training iteration"
    summary = "The worked example, one micro-step at a time."

    [[steps]]
    title = "Forward, layer 1"
    text = '''
    Press Next once. out_h1 = {out:h1}; the tutorial prints 0.593269992.
    '''
    task = "Press Next once"                          # optional
    setup = { preset = "mazur", dock = "inspector", highlight = "next" }
    check = { kind = "reached", phase = "forward", layer = 1 }
    zh_CN.title = "前向传播，第 1 层"                  # the same step in Simplified Chinese
    zh_CN.text = '''
    按一次“下一步”。out_h1 = {out:h1}；教程给出的是 0.593269992。
    '''

Translations live beside the English, in the same file, so that whoever changes one
sees the other: a table named after the language (``zh_CN``, ``de``, ``pt_BR``) in the
lesson (``title``, ``summary``) and in each step (``title``, ``text``, ``task``). A field
left out is shown in English; a translated text must quote the same live numbers.
A file is named ``NN-name.toml``: NN orders the lessons, ``name`` is what ``nnviz
--lesson`` takes. Everything is checked when the file is read; a bad file gives one line
naming the file, the line and the field (``LessonError``), and the other files still load.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from importlib.resources import files
from importlib.resources.abc import Traversable

from nnviz.app.lessons import checks, quantities
from nnviz.core import losses, optimizers, presets
from nnviz.core.trainer import BACKPROP_MODES, Schedule, parse_batch
from nnviz.core.words import T_, SOURCE_LANGUAGE

# What a set-up can open and point at; the window maps each name to a dock or a widget.
DOCKS = ("controls", "inspector", "graph", "loss", "surface", "training", "boundary", "compare", "confusion")
CONTROLS = ("next", "back", "play", "reset", "finish_phase", "finish_iteration", "rate", "speed",
            "zeros", "large", "restore", "sweep", "race", "fork", "optimizer", "batch", "loss_function",
            "backprop", "schedule", "stop_loss", "stop_iterations", "check_gradient", "next_node")
SETTINGS = ("batch", "optimizer", "optimizer_params", "loss", "backprop", "shuffle", "schedule")
FILE_NAME = re.compile(r"^(\d{2})-([a-z0-9][a-z0-9-]*)\.toml$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")  # a table of translations: zh_CN, de, pt_BR
LESSON_TEXTS = ("title", "summary")  # what a lesson's translation table may hold
STEP_TEXTS = ("title", "text", "task")  # ... and a step's
MAX_STEPS = 30


class LessonError(ValueError):
    """A lesson file that cannot be used: one line naming the file, the line and the field."""


@dataclass(frozen=True)
class SetUp:
    """What a step arranges before the user acts (every part optional)."""

    preset: str | None = None  # load this preset (a new network: the run starts over)
    seed: int | None = None  # ... drawn with this seed
    settings: dict = field(default_factory=dict)  # Trainer settings (Session.configure)
    rate: float | None = None  # the learning rate
    stop_rules: dict | None = None  # {"until_loss": x, "max_iterations": n}; a missing one is off
    reset: bool = False  # back to the initial weights, without a fork
    select: str | None = None  # select this parameter on the canvas
    dock: str | None = None  # show and raise this dock
    highlight: str | None = None  # point at this control


@dataclass(frozen=True)
class Check:
    kind: str
    params: dict

    def describe(self) -> str:
        return checks.PREDICATES[self.kind].describe(self.params)


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    setup: SetUp
    checks: tuple[Check, ...]  # all must hold; none: the step is read, not done
    task: str = ""  # one line: what to do (else made from the checks)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> field -> text

    @property
    def goal(self) -> str:
        if self.task:
            return self.task
        goal = ""
        for c in self.checks:
            goal = T_("format", "%1; %2", goal, c.describe()) if goal else c.describe()
        return goal


@dataclass(frozen=True)
class Lesson:
    name: str
    number: int
    title: str
    summary: str
    steps: tuple[Step, ...]
    source: str  # the file name
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> field -> text

    def in_language(self, language: str) -> Lesson:
        """The lesson with its texts in ``language`` where the file has them (English elsewhere)."""
        if language == SOURCE_LANGUAGE:
            return self
        steps = tuple(replace(s, **s.translations.get(language, {})) for s in self.steps)
        return replace(self, steps=steps, **self.translations.get(language, {}))


# ==================================================================== reading
def parse(text: str, source: str) -> Lesson:
    """The lesson in ``text`` (the contents of the file ``source``); LessonError if bad."""
    m = FILE_NAME.match(source)
    if not m:
        raise LessonError(T_("LessonError", "%1: file name: expected NN-name.toml (two digits, a dash, a name of "
                             "lower-case letters, digits and dashes)", source))
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column \d+\)$", message)
        if where:
            raise LessonError(T_("LessonError", "%1, line %2: not valid TOML: %3", source, where[1],
                                 message[:where.start()].strip())) from None
        raise LessonError(T_("LessonError", "%1: not valid TOML: %2", source, message)) from None
    try:
        return _lesson(doc, source, m)
    except _FieldError as exc:
        line = _line_of(text, exc.path)
        raise LessonError(f"{source}{f', line {line}' if line else ''}: {exc.field}: {exc.what}") from None


def load(resource: Traversable) -> Lesson:
    """One lesson file (a path or an ``importlib.resources`` entry)."""
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(T_("LessonError", "%1: cannot be read: %2", resource.name, exc)) from None
    return parse(text, resource.name)


@dataclass
class Library:
    """Every lesson that loaded, in order, and one line for each file that did not
    (``broken``: those lines by the lesson's name and number, where the file name has them)."""

    lessons: list[Lesson]
    errors: list[str]
    broken: dict[str, str] = field(default_factory=dict)

    def problem(self, name: str) -> str | None:
        """Why the lesson ``name`` (or number) did not load, if its file is there."""
        return self.broken.get(name) or self.broken.get(name.lstrip("0") or "0")

    def find(self, name: str) -> Lesson | None:
        """The lesson called ``name`` (or numbered ``name``: '2', '02')."""
        for lesson in self.lessons:
            if name in (lesson.name, str(lesson.number), f"{lesson.number:02d}"):
                return lesson
        return None

    def names(self) -> list[str]:
        return [lesson.name for lesson in self.lessons]


def library(folder: Traversable | None = None, language: str = SOURCE_LANGUAGE) -> Library:
    """The lessons in ``folder`` (default: the ones nnviz ships, ``resources/lessons``), with
    their texts in ``language`` where they have them."""
    folder = folder if folder is not None else files("nnviz.resources").joinpath("lessons")
    lessons, errors, broken = [], [], {}
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    for entry in entries:
        try:
            lessons.append(load(entry).in_language(language))
        except LessonError as exc:
            errors.append(str(exc))
            m = FILE_NAME.match(entry.name)
            if m:
                broken[m[2]] = broken[str(int(m[1]))] = str(exc)
    seen: dict[str, str] = {}
    for lesson in list(lessons):
        for key in (lesson.name, lesson.number):
            if key in seen:
                errors.append(f"{lesson.source}: file name: the {'name' if isinstance(key, str) else 'number'} "
                              f"{key} is taken by {seen[key]}")
                lessons.remove(lesson)
                break
        else:
            seen[lesson.name] = seen[lesson.number] = lesson.source
    return Library(lessons, errors, broken)


# ================================================================== checking
class _FieldError(Exception):
    def __init__(self, path: tuple, what: str) -> None:
        super().__init__(what)
        self.path, self.what = path, what

    @property
    def field(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


def _text(doc: dict, key: str, path: tuple, required: bool = True) -> str:
    value = doc.get(key)
    if value is None:
        if required:
            raise _FieldError(path + (key,), T_("LessonError", "missing: expected text"))
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _FieldError(path + (key,), T_("LessonError", "expected text, got %1", repr(value)))
    return value.strip()


def _unknown(doc: dict, known: tuple, path: tuple, languages: bool = False) -> None:
    for key in doc:
        if key not in known and not (languages and LANGUAGE.match(key) and isinstance(doc[key], dict)):
            raise _FieldError(path + (key,), T_("LessonError", "unknown field; expected one of %1, or a language such "
                                                "as zh_CN.title", ", ".join(known)) if languages else
                              T_("LessonError", "unknown field; expected one of %1", ", ".join(known)))


def _translations(doc: dict, fields: tuple, path: tuple, english: dict[str, str]) -> dict[str, dict[str, str]]:
    """The language tables of ``doc`` (a lesson or a step): language -> field -> text. A
    translated text must quote the live numbers that the English one quotes."""
    out = {}
    for key, table in doc.items():
        if not (LANGUAGE.match(key) and isinstance(table, dict)):
            continue
        if key == SOURCE_LANGUAGE:
            raise _FieldError(path + (key,), T_("LessonError", "the English texts are the plain fields (title, "
                                                "text …)"))
        _unknown(table, fields, path + (key,))
        texts = {}
        for name in table:
            texts[name] = _text(table, name, path + (key,))
            if name == "task":
                texts[name] = " ".join(texts[name].split())
            if name == "text":
                texts[name] = _same_numbers(texts[name], english.get("text", ""), path + (key, name))
        out[key] = texts
    return out


def _same_numbers(text: str, english: str, path: tuple) -> str:
    try:
        have = set(quantities.placeholders(text))
    except ValueError as exc:
        raise _FieldError(path, str(exc)) from None
    want = set(quantities.placeholders(english))
    if have != want:
        missing, extra = sorted(map(_quoted, want - have)), sorted(map(_quoted, have - want))
        parts = [f"missing {', '.join(missing)}"] * bool(missing)
        parts += [f"not in the English: {', '.join(extra)}"] * bool(extra)
        raise _FieldError(path, "the live numbers differ from the English text's: " + "; ".join(parts))
    return text


def _quoted(quantity: tuple[str, str | None]) -> str:
    name, arg = quantity
    return "{" + name + (f":{arg}" if arg else "") + "}"


def _lesson(doc: dict, source: str, m: re.Match) -> Lesson:
    _unknown(doc, ("title", "summary", "steps"), (), languages=True)
    title = _text(doc, "title", ())
    summary = _text(doc, "summary", (), required=False)
    translations = _translations(doc, LESSON_TEXTS, (), {})
    steps = doc.get("steps")
    if not isinstance(steps, list) or not steps:
        raise _FieldError(("steps",), T_("LessonError", "expected at least one [[steps]] table"))
    if len(steps) > MAX_STEPS:
        raise _FieldError(("steps",), T_("LessonError", "at most %1 steps, got %2", MAX_STEPS, len(steps)))
    parsed = []
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            raise _FieldError(("steps", i), T_("LessonError", "expected a table"))
        parsed.append(_step(step, ("steps", i)))
    return Lesson(m[2], int(m[1]), title, summary, tuple(parsed), source, translations)


def _step(doc: dict, path: tuple) -> Step:
    _unknown(doc, ("title", "text", "task", "setup", "check"), path, languages=True)
    title = _text(doc, "title", path)
    text = _text(doc, "text", path)
    try:
        quantities.placeholders(text)
    except ValueError as exc:
        raise _FieldError(path + ("text",), str(exc)) from None
    task = " ".join(_text(doc, "task", path, required=False).split())
    translations = _translations(doc, STEP_TEXTS, path, {"text": text})
    setup = _setup(doc.get("setup", {}), path + ("setup",))
    raw = doc.get("check", [])
    raw = [raw] if isinstance(raw, dict) else raw
    if not isinstance(raw, list):
        raise _FieldError(path + ("check",), T_("LessonError", "expected a table { kind = ... } or a list of them"))
    found = []
    for k, check in enumerate(raw):
        where = path + ("check",) + ((k,) if len(raw) > 1 else ())
        if not isinstance(check, dict):
            raise _FieldError(where, T_("LessonError", "expected a table { kind = ... }"))
        params = dict(check)
        kind = params.pop("kind", None)
        if not isinstance(kind, str):
            raise _FieldError(where + ("kind",), T_("LessonError", "missing: expected one of %1",
                                                    ', '.join(checks.PREDICATES)))
        try:
            found.append(Check(kind, checks.check_params(kind, params)))
        except ValueError as exc:
            name, _, what = str(exc).partition(": ")
            raise _FieldError(where + (name,), what) from None
    return Step(title, text, setup, tuple(found), task, translations)


def _setup(doc, path: tuple) -> SetUp:
    if not isinstance(doc, dict):
        raise _FieldError(path, T_("LessonError", "expected a table { preset = ..., rate = ..., ... }"))
    _unknown(doc, tuple(SetUp.__dataclass_fields__), path)
    out: dict = {}
    for key in ("preset", "select", "dock", "highlight"):
        if key in doc:
            value = doc[key]
            if not isinstance(value, str) or not value:
                raise _FieldError(path + (key,), T_("LessonError", "expected text, got %1", repr(value)))
            choices = {"preset": presets.names(), "dock": DOCKS, "highlight": CONTROLS}.get(key)
            if choices is not None and value not in choices:
                raise _FieldError(path + (key,), T_("LessonError", "expected one of %1, got %2", ', '.join(choices),
                                                    repr(value)))
            out[key] = value
    if "seed" in doc:
        if "preset" not in doc:
            raise _FieldError(path + ("seed",), T_("LessonError", "a seed goes with a preset"))
        if isinstance(doc["seed"], bool) or not isinstance(doc["seed"], int) or doc["seed"] < 0:
            raise _FieldError(path + ("seed",), T_("LessonError", "expected a whole number >= 0, got %1",
                                                   repr(doc['seed'])))
        out["seed"] = doc["seed"]
    if "rate" in doc:
        out["rate"] = _positive(doc["rate"], path + ("rate",))
    if "reset" in doc:
        if not isinstance(doc["reset"], bool):
            raise _FieldError(path + ("reset",), T_("LessonError", "expected true or false, got %1",
                                                    repr(doc['reset'])))
        out["reset"] = doc["reset"]
    if "settings" in doc:
        out["settings"] = _settings(doc["settings"], path + ("settings",))
    if "stop_rules" in doc:
        out["stop_rules"] = _stop_rules(doc["stop_rules"], path + ("stop_rules",))
    return SetUp(**out)


def _positive(value, path: tuple) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (math.isfinite(value) and value > 0):
        raise _FieldError(path, T_("LessonError", "expected a positive number, got %1", repr(value)))
    return float(value)


def _settings(doc, path: tuple) -> dict:
    if not isinstance(doc, dict):
        raise _FieldError(path, T_("LessonError", "expected a table such as { batch = \"online\", loss = \"mse\" }"))
    _unknown(doc, SETTINGS, path)
    for key, value in doc.items():
        try:
            _check_setting(key, value, doc)
        except (ValueError, TypeError) as exc:
            raise _FieldError(path + (key,), str(exc)) from None
    return dict(doc)


def _check_setting(key: str, value, doc: dict) -> None:
    """ValueError unless ``value`` is a value the Trainer takes for ``key``."""
    choices = {"loss": tuple(losses.LOSSES), "backprop": BACKPROP_MODES}.get(key)
    if choices is not None and value not in choices:
        raise ValueError(T_("LessonError", "expected one of %1, got %2", ', '.join(choices), repr(value)))
    if key == "batch":
        parse_batch(value)
    elif key == "optimizer":
        optimizers.create(value)
    elif key == "optimizer_params":
        if not isinstance(value, dict):
            raise ValueError(T_("LessonError", "expected a table such as { momentum = 0.9 }, got %1", repr(value)))
        optimizers.create(doc.get("optimizer", "sgd"), **value)
    elif key == "shuffle" and not isinstance(value, bool):
        raise ValueError(T_("LessonError", "expected true or false, got %1", repr(value)))
    elif key == "schedule":
        if not isinstance(value, dict):
            raise ValueError(T_("LessonError", "expected a table such as { kind = \"step\", step_size = 50 }, got %1",
                                repr(value)))
        Schedule(**value)


def _stop_rules(doc, path: tuple) -> dict:
    if not isinstance(doc, dict):
        raise _FieldError(path, T_("LessonError", "expected a table { until_loss = 0.001, max_iterations = 1000 }"))
    _unknown(doc, ("until_loss", "max_iterations"), path)
    out = {"until_loss": None, "max_iterations": None}
    if "until_loss" in doc:
        out["until_loss"] = _positive(doc["until_loss"], path + ("until_loss",))
    if "max_iterations" in doc:
        n = doc["max_iterations"]
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise _FieldError(path + ("max_iterations",), T_("LessonError", "expected a whole number >= 1, got %1",
                                                             repr(n)))
        out["max_iterations"] = n
    return out


# ======================================================== where in the file
_STEP_HEADER = re.compile(r"^\s*\[\[\s*steps\s*\]\]")


def _line_of(text: str, path: tuple) -> int | None:
    """The line (1-based) that holds the field at ``path``, as well as it can be found:
    the step's own lines are searched for each key of the path in turn."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    headers = [i for i, line in enumerate(lines) if _STEP_HEADER.match(line)]
    keys = list(path)
    if keys[:1] == ["steps"]:
        keys.pop(0)
        if keys and isinstance(keys[0], int):
            k = keys.pop(0)
            if k >= len(headers):
                return None
            start = headers[k]
            end = headers[k + 1] if k + 1 < len(headers) else len(lines)
        elif headers:
            return headers[0] + 1
    elif headers:
        end = headers[0]
    if path == ("steps",) and not headers:
        return None
    found = start + 1 if path[:1] == ("steps",) else None
    pos = start
    keys = [k for k in keys if not isinstance(k, int)]
    k = 0
    while k < len(keys):
        # a dotted key (zh_CN.text = ...) first, then the key alone
        names = [keys[k:k + 2], keys[k:k + 1]] if k + 1 < len(keys) else [keys[k:k + 1]]
        for name in names:
            dotted = r"\s*\.\s*".join(re.escape(part) for part in name)
            pattern = re.compile(rf"(^|[\s{{,.\[])({dotted})\s*(=|\]|\.)")
            hit = next((i for i in range(pos, end) if pattern.search(lines[i])), None)
            if hit is not None:
                found, pos = hit + 1, hit
                k += len(name) - 1
                break
        k += 1
    return found
