"""Writes of the clinic domain, one module per subject; every one audited (`audit`)."""
