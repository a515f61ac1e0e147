from django.urls import path

from . import views

# The same paths as Wagtail's document views, resolved first; Wagtail's URL names still reverse to them.
urlpatterns = [
    path("documents/add/", views.DocumentCreateView.as_view()),
    path("documents/edit/<int:document_id>/", views.DocumentEditView.as_view()),
    path("documents/multiple/add/", views.DocumentMultipleAddView.as_view()),
    path(
        "documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/",
        views.DocumentCreateFromUploadView.as_view(),
    ),
]
