from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .classification import refuse_classified_submission


class ClassifiedPageForm(WagtailAdminPageForm):
    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        return data


class ClassifiedModelForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        return data
