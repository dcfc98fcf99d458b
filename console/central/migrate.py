"""Bringing a central database to this code's schema revision (Alembic, console/central/migrations).

Opening a database decides from what it holds:
- no table of ours: create_all and stamp head (fast: tests open hundreds of fresh databases);
- our tables but no alembic_version (release 1, before migrations): stamp its revision, upgrade;
- behind head: upgrade when allowed, else SchemaError naming both revisions and the command;
- a revision this code does not know (a newer release wrote it): SchemaError, nothing touched.
On PostgreSQL an advisory lock serialises servers that start at the same moment.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from importlib import resources

# Alembic says INFO for each plugin it loads (on import) and each context it opens; this module
# logs the upgrades themselves. Set before the import, or the first lines already went out.
logging.getLogger("alembic").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import Connection, Engine, MetaData, inspect, text  # noqa: E402

log = logging.getLogger(__name__)

UPGRADE_COMMAND = "paht-console db upgrade"
#: Any constant shared by every server process; pg_advisory_lock's key for schema changes.
_LOCK_KEY = 0x50414854


class SchemaError(Exception):
    """The database's schema revision does not fit this code; the message says what to do."""


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds: `current` is None for an empty or pre-migration database."""

    current: str | None
    head: str
    has_tables: bool
    #: False for a revision this code does not have (a newer release wrote it).
    known: bool

    @property
    def up_to_date(self) -> bool:
        return self.has_tables and self.current == self.head

    @property
    def label(self) -> str:
        """The revision as the operator reads it."""
        if self.current is not None:
            return self.current
        return "trước khi có migration" if self.has_tables else "trống"


def alembic_config(connection: Connection | None = None) -> Config:
    """The configuration `alembic` would read from an alembic.ini, built in code (works from
    an installed wheel)."""
    config = Config()
    location = resources.files("console.central") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def schema_state(conn: Connection, metadata: MetaData) -> SchemaState:
    """Read the database's revision without changing anything (`metadata`: the models)."""
    ours = set(metadata.tables)
    has_tables = bool(ours & set(inspect(conn).get_table_names()))
    current = MigrationContext.configure(conn).get_current_revision()
    known = current is None or current in {s.revision for s in _scripts().walk_revisions()}
    return SchemaState(current, head_revision(), has_tables, known)


def _where(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=True)


def _refuse_unknown(conn: Connection, state: SchemaState) -> None:
    if not state.known:
        raise SchemaError(
            f"Cơ sở dữ liệu trung tâm {_where(conn)} ở phiên bản lược đồ {state.current}, "
            f"mới hơn phần mềm này (phiên bản mới nhất nó biết: {state.head}): có lẽ một phiên "
            "bản PAHT Console mới hơn đã nâng cấp nó. Không thay đổi gì; hãy dùng phiên bản "
            "phần mềm mới hơn."
        )


def _refuse_behind(conn: Connection, state: SchemaState) -> None:
    raise SchemaError(
        f"Cơ sở dữ liệu trung tâm {_where(conn)} ở phiên bản lược đồ {state.label}, phần mềm này "
        f"cần phiên bản {state.head}. Hãy nâng cấp trước: {UPGRADE_COMMAND} --db <địa chỉ>."
    )


def _release_1_revision(conn: Connection) -> str:
    """The revision a database from before migrations is at: release 1's create_all, or a
    development build's that already made users.active (commit 2c34361)."""
    columns = {column["name"] for column in inspect(conn).get_columns("users")}
    return "0002" if "active" in columns else "0001"


def _bring_to_head(conn: Connection, metadata: MetaData, upgrade: bool) -> None:
    state = schema_state(conn, metadata)
    _refuse_unknown(conn, state)
    if state.up_to_date:
        return
    if not upgrade:
        _refuse_behind(conn, state)
    context = MigrationContext.configure(conn)
    if not state.has_tables:
        metadata.create_all(conn)
        context.stamp(_scripts(), state.head)
        return
    if state.current is None:
        context.stamp(_scripts(), _release_1_revision(conn))
    log.info("Nâng cấp lược đồ cơ sở dữ liệu trung tâm: %s → %s", state.label, state.head)
    command.upgrade(alembic_config(conn), state.head)


#: Around the work, per dialect: PostgreSQL serialises servers starting together; SQLite
#: must not cascade-delete rows (tokens) when batch mode rebuilds a table (users).
_AROUND = {
    "postgresql": ("SELECT pg_advisory_lock(:key)", "SELECT pg_advisory_unlock(:key)"),
    "sqlite": ("PRAGMA foreign_keys=OFF", "PRAGMA foreign_keys=ON"),
}


def prepare_schema(engine: Engine, metadata: MetaData, *, upgrade: bool = True) -> None:
    """Bring `engine`'s database to head (see the module's docstring), in one transaction;
    `metadata` (console.central.db's models) is what an empty database gets."""
    with engine.connect() as conn:
        before, after = _AROUND.get(conn.dialect.name, ("", ""))
        if before:
            conn.execute(text(before), {"key": _LOCK_KEY})
            conn.commit()
        try:
            with conn.begin():
                _bring_to_head(conn, metadata, upgrade)
        finally:
            if after:
                conn.execute(text(after), {"key": _LOCK_KEY})
                conn.commit()
