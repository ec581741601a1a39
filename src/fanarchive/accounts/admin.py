from django.contrib import admin, messages

from fanarchive.accounts import claims
from fanarchive.accounts.models import Pseud, WorksClaim


@admin.register(Pseud)
class PseudAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "is_default"]
    search_fields = ["name", "user__username"]


@admin.register(WorksClaim)
class WorksClaimAdmin(admin.ModelAdmin):
    """Check a claim (the e-mail address the old archive knew, a message from it...), then
    confirm it: the works move to the claimant. Nothing moves before that."""

    list_display = ["pseud", "user", "status", "created_at", "moved"]
    list_filter = ["status"]
    search_fields = ["pseud__name", "user__username"]
    readonly_fields = ["user", "pseud", "evidence", "status", "moved", "created_at", "decided_at"]
    actions = ["confirm", "reject"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Confirm the selected claims (move the works)")
    def confirm(self, request, queryset):
        moved = sum(claims.decide(claim, confirm=True) for claim in queryset)
        self.message_user(request, f"{moved} work(s) moved to their authors.", messages.SUCCESS)

    @admin.action(description="Reject the selected claims")
    def reject(self, request, queryset):
        for claim in queryset:
            claims.decide(claim, confirm=False)
        self.message_user(request, "Claims rejected.", messages.SUCCESS)
