from django.urls import path

from plans import views

urlpatterns = [
    path("assessments/<int:assessment_pk>/plan/", views.plan_build, name="plan_build"),
    path("plans/<int:pk>/", views.plan_builder, name="plan_builder"),
    path("plans/<int:pk>/action/", views.plan_action, name="plan_action"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
]
