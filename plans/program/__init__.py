"""The client's program on their phone (docs/program.md).

- tokens: the private link's token, derived and never stored (pure).
- adherence: sessions done against sessions planned, per exercise and week (pure).
- services: the link made at issue, revoked, superseded; what the phone sends.
- selectors: the link behind a token; a version's program as the client sees it.
- views: the client's page and its sync (no sign-in: the token is the key), the
  therapist's revoke.
"""
