"""Keeps program tokens out of the log: Django logs the path of every 4xx and 5xx answer
("Not Found: /p/<token>/"), and a token in a log file is a key to a client's program.
Installed on the console handler (settings LOGGING); replaces what follows /p/ (or
/p/unsubscribe/, a reminder's unsubscribe token) with "…"."""

import logging
import re

TOKEN_PATH = re.compile(r"(/p/(?:unsubscribe/)?)[^/\s\"']+")


def redact(text: str) -> str:
    return TOKEN_PATH.sub(r"\1…", text)


class RedactProgramTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
