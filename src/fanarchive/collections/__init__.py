"""Collections: communities gathering works, run by their owner and moderators (AO3's)."""
