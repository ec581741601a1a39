"""What readers do besides reading: downloads, kudos, hits, comments, bookmarks,
subscriptions with an inbox, reading history and mark-for-later; plus the account-level
privacy actions (orphaning, deleting an account, admin hiding)."""
