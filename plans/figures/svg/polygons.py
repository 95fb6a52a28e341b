"""Polygon helpers for the drawing: a convex hull and a cut to a rectangle."""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]


def hull(points: Sequence[Point]) -> list[Point]:
    """Convex hull (monotone chain), counter-clockwise, without repeated points."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-9:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-9:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def clip(points: Sequence[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """The polygon cut to a rectangle (Sutherland-Hodgman)."""
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: cross_y(a, b, y1)),
    )
    result = list(points)
    for inside, cut in edges:
        if not result:
            break
        source, result = result, []
        for i, current in enumerate(source):
            previous = source[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cut(previous, current))
    return result


def cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y
