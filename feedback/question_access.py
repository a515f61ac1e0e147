"""Who may see and act on citizens' questions (docs/requirements.md, Citizens' questions and consultations):
the secretariat classifies, routes and closes them; the member a question is routed to writes its answer;
nobody else sees a sender's personal data.

Roles count per board: a secretary of one site (a commune's component portal) sees nothing of another site's
questions. Superusers (the system administrators) may act as the secretariat.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site

from editorial.enums import Role
from editorial.models import BoardMember

# Roles whose holders may be asked to answer a question, and so may open the inbox (to see their own).
ANSWERING_ROLES = {Role.HEAD, Role.STANDING_DEPUTY, Role.DEPUTY, Role.MEMBER, Role.SECRETARY}


def seats(user):
    """{site id: roles} of the user's active board seats, once per user object."""
    if not hasattr(user, "_question_seats"):
        rows = BoardMember.objects.filter(user_id=user.pk, active=True).values_list("board__site_id", "roles")
        user._question_seats = {site_id: set(roles) for site_id, roles in rows}
    return user._question_seats


def secretary_sites(user):
    return {site_id for site_id, roles in seats(user).items() if Role.SECRETARY in roles}


def site_of(question):
    """The site whose board handles the question: the one its Q&A page belongs to."""
    if not hasattr(question, "_site"):
        question._site = question.page.get_site()
    return question._site


def may_use_inbox(user):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(roles & ANSWERING_ROLES for roles in seats(user).values())


def may_manage(user, question):
    """Classify, route, close as out of scope or spam: the secretariat of the question's site."""
    if not user.is_active:
        return False
    return user.is_superuser or site_of(question).pk in secretary_sites(user)


def may_answer(user, question):
    """Write and send the answer: only the member the question was routed to."""
    return user.is_active and question.assigned_to_id == user.pk


def may_view(user, question):
    return may_manage(user, question) or may_answer(user, question)


def visible_questions(queryset, user):
    """The questions of the user's inbox: every question of the sites where they are a secretary, and those
    routed to them."""
    if user.is_superuser:
        return queryset
    visible = Q(assigned_to=user)
    for site in Site.objects.filter(pk__in=secretary_sites(user)).select_related("root_page"):
        visible |= Q(page__path__startswith=site.root_page.path)
    return queryset.filter(visible)


def answerers(question):
    """Who the secretary may route the question to: active members of that site's board who answer."""
    members = BoardMember.objects.filter(board__site=site_of(question), active=True, user__is_active=True)
    ids = [member.user_id for member in members if set(member.roles) & ANSWERING_ROLES]
    return get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name", "username")


def suggested_answerer(question):
    """The member responsible for the question's field on its site's board (FieldResponsibility), if any."""
    from .models import FieldResponsibility

    if question.field_id is None:
        return None
    responsibility = (
        FieldResponsibility.objects.filter(
            field_id=question.field_id,
            member__board__site=site_of(question),
            member__active=True,
            member__user__is_active=True,
        )
        .select_related("member__user")
        .order_by("pk")
        .first()
    )
    return responsibility.member.user if responsibility else None
