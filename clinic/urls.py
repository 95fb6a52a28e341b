"""URL map. Every route needs a login (LoginRequiredMiddleware) unless marked otherwise."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic.base import RedirectView

from clinic.admin.site import clinic_admin_site
from clinic.forms.clients import SignInForm
from clinic.middleware.faults import server_error
from clinic.views import admin as views_admin
from clinic.views import clients as views
from clinic.views import lifecycle as views_lifecycle
from clinic.views import password as views_password

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="client_list"), name="home"),
    path("clients/", views.client_list, name="client_list"),
    path("clients/new/", views.client_create, name="client_create"),
    path("clients/<int:pk>/", views.client_detail, name="client_detail"),
    path("clients/<int:pk>/edit/", views.client_edit, name="client_edit"),
    path("clients/<int:pk>/archive/", views_lifecycle.client_archive, name="client_archive"),
    path("clients/<int:pk>/restore/", views_lifecycle.client_restore, name="client_restore"),
    path("clients/<int:pk>/erase/", views_lifecycle.client_erase, name="client_erase"),
    path("clinic/staff/", views_admin.staff_list, name="staff_list"),
    path("clinic/staff/new/", views_admin.staff_create, name="staff_create"),
    path("clinic/staff/<int:pk>/", views_admin.staff_edit, name="staff_edit"),
    path(
        "clinic/staff/<int:pk>/password-link/",
        views_admin.staff_password_link,
        name="staff_password_link",
    ),
    path("clinic/branding/", views_admin.clinic_branding, name="clinic_branding"),
    path("clinic/audit/", views_admin.audit_log, name="audit_log"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=SignInForm
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # "Forgot password": public (Django marks these views login_not_required).
    path(
        "accounts/password/reset/",
        views_password.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include("assessments.urls")),
    path("", include("treatment.urls")),
    path("", include("plans.urls")),
    path("", include("episodes.urls")),
    path("health/", views.health, name="health"),
    path("admin/", clinic_admin_site.urls),
]

# Every uncaught error, raised in a view or in a middleware: a database outage gets the
# 503 "not saved, try again" page, anything else the 500 page.
handler500 = server_error
