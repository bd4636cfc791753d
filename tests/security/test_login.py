"""The admin login resists guessing, and sessions end."""

import pytest

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="eddie", password="correct-horse-battery", is_superuser=True
    )


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def attempt(client, password: str):
    return client.post(LOGIN, {"username": "eddie", "password": password})


def test_five_wrong_passwords_lock_the_account_out(client, editor, axes_on):
    for _ in range(5):
        assert attempt(client, "guess").status_code in (200, 429)
    locked = attempt(client, "correct-horse-battery")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_fewer_failures_still_let_the_right_password_in(client, editor, axes_on):
    for _ in range(4):
        attempt(client, "guess")
    response = attempt(client, "correct-horse-battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_sessions_end_with_the_browser_or_after_twelve_hours(client, editor, axes_on):
    attempt(client, "correct-horse-battery")
    cookie = client.cookies["sessionid"]
    assert cookie["max-age"] == ""  # Ends when the browser closes.
    assert cookie["httponly"] is True
    client.logout()
    client.post(
        LOGIN,
        {"username": "eddie", "password": "correct-horse-battery", "remember": "on"},
    )
    assert client.cookies["sessionid"]["max-age"] == 12 * 60 * 60


def test_weak_passwords_are_refused(editor):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["password", "12345678", "eddie123"]:
        with pytest.raises(ValidationError):
            validate_password(weak, editor)
