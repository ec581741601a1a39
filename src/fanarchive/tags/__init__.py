"""Tags in AO3's model: types, canonical tags, synonyms, meta/sub tags, fandom parents, wrangling."""
