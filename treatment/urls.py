from django.urls import path

from treatment.views import techniques, visit

urlpatterns = [
    path("assessments/<int:pk>/treatment/", visit.treatment_edit, name="treatment_edit"),
    path("assessments/<int:pk>/treatment/amend/", visit.treatment_amend, name="treatment_amend"),
    path("clinic/techniques/", techniques.technique_list, name="technique_list"),
    path("clinic/techniques/new/", techniques.technique_create, name="technique_create"),
    path("clinic/techniques/<int:pk>/", techniques.technique_edit, name="technique_edit"),
]
