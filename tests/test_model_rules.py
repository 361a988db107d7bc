"""The field rules in model/common.py are one rule each, read the same in every model."""

from __future__ import annotations

from typing import Any

import pytest

from careerceo.model.common import InputError, InputModel, validate
from careerceo.model.education import CertificationInput, EducationInput
from careerceo.model.exit_plan import ExitItemIn, ExitPlanIn
from careerceo.model.interview_round import DebriefIn, RoundIn
from careerceo.model.network import InteractionInput
from careerceo.model.offer_prep import OfferPrepIn
from careerceo.model.pipeline import OfferTerms
from careerceo.model.position import PositionInput


def _refusal(model: type[InputModel], data: dict[str, Any], field: str) -> str:
    with pytest.raises(InputError) as refused:
        validate(model, data)
    return refused.value.errors[field]


@pytest.mark.parametrize(
    ("model", "base", "field"),
    [
        (ExitPlanIn, {}, "last_day"),
        (ExitItemIn, {"kind": "handover", "title": "Docs"}, "due_on"),
        (RoundIn, {"round_type": "panel"}, "scheduled_on"),
        (DebriefIn, {}, "thank_you_sent_on"),
        (InteractionInput, {}, "follow_up_on"),
        (OfferTerms, {}, "deadline"),
    ],
)
def test_a_month_where_a_day_is_wanted_gets_one_message_everywhere(
    model: type[InputModel], base: dict[str, Any], field: str
) -> None:
    message = _refusal(model, {**base, field: "2026-03"}, field)
    assert "must be a date written YYYY-MM-DD (e.g. 2026-03-31), got '2026-03'" in message
    typo = _refusal(model, {**base, field: "0201-01-01"}, field)
    assert "0201-01-01 is out of range; use a year from 1900" in typo


@pytest.mark.parametrize(
    ("model", "base", "field"),
    [
        (ExitPlanIn, {"last_day": "2026-05-01"}, "position_id"),
        (RoundIn, {"round_type": "panel"}, "contact_id"),
        (OfferPrepIn, {}, "opportunity_id"),
        (InteractionInput, {}, "opportunity_id"),
    ],
)
def test_a_row_id_is_a_positive_whole_number_and_blank_means_none(
    model: type[InputModel], base: dict[str, Any], field: str
) -> None:
    for blank in ("", "  ", None):
        assert getattr(validate(model, {**base, field: blank}), field) is None
    assert getattr(validate(model, {**base, field: " 12 "}), field) == 12
    for bad in ("0", "twelve", 2**31, True):
        assert _refusal(model, {**base, field: bad}, field)


@pytest.mark.parametrize(
    ("model", "base", "start", "end", "hint"),
    [
        (EducationInput, {"institution": "Uni"}, "start_date", "end_date", "correct one of them"),
        (CertificationInput, {"name": "AWS"}, "issued_on", "expires_on", "correct one of them"),
        (
            PositionInput,
            {"employer": "Acme", "title": "Analyst"},
            "start_date",
            "end_date",
            "leave end_date empty if you still hold the position",
        ),
    ],
)
def test_an_end_before_its_start_is_refused_naming_both(
    model: type[InputModel], base: dict[str, Any], start: str, end: str, hint: str
) -> None:
    message = _refusal(model, {**base, start: "2021-03", end: "2020-12-31"}, end)
    assert message.startswith(f"{end} (2020-12-31) is before {start} (2021-03-01); ")
    assert message.endswith(hint)
    same_day = validate(model, {**base, start: "2021-03", end: "2021-03-01"})
    assert getattr(same_day, end) == getattr(same_day, start)
    assert getattr(validate(model, {**base, end: "2020-12"}), end) is not None  # no start
