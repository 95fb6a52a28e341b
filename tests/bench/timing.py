"""Benchmark helpers: time a callable many times and report ratios against a floor."""

import statistics
import time
from collections.abc import Callable


def timings(run: Callable[[], object], *, repeat: int, warmup: int = 3) -> list[float]:
    """Wall-clock seconds for each of `repeat` calls after a warm-up."""
    for _ in range(warmup):
        run()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def interleaved(
    runs: dict[str, Callable[[], object]], *, repeat: int, warmup: int = 3
) -> dict[str, list[float]]:
    """Wall-clock seconds of each callable, taken in turn (a, b, c, a, b, c, ...).

    On a shared machine the speed drifts within a run; sampling in turn puts every
    callable through the same drift, so the ratios of their medians stay comparable.
    """
    for _ in range(warmup):
        for run in runs.values():
            run()
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append(time.perf_counter() - start)
    return samples
