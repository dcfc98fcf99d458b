"""The video wall: what the Center's wall shows, computed from the local cache without Qt.

The wall signs in with a read-only `wall` account, so its cache holds no reporter; every free
text it shows is masked again here (console.exports.briefing.redaction), so the same holds when
an operator's console opens the wall over its own cache.
"""
