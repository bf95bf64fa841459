"""Give the demo accounts a fresh random password and print how to log in.

No password is written in the code: every run makes new ones.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

DEMO_ACCOUNTS = [
    ("beheerder", "Beheerders", True),
    ("communicatieadviseur", "Communicatieadviseurs", False),
    ("contentmanager", "Contentmanagers", False),
]


class Command(BaseCommand):
    help = "Maak of vernieuw de demo-accounts (één per rol) met een nieuw willekeurig wachtwoord."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, **options):
        User = get_user_model()
        self.stdout.write(f"\nLog in op {options['url']} met een van deze accounts:\n")
        for username, group_name, superuser in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = superuser
            user.is_superuser = superuser
            user.email = f"{username}@voorbeeldstad.example"
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                f"  {username:<22} wachtwoord: {password}   ({group_name})"
            )
        self.stdout.write(
            "\nDe wachtwoorden gelden tot de volgende start van de hub.\n"
        )
