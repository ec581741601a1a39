from django.contrib import admin

from fanarchive.insights.models import TagSuggestion, WorkAnalysis


@admin.register(WorkAnalysis)
class WorkAnalysisAdmin(admin.ModelAdmin):
    list_display = ["work", "schema_version", "duration_ms", "updated_at"]
    readonly_fields = ["content_hash", "schema_version", "duration_ms"]


@admin.register(TagSuggestion)
class TagSuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "work", "status", "confirmed"]
    list_filter = ["kind", "status"]
