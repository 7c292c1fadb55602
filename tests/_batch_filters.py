"""Filters that misbehave on purpose, for the batch runner's time-limit and crash tests.

They are importable by name (``_batch_filters:Hang``) so worker processes can rebuild them from
a cleaner config, like any filter defined outside cleanerlib.
"""

from __future__ import annotations

import os
import time

from cleanerlib import Filter


class Hang(Filter):
    """Spins forever (in a loop no time budget can interrupt) on a page containing the marker."""

    name = "hang"

    def __init__(self, *, marker: str = "HANG-FOREVER") -> None:
        self.marker = marker

    def decide(self, doc):
        if any(self.marker in b.text for b in doc.blocks):
            while True:
                pass
        return ()


class Crash(Filter):
    """Kills its own process on a page containing the marker, as a segfault would."""

    name = "crash"

    def __init__(self, *, marker: str = "CRASH-NOW") -> None:
        self.marker = marker

    def decide(self, doc):
        if any(self.marker in b.text for b in doc.blocks):
            os._exit(3)
        return ()


class Slow(Filter):
    """Takes a while on a page containing the marker, so that other workers run ahead of it."""

    name = "slow"

    def __init__(self, *, marker: str = "SLOW-PAGE", seconds: float = 2.0) -> None:
        self.marker = marker
        self.seconds = seconds

    def decide(self, doc):
        if any(self.marker in b.text for b in doc.blocks):
            time.sleep(self.seconds)
        return ()
