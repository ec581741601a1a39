from fanarchive.imports.drafts import Draft, Problem
from fanarchive.imports.efiction import efiction_drafts

DUMP = r"""
CREATE TABLE `fanfiction_stories` (`sid` int, `title` varchar(200), `summary` text,
  `storynotes` text, `catid` varchar(100), `charid` varchar(250), `rid` varchar(25),
  `uid` int, `validated` char(1), `completed` char(1)) ENGINE=MyISAM;
INSERT INTO `fanfiction_stories` VALUES
 (1,'Rain on the Roof','<p>Two friends.</p>','Thanks to my beta.','2','1,2','3',7,'1','1'),
 (2,'Pending','s','','2','','1',7,'0','0'),
 (3,'No Text','s','','2','','1',8,'1','0');
INSERT INTO `fanfiction_chapters` (`chapid`,`title`,`inorder`,`notes`,`endnotes`,`sid`,`uid`,`storytext`) VALUES
 (11,'The End',2,'','Bye!',1,7,'<p>"Goodbye," said Mira.</p>'),
 (10,'The Start',1,'Chapter note','',1,7,'<p>"Hello," said Tom.</p>');
INSERT INTO `fanfiction_authors` (`uid`,`penname`) VALUES (7,'quillwright');
INSERT INTO `fanfiction_characters` (`charid`,`catid`,`charname`) VALUES (1,2,'Tom'),(2,2,'Mira');
INSERT INTO `fanfiction_categories` (`catid`,`category`) VALUES (2,'Original Work');
INSERT INTO `fanfiction_ratings` (`rid`,`rating`) VALUES (3,'Teen And Up Audiences');
"""


def test_stories_become_drafts_with_ordered_chapters_and_names():
    items = list(efiction_drafts(DUMP, "site.sql"))
    drafts = [i for i in items if isinstance(i, Draft)]
    assert len(drafts) == 1
    draft = drafts[0]
    assert draft.title == "Rain on the Roof"
    assert draft.authors == ["quillwright"]
    assert draft.fandoms == ["Original Work"]
    assert draft.characters == ["Tom", "Mira"]
    assert draft.rating == "Teen And Up Audiences"
    assert draft.complete is True
    assert draft.notes == "Thanks to my beta."
    assert [c.title for c in draft.chapters] == ["The Start", "The End"]
    assert draft.chapters[0].notes == "Chapter note"
    assert draft.chapters[1].end_notes == "Bye!"
    assert draft.body_format == "html"


def test_unpublished_and_textless_stories_are_reported_not_raised():
    problems = [i for i in efiction_drafts(DUMP, "site.sql") if isinstance(i, Problem)]
    messages = {p.source: p.message for p in problems}
    assert "not validated" in messages["site.sql#story-2"]
    assert "no chapter text" in messages["site.sql#story-3"]


def test_chapter_text_kept_in_files_next_to_the_dump(tmp_path):
    dump = DUMP.replace("'<p>\"Hello,\" said Tom.</p>'", "''")
    (tmp_path / "stories" / "7").mkdir(parents=True)
    (tmp_path / "stories" / "7" / "10.txt").write_text("From the file.", encoding="utf-8")
    draft = next(i for i in efiction_drafts(dump, "x.sql", tmp_path) if isinstance(i, Draft))
    assert draft.chapters[0].body == "From the file."


def test_garbage_is_one_problem():
    items = list(efiction_drafts("this is not sql", "junk.sql"))
    assert len(items) == 1 and isinstance(items[0], Problem)
