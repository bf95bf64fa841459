from django.urls import path

from . import views

app_name = "chatbot"
urlpatterns = [
    path("vraag", views.vraag, name="vraag"),
    path("terugkoppeling", views.terugkoppeling, name="terugkoppeling"),
]
