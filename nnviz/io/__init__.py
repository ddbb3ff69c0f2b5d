"""Files: the snapshot format (snapshot.py)."""
