"""The domain: reports, the workflow, the SLA clock, routing, duplicates. No I/O, no Qt."""
