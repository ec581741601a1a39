from django.contrib import admin

from fanarchive.accounts.models import Pseud


@admin.register(Pseud)
class PseudAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "is_default"]
    search_fields = ["name", "user__username"]
