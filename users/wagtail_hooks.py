from django.urls import path, reverse
from django_otp import user_has_device
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("xac-thuc-hai-lop/", views.verify, name="two_factor_verify"),
        path("xac-thuc-hai-lop/cai-dat/", views.setup, name="two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Anyone may turn the second factor on from their account; leaders are made to at login."""
    if user_has_device(request.user, confirmed=True):
        return None
    return {
        "url": reverse("two_factor_setup"),
        "label": "Bật xác thực hai lớp",
        "help_text": "Khi đăng nhập, nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại.",
    }
