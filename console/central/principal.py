"""Who is calling the central API (its own module: the token cache and sign-in both need it)."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.model import Role


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the account name, its role and, for a unit account, its unit."""

    name: str
    role: Role
    unit_code: str | None = None
