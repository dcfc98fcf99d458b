"""The schema steps of the two local files, frozen as released.

Each step is the DDL of its release, written out, never derived from the live models: a
step made with `metadata.create_all` would give a file created later a column that an
older file never receives. A change to console/store/schema.py therefore comes with a new
step here (ALTER TABLE ...); tests/console/store/test_migrations.py fails until it does.
"""

from __future__ import annotations

from console.store.db import Migration, ddl_step

#: Release 1 of the cache (eb4476c).
CACHE_V1: tuple[str, ...] = (
    """CREATE TABLE audit (
    id INTEGER NOT NULL,
    at VARCHAR(40) NOT NULL,
    actor VARCHAR(128) NOT NULL,
    action VARCHAR(64) NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE meta (
    "key" VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
)""",
    """CREATE TABLE quarantine (
    id INTEGER NOT NULL,
    report_id INTEGER,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL,
    received_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_quarantine_report_id ON quarantine (report_id)",
    """CREATE TABLE reports (
    id INTEGER NOT NULL,
    code VARCHAR(64) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    category VARCHAR(64) NOT NULL,
    ward VARCHAR(64) NOT NULL,
    title TEXT NOT NULL,
    status VARCHAR(32) NOT NULL,
    unit VARCHAR(64),
    deadline VARCHAR(40),
    urgency VARCHAR(16) NOT NULL,
    escalation_level INTEGER NOT NULL,
    lat FLOAT,
    lon FLOAT,
    duplicate_of INTEGER,
    merged_count INTEGER NOT NULL,
    rating INTEGER,
    version INTEGER NOT NULL,
    search_key TEXT NOT NULL,
    rev INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_reports_created_at ON reports (created_at)",
    "CREATE INDEX ix_reports_lat_lon ON reports (lat, lon)",
    "CREATE INDEX ix_reports_rev ON reports (rev)",
    "CREATE INDEX ix_reports_status_deadline ON reports (status, deadline)",
    """CREATE TABLE history (
    id INTEGER NOT NULL,
    report_id INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(report_id) REFERENCES reports (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_history_report_id ON history (report_id)",
)

#: Release 1 of the outbox (eb4476c).
OUTBOX_V1: tuple[str, ...] = (
    """CREATE TABLE outbox (
    id INTEGER NOT NULL,
    report_id INTEGER NOT NULL,
    action_type VARCHAR(32) NOT NULL,
    payload TEXT NOT NULL,
    expected_version INTEGER NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    actor VARCHAR(128) NOT NULL,
    role VARCHAR(32) NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    server_status INTEGER,
    server_code VARCHAR(64),
    current_json TEXT,
    result_json TEXT,
    preview_json TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (idempotency_key)
)""",
    "CREATE INDEX ix_outbox_report_state ON outbox (report_id, state)",
    "CREATE INDEX ix_outbox_state_id ON outbox (state, id)",
)

CACHE_MIGRATIONS: tuple[Migration, ...] = (ddl_step(CACHE_V1),)
OUTBOX_MIGRATIONS: tuple[Migration, ...] = (ddl_step(OUTBOX_V1),)
