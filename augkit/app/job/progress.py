"""What a run shows and tells: the progress bar while it runs, the summary at the end."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from augkit.app.job.objects import Stats


class Progress:
    """A one-line progress bar on a terminal (images/s and ETA); sparse lines otherwise.

    Parameters
    ----------
    total : int
        The number of images to do.
    stream : file-like, optional
        Where to write (default: ``sys.stderr``). Not a terminal: one line per tenth.
    enabled : bool, optional
        False shows nothing but :meth:`note` messages.
    """

    def __init__(self, total: int, stream: Any = None, enabled: bool = True) -> None:
        self.total = max(total, 0)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and self.total > 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.start = time.perf_counter()
        self._last_draw = 0.0
        self._last_decile = -1

    def update(self, count: int = 1) -> None:
        """Count *count* more images done and redraw when it is time."""
        self.done += count
        if not self.enabled:
            return
        now = time.perf_counter()
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._last_draw = now
                self.stream.write("\r" + self.line(now) + "\x1b[K")
                self.stream.flush()
        else:
            decile = self.done * 10 // self.total
            if decile != self._last_decile:
                self._last_decile = decile
                self.stream.write(self.line(now) + "\n")
                self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """Return the bar's text: done/total, images per second, elapsed time and ETA."""
        elapsed = (now or time.perf_counter()) - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        eta = _clock(left) if left == left else "--:--"
        return (f"augment [{bar}] {self.done}/{self.total} images  {rate:5.1f} img/s  "
                f"elapsed {_clock(elapsed)}  ETA {eta}")

    def note(self, message: str) -> None:
        """Print *message* on its own line without breaking the bar."""
        if self.tty and self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{minutes}" if hours else minutes


@dataclass
class Summary:
    """The outcome of a run (printed at the end by :func:`format_summary`)."""

    format: str = "none"
    images_in: int = 0
    images_done: int = 0
    images_unreadable: list[str] = field(default_factory=list)
    images_refused: list[str] = field(default_factory=list)
    images_failed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    outputs_written: int = 0
    outputs_skipped: int = 0
    stats: Stats = field(default_factory=Stats)
    seconds: float = 0.0
    workers: int = 1
    seed: int = 0
    interrupted: bool = False
    stopped_by_error: str | None = None
    files: list[str] = field(default_factory=list)
    out_of_image: str = "clip"

    @property
    def exit_code(self) -> int:
        """The command's exit code: 130 interrupted, 1 stopped by an error, else 0."""
        if self.interrupted:
            return 130
        return 1 if self.stopped_by_error else 0


def format_summary(s: Summary) -> str:
    """Return the summary a run prints at its end, one fact per line."""
    rate = s.images_done / s.seconds if s.seconds > 0 else 0.0
    head = ("interrupted" if s.interrupted else
            "stopped" if s.stopped_by_error else "done")
    lines = [
        f"augkit augment: {head} in {s.seconds:.1f} s ({s.workers} worker"
        f"{'s' if s.workers != 1 else ''}, seed {s.seed}, format {s.format})",
        f"  images in:   {s.images_in} to augment, {s.images_done} done now, "
        f"{len(s.images_unreadable)} unreadable (skipped)"
        + (f", {len(s.images_refused)} refused (skipped)" if s.images_refused else "")
        + (f", {len(s.images_failed)} failed (skipped)" if s.images_failed else ""),
        f"  images out:  {s.outputs_written} written"
        + (f", {s.outputs_skipped} already there (--resume)" if s.outputs_skipped else ""),
        f"  objects:     {s.stats.objects_in} in, {s.stats.objects_out} out, "
        f"{s.stats.dropped} dropped, {s.stats.clipped} clipped (--out-of-image "
        f"{s.out_of_image})",
    ]
    if s.stats.keypoints_hidden:
        lines.append(f"  keypoints:   {s.stats.keypoints_hidden} left the image (written as "
                     "not labelled)")
    lines.append(f"  speed:       {rate:.1f} input images/s, "
                 f"{s.outputs_written / s.seconds if s.seconds > 0 else 0.0:.1f} outputs/s")
    for path in s.files:
        lines.append(f"  wrote:       {path}")
    if s.problems:
        lines.append(f"  problems:    {len(s.problems)} (listed above)")
    if s.stopped_by_error:
        lines.append(f"  stopped by:  {s.stopped_by_error}")
    if s.interrupted:
        lines.append("  run the same command with --resume to finish")
    return "\n".join(lines)


__all__ = ["Progress", "Summary", "format_summary"]
