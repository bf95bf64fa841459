from django.conf import settings
from django.db import transaction
from django.urls import path

from .views import HubGraphQLView

app_name = "contenthub_api"

urlpatterns = [
    path(
        "",
        # Reads only: no transaction (and no savepoints) around a request.
        # GraphiQL only while developing (DEBUG); the endpoint itself always.
        transaction.non_atomic_requests(
            HubGraphQLView.as_view(graphiql=settings.DEBUG)
        ),
        name="graphql",
    ),
]
