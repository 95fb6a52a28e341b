"""Recorded values to normalised findings (code, side, severity, evidence): pure rules."""
