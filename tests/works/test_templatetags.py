from fanarchive.works.templatetags.work_stats import thousands


def test_thousands_groups_whole_numbers_and_leaves_anything_else():
    assert [thousands(n) for n in (0, 999, 1000, 1234567)] == ["0", "999", "1,000", "1,234,567"]
    assert thousands(None) is None and thousands("?") == "?"
