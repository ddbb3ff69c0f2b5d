"""The dockable panels of the window."""
