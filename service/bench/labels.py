"""Jump-forward on the true labels: how many decoder steps the grammar's forced runs save
when the output is the real manifest (the label walked token by token through the grammar,
with the engine's forced-run limit), independent of what a random model would write."""

from __future__ import annotations

from service.grammar.constraint import ContractGrammar, GrammarError


def decisions_on_label(grammar: ContractGrammar, label: list[int], forced_per_step: int) -> int | None:
    """Model decisions needed to write `label` (its other tokens are forced), or None when the
    grammar's forced tokens spell the label differently from the tokenizer."""
    constraint = grammar.start()
    written = constraint.forced(forced_per_step)
    decisions = 0
    try:
        while not constraint.finished and len(written) < len(label):
            if written != label[: len(written)]:
                return None
            token = label[len(written)]
            constraint.accept(token)
            decisions += 1
            written += [token, *constraint.forced(forced_per_step)]
    except GrammarError:
        return None
    return decisions if written == label else None


def step_reduction(
    grammar: ContractGrammar, labels: list[list[int]], forced_per_step: int
) -> tuple[float, int]:
    """1 - decisions / tokens over the labels the walk could follow, and how many those were."""
    walked = [(decisions_on_label(grammar, label, forced_per_step), len(label)) for label in labels]
    followed = [(decisions, tokens) for decisions, tokens in walked if decisions is not None]
    if not followed:
        return 0.0, 0
    return 1 - sum(d for d, _ in followed) / sum(t for _, t in followed), len(followed)
