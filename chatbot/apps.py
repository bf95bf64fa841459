from django.apps import AppConfig


class ChatbotConfig(AppConfig):
    name = "chatbot"
    label = "chatbot"
    verbose_name = "Chatbot"
    default_auto_field = "django.db.models.BigAutoField"
