"""nnviz: watch a neural network learn by backpropagation, one small step at a time."""

__version__ = "0.1.0"
