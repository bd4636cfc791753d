from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("calendars/<int:year>.ics", views.campaign_ics, name="campaign_ics"),
    path("calendars/events/<id:pk>.ics", views.event_ics, name="event_ics"),
    # A Django route: Wagtail's page routes cannot hold a dot.
    path(
        "campaigns/<int:year>/brand.css",
        views.campaign_brand_css,
        name="campaign_brand_css",
    ),
    path(
        "appearances/<id:pk>/",
        views.appearance_transcript,
        name="appearance_transcript",
    ),
    path("downloads/<id:pk>/", views.resource_download, name="resource_download"),
    path("downloads/<id:pk>/kit.zip", views.resource_kit, name="resource_kit"),
]
