"""Pages of the clinic domain: clients, their lifecycle, staff and branding, passwords."""
