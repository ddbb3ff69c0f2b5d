"""Widgets shared by the views: palette, icons, formula typesetting."""
