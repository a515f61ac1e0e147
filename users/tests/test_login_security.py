"""Admin login hardening: lockout after failed logins, the TOTP second factor for the board's leaders,
strong passwords and sign-out after inactivity."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.board_file import load_board_file
from news.tests.factories import SectionPageFactory
from users.two_factor import requires_two_factor

from .factories import SuperuserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Dang-nhap-2026"
BOARD = """
members:
  - {username: truong.ban, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: pho.ban, full_name: Trần Trung Định, roles: [deputy], sections: [tin-tuc]}
  - {username: thu.ky, full_name: Lê Hoàng Trung, roles: [secretary, admin]}
  - {username: thanh.vien, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
"""
LOGIN = "/admin/login/"
PAGES = "/admin/pages/"
DASHBOARD = "/admin/"


@pytest.fixture
def board(home_page, tmp_path):
    SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    path = tmp_path / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return users


@pytest.fixture
def lockout_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def two_factor_on(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture
def clock():
    with time_machine.travel(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


def log_in(client, username, password, address="203.0.113.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def opens_pages(client):
    """The page explorer opens (it forwards to the user's root page), not a login or second-factor step."""
    response = client.get(PAGES, follow=True)
    return response.status_code == 200 and response.request["PATH_INFO"].startswith(PAGES)


def signed_out(client):
    return client.get(DASHBOARD)["Location"].startswith(reverse("wagtailadmin_login"))


def code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def wrong_code(device):
    valid = {code(device, drift) for drift in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000000) if f"{n:06d}" not in valid)


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


# Lockout (django-axes)


def test_five_wrong_passwords_lock_the_username_from_that_address_only(client, board, lockout_on):
    for _ in range(4):
        assert log_in(client, "truong.ban", "sai-mat-khau-1", "203.0.113.4").status_code == 200
    locked = log_in(client, "truong.ban", "sai-mat-khau-1", "203.0.113.4")
    assert locked.status_code == 429
    assert "tạm bị khóa" in locked.content.decode() and "15 phút" in locked.content.decode()
    # The right password from that address is refused too, and nobody is signed in.
    assert log_in(client, "truong.ban", PASSWORD, "203.0.113.4").status_code == 429
    assert signed_out(client)
    # From the member of staff's own address, the account still opens: nobody elsewhere can lock it.
    assert log_in(client, "truong.ban", PASSWORD, "198.51.100.9").status_code == 302


@pytest.mark.parametrize("url", ["/django-admin/login/", "/admin/login/"])
def test_the_lock_holds_on_every_login_form(client, board, lockout_on, url):
    """Failures count across both login forms (Wagtail's and Django's admin), and the lock refuses on both."""
    other = "/django-admin/login/" if url == "/admin/login/" else "/admin/login/"
    for form in [url, other] * 2:
        client.post(form, {"username": "truong.ban", "password": "sai"}, REMOTE_ADDR="203.0.113.5")
    client.post(url, {"username": "truong.ban", "password": "sai"}, REMOTE_ADDR="203.0.113.5")

    for form in (url, other):
        right = {"username": "truong.ban", "password": PASSWORD}
        assert client.post(form, right, REMOTE_ADDR="203.0.113.5").status_code == 429
    assert signed_out(client)


def test_many_failures_from_one_address_lock_it_for_every_username(client, board, lockout_on, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    for name in "abcdefg":
        assert log_in(client, f"khong.co.{name}", "sai-mat-khau-1").status_code == 200
    assert log_in(client, "khong.co.h", "sai-mat-khau-1").status_code == 429
    assert log_in(client, "ctv", PASSWORD).status_code == 429
    assert signed_out(client)
    assert log_in(client, "ctv", PASSWORD, "198.51.100.20").status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_failures_for_several_usernames_below_the_address_limit_lock_nobody_else(client, board, lockout_on):
    for name in "abcde":
        log_in(client, f"khong.co.{name}", "sai-mat-khau-1")
    assert log_in(client, "ctv", PASSWORD).status_code == 302


def test_a_forged_first_forwarded_hop_is_not_the_address_counted(client, board, lockout_on, settings):
    """Behind one proxy, the client is the hop that proxy appended: varying the forged first hop neither
    escapes the lockout nor locks the user out at the forged address."""
    settings.TRUSTED_PROXY_COUNT = 1

    def through_proxy(password, forged, real="203.0.113.50"):
        data = {"username": "truong.ban", "password": password}
        return client.post(LOGIN, data, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{forged}, {real}")

    for attempt in range(5):
        through_proxy("sai-mat-khau-1", f"198.51.100.{attempt}")
    assert through_proxy(PASSWORD, "198.51.100.99").status_code == 429
    assert through_proxy(PASSWORD, "203.0.113.50", real="192.0.2.7").status_code == 302


def test_a_successful_login_clears_the_count_of_earlier_failures(client, board, lockout_on):
    for attempt in range(4):
        log_in(client, "ctv", "sai-mat-khau-1", f"203.0.113.{attempt}")
    assert log_in(client, "ctv", PASSWORD, "198.51.100.1").status_code == 302
    client.logout()
    for attempt in range(4):
        log_in(client, "ctv", "sai-mat-khau-1", f"192.0.2.{attempt}")
    assert log_in(client, "ctv", PASSWORD, "198.51.100.2").status_code == 302


# Second factor (django-otp, TOTP)


@pytest.mark.parametrize("username", ["truong.ban", "pho.ban", "thu.ky"])
def test_leaders_must_use_two_factor_members_and_contributors_need_not(board, two_factor_on, username):
    assert requires_two_factor(board[username])
    assert not requires_two_factor(board["thanh.vien"]) and not requires_two_factor(board["ctv"])
    assert requires_two_factor(SuperuserFactory())


def test_nobody_is_forced_when_the_requirement_is_off(board, settings):
    settings.PORTAL_REQUIRE_2FA = False
    assert not requires_two_factor(board["truong.ban"])


def test_a_head_without_a_device_sets_one_up_before_any_admin_page(client, board, two_factor_on, clock):
    client.force_login(board["truong.ban"])
    response = client.get(PAGES)
    assert response.status_code == 302
    assert (
        response["Location"].startswith(reverse("two_factor_setup"))
        and "next=%2Fadmin%2Fpages%2F" in (response["Location"])
    )
    for other in (DASHBOARD, "/admin/account/", "/django-admin/"):
        assert client.get(other)["Location"].startswith(reverse("two_factor_setup"))

    setup = client.get(response["Location"])
    device = TOTPDevice.objects.get(user=board["truong.ban"], confirmed=False)
    page = setup.content.decode()
    assert setup.status_code == 200 and "<svg" in page and "otpauth://totp/" in page
    reloaded = client.get(response["Location"])
    assert reloaded.context["secret"] == setup.context["secret"]

    refused = client.post(response["Location"], {"token": wrong_code(device), "next": PAGES})
    assert refused.status_code == 200 and "Mã xác thực không đúng" in refused.content.decode()
    assert client.get(PAGES)["Location"].startswith(reverse("two_factor_setup"))

    clock.shift(dt.timedelta(seconds=5))  # django-otp makes one wait a second after a wrong code
    confirmed = client.post(response["Location"], {"token": code(device), "next": PAGES})
    assert confirmed.status_code == 302 and confirmed["Location"] == PAGES
    assert TOTPDevice.objects.get(user=board["truong.ban"]).confirmed
    assert opens_pages(client)


def test_after_the_password_a_head_with_a_device_gives_the_code(
    client, board, two_factor_on, lockout_on, clock
):
    device = confirmed_device(board["truong.ban"])
    assert log_in(client, "truong.ban", PASSWORD).status_code == 302
    response = client.get(PAGES)
    assert response["Location"].startswith(reverse("two_factor_verify"))

    refused = client.post(response["Location"], {"token": wrong_code(device)})
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert "đúng 6 chữ số" in client.post(response["Location"], {"token": "12ab"}).content.decode()
    assert client.get(PAGES)["Location"].startswith(reverse("two_factor_verify"))
    # Right after a wrong code even the right one waits: guessing a million codes is not an option.
    assert "hãy đợi vài giây" in client.post(response["Location"], {"token": code(device)}).content.decode()

    clock.shift(dt.timedelta(seconds=5))
    assert client.post(response["Location"], {"token": code(device)})["Location"] == PAGES
    assert opens_pages(client)


def test_a_contributor_is_not_forced_and_can_turn_it_on_from_the_account(client, board, two_factor_on):
    client.force_login(board["ctv"])
    assert client.get(DASHBOARD).status_code == 200
    assert "Bật xác thực hai lớp" in client.get(reverse("wagtailadmin_account")).content.decode()


def test_someone_who_turned_it_on_is_asked_for_the_code_even_when_not_required(client, board, settings):
    settings.PORTAL_REQUIRE_2FA = False
    confirmed_device(board["ctv"])
    client.force_login(board["ctv"])
    assert client.get(DASHBOARD)["Location"].startswith(reverse("two_factor_verify"))


def test_an_unverified_leader_can_still_sign_out(client, board, two_factor_on):
    client.force_login(board["truong.ban"])
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_login")
    assert signed_out(client)


def test_public_pages_are_not_held_at_the_second_factor(client, board, two_factor_on):
    client.force_login(board["truong.ban"])
    assert client.get("/tin-tuc/").status_code == 200


# Passwords


def test_a_password_needs_letters_and_digits():
    for weak in ("chi-co-chu-cai-thoi", "2026-0511-2026-99"):
        with pytest.raises(ValidationError) as refused:
            validate_password(weak)
        assert any("Mật khẩu phải có cả chữ cái và chữ số" in message for message in refused.value.messages)
    validate_password("Ban-bien-tap-2026")


def test_the_admin_user_form_refuses_a_password_without_digits(client):
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "moi.vao",
            "email": "moi.vao@example.gov.vn",
            "first_name": "Vào",
            "last_name": "Nguyễn Văn",
            "password1": "khong-co-chu-so-nao",
            "password2": "khong-co-chu-so-nao",
        },
    )
    assert "Mật khẩu phải có cả chữ cái và chữ số" in response.content.decode()
    assert not get_user_model().objects.filter(username="moi.vao").exists()


# Inactivity


def test_a_session_idle_longer_than_the_limit_is_sent_to_login(client, board, clock):
    client.force_login(board["ctv"])
    assert client.get(DASHBOARD).status_code == 200
    clock.shift(dt.timedelta(minutes=20))
    assert client.get(DASHBOARD).status_code == 200  # activity: the 30 minutes start again
    clock.shift(dt.timedelta(minutes=25))
    assert client.get(DASHBOARD).status_code == 200
    clock.shift(dt.timedelta(minutes=31))
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_open_editors_background_pings_do_not_keep_the_session_alive(client, board, clock):
    client.force_login(board["ctv"])
    assert client.get(DASHBOARD).status_code == 200
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", "1", "1"])
    for _ in range(4):
        clock.shift(dt.timedelta(minutes=8))
        client.post(ping)
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
