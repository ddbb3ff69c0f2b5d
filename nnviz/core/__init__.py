"""The NumPy engine of nnviz: network, activations, losses, optimizers, the step machine.

Nothing here imports Qt: the core is observable through plain-Python signals and knows
nothing of who listens.
"""

from nnviz.core.data.datasets import Dataset
from nnviz.core.network import Network, Param
from nnviz.core.trainer import MicroStep, RunResult, Trainer, TrainingError

__all__ = ["Dataset", "MicroStep", "Network", "Param", "RunResult", "Trainer", "TrainingError"]
