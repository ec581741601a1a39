"""fanarchive: a self-hostable fan fiction archive that reads the stories it hosts."""

__version__ = "0.1.0"
