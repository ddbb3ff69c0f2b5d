"""The window: Qt views that subscribe to the core through a Session. No training logic here."""
