"""Tag wrangling in Django admin: search, filter by type/status, synonyms inline."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from fanarchive.tags.models import Tag


class SynonymInline(admin.TabularInline):
    model = Tag
    fk_name = "merger"
    fields = ["name", "type"]
    readonly_fields = ["name", "type"]
    extra = 0
    can_delete = False
    verbose_name_plural = "synonyms"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "canonical", "merger", "created_at"]
    list_filter = ["type", "canonical"]
    search_fields = ["name"]
    autocomplete_fields = ["merger", "parents", "meta_tags"]
    inlines = [SynonymInline]
    actions = ["make_canonical"]

    @admin.action(description="Make the selected tags canonical")
    def make_canonical(self, request, queryset):
        for tag in queryset:
            tag.make_canonical()
        messages.success(request, f"{queryset.count()} tags are canonical.")

    def save_model(self, request, obj, form, change):
        """A merger chosen in the form goes through the model's rules."""
        merger = obj.merger
        if merger is not None and change:
            obj.merger = Tag.objects.get(pk=obj.pk).merger
            super().save_model(request, obj, form, change)
            try:
                obj.make_synonym_of(merger)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return
        super().save_model(request, obj, form, change)
