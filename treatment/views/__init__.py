"""The treatment pages: a visit's treatment given, and the clinic's own techniques."""
