"""`paht-console db upgrade|current`: the central database's schema revision (Alembic)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from console.config import SettingsError


@contextlib.contextmanager
def schema_refusals() -> Iterator[None]:
    """A database whose schema does not fit this code is the operator's to fix: "Lỗi: ..."."""
    from console.central.migrate import SchemaError

    try:
        yield
    except SchemaError as exc:
        raise SettingsError(str(exc)) from exc


def db_command(action: str, db_url: str) -> int:
    """Upgrade to head, or print the revision; `current` exits 1 when an upgrade is due;
    `new-identity` (after a restore) makes consoles rebuild their caches."""
    from console.central.db import Base, connect, make_engine
    from console.central.migrate import UPGRADE_COMMAND, schema_state

    if action == "new-identity":
        return _new_identity(db_url)
    engine = connect(db_url)
    try:
        with engine.connect() as conn:
            before = schema_state(conn, Base.metadata)
    finally:
        engine.dispose()
    was = before.label
    if action == "current":
        if not before.known:
            print(f"Lược đồ cơ sở dữ liệu: {was}, mới hơn phần mềm này (nó biết đến {before.head})")
            return 2
        if before.up_to_date:
            print(f"Lược đồ cơ sở dữ liệu: {was} (mới nhất)")
            return 0
        print(f"Lược đồ cơ sở dữ liệu: {was}; phần mềm này cần {before.head}: {UPGRADE_COMMAND}")
        return 1
    with schema_refusals():
        make_engine(db_url).dispose()
    if before.up_to_date:
        print(f"Lược đồ cơ sở dữ liệu đã ở phiên bản mới nhất ({before.head}).")
    else:
        print(f"Đã nâng cấp lược đồ cơ sở dữ liệu: {was} → {before.head}.")
    return 0


def _new_identity(db_url: str) -> int:
    from console.central.db import make_engine
    from console.central.identity import renew_id

    with schema_refusals():
        engine = make_engine(db_url)
    try:
        fresh = renew_id(engine)
    finally:
        engine.dispose()
    print(
        f"Cơ sở dữ liệu trung tâm có định danh mới: {fresh}. Các máy trạm sẽ xây dựng lại "
        "bộ nhớ đệm ở lần đồng bộ tới."
    )
    return 0
