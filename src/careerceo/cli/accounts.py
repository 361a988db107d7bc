"""``career accounts``, ``career grants`` and ``career audit``: a coaching practice's accounts,
what each client lets a coach see, and who looked.

``accounts`` is the practice admin's: it works on the configured database directly.
``grants`` and ``audit`` act as the person named by ``CAREER_PERSON``, like every other command.
"""

from __future__ import annotations

import sys

import typer

from careerceo.cli.common import console, context, fail, print_table, user_errors
from careerceo.cli.render import JSON, OVERWRITE, present_rows, say, write_private
from careerceo.documents import qr
from careerceo.services import access, account_data, second_factor
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
    say(f"Created {made.role} account {made.email} (#{made.id}).")


@accounts_app.command("list")
@user_errors
def list_(as_json: bool = JSON) -> None:
    """Every account with its role and whether it is disabled."""
    present_rows(
        service.list_accounts(context()),
        as_json,
        "Accounts",
        ["#", "E-mail", "Role", "State", "Created"],
        lambda a: (a.id, a.email, a.role, "disabled" if a.disabled else "active", a.created_at),
        empty="No accounts yet: career accounts create EMAIL --password-stdin",
    )


@accounts_app.command("disable")
@user_errors
def disable(
    email: str, enable: bool = typer.Option(False, "--enable", help="Enable again")
) -> None:
    """Stop an account from signing in; its sessions end at once."""
    done = service.set_disabled(context(), email, not enable)
    say(f"{done.email} is {'disabled' if done.disabled else 'active'}.")


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
    say(f"New password set for {done.email}; its sessions ended.")


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
    say(f"Token #{token_id} of {email} is revoked.")


@accounts_app.command("logout-everywhere")
@user_errors
def logout_everywhere(email: str) -> None:
    """End every session of an account."""
    ctx = context()
    account = next((a for a in service.list_accounts(ctx) if a.email == email.lower()), None)
    if account is None:
        fail(f"there is no account for {email}")
    ended = service.logout_everywhere(ctx, account.id)
    say(f"Ended {ended} session(s) of {account.email}.")


@grants_app.command("add")
@user_errors
def grant_add(
    coach: str,
    area: str = typer.Option(..., "--area", help=", ".join(access.AREAS)),
    level: str = typer.Option("read", "--level", help="read or comment"),
) -> None:
    """Let COACH (their account e-mail) read, or read and comment on, one area."""
    made = access.grant(context(), coach, area, level)
    say(f"Grant #{made.id}: {made.coach} may {made.level} {made.area}.")


@grants_app.command("list")
@user_errors
def grant_list(as_json: bool = JSON) -> None:
    """The coaches who may see your data, and what."""
    present_rows(
        access.list_grants(context()),
        as_json,
        "Grants",
        ["#", "Coach", "Area", "Level", "Since"],
        lambda g: (g.id, g.coach, g.area, g.level, g.created_at),
        empty="No coach can see your data.",
    )


@grants_app.command("revoke")
@user_errors
def grant_revoke(grant_id: int) -> None:
    """Take a grant back; the coach loses access at once."""
    access.revoke(context(), grant_id)
    console.print(f"Grant #{grant_id} is revoked.")


@user_errors
def audit(as_json: bool = JSON) -> None:
    """Who looked at, commented on or changed access to your data, newest first."""
    present_rows(
        access.audit_log(context()),
        as_json,
        "Audit log",
        ["When (UTC)", "Who", "Did", "What", "From"],
        lambda e: (e.at, e.actor, e.action, e.what, e.address),
        empty="Nobody has looked at your data.",
    )


@accounts_app.command("reset-2fa")
@user_errors
def reset_second_factor(email: str) -> None:
    """Turn off an account's lost second factor; its sessions end (the practice log notes it)."""
    if second_factor.admin_reset(context(), email):
        say(f"The second factor of {email} is off; its sessions ended.")
    else:
        say(f"{email} had no second factor; its sessions ended.")


@accounts_app.command("log")
@user_errors
def practice_log(as_json: bool = JSON) -> None:
    """The practice's log: accounts deleted and second factors reset (no names or e-mails)."""
    present_rows(
        service.practice_log(context()),
        as_json,
        "Practice log",
        ["When (UTC)", "What", "Detail"],
        lambda e: (e.at, e.action, e.what),
        empty="Nothing logged yet.",
    )


# -- the person's own account (CAREER_PERSON) ---------------------------------------------------

account_app = typer.Typer(help="Your own account: second factor, export, deletion.")
factor_app = typer.Typer(help="An optional second factor (TOTP codes from an authenticator app).")
account_app.add_typer(factor_app, name="2fa")


@factor_app.command("status")
@user_errors
def factor_status() -> None:
    """Whether signing in asks for a code, and how many recovery codes are left."""
    ctx = context()
    state = second_factor.status(ctx, service.owner_identity(ctx).account_id)
    if state.enabled:
        console.print(f"On; {state.recovery_left} recovery code(s) left.")
    else:
        console.print("Off" + (" (set up, waiting for a first code)." if state.pending else "."))


@factor_app.command("enable")
@user_errors
def factor_enable() -> None:
    """Make a secret and show it once (QR code, link and text); confirm with a first code."""
    ctx = context()
    made = second_factor.start(ctx, service.owner_identity(ctx))
    typer.echo(qr.terminal(made.uri))
    typer.echo(f"Secret: {made.secret}")
    typer.echo(f"Link:   {made.uri}")
    console.print(
        "Scan the code or paste the secret into an authenticator app, then run "
        "[bold]career account 2fa confirm CODE[/] with the code it shows. Until then signing "
        "in does not ask for one."
    )


@factor_app.command("confirm")
@user_errors
def factor_confirm(code: str) -> None:
    """Turn the factor on with the app's current code; prints the recovery codes once."""
    ctx = context()
    codes = second_factor.confirm(ctx, service.owner_identity(ctx), code)
    console.print("The second factor is on. Recovery codes (each works once; shown only now):")
    for one in codes:
        typer.echo(one)


@factor_app.command("disable")
@user_errors
def factor_disable(code: str) -> None:
    """Turn the factor off, with a current code or a recovery code."""
    ctx = context()
    second_factor.disable(ctx, service.owner_identity(ctx), code)
    console.print("The second factor is off; a password alone signs in.")


@account_app.command("export")
@user_errors
def account_export(
    file: str = typer.Argument(..., help="Where to write it; '-' writes to stdout."),
    force: bool = OVERWRITE,
) -> None:
    """Everything you own as one JSON file: your career backup, account, grants, comments,
    audit log, tokens and sessions (never secrets)."""
    path, _ = write_private(file, force, lambda: account_data.export_account(context()))
    if path is not None:
        console.print(f"Your data was written to [bold]{path}[/].")


@account_app.command("delete")
@user_errors
def account_delete(
    confirm: str = typer.Option(
        ..., "--confirm", help="Your account's e-mail ('delete' for the local person)."
    ),
) -> None:
    """Delete your account and all your data; it cannot be undone (export first)."""
    removed = account_data.delete_account(context(), confirm)
    console.print(f"Deleted: {sum(removed.values())} record(s) and the account.")


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(account_app, name="account")
    app.add_typer(grants_app, name="grants")
    app.command("audit")(audit)
