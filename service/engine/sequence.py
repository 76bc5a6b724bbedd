"""One decoding hypothesis in one KV-cache slot: its output, grammar state and feed.

`pending` holds the tokens the next decoder call feeds, starting at cache position
`position`: the last model-chosen token followed by the grammar's forced continuation (the
jump-forward run), so forced tokens cost no decoder call of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.engine.types import FinishReason
from service.grammar.constraint import Constraint


@dataclass(slots=True)
class Limits:
    """Per-step and per-request bounds shared by every sequence of a runner."""

    forced_per_step: int  # forced tokens fed in one decoder call at most (cache headroom)
    closing_budget: int  # extra tokens allowed to close the JSON at the length limit
    constrained: bool = True  # False only for benchmark baselines: no grammar, fixed length


@dataclass(slots=True)
class Sequence:
    request_id: int
    constraint: Constraint | None  # None when decoding unconstrained (benchmark baseline)
    max_new_tokens: int
    pending: list[int]
    tokens: list[int] = field(default_factory=list)
    position: int = 0
    forced: int = 0
    entropy_sum: float = 0.0
    decided: int = 0
    score: float = 0.0  # beam search: summed log-probability of the model-decided tokens
    beam: int = 0  # index within its beam group (0 for greedy)
    finish_reason: FinishReason | None = None
    idle: bool = False  # a placeholder: holds its slot, is not decoded

    @classmethod
    def placeholder(cls, request_id: int, beam: int) -> Sequence:
        """Keeps a slot packed without decoding it: a beam request's spare slot (fewer live
        hypotheses than slots), or the slots of a request that failed during this step."""
        return cls(request_id, None, 0, pending=[], beam=beam, idle=True)

    @classmethod
    def start(
        cls, request_id: int, constraint: Constraint | None, bos_id: int, max_new_tokens: int, limits: Limits
    ) -> Sequence:
        sequence = cls(request_id, constraint, max_new_tokens, pending=[bos_id])
        sequence._take_forced(limits)
        return sequence

    @property
    def active(self) -> bool:
        return self.finish_reason is None and not self.idle

    def _take_forced(self, limits: Limits) -> None:
        if self.constraint is None or not limits.forced_per_step:
            return
        forced = self.constraint.forced(limits.forced_per_step)
        self.tokens.extend(forced)
        self.pending.extend(forced)
        self.forced += len(forced)

    def extend(self, token: int, entropy: float, score: float, limits: Limits) -> None:
        """Append a model-chosen token after the pending feed went through the decoder."""
        if self.constraint is not None:
            self.constraint.accept(token)
        self.position += len(self.pending)
        self.pending = [token]
        self.tokens.append(token)
        self.decided += 1
        self.entropy_sum += entropy
        self.score = score
        self._take_forced(limits)

    def feed_part(self, count: int) -> None:
        """The first `count` pending tokens went through the decoder; the rest of a long forced
        run waits for the next step (no decision this step)."""
        self.position += count
        self.pending = self.pending[count:]

    @property
    def complete(self) -> bool:
        """The grammar accepts nothing more: the JSON is done."""
        return self.constraint is not None and self.constraint.finished

    @property
    def out_of_budget(self) -> bool:
        return len(self.tokens) >= self.max_new_tokens

    def settle(self, limits: Limits) -> None:
        """Finish if the JSON is complete, or close it if the token budget ran out."""
        if self.complete:
            self.finish_reason = FinishReason.EOS
        elif self.out_of_budget:
            self.close(limits)

    def close(self, limits: Limits) -> None:
        """Stop here: the grammar completes the JSON with a short valid ending."""
        if self.constraint is not None:
            closing = self.constraint.close(limits.closing_budget)
            self.tokens.extend(closing)
            self.forced += len(closing)
        self.finish_reason = FinishReason.LENGTH

    def fork(self) -> Sequence:
        """A copy with its own grammar state (a beam branching off)."""
        return Sequence(
            self.request_id,
            None if self.constraint is None else self.constraint.fork(),
            self.max_new_tokens,
            list(self.pending),
            list(self.tokens),
            self.position,
            self.forced,
            self.entropy_sum,
            self.decided,
            self.score,
            self.beam,
            self.finish_reason,
        )

    def normalised_score(self) -> float:
        """Beam ranking: mean log-probability per model-decided token (length-normalised)."""
        return self.score / max(self.decided, 1)
