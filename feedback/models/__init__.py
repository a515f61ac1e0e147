"""Citizens' channels: questions and petitions, consultations on drafts, page ratings, and the mail they send.

One module per kind; this package re-exports the models so Django finds them.
"""

from .mail import OutgoingMail

__all__ = ["OutgoingMail"]
