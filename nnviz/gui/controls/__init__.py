"""The step controller and the learning-rate control."""
