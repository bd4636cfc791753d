from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("calendars/<int:year>.ics", views.campaign_ics, name="campaign_ics"),
    path("calendars/events/<int:pk>.ics", views.event_ics, name="event_ics"),
    # A Django route: Wagtail's page routes cannot hold a dot.
    path(
        "campaigns/<int:year>/brand.css",
        views.campaign_brand_css,
        name="campaign_brand_css",
    ),
    # The public forms post here rather than to their cached pages: see hub/csrf.py.
    path("pledge/<int:pk>/", views.pledge_submit, name="pledge_submit"),
    path(
        "propose-event/<int:pk>/",
        views.propose_event_submit,
        name="propose_event_submit",
    ),
    path("pledge/withdraw/<str:token>/", views.pledge_withdraw, name="pledge_withdraw"),
    path(
        "appearances/<int:pk>/",
        views.appearance_transcript,
        name="appearance_transcript",
    ),
    path("downloads/<int:pk>/", views.resource_download, name="resource_download"),
    path("downloads/<int:pk>/kit.zip", views.resource_kit, name="resource_kit"),
]
