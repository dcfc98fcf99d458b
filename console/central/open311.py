"""The Open311 GeoReport v2 face at /open311/v2, and the admin's partner keys for it.

Split along its seams: open311_read (the public GETs), open311_post (POST requests, tokens),
open311_format (JSON/XML and the spec's errors), open311_services (service definitions),
open311_keys (partner api_keys). See docs/OPEN311.md.
"""

from __future__ import annotations

from fastapi import APIRouter

from console.central import open311_keys, open311_post, open311_read

router = APIRouter()
router.include_router(open311_read.router)
router.include_router(open311_post.router)
router.include_router(open311_keys.router)
