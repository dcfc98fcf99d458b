"""Request and response shapes, so /openapi.json documents every answer of the API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from console.domain.model import ActionType, Role


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine code, e.g. `illegal_transition`")
    message: str = Field(description="Vietnamese explanation with the reason")


class ReporterOut(BaseModel):
    name: str | None = None
    phone: str | None = None
    email: str | None = None


class MediaOut(BaseModel):
    url: str
    kind: str = "photo"
    caption: str = ""


class ReportOut(BaseModel):
    """A report; `reporter` is absent (not null) for roles that may not see it."""

    id: int
    code: str
    title: str
    description: str
    category: str
    urgency: str
    status: str
    ward: str
    lat: float | None
    lon: float | None
    address: str
    channel: str
    created_at: str
    updated_at: str
    version: int
    unit: str | None
    deadline: str | None
    escalation_level: int
    escalated_at: str | None
    duplicate_of: int | None
    merged_count: int
    media: list[MediaOut]
    rating: int | None
    reject_reason: str | None
    result_text: str | None
    resolved_at: str | None
    extension_deadline: str | None
    extension_reason: str | None
    extended: bool
    views: int
    reporter: ReporterOut | None = Field(default=None, description="Only for contact roles")


class EventOut(BaseModel):
    report_id: int
    at: str
    actor: str
    role: str
    action: str
    from_status: str
    to_status: str
    payload: dict[str, Any]


class ReportWithHistory(ReportOut):
    history: list[EventOut]


class ChangesPage(BaseModel):
    items: list[ReportOut]
    next: str = Field(description="Cursor to pass as `after` for the next page")
    more: bool


class ConflictBody(ErrorBody):
    current: ReportOut


class TokenIn(BaseModel):
    user: str = Field(min_length=1, max_length=128)
    password: str = Field(max_length=1024)


class TokenOut(BaseModel):
    token: str
    role: str
    user: str
    expires_at: str


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: ActionType
    payload: dict[str, Any] = Field(default_factory=dict)
    expected_version: int = Field(ge=1)
    idempotency_key: str = Field(min_length=1, max_length=200)


class ReporterIn(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)


class IntakeIn(BaseModel):
    """A citizen's new report; `photos` asks the demo server to attach generated photos."""

    title: str = Field(min_length=1, max_length=2000)
    description: str = Field(default="", max_length=200_000)
    category: str = Field(min_length=1, max_length=64)
    ward: str = Field(default="", max_length=64)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    address: str = Field(default="", max_length=2000)
    channel: str = Field(default="app", max_length=64)
    urgency: str = Field(default="normal", pattern="^(urgent|normal|complex)$")
    reporter: ReporterIn | None = None
    photos: int = Field(default=0, ge=0, le=6)


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.@-]+$")
    password: str = Field(max_length=1024, description="At least 10 characters")
    role: Role
    unit_code: str | None = Field(
        default=None, max_length=64, description="Required for the unit role, refused otherwise"
    )
    display_name: str = Field(default="", max_length=200)


class AccountOut(BaseModel):
    name: str
    role: Role
    unit_code: str | None
    display_name: str
    active: bool
    created_at: str


class AccountList(BaseModel):
    items: list[AccountOut]


class UserPatch(BaseModel):
    """Only the fields given change; leaving the unit role without a unit_code clears it."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    unit_code: str | None = Field(default=None, max_length=64)
    display_name: str | None = Field(default=None, max_length=200)
    active: bool | None = None


class PasswordIn(BaseModel):
    password: str = Field(max_length=1024, description="At least 10 characters")


class OwnPasswordIn(BaseModel):
    current: str = Field(max_length=1024)
    new: str = Field(max_length=1024, description="At least 10 characters")


class UserOut(BaseModel):
    name: str
    role: str
    unit_code: str | None = None


class HealthOut(BaseModel):
    status: str
    demo: bool
    reports: int
    cursor: str
    database: str = Field(
        description="The database's id: it changes when the database is restored from a backup"
    )
    min_console_version: str | None = Field(
        None,
        description="The oldest console version meant for this central (None: any); "
        "an older console stays read-only",
    )
    installer_url: str | None = Field(
        None, description="Where operators get the console this central needs"
    )
    relay_sender: bool = Field(
        False,
        description="Whether this server process is the one sending the relay's messages "
        "(one process per database sends; the others stand by to take over)",
    )


class ReferenceOut(BaseModel):
    """Categories, units, wards, routing, templates, channels, plus the SLA and escalation rules."""

    model_config = ConfigDict(extra="allow")

    categories: list[dict[str, Any]]
    units: list[dict[str, Any]]
    wards: list[dict[str, Any]]
    sla: dict[str, Any]
    escalation: dict[str, Any]
