"""Constrained beam search for one request: `width` hypotheses, each in its own slot and with
its own grammar state.

Every step the runner proposes the 2 x width best (hypothesis, token) extensions by summed
log-probability (disallowed tokens are -inf). Extensions that complete the JSON are set
aside as finished; the best `width` others stay alive. The search ends when `width`
hypotheses have finished or none is left alive; the winner is the finished hypothesis with
the best length-normalised score (mean log-probability per model-decided token; forced
tokens carry no decision). Hypotheses that reach the token limit unfinished are kept apart
and, when nothing finished, the best one is closed by the grammar (finish reason LENGTH).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from service.engine.sequence import Limits, Sequence
from service.engine.types import FinishReason


@dataclass(slots=True)
class Candidate:
    score: float  # summed log-probability of the extended hypothesis
    parent: int  # index of the hypothesis it extends
    token: int


@dataclass(slots=True)
class BeamGroup:
    request_id: int
    width: int
    beams: list[Sequence]  # alive hypotheses; beams[k] lives in the request's k-th slot
    finished: list[Sequence] = field(default_factory=list)
    capped: list[Sequence] = field(default_factory=list)  # reached max_new_tokens unfinished

    @classmethod
    def start(cls, first: Sequence, width: int) -> BeamGroup:
        """All beams begin as copies of one sequence; only the first may be extended at first."""
        beams = [first]
        for index in range(1, width):
            twin = first.fork()
            twin.beam = index
            twin.score = -math.inf
            beams.append(twin)
        return cls(first.request_id, width, beams)

    def advance(self, candidates: list[Candidate], entropies: list[float], limits: Limits) -> list[int]:
        """Extend by the best candidates (best first); returns each new beam's parent index."""
        alive: list[Sequence] = []
        parents: list[int] = []
        for candidate in candidates:
            if candidate.score == -math.inf or len(alive) == self.width:
                break
            parent = self.beams[candidate.parent]
            child = parent.fork()
            log_prob = candidate.score - parent.score
            child.extend(candidate.token, entropies[candidate.parent], candidate.score, limits, log_prob)
            if child.complete:
                child.finish_reason = FinishReason.EOS
                self.finished.append(child)
            elif child.out_of_budget:
                self.capped.append(child)
            else:
                child.beam = len(alive)
                alive.append(child)
                parents.append(candidate.parent)
        self.beams = alive
        return parents

    @property
    def done(self) -> bool:
        return len(self.finished) >= self.width or not self.beams

    def best(self, limits: Limits) -> Sequence:
        """The winning hypothesis; an unfinished one is closed by the grammar first."""
        if self.finished:
            return max(self.finished, key=Sequence.normalised_score)
        if not self.capped:
            raise RuntimeError("beam search ended without any hypothesis")
        winner = max(self.capped, key=Sequence.normalised_score)
        winner.close(limits)
        return winner
