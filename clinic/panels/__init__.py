"""Sections other apps add to the client page, and the cache that keeps them rendered."""
