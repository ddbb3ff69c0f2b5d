"""Lessons: the tutorials' exercises as data (``resources/lessons/*.toml``), checked
against the Session's events, free of Qt.

- ``format``: the file format, read and checked (``library()``, ``LessonError``)
- ``checks``: the named predicates a step's check is made of
- ``quantities``: the live numbers a step's text quotes and its checks test
- ``player``: the lesson under way, its step, its ticks and the progress kept between runs
"""
