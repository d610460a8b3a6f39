"""Failed log-ins are throttled per account and per address, with backoff and a reset path."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import LoginThrottle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"  # the factory's


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.PARALLAX_LOGIN_THROTTLE = {
        "ACCOUNT_LIMIT": 5,
        "IP_LIMIT": 12,
        "BASE_LOCK": 60,
        "MAX_LOCK": 3600,
        "FORGET_AFTER": 86400,
    }


@pytest.fixture
def user(db):
    return UserFactory(email="ana@example.org")


def _login(client, email, password, ip="192.0.2.1", **headers):
    data = {"username": email, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=ip, **headers)


def _expire_locks():
    LoginThrottle.objects.update(locked_until=timezone.now() - timedelta(seconds=1))


def test_fifty_wrong_passwords_are_throttled_after_five(client, user):
    statuses = [_login(client, user.email, f"wrong-{i}").status_code for i in range(50)]
    assert statuses[:5] == [200] * 5  # the form again, "wrong password"
    assert set(statuses[5:]) == {429}
    throttle = LoginThrottle.objects.get(key="email:ana@example.org")
    assert throttle.failures == 5  # attempts during the lock are refused, not even tried


def test_a_locked_account_refuses_even_the_right_password_and_says_why(client, user):
    for i in range(5):
        _login(client, user.email, f"wrong-{i}")
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Too many failed log-ins for this account. Try again in 1 minute" in page
    assert reverse("password_reset") in page
    assert 0 < int(response["Retry-After"]) <= 60


def test_after_the_lock_expires_the_real_user_logs_in_and_the_count_is_cleared(client, user):
    for i in range(5):
        _login(client, user.email, f"wrong-{i}")
    _expire_locks()
    response = _login(client, user.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert not LoginThrottle.objects.filter(key="email:ana@example.org").exists()


def test_each_failure_after_a_lock_doubles_the_next_lock_up_to_the_cap(client, user, settings):
    for i in range(5):
        _login(client, user.email, f"wrong-{i}")
    locks = []
    for i in range(9):
        _expire_locks()
        before = timezone.now()
        _login(client, user.email, f"again-{i}")
        until = LoginThrottle.objects.get(key="email:ana@example.org").locked_until
        locks.append(round((until - before).total_seconds() / 60))
    assert locks == [2, 4, 8, 16, 32, 60, 60, 60, 60]  # minutes; capped at MAX_LOCK


def test_one_address_guessing_many_accounts_is_throttled_but_other_addresses_are_not(client):
    statuses = [
        _login(client, f"person{i}@example.org", "guess", ip="198.51.100.7").status_code
        for i in range(15)
    ]
    assert statuses[:12] == [200] * 12 and set(statuses[12:]) == {429}
    response = _login(client, "person99@example.org", "guess", ip="198.51.100.7")
    assert "Too many failed log-ins from your network" in response.content.decode()
    other = UserFactory(email="bo@example.org")
    assert _login(client, other.email, PASSWORD, ip="203.0.113.9").status_code == 302


def test_x_forwarded_for_is_ignored_unless_a_proxy_is_declared(client, settings):
    for i in range(12):
        _login(client, f"p{i}@example.org", "x", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
    # every attempt came from one REMOTE_ADDR, whatever the header claimed
    assert LoginThrottle.objects.get(key="ip:192.0.2.1").failures == 12
    settings.TRUST_X_FORWARDED_FOR = True
    _login(client, "q@example.org", "x", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.9.8.7")
    assert LoginThrottle.objects.get(key="ip:10.9.8.7").failures == 1


def test_a_password_reset_clears_the_lock(client, user):
    for i in range(5):
        _login(client, user.email, f"wrong-{i}")
    assert _login(client, user.email, PASSWORD).status_code == 429
    client.post(reverse("password_reset"), {"email": user.email})
    link = re.search(r"/accounts/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    new = "a-brand-new-passphrase"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert _login(client, user.email, new).status_code == 302


def test_the_admin_log_in_page_shares_the_throttle(client, user):
    for i in range(5):
        _login(client, user.email, f"wrong-{i}")
    response = client.post(
        reverse("admin:login"),
        {"username": user.email, "password": PASSWORD},
        REMOTE_ADDR="1.2.3.4",
    )
    assert "Too many failed log-ins for this account" in response.content.decode()
