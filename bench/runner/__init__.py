"""bench/run's parts: one module per benchmark (see docs/performance.md)."""
