"""``career accounts``, ``career grants`` and ``career audit``: a coaching practice's accounts,
what each client lets a coach see, and who looked.

``accounts`` is the practice admin's: it works on the configured database directly.
``grants`` and ``audit`` act as the person named by ``CAREER_PERSON``, like every other command.
"""

from __future__ import annotations

import sys

import typer

from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.services import access
from careerceo.services import accounts as service

accounts_app = typer.Typer(help="Accounts of a coaching practice (CAREER_AUTH=accounts).")
grants_app = typer.Typer(help="Let a coach read or comment on one area of your data.")


def _password_from_stdin() -> str:
    """The password is read from standard input, never from the command line (where it would
    land in the shell history and the process list)."""
    if sys.stdin.isatty():
        fail(
            "pipe the password in: printf '%s' \"$PASSWORD\" | career accounts ... --password-stdin"
        )
    return sys.stdin.read().rstrip("\r\n")


@accounts_app.command("create")
@user_errors
def create(
    email: str,
    role: str = typer.Option("client", help="client, coach or admin"),
    name: str = typer.Option("", help="The person's name"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password"),
) -> None:
    """Create an account (and the person whose data it owns)."""
    if not password_stdin:
        fail("give the password on standard input with --password-stdin")
    made = service.create_account(context(), email, role, _password_from_stdin(), name)
    console.print(f"Created {made.role} account {made.email} (#{made.id}).", highlight=False)


@accounts_app.command("list")
@user_errors
def list_(as_json: bool = typer.Option(False, "--json")) -> None:
    """Every account with its role and whether it is disabled."""
    rows = service.list_accounts(context())
    if as_json:
        print_json(rows)
        return
    print_table(
        "Accounts",
        ["#", "E-mail", "Role", "State", "Created"],
        [
            (a.id, a.email, a.role, "disabled" if a.disabled else "active", a.created_at)
            for a in rows
        ],
        empty="No accounts yet: career accounts create EMAIL --password-stdin",
    )


@accounts_app.command("disable")
@user_errors
def disable(
    email: str, enable: bool = typer.Option(False, "--enable", help="Enable again")
) -> None:
    """Stop an account from signing in; its sessions end at once."""
    done = service.set_disabled(context(), email, not enable)
    console.print(f"{done.email} is {'disabled' if done.disabled else 'active'}.", highlight=False)


@accounts_app.command("reset-password")
@user_errors
def reset_password(
    email: str,
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password"),
) -> None:
    """Set a new password; every session of the account ends."""
    if not password_stdin:
        fail("give the new password on standard input with --password-stdin")
    done = service.reset_password(context(), email, _password_from_stdin())
    console.print(f"New password set for {done.email}; its sessions ended.", highlight=False)


@accounts_app.command("token")
@user_errors
def token(
    email: str,
    name: str = typer.Option(..., "--name", help="What the token is for"),
) -> None:
    """Make a personal access token for the API; it is printed once, keep it secret."""
    value, made = service.create_token(context(), email, name)
    console.print(f"Token #{made.id} ({made.name}) for {email}; it is shown only now:")
    typer.echo(value)


@accounts_app.command("tokens")
@user_errors
def tokens(email: str) -> None:
    """An account's access tokens (never their values)."""
    rows = service.list_tokens(context(), email)
    print_table(
        f"Tokens of {email}",
        ["#", "Name", "Created", "Last used", "State"],
        [
            (t.id, t.name, t.created_at, t.last_used_at, "revoked" if t.revoked else "live")
            for t in rows
        ],
        empty="No tokens.",
    )


@accounts_app.command("revoke-token")
@user_errors
def revoke_token(email: str, token_id: int) -> None:
    """Revoke one access token at once."""
    service.revoke_token(context(), email, token_id)
    console.print(f"Token #{token_id} of {email} is revoked.", highlight=False)


@accounts_app.command("logout-everywhere")
@user_errors
def logout_everywhere(email: str) -> None:
    """End every session of an account."""
    ctx = context()
    account = next((a for a in service.list_accounts(ctx) if a.email == email.lower()), None)
    if account is None:
        fail(f"there is no account for {email}")
    ended = service.logout_everywhere(ctx, account.id)
    console.print(f"Ended {ended} session(s) of {account.email}.", highlight=False)


@grants_app.command("add")
@user_errors
def grant_add(
    coach: str,
    area: str = typer.Option(..., "--area", help=", ".join(access.AREAS)),
    level: str = typer.Option("read", "--level", help="read or comment"),
) -> None:
    """Let COACH (their account e-mail) read, or read and comment on, one area."""
    made = access.grant(context(), coach, area, level)
    console.print(f"Grant #{made.id}: {made.coach} may {made.level} {made.area}.", highlight=False)


@grants_app.command("list")
@user_errors
def grant_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """The coaches who may see your data, and what."""
    rows = access.list_grants(context())
    if as_json:
        print_json(rows)
        return
    print_table(
        "Grants",
        ["#", "Coach", "Area", "Level", "Since"],
        [(g.id, g.coach, g.area, g.level, g.created_at) for g in rows],
        empty="No coach can see your data.",
    )


@grants_app.command("revoke")
@user_errors
def grant_revoke(grant_id: int) -> None:
    """Take a grant back; the coach loses access at once."""
    access.revoke(context(), grant_id)
    console.print(f"Grant #{grant_id} is revoked.")


@user_errors
def audit(as_json: bool = typer.Option(False, "--json")) -> None:
    """Who looked at, commented on or changed access to your data, newest first."""
    rows = access.audit_log(context())
    if as_json:
        print_json(rows)
        return
    print_table(
        "Audit log",
        ["When (UTC)", "Who", "Did", "What", "From"],
        [(e.at, e.actor, e.action, e.what, e.address) for e in rows],
        empty="Nobody has looked at your data.",
    )


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(grants_app, name="grants")
    app.command("audit")(audit)
