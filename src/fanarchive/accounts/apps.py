from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fanarchive.accounts"
    label = "accounts"

    def ready(self):
        from fanarchive.accounts import signals  # noqa: F401  (default pseud on sign-up)
