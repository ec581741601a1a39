"""Accounts: sign up, log in and out, and pseudonyms (the names a user posts under)."""
