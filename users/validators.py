"""Password rules on top of Django's: length, similarity, common and all-digit passwords are checked there."""

from django.core.exceptions import ValidationError

NEEDS_LETTERS_AND_DIGITS = "Mật khẩu phải có cả chữ cái và chữ số."


class LettersAndDigitsValidator:
    """A password of one kind of character (all letters, or a date) falls quickly to guessing."""

    def validate(self, password, user=None):
        has_letter = any(char.isalpha() for char in password)
        has_digit = any(char.isdigit() for char in password)
        if not (has_letter and has_digit):
            raise ValidationError(NEEDS_LETTERS_AND_DIGITS, code="password_needs_letters_and_digits")

    def get_help_text(self):
        return NEEDS_LETTERS_AND_DIGITS
