"""Test data for citizens' forms: a solved CAPTCHA and the hidden fields a real browser sends back."""

import time

from captcha.models import CaptchaStore

from feedback.protection import start_token


def solved_captcha():
    """The CAPTCHA fields as a person who read the image would fill them."""
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def guard_fields(seconds_ago=10):
    """Honeypot left empty, the form shown `seconds_ago`, the CAPTCHA solved."""
    return {"website": "", "form_started": start_token(time.time() - seconds_ago), **solved_captcha()}
