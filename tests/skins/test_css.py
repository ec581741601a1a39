"""Site-skin CSS checked as AO3 restricts it (skins/css.py)."""

from __future__ import annotations

import pytest

from fanarchive.skins.css import MAX_CSS_CHARS, SkinCSSError, clean_skin_css

AO3_SKIN = """
/* A skin written for AO3's markup */
#header .primary { background: #222 !important; }
#main .blurb .heading a { color: rgb(10, 120, 30); }
@media only screen and (max-width: 42em) { #outer .wrapper { padding: 0 } }
.userstuff p { font-family: Georgia, serif; background: url(/static/paper.png) }
"""


def test_css_written_for_ao3_is_kept_rule_for_rule():
    css = clean_skin_css(AO3_SKIN)
    assert "#main .blurb .heading a {\n  color: rgb(10, 120, 30);\n}" in css
    assert "background: #222 !important;" in css
    assert "@media only screen and (max-width: 42em) {" in css
    assert "url(/static/paper.png)" in css
    assert "A skin written" not in css  # comments are dropped: only what was checked is kept


@pytest.mark.parametrize(
    ("css", "message"),
    [
        ("@import url(/other.css);", "@import is not allowed"),
        ("@IMPORT 'x.css';", "@import is not allowed"),
        ("a { background: url(https://evil.example/x.png) }", "points outside this archive"),
        ("a { background: url('//evil.example/x.png') }", "points outside this archive"),
        # An escape (u\72l = url) is read as the browser reads it.
        ("a { background: u\\72l(http://evil.example/) }", "points outside this archive"),
        ("a { background: url(data:image/svg+xml;base64,PHN2Zz4=) }", "points outside"),
        ("a { background: url(javascript:alert(1)) }", "this is not valid CSS"),
        ("a { background: url(javascript:void) }", "points outside this archive"),
        ("a { width: expression(alert(1)) }", "expression() runs code"),
        ("a { width: expr\\65ssion(alert(1)) }", "expression() runs code"),
        ("a { behavior: url(/x.htc) }", "behavior runs code"),
        ("a { -moz-binding: url(/x.xml#x) }", "-moz-binding runs code"),
        ("a { content: 'javascript:alert(1)' }", "javascript: addresses are not allowed"),
        ("</style><script>alert(1)</script>", "this is not valid CSS"),
        ("@font-face { font-family: x; src: url(/x.woff) }", "@font-face is not allowed"),
        ("a { b { color: red } }", "nested rules are not allowed"),
    ],
)
def test_unsafe_css_is_refused_with_a_clear_message(css, message):
    with pytest.raises(SkinCSSError) as refused:
        clean_skin_css(css)
    assert any(message in problem for problem in refused.value.problems), refused.value.problems
    assert refused.value.problems[0].startswith("Line 1: ")


def test_every_problem_is_named_with_its_line():
    with pytest.raises(SkinCSSError) as refused:
        clean_skin_css("a { color: red }\n@import 'x.css';\nb { width: expression(1) }")
    assert [p.split(":")[0] for p in refused.value.problems] == ["Line 2", "Line 3"]


def test_too_long_css_is_refused():
    with pytest.raises(SkinCSSError, match="limited to"):
        clean_skin_css("a{color:red}" * (MAX_CSS_CHARS // 10))
