from django.contrib import admin

from fanarchive.skins.models import Skin


@admin.register(Skin)
class SkinAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "public", "approved", "official", "updated_at"]
    list_filter = ["public", "approved", "official"]
    search_fields = ["title"]
    raw_id_fields = ["author"]
    actions = ["approve", "reject"]
    # The CSS is checked by the skin form (skins/css.py); admins approve, they do not edit it.
    readonly_fields = ["css"]

    @admin.action(description="Approve the selected public skins")
    def approve(self, request, queryset):
        queryset.filter(public=True).update(approved=True)

    @admin.action(description="Withdraw approval")
    def reject(self, request, queryset):
        queryset.update(approved=False)
