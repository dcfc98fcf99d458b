"""A read-only adapter for another city's Open311 GeoReport v2 backend (docs/OPEN311_CLIENT.md):
`--server open311+https://host/open311/v2` fills the cache from its services and requests."""
