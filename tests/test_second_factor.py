"""The optional TOTP second factor on real databases (SQLite, PostgreSQL): RFC 6238 vectors,
enrolment in two steps, codes and recovery codes accepted once, the limit on wrong codes, and
the admin's reset."""

from __future__ import annotations

import base64

import pytest

from careerceo.analysis import otp
from careerceo.errors import CareerError
from careerceo.services import accounts as service
from careerceo.services import second_factor as factor
from careerceo.services.context import AppContext
from careerceo.store.accounts import PracticeLogRepository

PASSWORD = "correct horse battery staple"
T0 = 1_800_000_000.0  # a fixed moment; the clock is moved explicitly


def test_the_rfc_6238_and_4226_vectors() -> None:
    key = b"12345678901234567890"
    assert [otp.hotp(key, i) for i in range(4)] == ["755224", "287082", "359152", "969429"]
    secret = base64.b32encode(key).decode()
    # RFC 6238 appendix B (SHA-1) at 59 s and 1111111109 s, last six of the eight digits
    assert otp.code_at(secret, 59) == "287082"
    assert otp.code_at(secret, 1111111109) == "081804"
    uri = otp.provisioning_uri(secret, "a@example.org", "Career CEO")
    assert uri.startswith("otpauth://totp/Career%20CEO:a@example.org?secret=")
    assert "issuer=Career+CEO" in uri


def _enrolled(
    ctx: AppContext, email: str = "a@example.org"
) -> tuple[service.Identity, str, list[str]]:
    service.create_account(ctx, email, "client", PASSWORD)
    _, who = service.login(ctx, email, PASSWORD, "10.0.0.1")
    started = factor.start(ctx, who)
    assert factor.status(ctx, who.account_id).pending
    with pytest.raises(CareerError, match="not the code"):
        factor.confirm(ctx, who, "000000" if otp.code_at(started.secret, T0) != "000000" else "1")
    codes = factor.confirm(ctx, who, otp.code_at(started.secret, T0), factor.Clock(T0))
    return who, started.secret, codes


def test_enrol_then_sign_in_needs_a_code_once(ctx: AppContext) -> None:
    who, secret, codes = _enrolled(ctx)
    assert len(codes) == factor.RECOVERY_CODES == len(set(codes))
    state = factor.status(ctx, who.account_id)
    assert state.enabled and state.recovery_left == 10
    # a password alone no longer signs in
    with pytest.raises(CareerError) as refused:
        service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")
    assert refused.value.status == 401
    assert (
        service.check_login(ctx, "a@example.org", PASSWORD, "10.0.0.1").account_id == who.account_id
    )
    pending = factor.begin(ctx, who)
    assert service.session_identity(ctx, pending) is None  # the pending cookie opens nothing
    later = T0 + 60  # two steps later: the confirmation's code is spent, this one is new
    token, signed = factor.finish(
        ctx, pending, otp.code_at(secret, later), "10.0.0.1", factor.Clock(later)
    )
    assert token != pending and service.session_identity(ctx, token) is not None
    assert signed.account_id == who.account_id
    with pytest.raises(CareerError, match="sign in with your password again"):
        factor.finish(ctx, pending, otp.code_at(secret, later), "10.0.0.1", factor.Clock(later))
    # the same code cannot be used twice (a replay), even within its 30 seconds
    again = factor.begin(ctx, who)
    with pytest.raises(CareerError) as replay:
        factor.finish(ctx, again, otp.code_at(secret, later), "10.0.0.1", factor.Clock(later))
    assert replay.value.status == 401


def test_recovery_codes_work_once_and_are_stored_hashed(ctx: AppContext) -> None:
    who, _, codes = _enrolled(ctx)
    pending = factor.begin(ctx, who)
    token, _ = factor.finish(ctx, pending, codes[3].upper().replace("-", " "), "10.0.0.1")
    assert service.session_identity(ctx, token) is not None
    assert factor.status(ctx, who.account_id).recovery_left == 9
    with pytest.raises(CareerError):
        factor.finish(ctx, factor.begin(ctx, who), codes[3], "10.0.0.1")
    from sqlalchemy import select

    from careerceo.store.access_tables import RecoveryCode, TotpFactor

    with ctx.db.transaction() as s:
        stored = s.scalars(select(RecoveryCode.code_hash)).all()
        assert s.scalars(select(TotpFactor)).first() is not None
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert service.digest(codes[0]) in stored


def test_wrong_codes_are_limited_and_end_the_pending_sign_in(ctx: AppContext) -> None:
    who, secret, _ = _enrolled(ctx)
    pending = factor.begin(ctx, who)
    wrong = "123456" if otp.code_at(secret, T0 + 300) != "123456" else "654321"
    for _ in range(service.ACCOUNT_LIMIT):
        with pytest.raises(CareerError) as bad:
            factor.finish(ctx, pending, wrong, "10.0.0.2", factor.Clock(T0 + 300))
        assert bad.value.status == 401
    with pytest.raises(CareerError) as limited:
        factor.finish(
            ctx, pending, otp.code_at(secret, T0 + 300), "10.0.0.2", factor.Clock(T0 + 300)
        )
    assert limited.value.status == 429
    with pytest.raises(CareerError, match="password again"):  # the pending sign-in has ended
        factor.finish(
            ctx, pending, otp.code_at(secret, T0 + 300), "10.0.0.2", factor.Clock(T0 + 300)
        )


def test_owner_turns_it_off_with_a_code_and_the_admin_resets_a_lost_one(ctx: AppContext) -> None:
    who, secret, _ = _enrolled(ctx)
    with pytest.raises(CareerError, match="already on"):
        factor.start(ctx, who)
    with pytest.raises(CareerError) as bad:
        factor.disable(ctx, who, "12345x", factor.Clock(T0 + 90))
    assert bad.value.status == 403 and factor.status(ctx, who.account_id).enabled
    factor.disable(ctx, who, otp.code_at(secret, T0 + 90), factor.Clock(T0 + 90))
    assert not factor.status(ctx, who.account_id).enabled
    assert service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")[0]

    other, _, _ = _enrolled(ctx, "b@example.org")
    kept, _ = service.open_session(ctx, other, service.now())
    assert factor.admin_reset(ctx, "b@example.org") is True
    assert service.session_identity(ctx, kept) is None  # its sessions ended
    assert service.login(ctx, "b@example.org", PASSWORD, "10.0.0.1")[0]
    with ctx.db.transaction() as s:
        (event,) = PracticeLogRepository(s).list()
    assert event.action == "reset-2fa" and "b@example.org" not in event.what
    assert factor.admin_reset(ctx, "b@example.org") is False
    with pytest.raises(CareerError) as missing:
        factor.admin_reset(ctx, "nobody@example.org")
    assert missing.value.status == 404


def test_turning_it_off_is_limited_too(ctx: AppContext) -> None:
    who, secret, _ = _enrolled(ctx)
    later = T0 + 600
    wrong = "123456" if otp.code_at(secret, later) != "123456" else "654321"
    for _ in range(service.ACCOUNT_LIMIT):
        with pytest.raises(CareerError) as bad:
            factor.disable(ctx, who, wrong, factor.Clock(later))
        assert bad.value.status == 403
    with pytest.raises(CareerError) as limited:
        factor.disable(ctx, who, otp.code_at(secret, later), factor.Clock(later))
    assert limited.value.status == 429 and factor.status(ctx, who.account_id).enabled
