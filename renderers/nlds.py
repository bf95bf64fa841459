"""The NL Design System CSS of the web channel.

We load the white-label Utrecht component library with the neutral
"voorbeeld" theme, never a real gemeente's design tokens, then the hub's
fonts and layout and the gemeente's own colour: the same stylesheets as every
other public page (``contenthub.site``). ``scripts/frontend`` installs the
npm files; without them the same semantic HTML shows unstyled.
"""

from __future__ import annotations

from contenthub.site import stylesheet_urls

__all__ = ["stylesheet_urls"]
