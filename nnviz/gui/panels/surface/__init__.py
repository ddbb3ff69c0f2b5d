"""The loss-surface panel, in parts: ``panel`` (the SurfacePanel, which coordinates),
``axes_choice`` (the axes and "train only these two"), ``controls``, ``heatmap``,
``cross_section``, ``eigen_plot``, ``framing`` (the range and the arrow at its edge),
``range_choice`` (fitted, by hand, zoomed; widened), ``section_line`` (the
cross-section's line), ``pointer`` (click and drag the point), ``grids`` (where a grid is computed),
``look_ahead`` (the verdict and the marks), ``first_contact``, ``fork``, ``paths``,
``figure`` (the picture for slides, also ``nnviz surface --out``) and ``dialogs``."""

from nnviz.gui.panels.surface.panel import SurfacePanel

__all__ = ["SurfacePanel"]
