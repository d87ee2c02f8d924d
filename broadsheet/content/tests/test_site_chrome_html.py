"""The masthead and footer written in Python: current section marked, values escaped."""

from broadsheet.content import rendering


def test_the_header_marks_the_current_section_and_escapes_what_editors_wrote():
    html = rendering.site_header(
        name="The <Daily> & Co",
        search_url="/search/",
        login_url="/account/login/",
        sections=[(4, "World", "/world/"), (5, "Arts & Books", "/arts/")],
        current_pk=5,
    )
    assert '<a class="site-header__name" href="/">The &lt;Daily&gt; &amp; Co</a>' in html
    assert '<li><a href="/world/">World</a></li>' in html
    assert '<li><a href="/arts/" aria-current="page">Arts &amp; Books</a></li>' in html
    assert 'action="/search/"' in html
    assert '<a href="/account/login/">Sign in</a>' in html


def test_a_header_without_sections_has_no_section_menu():
    html = rendering.site_header(
        name="Paper", search_url="/search/", login_url="/login/", sections=[], current_pk=None
    )
    assert "site-nav" not in html


def test_the_footer_leaves_out_links_the_publication_did_not_set():
    html = rendering.site_footer(
        about_url="/about/",
        terms_url="",
        privacy_url="/privacy/",
        copyright_holder="A & B",
        year=2026,
    )
    assert '<li><a href="/about/">About us</a></li>' in html
    assert "Terms of use" not in html
    assert '<li><a href="/privacy/">Privacy</a></li>' in html
    assert "Copyright &copy; A &amp; B 2026. All rights reserved." in html
