"""What the central API does, independent of HTTP: the authority over every report.

Actions go through the same `console.domain.workflow.apply_action` the console uses, so both
sides refuse the same things for the same reasons. A unit account with a unit code acts only
on reports assigned to that unit; one without (the demo `unit` account) acts for every unit,
so a single simulator can play all of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from console.central.db import (
    EventRow,
    IdempotencyRow,
    MediaRow,
    ReportRow,
    next_seq,
    write_transaction,
)
from console.central.errors import ApiError, not_found
from console.central.identity import check_cursor, database_id, read_id
from console.central.principal import Principal
from console.central.relay.outbox import fire_rules
from console.central.report_rows import report_from_row, report_json, report_values
from console.central.schemas import ActionIn, IntakeIn
from console.central.wall_view import mask_detail, wall_json
from console.domain.escalation import EscalationPolicy
from console.domain.model import (
    CONTACT_ROLES,
    ActionType,
    Media,
    Report,
    Reporter,
    Role,
    Status,
    Urgency,
)
from console.domain.reference import Reference
from console.domain.sla import SlaClock
from console.domain.workflow import Context, WorkflowError, apply_action

MAX_PAGE = 5_000
DEFAULT_PAGE = 1_000
REPORTS = ReportRow.__table__


def dumps(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def parse_cursor(raw: str | None) -> int:
    if raw is None or raw == "":
        return 0
    if not raw.isdigit() or len(raw) > 18:
        raise ApiError(400, "bad_cursor", f"Con trỏ đồng bộ «{raw[:40]}» không hợp lệ.")
    return int(raw)


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_PAGE
    if not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, "bad_limit", f"Số bản ghi mỗi trang phải từ 1 đến {MAX_PAGE}.")
    return min(int(raw), MAX_PAGE)


class CentralService:
    def __init__(
        self,
        engine: Engine,
        *,
        demo: bool,
        now: Callable[[], datetime],
        reference: Reference,
        sla: SlaClock,
        escalation: EscalationPolicy,
    ) -> None:
        self.engine = engine
        self.demo = demo
        self.now = now
        self.reference = reference
        self.sla = sla
        self.escalation = escalation
        self.known_units = frozenset(u.code for u in reference.active_units())
        self.known_categories = frozenset(c.code for c in reference.categories)
        self.reference_json: dict[str, Any] = {
            **reference.to_json(),
            "sla": sla.to_json(),
            "escalation": escalation.to_json(),
        }

    @staticmethod
    def view(report: Report, principal: Principal) -> dict[str, Any]:
        """The report as `principal` may see it: no reporter key at all for other roles."""
        return report.to_json(with_reporter=principal.role in CONTACT_ROLES)

    def changes(
        self, principal: Principal, after: str | None, limit: str | None
    ) -> tuple[dict[str, Any], str]:
        """A page of changes and the database's id; an empty page checks that the cursor
        belongs to this database's history (409 cursor_ahead otherwise)."""
        cursor, size = parse_cursor(after), parse_limit(limit)
        contact = principal.role in CONTACT_ROLES
        with self.engine.connect() as conn:
            database = read_id(conn) or database_id(self.engine)
            rows = conn.execute(
                select(REPORTS)
                .where(REPORTS.c.seq > cursor)
                .order_by(REPORTS.c.seq)
                .limit(size + 1)
            ).all()
            if not rows and cursor > 0:
                check_cursor(conn, cursor, database)
        page = rows[:size]
        wall = principal.role is Role.WALL
        body = {
            "items": [
                wall_json(row) if wall else report_json(row, with_reporter=contact) for row in page
            ],
            "next": str(page[-1].seq if page else cursor),
            "more": len(rows) > size,
        }
        return body, database

    def report(self, principal: Principal, report_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(REPORTS).where(REPORTS.c.id == report_id)).first()
            if row is None:
                raise not_found(f"phản ánh số {report_id}")
            events = conn.execute(
                select(EventRow.__table__)
                .where(EventRow.report_id == report_id)
                .order_by(EventRow.at, EventRow.id)
            ).all()
            body = report_json(row, with_reporter=principal.role in CONTACT_ROLES)
            body["history"] = [
                {
                    "report_id": e.report_id,
                    "at": e.at.isoformat().replace("+00:00", "Z"),
                    "actor": e.actor,
                    "role": e.role,
                    "action": e.action,
                    "from_status": e.from_status,
                    "to_status": e.to_status,
                    "payload": json.loads(e.payload or "{}"),
                }
                for e in events
            ]
            if principal.role is Role.WALL:
                mask_detail(conn, row, body, self.reference)
        return body

    def counts(self) -> tuple[int, int]:
        """Number of reports and the latest change number."""
        with self.engine.connect() as conn:
            total, top = conn.execute(select(func.count(), func.max(REPORTS.c.seq))).one()
        return int(total), int(top or 0)

    def media(self, report_id: int, n: int) -> tuple[bytes, str]:
        """A report's n-th picture: stored bytes, else (demo) rendered once and kept."""
        with self.engine.connect() as conn:
            row = conn.execute(select(REPORTS).where(REPORTS.c.id == report_id)).first()
            if row is None:
                raise not_found(f"phản ánh số {report_id}")
            blob = conn.execute(
                select(MediaRow.data, MediaRow.content_type).where(
                    MediaRow.report_id == report_id, MediaRow.n == n
                )
            ).first()
        if blob is not None:
            return blob.data, blob.content_type
        report = report_from_row(row)
        item = next((m for m in report.media if m.url.rstrip("/").endswith(f"/media/{n}")), None)
        if item is None or not self.demo:
            raise not_found(f"ảnh số {n} của phản ánh {report.code}")
        from console.central.demo.photos import render_photo

        data = render_photo(report_id, report.category, item.kind, n)
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(MediaRow).values(
                        report_id=report_id, n=n, content_type="image/jpeg", data=data
                    )
                )
        except IntegrityError:
            pass  # another request rendered the same picture first
        return data, "image/jpeg"

    def _media_list(self, report_id: int, kind: str, count: int, first: int) -> tuple[Media, ...]:
        return tuple(
            Media(url=f"/api/v1/reports/{report_id}/media/{n}", kind=kind)
            for n in range(first, first + count)
        )

    def intake(self, principal: Principal, data: IntakeIn) -> dict[str, Any]:
        """A citizen's new report, status new, with its code "PA-<year>-<number>"."""
        if data.category not in self.known_categories:
            raise ApiError(422, "unknown_category", f"Lĩnh vực «{data.category}» không tồn tại.")
        if data.ward and self.reference.ward(data.ward) is None:
            raise ApiError(422, "unknown_ward", f"Địa bàn «{data.ward}» không tồn tại.")
        if (data.lat is None) != (data.lon is None):
            raise ApiError(
                422, "invalid_location", "Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai."
            )
        if data.photos and not self.demo:
            raise ApiError(422, "photos_demo_only", "Ảnh mẫu chỉ có ở chế độ trình diễn.")
        now = self.now()
        reporter = data.reporter
        with write_transaction(self.engine) as conn:
            seq = next_seq(conn)
            top = conn.execute(select(func.max(REPORTS.c.id))).scalar_one()
            report_id = int(top or 0) + 1
            report = Report(
                id=report_id,
                code=f"PA-{now.year}-{report_id:06d}",
                title=data.title.strip(),
                description=data.description,
                category=data.category,
                urgency=Urgency(data.urgency),
                status=Status.NEW,
                ward=data.ward,
                lat=data.lat,
                lon=data.lon,
                address=data.address,
                channel=data.channel,
                created_at=now,
                updated_at=now,
                media=self._media_list(report_id, "photo", data.photos, 1),
                reporter=Reporter(reporter.name, reporter.phone, reporter.email)
                if reporter is not None
                else None,
            )
            conn.execute(insert(ReportRow).values(**report_values(report), seq=seq))
        return self.view(report, principal)

    def act(self, principal: Principal, report_id: int, action: ActionIn) -> tuple[int, str]:
        """Apply one action; the first answer to an idempotency key is kept and replayed."""
        try:
            with write_transaction(self.engine) as conn:
                return self._act(conn, principal, report_id, action)
        except IntegrityError:
            with self.engine.connect() as conn:
                stored = self._stored_answer(conn, principal, report_id, action.idempotency_key)
            if stored is None:
                raise
            return stored

    def _stored_answer(
        self, conn: Connection, principal: Principal, report_id: int, key: str
    ) -> tuple[int, str] | None:
        stored = conn.execute(
            select(IdempotencyRow.__table__).where(IdempotencyRow.key == key)
        ).first()
        if stored is None:
            return None
        if stored.user_name != principal.name or stored.report_id != report_id:
            raise ApiError(
                422,
                "idempotency_key_reused",
                "Khóa chống lặp này đã dùng cho một thao tác khác; hãy tạo khóa mới.",
            )
        return stored.status_code, stored.body

    def _act(
        self, conn: Connection, principal: Principal, report_id: int, action: ActionIn
    ) -> tuple[int, str]:
        original_id = action.payload.get("duplicate_of")
        ids = [report_id]
        if (
            action.type is ActionType.MERGE
            and type(original_id) is int
            and original_id != report_id
        ):
            ids.append(original_id)
        rows = {
            row.id: row
            for row in conn.execute(
                select(REPORTS)
                .where(REPORTS.c.id.in_(ids))
                .order_by(REPORTS.c.id)
                .with_for_update()
            )
        }
        if report_id not in rows:
            raise not_found(f"phản ánh số {report_id}")
        stored = self._stored_answer(conn, principal, report_id, action.idempotency_key)
        if stored is not None:
            return stored
        status, body = self._decide(conn, principal, rows, report_id, action)
        text = dumps(body)
        conn.execute(
            insert(IdempotencyRow).values(
                key=action.idempotency_key,
                user_name=principal.name,
                report_id=report_id,
                status_code=status,
                body=text,
                at=self.now(),
            )
        )
        return status, text

    def _decide(
        self,
        conn: Connection,
        principal: Principal,
        rows: dict[int, Any],
        report_id: int,
        action: ActionIn,
    ) -> tuple[int, dict[str, Any]]:
        report = report_from_row(rows[report_id])
        if (
            principal.role is Role.UNIT
            and principal.unit_code is not None
            and report.unit != principal.unit_code
        ):
            return 403, {
                "code": "not_your_unit",
                "message": f"Phản ánh {report.code} không được giao cho đơn vị của bạn.",
            }
        if action.expected_version != report.version:
            return 409, {
                "code": "version_conflict",
                "message": f"Phản ánh {report.code} đã được cập nhật (phiên bản {report.version}, "
                f"bạn gửi theo phiên bản {action.expected_version}). Vui lòng xem lại.",
                "current": self.view(report, principal),
            }
        original = None
        if action.type is ActionType.MERGE and isinstance(action.payload.get("duplicate_of"), int):
            original_id = action.payload["duplicate_of"]
            if original_id != report_id:
                if original_id not in rows:
                    return 422, {
                        "code": "invalid_payload",
                        "message": f"Phản ánh gốc số {original_id} không tồn tại.",
                    }
                original = report_from_row(rows[original_id])
                if original.duplicate_of is not None:
                    return 422, {
                        "code": "invalid_payload",
                        "message": f"Phản ánh {original.code} đã được gộp vào phản ánh số "
                        f"{original.duplicate_of}; hãy gộp vào phản ánh đó.",
                    }
        now = self.now()
        ctx = Context(now, self.sla, self.escalation, self.known_units, self.known_categories)
        try:
            updated, event = apply_action(
                report,
                action.type,
                action.payload,
                actor=principal.name,
                role=principal.role,
                ctx=ctx,
            )
        except WorkflowError as error:
            return error.http_status, {"code": error.code, "message": error.message_vi}
        photos = action.payload.get("photos")
        if (
            self.demo
            and action.type is ActionType.RESOLVE
            and type(photos) is int
            and 0 < photos <= 6
        ):
            extra = self._media_list(report_id, "result_photo", photos, len(report.media) + 1)
            updated = updated.replace(media=updated.media + extra)
        seq = next_seq(conn, 2 if original is not None else 1)
        conn.execute(
            update(ReportRow)
            .where(ReportRow.id == report_id)
            .values(**report_values(updated), seq=seq)
        )
        conn.execute(
            insert(EventRow).values(
                report_id=report_id,
                at=event.at,
                actor=event.actor,
                role=event.role.value,
                action=event.action.value,
                from_status=event.from_status.value,
                to_status=event.to_status.value,
                payload=dumps(event.payload),
            )
        )
        if original is not None:
            conn.execute(
                update(ReportRow)
                .where(ReportRow.id == original.id)
                .values(merged_count=ReportRow.merged_count + 1, updated_at=now, seq=seq + 1)
            )
        if updated.status is Status.PUBLISHED and report.status is not Status.PUBLISHED:
            fire_rules(conn, report_id, self.reference, now)
        return 200, self.view(updated, principal)
