"""Citizens' channels: questions and petitions, consultations on drafts, page ratings (their mail goes
through the outbox in operations/mail.py).

One module per kind; this package re-exports the models so Django finds them.
"""

from .consultations import (
    ConsultationComment,
    ConsultationFile,
    ConsultationIndexPage,
    ConsultationLegalDocument,
    ConsultationPage,
)
from .questions import (
    AnsweredQuestionPage,
    FieldResponsibility,
    Question,
    QuestionEvent,
    QuestionIndexPage,
)
from .ratings import PageRating, UsedRatingToken

__all__ = [
    "ConsultationComment",
    "ConsultationFile",
    "ConsultationIndexPage",
    "ConsultationLegalDocument",
    "ConsultationPage",
    "PageRating",
    "UsedRatingToken",
    "AnsweredQuestionPage",
    "FieldResponsibility",
    "Question",
    "QuestionEvent",
    "QuestionIndexPage",
]
