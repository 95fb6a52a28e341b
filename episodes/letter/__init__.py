"""The progress letter to the referring doctor: what it says (`outcomes`, `context`) and
its PDF (`render`), laid out like the client handout (docs/episodes.md, "Progress letter")."""
