"""Title normalisation: the parser alone, a tiny hand-made index, and the bundled labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerceo.errors import CareerError
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.matching import _read_cache, _write_cache, matcher_for
from careerceo.knowledge.search import LabelEntry, TitleMatcher, build_matcher
from careerceo.knowledge.titles import parse_title, words


@pytest.fixture(scope="module")
def matcher() -> TitleMatcher:
    return matcher_for(load_knowledge())


def codes(matcher: TitleMatcher, title: str, n: int = 5) -> list[str]:
    return [c.code for c in matcher.normalize(title, n).candidates]


# -- the parser -----------------------------------------------------------------------------


def test_words_expand_abbreviations_fold_plurals_and_drop_stopwords() -> None:
    assert words("Sr. Software Eng") == ["senior", "software", "engineer"]
    assert words("Director of R&D") == ["director", "research", "development"]
    assert words("HR & Payroll Mgr") == ["human", "resource", "payroll", "manager"]
    assert words("A/V Tech") == ["audio", "visual", "technician"]
    assert words("Receptionist/Secretary") == ["receptionist", "secretary"]
    assert words("Software Developers") == words("software developer")


def test_seniority_and_level_are_separate_fields() -> None:
    parsed = parse_title("Sr. Software Eng II")
    assert parsed.seniority == "senior"
    assert parsed.level == "II"
    assert parsed.core_title == "software engineer"
    assert parse_title("Data Analyst 3").level == "III"
    assert parse_title("Engineer, Level 2").level == "II"
    assert parse_title("Junior Accountant").seniority == "junior"
    assert parse_title("Sales Interns").seniority == "intern"
    assert parse_title("Associate Professor").seniority == "associate"
    assert parse_title("Sales Associate").seniority is None  # the job, not a rung
    assert parse_title("Head of Marketing").seniority == "head"
    assert parse_title("Principal Product Designer").core_title == "product designer"


def test_rank_words_are_kept_in_the_core_because_they_define_the_occupation() -> None:
    parsed = parse_title("VP, Sales \u2013 EMEA")
    assert parsed.seniority == "vice president"
    assert parsed.core_title == "vice president sales"
    assert "emea" in parsed.noise


def test_location_schedule_and_gender_tags_are_noise() -> None:
    parsed = parse_title("Registered Nurse (Remote) - Night Shift")
    assert parsed.core_title == "registered nurse"
    assert {"remote", "night shift"} <= set(parsed.noise)
    assert parse_title("Software Engineer (m/f/d)").core_title == "software engineer"


def test_a_level_word_alone_is_kept_as_the_title() -> None:
    assert parse_title("Intern").core_title == "intern"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 501, "501 characters"),
        (None, "give a job title"),
        (42, "must be text"),
        (["Engineer"], "must be text"),
        ("1234 !!", "no letters"),
        ("(remote)", "no words left"),
    ],
)
def test_bad_titles_give_a_clear_message(value: object, fragment: str) -> None:
    with pytest.raises(CareerError) as info:
        parse_title(value)
    assert fragment in info.value.message
    assert info.value.field == "title"


# -- a hand-made index ------------------------------------------------------------------------

TOY_TITLES = {
    "11-2022.00": "Sales Managers",
    "41-2031.00": "Retail Salespersons",
    "15-1252.00": "Software Developers",
    "29-1141.00": "Registered Nurses",
}
TOY_LABELS = [
    LabelEntry("Sales Director", "11-2022.00", "alternate"),
    LabelEntry("Sales Vice President (Sales VP)", "11-2022.00", "alternate"),
    LabelEntry("Sales Associate", "41-2031.00", "alternate"),
    LabelEntry("Software Engineer", "15-1252.00", "alternate"),
    LabelEntry("programmer", "15-1252.00", "esco", "software developer", 0.9),
    LabelEntry("Staff Nurse", "29-1141.00", "reported"),
    LabelEntry("Ghost Label", "99-9999.00", "alternate"),
]


@pytest.fixture(scope="module")
def toy() -> TitleMatcher:
    return build_matcher(TOY_LABELS, TOY_TITLES)


def test_word_order_does_not_matter(toy: TitleMatcher) -> None:
    a = toy.normalize("Manager, Sales").candidates[0]
    b = toy.normalize("Sales Manager").candidates[0]
    assert a.code == b.code == "11-2022.00"
    assert a.score == pytest.approx(b.score)
    assert a.matched_label == "Sales Managers"
    assert a.label_kind == "title"


def test_parenthesised_short_forms_are_indexed_separately(toy: TitleMatcher) -> None:
    best = toy.normalize("Sales VP").candidates[0]
    assert best.code == "11-2022.00"
    assert best.matched_label in {"Sales VP", "Sales Vice President"}


def test_typos_still_land_with_a_lower_score(toy: TitleMatcher) -> None:
    exact = toy.normalize("Software Engineer").candidates[0]
    typo = toy.normalize("Sofware Engneer").candidates[0]
    assert typo.code == exact.code == "15-1252.00"
    assert 0 < typo.score < exact.score <= 1


def test_esco_labels_carry_their_source_and_link(toy: TitleMatcher) -> None:
    best = toy.normalize("Programmer").candidates[0]
    assert best.code == "15-1252.00"
    assert best.label_kind == "esco"
    assert best.source == "ESCO 1.1.1 occupation label"
    assert best.via == "software developer"
    # The weaker link and the ESCO discount keep it below an exact O*NET label.
    assert best.score < toy.normalize("Software Engineer").candidates[0].score


def test_labels_of_unknown_codes_are_ignored(toy: TitleMatcher) -> None:
    assert all(c.code in TOY_TITLES for c in toy.normalize("Ghost Label", 10).candidates)


def test_limit_is_checked(toy: TitleMatcher) -> None:
    with pytest.raises(CareerError, match="limit"):
        toy.normalize("Nurse", 0)
    assert len(toy.normalize("Nurse", 1).candidates) == 1


# -- the bundled O*NET 29.0 + ESCO 1.1.1 labels ----------------------------------------------


def test_senior_software_engineer_two(matcher: TitleMatcher) -> None:
    result = matcher.normalize("Sr. Software Eng II")
    best = result.candidates[0]
    assert best.code == "15-1252.00"
    assert best.title == "Software Developers"
    assert result.parsed.seniority == "senior"
    assert result.parsed.level == "II"
    assert best.matched_label.lower() == "software engineer"
    assert best.source.startswith("O*NET 29.0")


def test_vp_sales_emea(matcher: TitleMatcher) -> None:
    assert "11-2022.00" in codes(matcher, "VP, Sales \u2013 EMEA", 3)


def test_hr_generalist(matcher: TitleMatcher) -> None:
    assert "13-1071.00" in codes(matcher, "HR generalist", 3)


def test_social_media_manager(matcher: TitleMatcher) -> None:
    # O*NET files "Social Media Specialist/Strategist" under 13-1161 (marketing specialists and
    # search marketing strategists); ESCO's "social media manager" links to 13-1161.01 too.
    found = codes(matcher, "social media mgr", 5)
    marketing = {"13-1161.00", "13-1161.01", "11-2021.00", "11-2032.00", "27-3031.00"}
    assert marketing & set(found)


def test_typo_lands(matcher: TitleMatcher) -> None:
    assert codes(matcher, "Sofware Engneer", 1) == ["15-1252.00"]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Registered Nurse - ICU (Nights)", "29-1141.03"),
        ("CFO", "11-1011.00"),
        ("Staff Accountant", "13-2011.00"),
        ("Truck Driver, CDL-A", "53-3032.00"),
        ("Director of Engineering", "11-9041.00"),
    ],
)
def test_more_real_world_titles(matcher: TitleMatcher, title: str, code: str) -> None:
    assert code in codes(matcher, title, 3)


def test_scores_are_ranked_and_bounded(matcher: TitleMatcher) -> None:
    result = matcher.normalize("data scientist", 10)
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert len({c.code for c in result.candidates}) == len(scores)


def test_long_input_with_a_real_title_is_refused_not_crashed(matcher: TitleMatcher) -> None:
    with pytest.raises(CareerError, match="keep it under 500"):
        matcher.normalize("Software Engineer " * 40)


def test_the_disk_cache_round_trips_and_ignores_damage(
    matcher: TitleMatcher, tmp_path: Path
) -> None:
    path = tmp_path / "cache" / "title-matcher-test.pickle"
    _write_cache(path, matcher)
    loaded = _read_cache(path)
    assert loaded is not None
    title = "Sr. Software Eng II"
    assert loaded.normalize(title).as_dict() == matcher.normalize(title).as_dict()
    path.write_bytes(b"not a pickle")
    assert _read_cache(path) is None


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # O*NET's own title word for word beats an occupation listing it as an alternate.
        ("Customer Service Representative", "43-4051.00"),
        ("Customer Service Rep", "43-4051.00"),
        ("customer service reps", "43-4051.00"),
        # An O*NET alternate title word for word beats an ESCO label reached through a link
        # (ESCO's "operations manager" is linked to mining engineers).
        ("Operations Manager", "11-1021.00"),
        ("Ops Mgr", "11-1021.00"),
        ("Sr. Operations Manager", "11-1021.00"),
        # Abbreviations expand before matching: Ops, Mgr, Sr, HR.
        ("Ops Manager", "11-1021.00"),
        ("HR Mgr", "11-3121.00"),
        ("Sr. Accountant", "13-2011.00"),
    ],
)
def test_exact_titles_win_over_fuzzy_neighbours(
    matcher: TitleMatcher, title: str, code: str
) -> None:
    best = matcher.normalize(title, 3).candidates[0]
    assert best.code == code
    assert best.score == 1.0 and best.label_kind in ("title", "alternate")


def test_social_media_manager_is_not_fundraising(matcher: TitleMatcher) -> None:
    # No O*NET title says "Social Media Manager": every one of the first three is a
    # marketing or public-relations occupation, never fundraising.
    top = codes(matcher, "Social Media Manager", 3)
    fitting = {"13-1161.00", "13-1161.01", "11-2021.00", "11-2032.00", "27-3031.00"}
    assert top[0] in fitting and set(top) <= fitting
    assert "11-2033.00" not in top


def test_a_trailing_principal_is_the_role_not_a_rung(matcher: TitleMatcher) -> None:
    # "Principal" after the role is a rung ("Principal Engineer"); as the last word it is the
    # job: a Deputy Principal runs a school, not a jail ("Deputy" is a corrections title).
    assert codes(matcher, "Deputy Principal", 1) == ["11-9032.00"]
    assert parse_title("Principal Engineer").seniority == "principal"


def test_a_bare_word_many_occupations_list_is_not_an_exact_answer(
    matcher: TitleMatcher,
) -> None:
    # "Engineer" is an alternate title of many engineering occupations: matching one of them
    # word for word decides nothing, so none is lifted to a perfect score.
    best = matcher.normalize("Principal Engineer", 3).candidates
    assert all(c.score < 1.0 for c in best)
