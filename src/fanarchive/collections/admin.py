from django.contrib import admin

from fanarchive.collections.models import Collection, CollectionItem, Participant


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "owner", "moderated", "closed", "created_at"]
    list_filter = ["moderated", "closed"]
    search_fields = ["name", "title"]
    raw_id_fields = ["owner"]
    inlines = [ParticipantInline]


@admin.register(CollectionItem)
class CollectionItemAdmin(admin.ModelAdmin):
    list_display = ["collection", "work", "user_approval", "collection_approval", "created_at"]
    list_filter = ["user_approval", "collection_approval"]
    raw_id_fields = ["collection", "work", "added_by"]
