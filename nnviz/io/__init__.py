"""Files: the snapshot format (snapshot.py) and tables such as the loss history as CSV (tables.py)."""
