import pytest

from fanarchive.imports.sqldump import DumpError, iter_rows, table_columns

DUMP = r"""
-- MySQL dump 10.13
CREATE TABLE `fanfiction_chapters` (
  `chapid` int(11) NOT NULL auto_increment,
  `title` varchar(250) NOT NULL default '',
  `storytext` text,
  PRIMARY KEY  (`chapid`),
  KEY `sid` (`sid`)
) ENGINE=MyISAM;
INSERT INTO `fanfiction_chapters` VALUES (1,'It''s \"here\"','Line one\nLine two\\ and \'quoted\''),
 (2, 'Semi; colon, comma (paren)', NULL);
INSERT INTO fanfiction_chapters (`chapid`, `title`, `storytext`) VALUES (3,_utf8'x','INSERT INTO evil VALUES (1);');
"""


def test_rows_follow_create_table_columns_and_mysql_escapes():
    rows = [row for table, row in iter_rows(DUMP) if table == "fanfiction_chapters"]
    assert [r["chapid"] for r in rows] == [1, 2, 3]
    assert rows[0]["title"] == 'It\'s "here"'
    assert rows[0]["storytext"] == "Line one\nLine two\\ and 'quoted'"
    assert rows[1]["title"] == "Semi; colon, comma (paren)"
    assert rows[1]["storytext"] is None
    # SQL quoted inside a story is text, not a statement
    assert rows[2]["storytext"] == "INSERT INTO evil VALUES (1);"
    assert {t for t, _ in iter_rows(DUMP)} == {"fanfiction_chapters"}


def test_table_columns_skip_keys():
    assert table_columns(DUMP) == {"fanfiction_chapters": ["chapid", "title", "storytext"]}


def test_rows_without_column_names_are_numbered():
    rows = list(iter_rows("INSERT INTO t VALUES (1, 'a');"))
    assert rows == [("t", {"0": 1, "1": "a"})]


def test_truncated_dump_raises_a_clear_error():
    with pytest.raises(DumpError, match="ends inside|unterminated"):
        list(iter_rows("INSERT INTO t VALUES (1, 'never closed"))
