"""`manifest-parser bench`: the engine against its baselines, same weights, same documents.

Baselines: a naive greedy loop that re-runs the whole model over the prefix every step, the
engine one request at a time, the engine under concurrent load (continuous batching) and
request-level batching under the same Poisson arrivals, constrained vs unconstrained decoding
(constraint overhead, jump-forward savings), and CTranslate2 on the same weights as the speed
reference. With random weights the non-grammar baselines decode exactly as many tokens per
document as the constrained engine wrote, so per-token comparisons are like for like.
"""
