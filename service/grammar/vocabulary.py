"""The tokenizer as llguidance sees it: one byte string per token id, specials marked.

llguidance matches grammars on bytes, so every token needs its exact bytes (SentencePiece's
`▁` is a space, byte-fallback pieces are single bytes). Control tokens (pad, BOS, EOS, pieces
without bytes, and pieces the tokenizer already marks) carry llguidance's special-token
marker 0xFF, which is never valid UTF-8, so the grammar can never emit them as text.
"""

from __future__ import annotations

from typing import Protocol

import llguidance

SPECIAL_MARKER = b"\xff"


class TokenVocabulary(Protocol):
    """What the grammar needs from the tokenizer (`service.tokenizer.Tokenizer` provides it)."""

    @property
    def vocab_size(self) -> int: ...

    @property
    def pad_id(self) -> int: ...

    @property
    def bos_id(self) -> int: ...

    @property
    def eos_id(self) -> int: ...

    def encode(self, text: str) -> list[int]: ...

    def token_bytes(self) -> list[bytes]: ...


class _Wrapped:
    """The duck-typed object `llguidance.TokenizerWrapper` reads its fields from."""

    def __init__(self, vocabulary: TokenVocabulary, tokens: list[bytes], specials: list[int]) -> None:
        self.eos_token_id = vocabulary.eos_id
        self.bos_token_id = vocabulary.bos_id
        self.tokens = tokens
        self.special_token_ids = specials
        self._encode = vocabulary.encode

    def __call__(self, text: str) -> list[int]:
        # llguidance re-tokenizes forced text through here. It probes once with bytes; refusing
        # them makes it pass only valid UTF-8 text (it handles stray bytes itself).
        if not isinstance(text, str):
            raise TypeError("text only")
        return self._encode(text)


def llguidance_tokens(vocabulary: TokenVocabulary) -> tuple[list[bytes], list[int]]:
    """Token bytes with control tokens marked special, and the ids of those specials."""
    tokens = list(vocabulary.token_bytes())
    specials = sorted(
        {vocabulary.pad_id, vocabulary.bos_id, vocabulary.eos_id}
        | {index for index, data in enumerate(tokens) if not data or data.startswith(SPECIAL_MARKER)}
    )
    for index in specials:
        if not tokens[index].startswith(SPECIAL_MARKER):
            tokens[index] = SPECIAL_MARKER + (tokens[index] or f"<special{index}>".encode())
    return tokens, specials


def build_lltokenizer(vocabulary: TokenVocabulary) -> tuple[llguidance.LLTokenizer, list[bytes]]:
    """The llguidance tokenizer (built once; matchers share it) and the bytes it was built from."""
    tokens, specials = llguidance_tokens(vocabulary)
    wrapper = llguidance.TokenizerWrapper(_Wrapped(vocabulary, tokens, specials))
    return llguidance.LLTokenizer(wrapper, eos_token=vocabulary.eos_id), tokens
