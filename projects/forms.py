from django import forms

from core.forms import FilterForm
from core.models import SubjectArea

from .enums import ProjectSort, ProjectStatus, ProjectType


class ProjectFilterForm(FilterForm):
    """The project list's GET filters."""

    status = forms.ChoiceField(
        label="Tình trạng", choices=[("", "Tất cả"), *ProjectStatus.choices], required=False
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.all(),
        to_field_name="slug",
        empty_label="Tất cả lĩnh vực",
        required=False,
    )
    type = forms.ChoiceField(
        label="Loại dự án", choices=[("", "Tất cả loại dự án"), *ProjectType.choices], required=False
    )
    year = forms.TypedChoiceField(label="Năm quyết định đầu tư", coerce=int, empty_value=None, required=False)
    sort = forms.ChoiceField(label="Sắp xếp theo", choices=ProjectSort.choices, required=False)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["year"].choices = [("", "Tất cả các năm"), *((year, year) for year in years)]
