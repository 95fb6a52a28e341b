"""The maintenance area (/admin/): superusers see everything, clinic admins their clinic.

Importing the package registers every model (admin autodiscovery imports it).
"""

from clinic.admin import site, users  # noqa: F401 (registers the models)
