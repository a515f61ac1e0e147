from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .classification import refuse_classified_submission
from .permissions import DIRECT_PUBLICATION_REFUSED, may_publish_directly


class ClassifiedPageForm(WagtailAdminPageForm):
    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        if "action-publish" in self.data and self.for_user is not None:
            source = data.get("official_source")
            if not may_publish_directly(self.for_user, source.pk if source else None):
                self.add_error(None, DIRECT_PUBLICATION_REFUSED)
        return data


class ClassifiedModelForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        return data
