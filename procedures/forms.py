from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from core.models import PortalSettings, SubjectArea
from core.pagination import query_prefix
from core.text import fold

from .enums import ImplementationLevel

MAX_QUERY_LENGTH = 200


class ProcedureFilterForm(forms.Form):
    """The index's filters; a value that does not validate is ignored, never an error page."""

    q = forms.CharField(label="Tên hoặc mã thủ tục", required=False, max_length=MAX_QUERY_LENGTH)
    field = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả lĩnh vực",
    )
    level = forms.ChoiceField(
        label="Cấp thực hiện", choices=[("", "Tất cả các cấp"), *ImplementationLevel.choices], required=False
    )

    def __init__(self, data, *, procedures):
        super().__init__(data)
        # Only the fields that have procedures here: a choice that always yields nothing is no help.
        self.fields["field"].queryset = SubjectArea.objects.filter(procedures__in=procedures).distinct()

    def filter(self, procedures):
        self.is_valid()
        data = self.cleaned_data
        if data.get("field"):
            procedures = procedures.filter(subject_area=data["field"])
        if data.get("level"):
            procedures = procedures.filter(level=data["level"])
        # Every word, in any order, with or without diacritics: "doanh nghiep tu nhan" finds "tư nhân".
        for word in fold(data.get("q")).split():
            procedures = procedures.filter(folded_name__icontains=word)
        return procedures

    def query_prefix(self):
        """The valid filters as "q=...&field=...&", for the pagination links."""
        self.is_valid()
        params = {name: self.data[name] for name in self.cleaned_data if self.cleaned_data[name]}
        return query_prefix(params)


def sharing_refusal(site):
    """Why a catalogue on `site` may not be shared (None on a province portal): only a province shares; a
    component portal's would be listed by nobody."""
    settings = PortalSettings.objects.filter(site=site).select_related("parent_site").first()
    if settings is None or not settings.parent_site_id:
        return None
    return (
        "Chỉ cổng tỉnh mới dùng chung danh mục thủ tục; trang này là cổng thành phần của "
        f"«{settings.parent_site.site_name}»."
    )


class ProcedureIndexForm(WagtailAdminPageForm):
    """The sharing rule in the editor, where a new page has no place in the tree yet (the model checks it
    again on every save once it has)."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("shared") and self.parent_page is not None:
            refusal = sharing_refusal(self.parent_page.get_site())
            if refusal:
                self.add_error("shared", refusal)
        return cleaned
