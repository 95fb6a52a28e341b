"""Archive, restore and erase pages: confirmation, POST flows, access and permissions."""

import pytest
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import reverse

from assessments.models import Assessment
from clinic.models import AuditAction, AuditEntry, Client
from clinic.services.lifecycle import client_archive

LIFECYCLE_URLS = ["client_archive", "client_restore", "client_erase"]


def _url(name: str, client: Client) -> str:
    return reverse(name, args=[client.pk])


def _messages(response: object) -> list[str]:
    return [str(message) for message in response.context["messages"]]  # type: ignore[attr-defined]


@pytest.fixture
def archived(therapist: User, client_record: Client) -> Client:
    return client_archive(actor=therapist, client=client_record, expected_version=1)


# --- access ----------------------------------------------------------------------


@pytest.mark.parametrize("name", LIFECYCLE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_lifecycle_outsider_gets_404_and_nothing_changes(
    as_outsider: HttpClient, client_record: Client, name: str, method: str
) -> None:
    data = {"version": "1", "confirm_name": "Priya Sharma"}
    response = getattr(as_outsider, method)(_url(name, client_record), data)
    client_record.refresh_from_db()
    assert (response.status_code, client_record.archived, client_record.version) == (404, False, 1)
    assert AuditEntry.objects.count() == 0


def test_lifecycle_outsider_admin_gets_404_on_erase(
    as_outsider: HttpClient, outsider: User, client_record: Client
) -> None:
    outsider.membership.role = "admin"
    outsider.membership.save()
    response = as_outsider.post(
        _url("client_erase", client_record), {"confirm_name": "Priya Sharma"}
    )
    assert (response.status_code, Client.objects.filter(pk=client_record.pk).count()) == (404, 1)


@pytest.mark.parametrize("name", LIFECYCLE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_lifecycle_anonymous_is_sent_to_login(
    client: HttpClient, client_record: Client, name: str, method: str
) -> None:
    url = _url(name, client_record)
    data = {"version": "1", "confirm_name": "Priya Sharma"} if method == "post" else {}
    response = getattr(client, method)(url, data)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")
    assert Client.objects.filter(pk=client_record.pk, archived=False).count() == 1


# --- archive and restore -------------------------------------------------------------


def test_archive_page_explains_and_carries_the_version(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.get(_url("client_archive", client_record))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Archive Priya Sharma?" in page
    assert "Nothing is deleted:" in page
    assert '<input type="hidden" name="version" value="1">' in page
    assert AuditEntry.objects.count() == 0


def test_archive_page_points_each_role_to_the_erasure_they_can_ask_for(
    as_therapist: HttpClient, as_admin: HttpClient, client_record: Client
) -> None:
    url = _url("client_archive", client_record)
    therapist_page = as_therapist.get(url).content.decode()
    assert "ask your clinic admin to erase it instead." in therapist_page
    assert "Erase record" not in therapist_page
    admin_page = as_admin.get(url).content.decode()
    assert 'use "Erase record" on the client\'s page instead.' in admin_page


def test_archive_page_query_count(
    as_therapist: HttpClient, client_record: Client, django_assert_num_queries: object
) -> None:
    # session, user, client with clinic, membership (page header)
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = as_therapist.get(_url("client_archive", client_record))
    assert response.status_code == 200


def test_archive_post_archives_and_shows_badge_and_restore(
    as_colleague: HttpClient, client_record: Client
) -> None:
    response = as_colleague.post(
        _url("client_archive", client_record), {"version": "1"}, follow=True
    )
    client_record.refresh_from_db()
    assert response.redirect_chain == [(_url("client_detail", client_record), 302)]
    assert (client_record.archived, client_record.version) == (True, 2)
    assert _messages(response) == [
        "The client was archived: hidden from the client list, with every record kept."
    ]
    page = response.content.decode()
    assert '<span class="badge text-bg-secondary align-middle">Archived</span>' in page
    assert f'action="{_url("client_restore", client_record)}"' in page
    assert '<input type="hidden" name="version" value="2">' in page
    entry = AuditEntry.objects.get(action=AuditAction.CHANGE)
    assert (entry.actor_username, entry.detail) == ("colleague", "archived")


def test_archive_post_with_stale_version_shows_conflict_and_changes_nothing(
    as_therapist: HttpClient, therapist: User, client_record: Client
) -> None:
    page_version = client_record.version
    client_record.phone = "07700 900 000"
    client_record.version = 2
    client_record.save()
    response = as_therapist.post(
        _url("client_archive", client_record), {"version": str(page_version)}
    )
    client_record.refresh_from_db()
    page = response.content.decode()
    assert (response.status_code, client_record.archived) == (200, False)
    assert "Someone else changed this client's record after you opened" in page
    assert '<input type="hidden" name="version" value="2">' in page
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("version", ["", "x", "-1"])
def test_archive_post_without_a_valid_version_is_a_conflict(
    as_therapist: HttpClient, client_record: Client, version: str
) -> None:
    response = as_therapist.post(_url("client_archive", client_record), {"version": version})
    client_record.refresh_from_db()
    assert (response.status_code, response.context["conflict"], client_record.archived) == (
        200,
        True,
        False,
    )


def test_restore_post_from_the_client_page_lists_the_client_again(
    as_therapist: HttpClient, archived: Client
) -> None:
    response = as_therapist.post(_url("client_restore", archived), {"version": "2"}, follow=True)
    archived.refresh_from_db()
    assert (archived.archived, archived.version) == (False, 3)
    assert _messages(response) == ["The client was restored to the client list."]
    listing = as_therapist.get(reverse("client_list"))
    assert [client.pk for client in listing.context["page"].object_list] == [archived.pk]


def test_restore_page_confirms(as_therapist: HttpClient, archived: Client) -> None:
    page = as_therapist.get(_url("client_restore", archived)).content.decode()
    assert "Restore Priya Sharma?" in page
    assert "Restore client</button>" in page


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("client_archive", "This client is already archived; nothing was changed."),
        ("client_restore", "This client is not archived; nothing was changed."),
    ],
)
def test_archive_or_restore_in_that_state_already_redirects_with_note(
    as_therapist: HttpClient, therapist: User, client_record: Client, name: str, text: str
) -> None:
    if name == "client_archive":
        client_archive(actor=therapist, client=client_record, expected_version=1)
    response = as_therapist.post(_url(name, client_record), {"version": "2"}, follow=True)
    assert response.redirect_chain == [(_url("client_detail", client_record), 302)]
    assert _messages(response) == [text]


# --- erase -----------------------------------------------------------------------


def test_erase_page_for_therapist_explains_without_form(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.get(_url("client_erase", client_record))
    page = response.content.decode()
    assert (response.status_code, response.context["allowed"]) == (200, False)
    assert "Only a clinic admin can erase a client record." in page
    assert 'name="confirm_name"' not in page


def test_erase_post_by_therapist_is_403_and_keeps_record(
    as_therapist: HttpClient, client_record: Client
) -> None:
    response = as_therapist.post(
        _url("client_erase", client_record), {"confirm_name": "Priya Sharma"}
    )
    assert response.status_code == 403
    assert "Only a clinic admin can erase a client record." in response.content.decode()
    assert Client.objects.filter(pk=client_record.pk).count() == 1
    assert AuditEntry.objects.count() == 0


def test_erase_page_for_admin_lists_what_is_removed_and_kept(
    as_admin: HttpClient, client_record: Client, typical: Assessment
) -> None:
    response = as_admin.get(_url("client_erase", client_record))
    page = response.content.decode()
    assert response.context["removes"] == [("assessment", 1), ("measurements", 6)]
    assert "<li>1 assessment</li><li>6 measurements</li>" in page
    assert "What is kept" in page
    assert 'name="confirm_name"' in page


def test_erase_post_with_wrong_name_shows_error_next_to_field(
    as_admin: HttpClient, client_record: Client
) -> None:
    response = as_admin.post(_url("client_erase", client_record), {"confirm_name": "Priya Shar"})
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "confirm_name": ["That is not this client's full name. Type it exactly as shown above."]
    }
    assert 'value="Priya Shar"' in page
    assert 'class="textinput form-control is-invalid"' in page
    assert "That is not this client&#x27;s full name." in page
    assert Client.objects.filter(pk=client_record.pk).count() == 1


def test_erase_post_without_name_asks_for_it(as_admin: HttpClient, client_record: Client) -> None:
    response = as_admin.post(_url("client_erase", client_record), {"confirm_name": "  "})
    assert response.context["form"].errors == {"confirm_name": ["This field is required."]}
    assert Client.objects.filter(pk=client_record.pk).count() == 1


def test_erase_post_with_name_erases_and_returns_to_list(
    as_admin: HttpClient, client_record: Client, typical: Assessment
) -> None:
    response = as_admin.post(
        _url("client_erase", client_record), {"confirm_name": " priya sharma "}, follow=True
    )
    assert response.redirect_chain == [(reverse("client_list"), 302)]
    assert _messages(response) == [
        "The client record was erased. The audit log keeps a note of the erasure, "
        "without the client's details."
    ]
    assert "Priya" not in response.content.decode()
    assert (Client.objects.count(), Assessment.objects.count()) == (0, 0)
    tombstone = AuditEntry.objects.get(action=AuditAction.ERASE)
    assert (tombstone.actor_username, tombstone.client_id, tombstone.detail) == (
        "boss",
        client_record.pk,
        "Client record erased on request: 1 visit and 0 plans removed (8 rows in all)",
    )
    assert as_admin.get(_url("client_detail", client_record)).status_code == 404


# --- client page and edit form ---------------------------------------------------


def test_client_page_has_data_rights_area_for_therapist(
    as_therapist: HttpClient, client_record: Client
) -> None:
    page = as_therapist.get(_url("client_detail", client_record)).content.decode()
    rights = page[page.index('id="data-rights"') :]
    assert f'href="{_url("client_archive", client_record)}"' in rights
    # No button a therapist cannot use: the note says whom to ask instead.
    assert _url("client_erase", client_record) not in page
    assert "Erase record" not in page
    assert "only a clinic admin can erase a record: ask yours" in rights
    assert "Archived</span>" not in page


def test_client_page_for_admin_has_no_admin_only_note(
    as_admin: HttpClient, client_record: Client
) -> None:
    page = as_admin.get(_url("client_detail", client_record)).content.decode()
    assert "only a clinic admin can erase a record" not in page
    assert f'href="{_url("client_erase", client_record)}">Erase record</a>' in page


def test_client_page_shows_notes_with_line_breaks_escaped(
    as_therapist: HttpClient, client_record: Client
) -> None:
    client_record.notes = "Line one\n<b>two</b>"
    client_record.save()
    page = as_therapist.get(_url("client_detail", client_record)).content.decode()
    assert '<p class="small">Line one<br>&lt;b&gt;two&lt;/b&gt;</p>' in page
    assert "style=" not in page


def test_client_edit_form_has_no_archived_checkbox_and_ignores_it(
    as_therapist: HttpClient, client_record: Client
) -> None:
    url = _url("client_edit", client_record)
    assert 'name="archived"' not in as_therapist.get(url).content.decode()
    data = {
        "given_name": "Priya",
        "family_name": "Sharma",
        "date_of_birth": "1988-04-12",
        "phone": "07700 900 123",
        "version": "1",
        "archived": "on",
    }
    response = as_therapist.post(url, data)
    client_record.refresh_from_db()
    assert (response.status_code, client_record.phone, client_record.archived) == (
        302,
        "07700 900 123",
        False,
    )
