"""What follows a publish in the citizens' channels: an answer going online closes its question."""

from wagtail.signals import page_published

from .inbox import mark_published
from .models import AnsweredQuestionPage


def answer_published(sender, instance, **kwargs):
    mark_published(instance)


def connect():
    page_published.connect(
        answer_published, sender=AnsweredQuestionPage, dispatch_uid="feedback-answer-published"
    )
