"""Works and chapters: posting, editing, reading, and AO3's blurbs and work page."""
