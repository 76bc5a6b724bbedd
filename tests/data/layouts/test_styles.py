"""Style axes and splits: held-out styles only in heldout, validation disjoint from train."""

from __future__ import annotations

import random

import pytest

from service.data.layouts.styles import AXES, heldout_values, sample_style, split_values


def _groups_of(style_values: dict[str, str]) -> set[str]:
    return {
        group
        for axis, value in style_values.items()
        for group, values in AXES[axis].items()
        if value in values
    }


def test_axis_values_belong_to_exactly_one_group() -> None:
    for table in AXES.values():
        values = [v for group in table.values() for v in group]
        assert len(values) == len(set(values))
        assert set(table) == {"train", "validation", "heldout"}


@pytest.mark.parametrize("split", ["train", "test"])
def test_train_and_test_draw_only_train_values(split: str) -> None:
    rng = random.Random(split)
    for _ in range(500):
        style = sample_style(split, rng)
        assert _groups_of(
            {"captions": style.captions, "placement": style.placement, "border": style.border}
        ) == {"train"}


def test_validation_styles_hold_a_validation_value_and_no_heldout_value() -> None:
    rng = random.Random(2)
    for _ in range(500):
        style = sample_style("validation", rng)
        groups = _groups_of(
            {"captions": style.captions, "placement": style.placement, "border": style.border}
        )
        assert "validation" in groups and "heldout" not in groups


def test_heldout_styles_hold_a_heldout_value_and_no_validation_value() -> None:
    rng = random.Random(3)
    seen = set()
    for _ in range(500):
        style = sample_style("heldout", rng)
        groups = _groups_of(
            {"captions": style.captions, "placement": style.placement, "border": style.border}
        )
        assert "heldout" in groups and "validation" not in groups
        seen |= {style.captions, style.placement, style.border}
    assert {v for values in heldout_values().values() for v in values} <= seen


def test_split_values_list_what_a_split_may_draw() -> None:
    for split in ("train", "validation", "test", "heldout"):
        values = split_values(split)
        assert all(len(set(v)) == len(v) for v in values.values())
    assert split_values("validation")["border"] == ("ascii", "light", "none", "heavy")
    assert "pl" not in split_values("train")["captions"]
    assert "pl" in split_values("heldout")["captions"]
    assert "double" not in split_values("validation")["border"]


def test_an_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown split"):
        sample_style("dev", random.Random(0))
