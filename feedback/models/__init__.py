"""Citizens' channels: questions and petitions, consultations on drafts, page ratings, and the mail they send.

One module per kind; this package re-exports the models so Django finds them.
"""

from .consultations import (
    ConsultationComment,
    ConsultationFile,
    ConsultationIndexPage,
    ConsultationLegalDocument,
    ConsultationPage,
)
from .mail import OutgoingMail
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
    "OutgoingMail",
    "AnsweredQuestionPage",
    "FieldResponsibility",
    "Question",
    "QuestionEvent",
    "QuestionIndexPage",
]
