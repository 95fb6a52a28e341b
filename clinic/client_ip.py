"""The client's network address as login throttling should see it, behind trusted proxies.

django-axes locks a (username, address) pair out after too many wrong passwords
(settings.py, the AXES block) and asks `client_ip_address` for the address
(AXES_CLIENT_IP_CALLABLE). Behind a TLS-terminating proxy every request's REMOTE_ADDR is
the proxy's own, so without this the lockout would be per username only, and one
attacker's guesses would lock that username out for the whole clinic.

Where the address comes from:

- With no trusted proxy (TRUSTED_PROXY_COUNT = 0, the default) it is REMOTE_ADDR, the
  peer of the TCP connection, which a client cannot choose. X-Forwarded-For is ignored,
  because without a proxy in front anyone can send that header with any value.
- With N trusted proxies it is the N-th entry from the right of X-Forwarded-For. Each
  proxy appends the address it received the request from, so the rightmost N entries
  were written by our own proxies and the N-th of them is the address the outermost
  proxy saw: the client. Everything further left arrived in the client's own request,
  so it is forgeable. The common "take the leftmost entry" would let an attacker send
  a fresh made-up address with every guess and never be locked out, so it is never read.
- If the header holds fewer than N entries, or the chosen entry is not a valid IPv4 or
  IPv6 address (a port, a name, an empty entry, garbage), the proxy chain is not what the
  deployment described, so REMOTE_ADDR is used: that errs towards throttling more (per
  username) and never towards trusting a value the client wrote.

A chosen address is normalised (`ipaddress` compressed form; an IPv4-mapped IPv6 address
becomes its IPv4 form) so that one client's spellings count as one address.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def forwarded_client_address(
    remote_addr: str | None, forwarded_for: str | None, trusted_proxies: int
) -> str | None:
    """The client's address given REMOTE_ADDR, the X-Forwarded-For value and the proxy count.

    Pure, so the rules above are tested without requests or settings.
    """
    if trusted_proxies <= 0 or forwarded_for is None:
        return remote_addr
    entries = [entry.strip() for entry in forwarded_for.split(",")]
    if len(entries) < trusted_proxies:
        return remote_addr
    chosen = entries[-trusted_proxies]
    try:
        address = ipaddress.ip_address(chosen)
    except ValueError:
        return remote_addr
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.compressed
    return address.compressed


def client_ip_address(request: HttpRequest) -> str | None:
    """What django-axes calls (AXES_CLIENT_IP_CALLABLE) with the request being signed in.

    The proxy count is read per call, from settings.TRUSTED_PROXY_COUNT
    (DJANGO_TRUSTED_PROXY_COUNT), so a test can change it with override_settings.
    """
    return forwarded_client_address(
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_X_FORWARDED_FOR"),
        settings.TRUSTED_PROXY_COUNT,
    )
