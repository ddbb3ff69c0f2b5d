"""Data sets: the samples a network trains on, generated sets, and normalisation."""
