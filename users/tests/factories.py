import factory

from users.models import User


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"canbo{n}")
    first_name = "Lan"
    last_name = "Nguyễn Thị"
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.vn")
    position = "Chuyên viên"
    unit = "Văn phòng Sở"
    phone = "0912 345 678"
    password = factory.django.Password("MatKhau@2026!")

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
