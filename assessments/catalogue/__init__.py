"""Every assessment item (code, kind, sides, bounds, choices): pure data, read via `items`."""
