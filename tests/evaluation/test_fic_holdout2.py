"""The second fan-fiction holdout set (tests/data/fic_holdout2). Its form (14 scenes, all on
the check side, well formed, kinds by the paragraph convention, `tune_errors` refusing it) is
tested with the other blind sets in test_blind_scene_sets.py; never an accuracy: nobody tunes
on it."""
