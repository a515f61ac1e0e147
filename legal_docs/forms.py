from django import forms

from core.forms import ListedModelChoiceField, PlainSelect
from core.models import SubjectArea

from .enums import ValidityStatus
from .models import DocumentType, Issuer

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_ERROR = "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 05/01/2026."
ALL_PORTALS = "tat-ca"
SORTS = [("newest", "Mới ban hành trước"), ("oldest", "Ban hành cũ trước"), ("relevance", "Phù hợp nhất")]


# The years a document can be issued in, for every year filter (the public search, the API, the admin list).
FIRST_YEAR, LAST_YEAR = 1945, 2100


class DocumentSearchForm(forms.Form):
    """The public search (all GET parameters, so a result list can be bookmarked); a bad value is reported
    and ignored, never a server error."""

    q = forms.CharField(label="Từ khóa hoặc số, ký hiệu", required=False, max_length=200)
    type = ListedModelChoiceField(
        label="Loại văn bản",
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả loại văn bản",
    )
    issuer = ListedModelChoiceField(
        label="Cơ quan ban hành",
        queryset=Issuer.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả cơ quan",
    )
    field = ListedModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả lĩnh vực",
    )
    signer = forms.CharField(label="Người ký", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Tình trạng hiệu lực",
        choices=[("", "Tất cả")] + ValidityStatus.choices,
        required=False,
        widget=PlainSelect,
    )
    year = forms.IntegerField(label="Năm ban hành", required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    issued_from = forms.DateField(
        label="Ban hành từ ngày",
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
    )
    issued_to = forms.DateField(
        label="đến ngày", required=False, input_formats=DATE_FORMATS, error_messages={"invalid": DATE_ERROR}
    )
    sort = forms.ChoiceField(label="Sắp xếp", choices=SORTS, required=False, widget=PlainSelect)

    def __init__(self, *args, components=(), **kwargs):
        """components: a province portal's component portals, [(site, agency name)] (core/sites.py): its
        search may then span them, or look into one."""
        super().__init__(*args, **kwargs)
        self.components = {site.hostname: site for site, _name in components}
        if components:
            self.fields["cong"] = forms.ChoiceField(
                label="Cổng",
                choices=[
                    ("", "Cổng này"),
                    (ALL_PORTALS, "Cổng này và các cổng thành phần"),
                    *((site.hostname, name) for site, name in components),
                ],
                required=False,
                widget=PlainSelect,
                error_messages={"invalid_choice": "Không có cổng thành phần «%(value)s»."},
            )

    def clean_cong(self):
        """{"own": whether this portal's documents stay in, "sites": the component portals' ids added}."""
        value = self.cleaned_data.get("cong")
        if not value:
            return None
        if value == ALL_PORTALS:
            return {"own": True, "sites": [site.pk for site in self.components.values()]}
        return {"own": False, "sites": [self.components[value].pk]}

    def clean(self):
        data = super().clean()
        start, end = data.get("issued_from"), data.get("issued_to")
        if start and end and end < start:
            self.add_error("issued_to", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data

    def valid_filters(self):
        """The cleaned values of the fields that are valid; invalid ones are dropped (and shown as errors)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors and value}
