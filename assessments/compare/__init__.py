"""Two visits side by side: the pure comparison and its page."""
