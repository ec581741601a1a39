"""What the browser journeys share: the test accounts' password and logging in."""

from __future__ import annotations

from playwright.sync_api import expect

PASSWORD = "correct-horse-battery-42"


def log_in(page, username: str) -> None:
    """Log in through AO3's form at /users/login and wait for the header to name the user."""
    page.goto("/users/login")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".username")).to_contain_text(username)
