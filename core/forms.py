"""Form pieces shared by the public forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from core.text import fold


class PlainSelect(forms.Select):
    """A <select> rendered in Python: Django renders every <option> through a template, which costs more
    than the search behind the public filter forms (five selects, some sixty options)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, " selected" if str(option_value) in selected else "", label)
                for option_value, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", forms.utils.flatatt(attrs), options)


class ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """Reads a short choice list in one query (Django's iterator() opens a server-side cursor on PostgreSQL:
    three round trips per list), kept by the form's own queryset: a view that reads the same rows (the
    search's facet names) and the rendered <select> share that one query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    """A model choice among a few dozen rows (document types, issuers, fields), shown as a PlainSelect. A URL
    may name the row by its slug or by its name as people write it: any case, with or without diacritics
    ("Thông tư", "thong tu", "THONG-TU")."""

    iterator = ListedChoiceIterator
    widget = PlainSelect

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            wanted = fold(str(value).replace("-", " "))
            for row in self.queryset:
                names = (self.label_from_instance(row), getattr(row, self.to_field_name or "pk", ""))
                if any(fold(str(name).replace("-", " ")) == wanted for name in names):
                    return row
            raise


class FilterForm(forms.Form):
    """A public listing's GET filters: a value that does not validate is dropped, never an error page."""

    def chosen(self):
        """Valid, non-empty filters: ({name: cleaned value}, {name: value as typed in the URL})."""
        self.is_valid()
        names = [name for name, value in self.cleaned_data.items() if value not in (None, "")]
        return (
            {name: self.cleaned_data[name] for name in names},
            {name: self.data[name] for name in names},
        )
