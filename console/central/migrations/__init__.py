"""Alembic revisions of the central database (versions/, hand-written; env.py runs them).

Opening, stamping and upgrading a database is console.central.migrate's work.
"""
