"""Site-skin CSS, checked the way AO3 restricts it, with tinycss2.

AO3 accepts CSS for a site skin but refuses what can run code, load from other hosts or pull
in unchecked CSS: `@import`, `expression()`, `behavior` and `-moz-binding`, `javascript:`
addresses, and `url()` pointing at another host. A regular expression over the text cannot
tell what a browser will read (escapes such as `\\75rl(`, comments inside a token, strings):
tinycss2 tokenises by the CSS Syntax Level 3 specification, as browsers do, and decodes
escapes, so the checks below see the names and addresses a browser will see. The skin is
stored as tinycss2 re-serialises the checked rules (comments dropped), so what is served is
exactly what was checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

MAX_CSS_CHARS = 100_000
ALLOWED_AT_RULES = {"media"}
# Properties that run code or bind behaviour in some browser.
FORBIDDEN_PROPERTIES = {"behavior", "-moz-binding", "-ms-behavior"}
FORBIDDEN_FUNCTIONS = {"expression", "javascript", "-moz-binding"}
URL_FUNCTIONS = {"url", "src", "image", "image-set", "-webkit-image-set"}
_PROPERTY_RE = re.compile(r"^-?[a-z][a-z0-9-]*$")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


class SkinCSSError(ValueError):
    """The CSS was refused; `problems` says where and why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class _Check:
    problems: list[str] = field(default_factory=list)

    def refuse(self, node, message: str) -> None:
        line = getattr(node, "source_line", None)
        self.problems.append(f"Line {line}: {message}" if line else message)


def clean_skin_css(css: str) -> str:
    """The skin's CSS, checked and re-serialised; raises SkinCSSError naming every problem."""
    if len(css) > MAX_CSS_CHARS:
        raise SkinCSSError([f"A skin's CSS is limited to {MAX_CSS_CHARS:,} characters."])
    check = _Check()
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out = _rules(rules, check)
    if check.problems:
        raise SkinCSSError(check.problems)
    return out


def _rules(rules: list, check: _Check) -> str:
    parts = []
    for rule in rules:
        if rule.type == "error":
            check.refuse(rule, f"this is not valid CSS ({rule.message}).")
        elif rule.type == "at-rule":
            parts.append(_at_rule(rule, check))
        elif rule.type == "qualified-rule":
            parts.append(_qualified_rule(rule, check))
    return "\n".join(part for part in parts if part)


def _at_rule(rule: ast.AtRule, check: _Check) -> str:
    if rule.lower_at_keyword == "import":
        check.refuse(rule, "@import is not allowed: a skin's CSS must all be in the skin.")
        return ""
    if rule.lower_at_keyword not in ALLOWED_AT_RULES or rule.content is None:
        check.refuse(rule, f"@{rule.at_keyword} is not allowed in a skin (only @media).")
        return ""
    _values(rule.prelude, check)
    inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
    prelude = tinycss2.serialize(rule.prelude).strip()
    return f"@media {prelude} {{\n{_rules(inner, check)}\n}}"


def _qualified_rule(rule: ast.QualifiedRule, check: _Check) -> str:
    selector = tinycss2.serialize(rule.prelude).strip()
    if not selector:
        check.refuse(rule, "a rule has no selector.")
    _values(rule.prelude, check)
    declarations = []
    items = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    for item in items:
        if item.type == "error":
            check.refuse(item, f"this is not valid CSS ({item.message}).")
        elif item.type == "declaration":
            declarations.append(_declaration(item, check))
        else:  # nested rules: not CSS that AO3's skins use, and not checked as such
            check.refuse(item, f"nested rules are not allowed in a skin ({selector}).")
    body = "\n".join(f"  {d};" for d in declarations if d)
    return f"{selector} {{\n{body}\n}}"


def _declaration(declaration: ast.Declaration, check: _Check) -> str:
    name = declaration.lower_name
    if name in FORBIDDEN_PROPERTIES:
        check.refuse(declaration, f"the property {name} runs code and is not allowed.")
        return ""
    if not _PROPERTY_RE.match(name):
        check.refuse(declaration, f"{declaration.name!r} is not a CSS property.")
        return ""
    _values(declaration.value, check)
    value = tinycss2.serialize(declaration.value).strip()
    important = " !important" if declaration.important else ""
    return f"{name}: {value}{important}"


def _values(tokens: list, check: _Check) -> None:
    for token in tokens:
        if token.type == "error":  # a bad url(), a stray bracket: browsers drop it, we refuse
            check.refuse(token, f"this is not valid CSS ({token.message}).")
        elif token.type == "url":
            _address(token, token.value, check)
        elif token.type == "function":
            if token.lower_name in FORBIDDEN_FUNCTIONS:
                check.refuse(token, f"{token.lower_name}() runs code and is not allowed.")
            elif token.lower_name in URL_FUNCTIONS:
                for argument in token.arguments:
                    if argument.type == "string":
                        _address(token, argument.value, check)
            _values(token.arguments, check)
        elif token.type in {"() block", "[] block", "{} block"}:
            _values(token.content, check)
        elif token.type in {"ident", "string"} and "javascript:" in token.value.lower():
            check.refuse(token, "javascript: addresses are not allowed.")


def _address(token, address: str, check: _Check) -> None:
    """Only addresses on this archive: a path (`/static/...`, `images/x.png`), never another
    host (`https://...`, `//host/...`) nor a scheme (`data:`, `javascript:`)."""
    text = address.strip()
    if text.startswith("//") or text.startswith("\\\\") or _SCHEME_RE.match(text):
        check.refuse(
            token,
            f"url({text}) points outside this archive; a skin may only use addresses on "
            "this archive, such as /static/….",
        )
