"""What nnviz computes about a training run besides the run itself: loss surfaces,
learning-rate sweeps, the chain-rule/proportional comparison, gradient checks, metrics
and the worked arithmetic."""
