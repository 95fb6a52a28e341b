"""The client handout: its content, the PDF render, downloads, preview and email."""
