"""Modal dialogs: data, network editor, learning-rate sweep."""
