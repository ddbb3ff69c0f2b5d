"""The loss-surface panel, in parts: ``panel`` (the SurfacePanel, which coordinates),
``controls``, ``heatmap``, ``cross_section``, ``grids`` (where a grid is computed),
``look_ahead`` (the verdict and the critical rate), ``paths`` and ``dialogs``."""

from nnviz.gui.panels.surface.panel import SurfacePanel

__all__ = ["SurfacePanel"]
