"""Input and validation of the clinic domain: clients, staff and branding, shared fields."""
