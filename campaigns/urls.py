from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("calendars/<int:year>.ics", views.campaign_ics, name="campaign_ics"),
    path("calendars/events/<int:pk>.ics", views.event_ics, name="event_ics"),
    path("pledge/withdraw/<str:token>/", views.pledge_withdraw, name="pledge_withdraw"),
    path(
        "appearances/<int:pk>/",
        views.appearance_transcript,
        name="appearance_transcript",
    ),
]
