"""The client's answers before their next visit (docs/program.md "Before your next visit").

- forms: the program page's form (pain now and worst, since the last visit, PSFS scores).
- services: the client's send (their change, no user), the therapist's read and use.
- selectors: what the page's form asks and holds; the answers a visit is offered.
- views: the form's POST (no sign-in: the token is the key).
- offer: the answers offered to the next visit (settings.VISIT_START_OFFERS), and why
  that is an extension point (assessments must not import plans).
- panel: the client page's panel of them.
"""
