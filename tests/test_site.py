"""The site of a URL is its registered domain (Public Suffix List, offline)."""

import pytest

from cleanerlib._site import site_of


@pytest.mark.parametrize("url, site", [
    ("https://www.bbc.co.uk/news/technology", "bbc.co.uk"),
    ("https://news.bbc.co.uk/", "bbc.co.uk"),
    ("http://alice.github.io/post", "alice.github.io"),  # private suffix: each user is a site
    ("http://bob.github.io/post", "bob.github.io"),
    ("https://Example.COM:8443/x", "example.com"),
    ("https://www.example.com./x", "example.com"),
    ("example.org/path/page.html", "example.org"),
    ("https://bücher.de/x", "xn--bcher-kva.de"),
    ("http://127.0.0.1:8000/x", "127.0.0.1"),
    ("http://localhost/x", "localhost"),
    ("http://intranet.corp-zz/x", "intranet.corp-zz"),  # outside the list: the host itself
])
def test_registered_domain(url, site):
    assert site_of(url) == site


@pytest.mark.parametrize("url", [None, "", "   ", "not a url", "https:///nohost"])
def test_no_site(url):
    assert site_of(url) is None
