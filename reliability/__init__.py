"""Proof that the console and the reference central API survive faults, refuse hostile input,
lose nothing and leak nothing: crash, network-fault, hostile-content and access families,
each runnable small (in the test suite) or at full size (`python -m reliability.report`)."""
