"""Runner decisions that need no model: encoder grouping and the per-step feed length."""

from __future__ import annotations

from service.engine.runner import feed_length, length_groups


def test_length_groups_bound_padding_and_cover_every_newcomer() -> None:
    lengths = [100, 480, 95, 1500, 470, 90]
    groups = length_groups(lengths)
    assert groups == [[3], [1, 4], [0, 2, 5]]
    for group in groups:
        padded = lengths[group[0]] * len(group)
        assert padded <= 1.25 * sum(lengths[index] for index in group)


def test_equal_lengths_form_one_batch() -> None:
    assert length_groups([64] * 5) == [[0, 1, 2, 3, 4]]


def test_a_lone_sequence_feeds_its_whole_forced_run() -> None:
    assert feed_length([7]) == 7


def test_a_long_run_in_a_crowded_batch_is_fed_in_parts() -> None:
    assert feed_length([1] * 31 + [6]) == 1
    assert feed_length([2, 2, 3, 1]) == 3  # 4 x 3 = 12 <= 1.5 x 8
    assert feed_length([1, 1, 1, 5]) == 1  # 4 x 5 = 20 > 1.5 x 8


def test_beam_runs_are_never_split() -> None:
    assert feed_length([1] * 31 + [6], minimum=6) == 6
