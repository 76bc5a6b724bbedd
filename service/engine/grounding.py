"""Grounded decoding: a printed span may only be written with text of the document.

For a model that writes extractions, every string value except the model's decisions is a span,
and while the decoder writes one, only tokens that keep it printed in the document are allowed
(on top of the grammar's mask). A span continues one run of the document's text (whitespace
runs read as one space) or jumps to another run at a space: a value spread over the lines of a
boxed form is several pieces, each of them printed; where the piece's last space may be either
(`215 9` goes on as `9031` on its line or as `9187` on the next), both stay open. Jumps go
forward only, past the earliest place the span so far can end: every label of the generator's
corpus is printed in order, and a span can no longer loop by jumping back to a word it has just
written (`436 MAPLE ST ST ST ...`), so a span is never longer than its document. A piece starts
and ends where a word of the text does (`word_ends`), so a span cannot walk over the document
writing one initial after another (`SHEUNG SHUI S S S S ...`). Container numbers and seals, and
goods descriptions, are likewise printed in the order of their list: each one starts past where
the previous one starts, so a list cannot go round and round a table writing the same or
earlier lines again. A container number starts only where one is printed (ISO 6346-shaped, as
the normaliser reads it), and once the last printed one is written the container list may only
close: it cannot run on into the rest of the document.

`SpanVocabulary` is built once per runner; `DocumentSpans` once per request from the
document's own bytes (the source token ids decode to them exactly); `SpanTracker` follows one
sequence's output JSON to know when a span is being written and what it holds so far. All
work is on bytes, so byte-fallback tokens of non-ASCII text are grounded like any other.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from service.extraction.schema import DECISIONS
from service.normalise.codes import CONTAINER_PRINTED

_WHITESPACE = re.compile(rb"\s+")
_QUOTE = ord('"')
_DECISION_KEYS = frozenset(key.encode() for key in DECISIONS)

# (list, key) of the spans that each entry of the list prints past the previous entry's
IN_LIST_ORDER = frozenset({(b"containers", b"number"), (b"containers", b"seal"), (b"items", b"description")})
CONTAINER = (b"containers", b"number")
# Where a container number is printed: every container label of the corpus's model-read families
# starts at one, so a container entry is written only where one is printed.
CONTAINER_NUMBER = re.compile(CONTAINER_PRINTED.encode())


def word_ends(text: bytes) -> np.ndarray:
    """For each place in `text`, whether a piece may start or end there: not inside a run of
    letters or of digits (`12500|KGS` and `SHANGHAI|,` may, `S|HEUNG` may not). A byte of a
    non-ASCII character is a kind of its own: a word may end next to it, never inside it."""
    codes = np.frombuffer(text, dtype=np.uint8)
    letters = ((codes >= 65) & (codes <= 90)) | ((codes >= 97) & (codes <= 122))
    kinds = np.select([(codes >= 48) & (codes <= 57), letters, codes >= 128], [0, 1, 3], default=2)
    ends = np.ones(len(text) + 1, dtype=bool)
    ends[1:-1] = (kinds[:-1] == 2) | (kinds[1:] == 2) | (kinds[:-1] != kinds[1:])
    return ends


def _content(piece: bytes) -> tuple[bytes, bool]:
    """A token's bytes up to a closing quote, and whether it closes the string."""
    head, quote, _ = piece.partition(b'"')
    return head, bool(quote)


def earliest_end(text: bytes, piece: bytes, floor: int) -> int:
    """Where `piece` (its words, without a trailing space) ends at the earliest from `floor`:
    a span's next piece starts past it. The tracker and the masks agree on it, so a token a
    mask allows for a jump is printed past the floor the tracker then keeps."""
    words = piece.rstrip()
    found = text.find(words, floor) if words else -1
    return found + len(words) if found >= 0 else floor


def resplit(piece: bytes) -> tuple[bytes, bytes] | None:
    """`piece` cut at its last inner space (head, tail), as a jump there would have left it."""
    cut = piece.rfind(b" ")
    return (piece[:cut], piece[cut + 1 :]) if 0 < cut < len(piece) - 1 else None


class SpanVocabulary:
    """What each token would write inside a span: built once per runner from the vocabulary."""

    def __init__(self, token_bytes: Sequence[bytes], words: int) -> None:
        self.words = words
        self.size = len(token_bytes)
        self.contents: list[bytes | None] = []  # None: may never stand inside a span
        self.closing = np.zeros(self.size, dtype=bool)  # ends the string, adds nothing to the span
        self.closes_after = np.zeros(self.size, dtype=bool)  # adds to the span, then ends the string
        self.by_content: dict[bytes, list[int]] = defaultdict(list)
        self.openers: list[tuple[int, bytes]] = []  # tokens starting with a quote, and what they add
        self.crossing: list[tuple[int, bytes]] = []  # tokens writing `":"` and then a value's text
        self.commas = [(token, piece) for token, piece in enumerate(token_bytes) if b"," in piece]
        for token, piece in enumerate(token_bytes):
            content, closes = _content(piece)
            if b"\\" in content or b"\n" in content or piece.startswith(b"\xff"):
                self.contents.append(None)
                continue
            self.contents.append(content)
            if closes:
                (self.closes_after if content else self.closing)[token] = True
            if content:
                self.by_content[content].append(token)
            if piece.startswith(b'"'):
                inner, _ = _content(piece[1:])
                self.openers.append((token, inner))
            _, colon_quote, opened = piece.partition(b':"')
            if colon_quote and _content(opened)[0]:  # ends a key and starts a value's text
                self.crossing.append((token, _content(opened)[0]))
        self.longest = max((len(content) for content in self.by_content), default=1)


class DocumentSpans:
    """Which tokens may write a span of one document."""

    def __init__(
        self, vocabulary: SpanVocabulary, source_ids: Sequence[int], token_bytes: Sequence[bytes]
    ) -> None:
        document = b"".join(token_bytes[token] for token in source_ids)
        self.text = b" " + _WHITESPACE.sub(b" ", document).strip() + b" "
        self.ends = word_ends(self.text)
        self.vocabulary = vocabulary
        self.space_starts = np.zeros(vocabulary.size, dtype=bool)  # " text": a jump at a space
        self.word_starts = np.zeros(vocabulary.size, dtype=bool)  # "text": may start a piece at a word
        # where its text last starts a piece (a word; one that also closes the span: a whole word)
        self.last_start = np.full(vocabulary.size, -1, dtype=np.int64)
        for content, tokens in vocabulary.by_content.items():
            spaced = content.startswith(b" ")
            body = content[1:] if spaced else content
            if body:
                whole = vocabulary.closes_after[tokens]
                self.last_start[tokens] = self.last_word_start(body)
                if whole.any():
                    self.last_start[np.asarray(tokens)[whole]] = self.last_word_start(body, whole=True)
                (self.space_starts if spaced else self.word_starts)[tokens] = True
        outside = np.ones(vocabulary.size, dtype=bool)  # a token that opens a value must start a piece
        for token, inner in vocabulary.crossing:
            outside[token] = self.printed(inner, 0)
        self._outside = outside
        self.outside = self.packed(outside)
        self._opens: dict[int, np.ndarray] = {}
        self._cache: dict[tuple[bytes, int], np.ndarray] = {}
        self.container_starts = [match.start() for match in CONTAINER_NUMBER.finditer(self.text)]
        self._containers: dict[int, np.ndarray] = {}
        self._last_entry: dict[tuple[bool, bool, int], np.ndarray] = {}

    def container_after(self, floor: int) -> bool:
        """Whether a container number is printed at or after `floor`."""
        return bisect.bisect_left(self.container_starts, floor) < len(self.container_starts)

    def container_opening(self, floor: int) -> np.ndarray:
        """The bitmask words at a container number's first token: printed where a container
        number starts, at or after `floor`; with none left, only an empty string (dropped)."""
        cached = self._containers.get(floor)
        if cached is None:
            vocabulary, text = self.vocabulary, self.text
            allowed = np.zeros(vocabulary.size, dtype=bool)
            for start in self.container_starts[bisect.bisect_left(self.container_starts, floor) :]:
                for length in range(1, vocabulary.longest + 1):
                    tokens = vocabulary.by_content.get(text[start : start + length])
                    if tokens:
                        allowed[tokens] |= ~vocabulary.closes_after[tokens]
            if not allowed.any():
                allowed |= vocabulary.closing
            cached = self._containers[floor] = self.packed(allowed)
        return cached

    def last_entry(self, in_string: bool, escaped: bool, depth: int) -> np.ndarray:
        """The bitmask words of the tokens that start no further entry of the list `depth`
        levels up (a comma at that level): the list may only close."""
        key = (in_string, escaped, depth)
        cached = self._last_entry.get(key)
        if cached is None:
            allowed = np.ones(self.vocabulary.size, dtype=bool)
            for token, piece in self.vocabulary.commas:
                inside, escape, level = in_string, escaped, depth
                for byte in piece:
                    if inside:
                        escape, inside = (False, True) if escape else (byte == 92, byte != _QUOTE)
                    elif byte == _QUOTE:
                        inside = True
                    elif byte in b"{[":
                        level += 1
                    elif byte in b"}]":
                        level -= 1
                    elif byte == ord(",") and level == 0:
                        allowed[token] = False
                        break
            cached = self._last_entry[key] = self.packed(allowed)
        return cached

    def last_word_start(self, body: bytes, whole: bool = False) -> int:
        """Where `body` is last printed starting a word, or `whole` as one or more words (-1:
        nowhere): a piece starts where a word does and ends where a word does."""
        position = self.text.rfind(body)
        while position > 0 and not (self.ends[position] and (not whole or self.ends[position + len(body)])):
            position = self.text.rfind(body, 0, position + len(body) - 1)
        return position

    def printed(self, inner: bytes, floor: int) -> bool:
        """Whether a value's first text may be `inner`: printed at or after `floor`."""
        return b"\\" not in inner and self.text.find(inner, floor) >= 0

    def opening(self, floor: int) -> np.ndarray:
        """The bitmask words at a value's start (a quote token too) when its span may start
        at `floor` at the earliest."""
        cached = self._opens.get(floor)
        if cached is None:
            opens = self._outside.copy()
            for token, inner in self.vocabulary.openers:
                opens[token] = not inner or self.printed(inner, floor)
            cached = self._opens[floor] = self.packed(opens)
        return cached

    def continuing(self, anchor: bytes, floor: int) -> np.ndarray:
        """The bitmask words of the tokens that may follow `anchor`, the span's current piece,
        printed at or after `floor` (where the span's earlier pieces end at the earliest). The
        piece's last space may have been a jump: `Storvej 215 9` goes on as `9031` under it or
        as `9187` on the next line of a two-column box (`resplit`)."""
        cached = self._cache.get((anchor, floor))
        if cached is not None:
            return cached
        allowed = self._continued(anchor, floor)
        split = resplit(anchor)
        if split is not None:
            head, tail = split
            allowed |= self._continued(tail, earliest_end(self.text, head, floor))
        if not allowed.any():  # nothing printed goes on: close, or jump at a space
            printed_after = self.last_start >= earliest_end(self.text, anchor, floor)
            allowed |= self.vocabulary.closing | (self.space_starts & printed_after)
        words = self._cache[anchor, floor] = self.packed(allowed)
        return words

    def _continued(self, anchor: bytes, floor: int) -> np.ndarray:
        """The tokens that go on with `anchor` as one run printed at or after `floor`, or close
        it or jump from it where a word ends."""
        text = self.text
        jump_floor = earliest_end(text, anchor, floor)
        printed_after = self.last_start >= jump_floor  # a new piece starts past this one
        vocabulary = self.vocabulary
        allowed = np.zeros(vocabulary.size, dtype=bool)
        if not anchor or anchor.endswith(b" "):  # at a span's start or after a space
            allowed |= self.word_starts & printed_after
        may_end = not anchor
        if anchor:
            position, seen = text.find(anchor, floor), 0
            while position >= 0 and seen < 64:
                end = position + len(anchor)
                if not self.ends[position]:  # inside a word: no piece starts there
                    position = text.find(anchor, position + 1)
                    continue
                may_end = may_end or bool(self.ends[end])
                for length in range(1, min(vocabulary.longest, len(text) - end) + 1):
                    tokens = vocabulary.by_content.get(text[end : end + length])
                    if tokens:  # those that end the span too only where a word ends
                        ending = vocabulary.closes_after[tokens]
                        allowed[tokens] |= ~ending | self.ends[end + length]
                position, seen = text.find(anchor, position + 1), seen + 1
        if may_end:  # close, or jump at a space, only at a word's end
            allowed |= vocabulary.closing | (self.space_starts & printed_after)
        return allowed

    def starts_word(self, body: bytes, floor: int) -> bool:
        """Whether `body` is printed at or after `floor` starting where a word does."""
        position = self.text.find(body, floor)
        while position >= 0 and not self.ends[position]:
            position = self.text.find(body, position + 1)
        return position >= 0

    def packed(self, allowed: np.ndarray) -> np.ndarray:
        """A boolean token mask as the grammar's int32 bitmask words."""
        bits = np.zeros(self.vocabulary.words * 32, dtype=bool)
        bits[: self.vocabulary.size] = allowed
        return np.packbits(bits, bitorder="little").view(np.int32)


class SpanTracker:
    """Where one sequence's output JSON stands: inside a span (and its current piece), at the
    start of a value that may be a span, or elsewhere."""

    def __init__(self, spans: DocumentSpans, token_bytes: Sequence[bytes]) -> None:
        self.spans = spans
        self.token_bytes = token_bytes
        self.read = 0  # output tokens consumed so far
        self.stack: list[int] = []  # b"{" or b"["
        self.lists: list[bytes] = []  # the key of each open list
        self.list_starts: dict[tuple[bytes, bytes], int] = {}  # IN_LIST_ORDER: the last entry's start
        self.in_string = False
        self.escaped = False
        self.is_key = False
        self.key = b""
        self.last_key = b""
        self.expect_key = False
        self.anchor = b""  # the span's current piece (None-equivalent when not in a span)
        self.floor = 0  # where the current piece may start: past the span's earlier pieces
        self.grounded = False  # the string being written is a span
        self.first_floor = 0  # where the span may start
        self.first_piece: bytes | None = None  # the span's first piece, once it is complete

    def follow(self, tokens: Sequence[int]) -> None:
        for token in tokens[self.read :]:
            self._bytes(self.token_bytes[token])
        self.read = len(tokens)

    def _bytes(self, data: bytes) -> None:
        for byte in data:
            if self.in_string:
                self._string_byte(byte)
            elif byte == _QUOTE:
                self.in_string, self.is_key = True, self.expect_key
                self.key = b""
                self.grounded = not self.is_key and self.last_key not in _DECISION_KEYS
                self.anchor, self.first_piece = b"", None
                self.floor = self.first_floor = self.value_floor()
            elif byte in b"{[":
                self.stack.append(byte)
                self.expect_key = byte == ord("{")
                if byte == ord("["):
                    self.lists.append(self.last_key)
                    self.list_starts = {k: v for k, v in self.list_starts.items() if k[0] != self.last_key}
            elif byte in b"}]":
                if self.stack and self.stack.pop() == ord("[") and self.lists:
                    self.lists.pop()
                self.expect_key = False
            elif byte == ord(","):
                self.expect_key = bool(self.stack) and self.stack[-1] == ord("{")
            elif byte == ord(":"):
                self.expect_key = False

    def _string_byte(self, byte: int) -> None:
        if self.escaped:
            self.escaped = False
        elif byte == ord("\\"):
            self.escaped = True
        elif byte == _QUOTE:
            self.in_string = False
            if self.is_key:
                self.last_key = self.key
            elif self.grounded:
                self._span_ends()
            self.grounded = False
            return
        if self.is_key:
            self.key += bytes((byte,))
        elif self.grounded:
            piece, text = self.anchor + bytes((byte,)), self.spans.text
            if text.find(piece, self.floor) >= 0:
                self.anchor = piece
                return
            split = resplit(piece)
            if split is not None:  # not one run: the last space was a jump to another line
                head, tail = split
                floor = earliest_end(text, head, self.floor)
                if self.spans.starts_word(tail, floor):
                    if self.first_piece is None:
                        self.first_piece = head
                    self.floor, self.anchor = floor, tail
                    return
            if self.first_piece is None:
                self.first_piece = self.anchor
            self.floor = earliest_end(text, self.anchor, self.floor)  # a jump: past this piece
            self.anchor = bytes((byte,)).lstrip()

    def ordered_field(self) -> tuple[bytes, bytes] | None:
        """The (list, key) of the value about to be or being written, when its list keeps order."""
        if len(self.stack) < 2 or self.stack[-2:] != [ord("["), ord("{")] or not self.lists:
            return None
        field = (self.lists[-1], self.last_key)
        return field if field in IN_LIST_ORDER else None

    def value_floor(self) -> int:
        """Where the next value's span may start: past the previous entry's, for IN_LIST_ORDER."""
        field = self.ordered_field()
        return 0 if field is None else self.list_starts.get(field, -1) + 1

    def _span_ends(self) -> None:
        field = self.ordered_field()
        first = self.anchor if self.first_piece is None else self.first_piece
        if field is not None and first:
            self.list_starts[field] = self.spans.text.find(first, self.first_floor)

    def at_span_value(self) -> bool:
        """A value is about to start whose opening quote would start a span."""
        return not self.in_string and not self.expect_key and self.last_key not in _DECISION_KEYS

    def mask(self, tokens: Sequence[int]) -> np.ndarray:
        """The bitmask words the next token must also satisfy."""
        self.follow(tokens)
        if self.in_string and self.grounded:
            starting = not self.anchor and self.first_piece is None
            if starting and self.ordered_field() == CONTAINER:
                words = self.spans.container_opening(self.floor)
            else:
                words = self.spans.continuing(self.anchor, self.floor)
        elif self.at_span_value() and self.stack:
            words = self.spans.opening(self.value_floor())
        else:
            words = self.spans.outside
        depth = self.containers_depth()
        if depth is not None and not self.spans.container_after(self.list_starts.get(CONTAINER, -1) + 1):
            words = words & self.spans.last_entry(self.in_string, self.escaped, depth)
        return words

    def containers_depth(self) -> int | None:
        """Inside the container list: how many levels below the list (0 or 1); else None."""
        if not self.lists or self.lists[-1] != CONTAINER[0]:
            return None
        if self.stack[-1:] == [ord("[")]:
            return 0
        return 1 if self.stack[-2:] == [ord("["), ord("{")] else None

    def allows(self, tokens: Sequence[int], token: int) -> bool:
        """Whether `token` may come next (for drafted tokens, which skip the step's mask)."""
        words = self.mask(tokens)
        return bool((int(words[token // 32]) >> (token % 32)) & 1)
