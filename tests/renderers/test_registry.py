import pytest
from django.core.exceptions import ImproperlyConfigured

import renderers
from renderers.registry import RendererRegistry, UnknownChannel


def test_the_channels_are_registered_in_page_order_then_the_national_ones():
    assert renderers.CHANNELS == (
        "web", "app", "tweet", "brief", "chatbot",
        "samenwerkende_catalogi", "sdg", "kcc", "open_product",
    )  # fmt: skip


def test_a_new_channel_is_one_registered_class():
    registry = RendererRegistry()

    @registry.register
    class Sms:
        channel = "sms"
        label = "SMS"
        variants = ("",)

        def render(self, product, *, variant="", **context):
            raise NotImplementedError

    assert registry.names() == ["sms"]
    assert registry["sms"].label == "SMS"


def test_a_duplicate_channel_is_refused():
    registry = RendererRegistry()

    class Web:
        channel = "web"
        label = "Web"
        variants = ("",)

        def render(self, product, **context):
            raise NotImplementedError

    registry.register(Web)
    with pytest.raises(ImproperlyConfigured, match="al geregistreerd"):
        registry.register(Web)


def test_a_renderer_without_channel_key_is_refused():
    class Naamloos:
        label = "?"
        variants = ("",)

    with pytest.raises(TypeError, match="mist een 'channel'-sleutel"):
        RendererRegistry().register(Naamloos)


def test_an_unknown_channel_gets_a_dutch_message():
    with pytest.raises(UnknownChannel) as caught:
        renderers.renderer_registry["fax"]
    assert (
        str(caught.value)
        == "Onbekend kanaal 'fax'. Kies uit: web, app, tweet, brief, chatbot, "
        "samenwerkende_catalogi, sdg, kcc, open_product."
    )
