"""Render a histogram of samples as an RGB image (numpy and Pillow only).

The picture behind :meth:`augkit.parameters.StochasticParameter.draw_distribution_graph`:
imgaug draws it with matplotlib, which augkit does not depend on.
"""

from __future__ import annotations

import numpy as np

#: Height and width of a graph (matplotlib's default figure at 100 dpi, as imgaug's).
GRAPH_SHAPE = (480, 640)
#: Colour of the bars: imgaug's blue at alpha 0.75 over white.
BAR_COLOR = (64, 64, 255)
_MARGIN = 24
_TITLE_LINE = 50  # characters per title line, as imgaug splits long titles
_LINE_HEIGHT = 12


def title_lines(title: str) -> list[str]:
    """Split *title* into lines of at most 50 characters."""
    return [title[i:i + _TITLE_LINE] for i in range(0, len(title), _TITLE_LINE)] or [""]


def render_histogram(values: np.ndarray, bins: int, title: str | None) -> np.ndarray:
    """Return an ``(480, 640, 3)`` uint8 image of the histogram of *values*.

    Bar heights are the fraction of samples per bin (the tallest bar fills the plot
    area); *title* (None for none) is written above the plot.

    Examples
    --------
    >>> render_histogram(np.array([0.0, 1.0, 1.0]), bins=2, title="x").shape
    (480, 640, 3)
    """
    from PIL import Image, ImageDraw

    height, width = GRAPH_SHAPE
    lines = title_lines(title) if title is not None else []
    top = _MARGIN + _LINE_HEIGHT * len(lines)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    pen = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        pen.text((_MARGIN, _MARGIN // 2 + i * _LINE_HEIGHT), line, fill=(0, 0, 0))
    left, right, bottom = _MARGIN, width - _MARGIN, height - _MARGIN
    values = np.asarray(values, dtype=np.float64).ravel()
    values = values[np.isfinite(values)]
    if values.size:
        counts, _ = np.histogram(values, bins=bins)
        fractions = counts / counts.sum()
        tallest = fractions.max()
        bar_width = (right - left) / len(fractions)
        for i, fraction in enumerate(fractions):
            if fraction <= 0:
                continue
            bar_top = bottom - (bottom - top) * fraction / tallest
            pen.rectangle((left + i * bar_width, bar_top, left + (i + 1) * bar_width - 1,
                           bottom), fill=BAR_COLOR)
    pen.line((left, bottom, right, bottom), fill=(0, 0, 0))
    pen.line((left, top, left, bottom), fill=(0, 0, 0))
    return np.asarray(image, dtype=np.uint8).copy()
