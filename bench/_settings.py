"""Settings for benchmarks that measure what production does.

The test settings, except that background tasks (Wagtail's reference and
search index, webhooks, re-renderings) wait in the database queue, as they
do in production by default, instead of running inside the measured request.
"""

from contenthub.settings.deployment import DATABASE_BACKEND
from contenthub.settings.test import *  # noqa: F403
from contenthub.settings.test import INSTALLED_APPS

TASKS = {"default": {"BACKEND": DATABASE_BACKEND}}
if "django_tasks_db" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
