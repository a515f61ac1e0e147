"""The citizens' channels in the Wagtail admin."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from editorial.reports.access import ReportMenuItem

from .board_file import answer_fields
from .models import ConsultationComment, FieldResponsibility
from .moderation import (
    LOGGED,
    ApproveCommentsBulkAction,
    CommentViewSet,
    RejectCommentsBulkAction,
    comment_policy,
    consultation_comments_button,
)
from .question_admin import FieldResponsibilityPolicy, FieldResponsibilityViewSet, QuestionInbox
from .rating_report import RatingReportView

# Consultation comments (feedback.moderation) -----------------------------------------------------------
# First: Wagtail makes a default policy for a model as soon as anything asks for one.
register_permission_policy(ConsultationComment, comment_policy)
register_snippet(CommentViewSet)
hooks.register("apply_board_file_entry", answer_fields)  # editorial/board_file.py
hooks.register("register_bulk_action", ApproveCommentsBulkAction)
hooks.register("register_bulk_action", RejectCommentsBulkAction)
hooks.register("register_page_listing_more_buttons", consultation_comments_button)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label in LOGGED.values():
        actions.register_action(action, label, label)


# Page ratings (feedback.rating_report) -------------------------------------------------------------------
@hooks.register("register_admin_urls")
def register_rating_report_urls():
    return [
        path("bao-cao/danh-gia-trang/", RatingReportView.as_view(), name="feedback_ratings_report"),
        path(
            "bao-cao/danh-gia-trang/results/",
            RatingReportView.as_view(results_only=True),
            name="feedback_ratings_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_rating_report_menu_item():
    return ReportMenuItem("Đánh giá trang", reverse("feedback_ratings_report"), icon_name="pick", order=790)


# Questions and petitions (feedback.question_admin) -------------------------------------------------------
register_permission_policy(FieldResponsibility, FieldResponsibilityPolicy(FieldResponsibility))
modeladmin_register(QuestionInbox)


@hooks.register("register_admin_viewset")
def register_field_responsibilities():
    return FieldResponsibilityViewSet("feedback_field_responsibilities")
