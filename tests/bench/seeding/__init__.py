"""Made-up clinic networks for the scale and load benchmarks (bulk inserts, COPY)."""
