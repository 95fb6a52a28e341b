from django.urls import path

from assessments import views
from assessments.compare import views as views_compare
from assessments.progress import views as views_progress

urlpatterns = [
    path("clients/<int:client_pk>/visits/new/", views.assessment_start, name="assessment_start"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/preview/", views.assessment_preview, name="assessment_preview"),
    path("assessments/<int:pk>/amend/", views.assessment_amend, name="assessment_amend"),
    path(
        "clients/<int:client_pk>/compare/",
        views_compare.assessment_compare,
        name="assessment_compare",
    ),
    path(
        "clients/<int:client_pk>/progress/", views_progress.client_progress, name="client_progress"
    ),
]
