"""A small inline SVG chart of one child's scalings over time (no script, no external files)."""

from __future__ import annotations

import datetime as dt
from html import escape

from qa_checker.review.selection import show_date
from qa_checker.review.summary import ChildRow, ScalingPoint

WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 34, 14, 12, 30


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    """Across the plot in proportion to time, so a gap of weeks looks like one."""
    span = (last - first).days
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner / 2 if span == 0 else inner * (day - first).days / span)


def _y(score: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(10.0, score)) / 10)


def _grid() -> list[str]:
    lines = []
    for value in (0, 5, 10):
        y = _y(value)
        lines.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>')
        lines.append(f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    return lines


def _label(point: ScalingPoint) -> str:
    where = " (earlier review)" if point.earlier else ""
    return f"{show_date(point.date)}: {point.score:g}/10{where}"


def scaling_chart(child: ChildRow) -> str:
    """The child's own scores by date; an empty string when no recording gives one."""
    points = [p for p in child.points if p.score is not None and p.date is not None]
    dated = [(p.date, p.score) for p in points if p.date is not None and p.score is not None]
    if not dated:
        return ""
    first, last = dated[0][0], dated[-1][0]
    coords = [(_x(date, first, last), _y(score)) for date, score in dated]
    parts = _grid()
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline class="line" points="{path}"/>')
    for (x, y), point in zip(coords, points):
        css = "dot earlier" if point.earlier else "dot"
        parts.append(f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{escape(_label(point))}</title></circle>')
    parts.append(f'<text class="axis" x="{coords[0][0]:.1f}" y="{HEIGHT - 8}" text-anchor="start">{escape(show_date(first))}</text>')
    if last != first:
        parts.append(f'<text class="axis" x="{coords[-1][0]:.1f}" y="{HEIGHT - 8}" text-anchor="end">{escape(show_date(last))}</text>')
    summary = "; ".join(_label(p) for p in points)
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(f"Scalings for {child.name}: {summary}")}">'
            + "".join(parts) + "</svg>")
