"""The network canvas."""
