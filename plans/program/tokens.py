"""The program link's token: 256 bits, derived from the link's random salt with the site's
secret key (HMAC-SHA256), so the database holds no token and a handout can be re-rendered
with the same QR code. Only the token's SHA-256 digest is stored, to find the link.

Changing SECRET_KEY ends every program link (docs/program.md). Pure Python: no Django
but for the key, passed in.
"""

import base64
import hashlib
import hmac
import secrets

PURPOSE = b"hipplan program link:"
# A reminder's one-click unsubscribe token: the same recipe under another purpose, so it
# never equals a link's token and opens nothing but the unsubscribe page.
UNSUBSCRIBE = b"hipplan reminder unsubscribe:"


def new_salt() -> str:
    """128 random bits, hex: the link's own part of its token."""
    return secrets.token_hex(16)


def token_for(salt: str, secret: str, purpose: bytes = PURPOSE) -> str:
    """The link's token (or another purpose's): 43 URL-safe characters (256 bits)."""
    mac = hmac.new(secret.encode(), purpose + salt.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def digest_of(token: str) -> str:
    """What is stored and looked up: any text gives a digest, so a guessed, truncated or
    malformed token costs the same lookup as a real one."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
