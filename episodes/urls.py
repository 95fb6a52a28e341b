from django.urls import path

from episodes import views

urlpatterns = [
    path("clients/<int:client_pk>/episodes/new/", views.episode_create, name="episode_create"),
    path("episodes/<int:pk>/edit/", views.episode_edit, name="episode_edit"),
    path("episodes/<int:pk>/goals/new/", views.episode_goal_add, name="episode_goal_add"),
    path("episodes/<int:pk>/reassessed/", views.episode_reassessed, name="episode_reassessed"),
    path("episodes/<int:pk>/discharge/", views.episode_discharge, name="episode_discharge"),
    path("episodes/<int:pk>/letter.pdf", views.episode_letter, name="episode_letter"),
]
