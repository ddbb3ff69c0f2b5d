"""The computational-graph dock: the drawing (``drawing``) and the panel (``panel``)."""
