"""Typed errors of the domain, so callers branch on types, never on message text."""

from __future__ import annotations


class WerkplekError(Exception):
    """Base of every error Werkplek raises on purpose."""


class OrganisationError(WerkplekError):
    """The organisation file is wrong; `key` names the offending key."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"organisation file: {key}: {problem}")
        self.key = key
        self.problem = problem


class ConfigurationError(WerkplekError):
    """An environment setting is wrong; `name` is the variable."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class ConcurrentChange(WerkplekError):
    """Someone else changed the same day at the same moment; reload and try again."""


class StorageUnavailable(WerkplekError):
    """Table storage did not answer in time; nothing was written."""
