"""Which site a page belongs to: the registered domain of its URL.

A site template (the same newsletter pitch or author bio under every article) is shared by the
pages of one publisher, and a publisher is best identified by its *registered* domain:
``www.bbc.co.uk`` and ``news.bbc.co.uk`` are one site, ``alice.github.io`` and
``bob.github.io`` are two. Telling these apart needs the Public Suffix List.

We read it with ``tld``: it ships a copy of the list inside the package (nothing is fetched at
run time, so this works offline and on cluster nodes without network), it is already installed
as a dependency of courlan, which trafilatura uses, and it includes the list's private section
(``github.io``, ``blogspot.com``). ``tldextract`` would work too, but by default it tries to
download a fresh list and writes a cache file under the user's home directory: network access
and process-external state we do not want in a dataset build. The list in ``tld`` is loaded
once per process into a read-only table, identical for every page.

Hosts the list cannot place (IP addresses, ``localhost``, intranet names, unknown TLDs) are
their own site: the lower-cased host name without port.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

__all__ = ["site_of"]

_HOST = re.compile(r"^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$")


def _host(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    if "://" not in url and not url.startswith("//"):
        url = "//" + url  # "example.com/path": urlsplit only finds a host after "//"
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    if _HOST.match(host) is None and not host.startswith("["):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return None  # spaces or other characters no host name can have
    return host


def site_of(url: str | None) -> str | None:
    """The registered domain of ``url`` (``"bbc.co.uk"`` for ``https://www.bbc.co.uk/news``).

    ``None`` when the URL has no host. Hosts outside the Public Suffix List (IP addresses,
    ``localhost``, unknown TLDs) are returned as they are, lower-cased, without port.
    """
    if not url:
        return None
    host = _host(url)
    if host is None:
        return None
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    from tld import get_fld

    fld = get_fld(host, fix_protocol=True, fail_silently=True)
    return fld.lower() if fld else host
