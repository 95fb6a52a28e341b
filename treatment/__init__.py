"""Treatment given at a visit: techniques, precautions before hands-on work (issue 18)."""
