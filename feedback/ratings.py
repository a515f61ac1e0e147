"""The "Thông tin có hữu ích không?" rating: the form under an article or a legal document, and the view that
stores the answer and thanks the reader. Plain HTML forms: it works without JavaScript."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from legal_docs.models import LegalDocument
from news.models import ArticlePage

from .models import PageRating
from .models.ratings import COMMENT_MAX_LENGTH
from .protection import GuardedForm, over_rate_limit, rate_limited_response
from .single_use import FIELD as ONCE_FIELD
from .single_use import claim

YES, NO = "co", "khong"
MAX_ID = 2**63 - 1  # larger ids in a URL overflow the database's integers: no such item


@dataclass(frozen=True)
class RatedKind:
    """What can be rated, under which URL segment, and which of its rows the public sees (hence may rate)."""

    slug: str
    label: str
    model: type
    public: Callable[[], QuerySet]


KINDS = {
    kind.slug: kind
    for kind in (
        RatedKind("bai-viet", "Tin, bài", ArticlePage, lambda: ArticlePage.objects.live().public()),
        RatedKind("van-ban", "Văn bản", LegalDocument, lambda: LegalDocument.objects.filter(live=True)),
    )
}


def kind_of(item):
    """The RatedKind of a model instance; None for anything that is not rated."""
    return next((kind for kind in KINDS.values() if isinstance(item, kind.model)), None)


def rated_item(slug, pk):
    """The public item behind a rating URL; 404 for an unknown kind or id, or an item nobody may see."""
    kind = KINDS.get(slug)
    item = kind.public().filter(pk=pk).first() if kind and pk <= MAX_ID else None
    if item is None:
        raise Http404("Không có nội dung này.")
    return item


class RatingForm(GuardedForm):
    """Honeypot, fill time and rate limit, but no CAPTCHA: a rating is worth less than the effort one asks."""

    use_captcha = False

    useful = forms.TypedChoiceField(
        label="Thông tin có hữu ích không?",
        choices=[(YES, "Có"), (NO, "Không")],
        coerce=lambda value: value == YES,
        error_messages={"required": "Hãy chọn «Có» hoặc «Không»."},
    )
    comment = forms.CharField(
        label="Góp ý thêm (không bắt buộc)",
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": COMMENT_MAX_LENGTH}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[ONCE_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        """Last, once everything else passed: the token is spent only by a rating that is stored."""
        data = super().clean()
        if not self.errors:
            claim(self.data.get(ONCE_FIELD, ""))
        return data


def rating_url(item):
    kind = kind_of(item)
    return reverse("feedback_rate", args=(kind.slug, item.pk)) if kind else ""


# No CSRF token: the form sits under every article and document, and a token would keep those pages out of
# the page cache (operations/page_cache.py). Instead each served copy carries its own single-use token
# (feedback/single_use.py), so a form cannot be replayed; the honeypot, the signed fill time and the
# per-address limit stop the rest.
@csrf_exempt
@require_POST
def rate(request, kind, pk):
    """Store one rating and thank the reader; a refused form says why, with a link back."""
    item = rated_item(kind, pk)
    if over_rate_limit(request, "rating"):
        return rate_limited_response(request)
    form = RatingForm(request.POST)
    context = {"item": item, "back_url": item.get_url(request), "form": form, "page_title": "Đánh giá trang"}
    if not form.is_valid():
        return TemplateResponse(request, "feedback/rating_result.html", context, status=400)
    PageRating.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
    )
    return TemplateResponse(request, "feedback/rating_result.html", {**context, "thanked": True})
