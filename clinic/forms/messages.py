"""Error messages built from our own text (catalogue labels, units, field labels).

Django %-formats a field's error message with the error's params, and only when the
error has params: DecimalField's "invalid" is raised both with them (for NaN) and
without (for "abc"). A message holding a literal "%" (a unit of %, a label such as
"Body fat %") then either crashes or, escaped as "%%", shows "%%" on the other path.
`literal()` makes the message immune to that formatting on every path.
"""

from typing import Any


class _Literal(str):
    """Text that formatting with params leaves exactly as written."""

    __slots__ = ()

    def __mod__(self, params: Any) -> str:
        return str(self)


def literal(message: str) -> str:
    """The message as shown, whatever params Django formats it with."""
    return _Literal(message)
