from django.urls import path

from plans import views
from plans.export import views as export_views
from plans.handout import views as handout_views
from plans.library import views as views_library
from plans.program import views as program_views
from plans.program.answers import views as answers_views
from plans.program.reminders import views as reminder_views

urlpatterns = [
    path("clinic/library/", views_library.library_list, name="library_list"),
    path("clinic/library/new/", views_library.library_create, name="library_create"),
    path("clinic/library/<int:pk>/", views_library.library_edit, name="library_edit"),
    path(
        "clinic/library/pose-preview/",
        views_library.library_pose_preview,
        name="library_pose_preview",
    ),
    path(
        "clinic/library/pictures/<str:digest>/",
        views_library.library_picture,
        name="library_picture",
    ),
    path("assessments/<int:assessment_pk>/plan/", views.plan_build, name="plan_build"),
    path("plans/<int:pk>/", views.plan_builder, name="plan_builder"),
    path("plans/<int:pk>/action/", views.plan_action, name="plan_action"),
    path("plans/<int:pk>/library/", views.plan_library, name="plan_library"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/handout/", handout_views.handout_preview, name="handout_preview"),
    # The client's program on their phone: no sign-in, the token is the key (plans/program).
    path("p/<str:token>/", program_views.program_page, name="program_page"),
    path("p/<str:token>/sync", program_views.program_sync, name="program_sync"),
    path("p/<str:token>/reminder", reminder_views.program_reminder, name="program_reminder"),
    path("p/<str:token>/answers", answers_views.program_answers, name="program_answers"),
    path(
        "p/unsubscribe/<str:token>/",
        reminder_views.program_unsubscribe,
        name="program_unsubscribe",
    ),
    path("p/<str:token>/sw.js", program_views.program_worker, name="program_worker"),
    path(
        "p/<str:token>/manifest.webmanifest",
        program_views.program_manifest,
        name="program_manifest",
    ),
    path("program/<int:pk>/revoke/", program_views.program_revoke, name="program_revoke"),
    path("plans/<int:pk>/handout.pdf", handout_views.handout_pdf, name="handout_pdf"),
    path("plans/<int:pk>/handout/email/", handout_views.handout_email, name="handout_email"),
    path("clinic/handouts/", handout_views.handout_problems, name="handout_problems"),
    path("clinic/handouts/<int:pk>/retry/", handout_views.handout_retry, name="handout_retry"),
    path(
        "clients/<int:client_pk>/export/record.json",
        export_views.client_export_json,
        name="client_export_json",
    ),
    path(
        "clients/<int:client_pk>/export/fhir.json",
        export_views.client_export_fhir,
        name="client_export_fhir",
    ),
]
