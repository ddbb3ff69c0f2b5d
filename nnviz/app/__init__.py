"""The application layer, free of Qt: the Session (the window's model, every command goes
through it), its follower runs (fork, race) and the job runner for background work."""
