"""Machine messages read by their standards, into the same extraction the model writes.

`read(text)` finds a message in the text (`detect`) and reads it with the reader of its
standard; None when there is none (the document is for the model). A reader that cannot
read the message raises `NotReadable` with the reason. Readers import no torch.
"""

from __future__ import annotations

from service.readers import cargo_imp, dcsa, edifact, x12
from service.readers.detect import Detected, detect
from service.readers.reading import READERS, NotReadable, Reading

__all__ = ["READERS", "Detected", "NotReadable", "Reading", "detect", "read"]


def read(text: str) -> Reading | None:
    """The reading of the machine message in `text`, None when it holds none."""
    found = detect(text)
    if found is None:
        return None
    if found.format == "edifact":
        return edifact.read(text, found)
    if found.format == "cargo-imp":
        return cargo_imp.read(text, found)
    if found.format == "dcsa":
        return dcsa.read(text, found)
    return x12.read(text, found)
