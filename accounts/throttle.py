"""Login throttling: failed log-ins per account and per client address, with backoff.

After ``ACCOUNT_LIMIT`` failures for one e-mail address (or ``IP_LIMIT`` from one address)
further attempts are refused, correct password or not, for ``BASE_LOCK`` seconds; each
failure after a lock expires doubles it, up to ``MAX_LOCK``. Counts are forgotten
``FORGET_AFTER`` seconds after the last failure, so the real user is never locked out for
good; a successful log-in clears its account's count and a password reset clears the
account's lock. The address count is not cleared by a success: otherwise one valid account
would let an attacker keep guessing the passwords of others.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import LoginThrottle

DEFAULTS = {
    "ACCOUNT_LIMIT": 5,
    "IP_LIMIT": 30,  # higher: an office or a mobile network shares one address
    "BASE_LOCK": 60,
    "MAX_LOCK": 60 * 60,
    "FORGET_AFTER": 24 * 60 * 60,
}


def conf(name: str) -> int:
    return getattr(settings, "PARALLAX_LOGIN_THROTTLE", {}).get(name, DEFAULTS[name])


@dataclass(frozen=True)
class Lockout:
    scope: str  # "account" or "address"
    until: datetime

    @property
    def message(self) -> str:
        minutes = max(1, math.ceil((self.until - timezone.now()).total_seconds() / 60))
        wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
        if self.scope == "account":
            return (
                f"Too many failed log-ins for this account. Try again in {wait}, "
                "or reset your password by e-mail to unlock it now."
            )
        return f"Too many failed log-ins from your network. Try again in {wait}."


def client_ip(request: HttpRequest | None) -> str:
    """The client's address: REMOTE_ADDR, or the last X-Forwarded-For hop when our own proxy
    appends it (TRUST_X_FORWARDED_FOR); clients can write any X-Forwarded-For they like."""
    if request is None:
        return ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded:
        return forwarded.split(",")[-1].strip()[:100]
    return request.META.get("REMOTE_ADDR", "")[:100]


def _keys(*, email: str, ip: str) -> list[tuple[str, str, int]]:
    keys = [("account", f"email:{email.strip().lower()}", conf("ACCOUNT_LIMIT"))]
    if ip:
        keys.append(("address", f"ip:{ip}", conf("IP_LIMIT")))
    return keys


def login_lockout(*, email: str, ip: str) -> Lockout | None:
    """The lock that refuses this attempt now, if any (the account's first)."""
    now = timezone.now()
    scopes = {key: scope for scope, key, _ in _keys(email=email, ip=ip)}
    locked = LoginThrottle.objects.filter(key__in=scopes, locked_until__gt=now)
    found = sorted((scopes[t.key], t.locked_until) for t in locked)
    return Lockout(*found[0]) if found else None


@transaction.atomic
def login_failed(*, email: str, ip: str) -> None:
    now = timezone.now()
    forget = timedelta(seconds=conf("FORGET_AFTER"))
    for _, key, limit in _keys(email=email, ip=ip):
        throttle, _ = LoginThrottle.objects.select_for_update().get_or_create(
            key=key, defaults={"last_failure_at": now}
        )
        if now - throttle.last_failure_at > forget:
            throttle.failures = 0
        throttle.failures += 1
        throttle.last_failure_at = now
        if throttle.failures >= limit:
            seconds = conf("BASE_LOCK") * 2 ** min(throttle.failures - limit, 20)
            throttle.locked_until = now + timedelta(seconds=min(seconds, conf("MAX_LOCK")))
        throttle.save()
    # Unknown addresses are counted too (not to reveal which exist); forget them in time.
    stale = LoginThrottle.objects.filter(last_failure_at__lt=now - forget)
    stale.exclude(locked_until__gt=now).delete()


def login_succeeded(*, email: str) -> None:
    LoginThrottle.objects.filter(key=_keys(email=email, ip="")[0][1]).delete()


def account_unlock(*, email: str) -> None:
    """After a password reset: whoever set the new password controls the mailbox."""
    login_succeeded(email=email)
