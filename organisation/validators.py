from django.core.validators import RegexValidator

EMAIL_INVALID = "Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten.donvi@example.gov.vn."

validate_phone = RegexValidator(
    r"^\+?(?:[ .()-]*[0-9]){6,}[ .()-]*$",
    "Số điện thoại, fax chỉ gồm chữ số, dấu cách và các ký tự + . ( ) -, ví dụ: 0260 3 812 345.",
)
