"""Findings to ranked suggestions: the rule table (data) and the engine (pure functions)."""
