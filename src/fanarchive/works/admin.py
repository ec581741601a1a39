from django.contrib import admin

from fanarchive.works.models import Chapter, Tagging, Work


class ChapterInline(admin.StackedInline):
    model = Chapter
    extra = 0
    fields = ["position", "title", "posted", "words"]
    readonly_fields = ["words"]


class TaggingInline(admin.TabularInline):
    model = Tagging
    extra = 0
    autocomplete_fields = ["tag"]


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = ["title", "posted", "restricted", "hidden_by_admin", "words", "revised_at"]
    list_filter = ["posted", "restricted", "hidden_by_admin", "complete"]
    search_fields = ["title", "pseuds__name"]
    filter_horizontal = ["pseuds"]
    inlines = [ChapterInline, TaggingInline]
