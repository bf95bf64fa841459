"""Give the demo accounts a fresh random password and print how to log in.

No password is written in the code: every run makes new ones.

The three first accounts hold the hub-wide roles (every gemeente). Each
gemeente set up with its own groups (``gemeenten.services``) also gets one
account per role, ``<rol>-<gemeente>``, that works in that gemeente only.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils.text import slugify

from gemeenten.models import GemeenteRollen
from gemeenten.services import add_to_gemeente, gemeente_label

DEMO_ACCOUNTS = [
    ("beheerder", "Beheerders", True),
    ("communicatieadviseur", "Communicatieadviseurs", False),
    ("contentmanager", "Contentmanagers", False),
]
GEMEENTE_ACCOUNTS = [
    ("contentmanager", "contentmanagers"),
    ("communicatieadviseur", "communicatieadviseurs"),
    ("beheerder", "beheerders"),
]


class Command(BaseCommand):
    help = "Maak of vernieuw de demo-accounts (één per rol) met een nieuw willekeurig wachtwoord."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, **options):
        self.stdout.write(f"\nLog in op {options['url']} met een van deze accounts:\n")
        for username, group_name, superuser in DEMO_ACCOUNTS:
            user, password = self._account(username, superuser=superuser)
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                f"  {username:<22} wachtwoord: {password}   ({group_name})"
            )
        rollen = GemeenteRollen.objects.select_related("site").order_by(
            "site__hostname"
        )
        for gemeente in rollen:
            label = gemeente_label(gemeente.site)
            self.stdout.write(f"\nAlleen voor {label}:")
            for prefix, rol in GEMEENTE_ACCOUNTS:
                username = f"{prefix}-{slugify(label)}"[:150]
                user, password = self._account(username, superuser=False)
                group = add_to_gemeente(user, gemeente.site, rol)
                self.stdout.write(
                    f"  {username:<34} wachtwoord: {password}   ({group.name})"
                )
        self.stdout.write(
            "\nDe wachtwoorden gelden tot de volgende start van de hub.\n"
        )

    def _account(self, username: str, *, superuser: bool):
        user, _ = get_user_model().objects.get_or_create(username=username)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = superuser
        user.is_superuser = superuser
        user.email = f"{username}@voorbeeldstad.example"
        user.save()
        return user, password
