"""Admin UI of the content model: the basisteksten snippet, and the audit-log
entry for a login lockout.

Contactpunten and locaties belong to one gemeente each; their admin screens
are registered by ``gemeenten/wagtail_hooks.py``, which knows who may see which.
"""

from axes.signals import user_locked_out
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_columns import ja_nee
from .models import Basistekst
from .security import LOCKOUT_ACTION, record_lockout


class BasistekstViewSet(SnippetViewSet):
    model = Basistekst
    icon = "doc-full"
    menu_label = "Basisteksten"
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["titel", "upl_naam", ja_nee("live", "Gepubliceerd")]


register_snippet(BasistekstViewSet)


@hooks.register("register_log_actions")
def register_login_lockout(actions):
    actions.register_action(
        LOCKOUT_ACTION,
        "Inloggen geblokkeerd",
        "Inloggen geblokkeerd na te veel mislukte pogingen",
    )


user_locked_out.connect(record_lockout, dispatch_uid="contenthub-login-lockout")
