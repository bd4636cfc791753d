from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    # The forms' pages, beside their week's page (/campaigns/<year>/).
    path("campaigns/<int:year>/pledge/", views.pledge_page, name="pledge"),
    path(
        "campaigns/<int:year>/pledge/thanks/",
        views.pledge_thanks,
        name="pledge_thanks",
    ),
    path(
        "campaigns/<int:year>/propose-event/",
        views.propose_event_page,
        name="propose_event",
    ),
    path(
        "campaigns/<int:year>/propose-event/thanks/",
        views.propose_event_thanks,
        name="propose_event_thanks",
    ),
    # The forms post here, to views that refuse posts from other sites (core/csrf.py);
    # the pages above only show them, never cached, each with its own start token.
    path("pledge/<id:pk>/", views.pledge_submit, name="pledge_submit"),
    path(
        "propose-event/<id:pk>/",
        views.propose_event_submit,
        name="propose_event_submit",
    ),
    path("pledge/withdraw/<str:token>/", views.pledge_withdraw, name="pledge_withdraw"),
]
