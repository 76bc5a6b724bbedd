"""Generator records carry the extraction: it validates, every span is printed at its offsets,
and normalising it gives the record's label (over seeds, splits and every layout family)."""

from __future__ import annotations

import jsonschema
import pytest

from service.data.corpus import SPLITS, make_record, split_families
from service.extraction.schema import extraction_schema, span_paths
from service.manifest import collapse_whitespace
from service.normalise import normalise


@pytest.mark.parametrize("split", SPLITS)
def test_normalising_the_extraction_gives_the_label_and_spans_are_printed_at_their_offsets(
    split: str,
) -> None:
    families = split_families(split)
    validator = jsonschema.Draft202012Validator(extraction_schema())
    seen_families = set()
    for index in range(120):
        record = make_record(split, 31, index, families)
        seen_families.add(record["family"])
        validator.validate(record["extraction"])
        assert normalise(record["extraction"]).manifest == record["label"]
        spans = dict(span_paths(record["extraction"]))
        assert [entry["path"] for entry in record["spans"]] == list(spans)
        for entry in record["spans"]:
            printed = " ".join(record["text"][start:end] for start, end in entry["pieces"])
            assert collapse_whitespace(printed) == spans[entry["path"]]
    assert len(seen_families) >= min(len(families), 4)
