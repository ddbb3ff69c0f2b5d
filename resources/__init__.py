"""Icons and sample files that ship with nnviz (installed as the package ``nnviz.resources``)."""
