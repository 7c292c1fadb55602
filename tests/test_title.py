"""Which block is the headline: kept as a heading in its place, protected from removal."""

from __future__ import annotations

from cleanerlib import Block, Cleaner, Hints, Kind, Span
from cleanerlib._segment_text import segment_text
from cleanerlib._title import html_title_index, text_title_index

BODY = ("Semiconductor companies announced a wave of new factories this week, promising thousands "
        "of jobs and billions in investment across three continents and several states, officials said.")


def _text_title(lines: list[str]) -> str | None:
    blocks = segment_text("\n".join(lines))
    i = text_title_index(blocks)
    return None if i is None else blocks[i].text


def test_text_title_skips_leading_residue():
    lines = ["Home \u203a News \u203a Hardware", "Skip to content", "3 min read",
             "Chip makers race to build new fabs", "By Jane Doe", BODY]
    assert _text_title(lines) == "Chip makers race to build new fabs"


def test_text_title_prefers_five_words_then_the_longest_short_candidate():
    assert _text_title(["Menu", "Chip makers race", BODY]) == "Chip makers race"
    assert _text_title(["Top stories", "Chip makers race ahead", BODY]) == "Chip makers race ahead"


def test_text_title_ignores_breadcrumbs_times_and_dates():
    lines = ["News / Hardware / Chips", "Updated 10:45 today", "Posted 2025-03-01 by staff", BODY]
    assert _text_title(lines) is None


def test_text_title_stops_at_the_first_real_paragraph():
    assert _text_title([BODY, "A Heading Later On In The Article"]) is None


def test_text_title_only_looks_ahead_a_dozen_lines():
    lines = ["The fab opened."] * 12 + ["Chip makers race to build new fabs", BODY]
    assert _text_title(lines) is None


def test_residue_above_the_headline_does_not_count_towards_the_lookahead():
    lines = ["Home \u203a News"] * 12 + ["Read More \u2192", "Chip makers race to build new fabs", BODY]
    assert _text_title(lines) == "Chip makers race to build new fabs"


def _html_block(i: int, text: str, tag: str, tokens: tuple[str, ...] = ()) -> Block:
    kind = Kind.HEADING if tag[0] == "h" else (Kind.OTHER if tag == "title" else Kind.PARAGRAPH)
    return Block(i, text, kind, Span(None, None, f"/html/body/{tag}"), hints=Hints(tag=tag, tokens=tokens))


def test_html_title_is_the_h1_matching_the_declared_title():
    blocks = [
        _html_block(0, "Chip makers race to build new fabs | TechSite", "title"),
        _html_block(1, "TechSite", "h1"),
        _html_block(2, "Chip makers race to build new fabs", "h1"),
        _html_block(3, BODY, "p"),
    ]
    assert html_title_index(blocks, "Chip makers race to build new fabs | TechSite") == 2


def test_html_title_accepts_an_h2_headline():
    blocks = [_html_block(0, "Latest news", "h2"), _html_block(1, "Chip makers race to build new fabs", "h2")]
    assert html_title_index(blocks, "Chip makers race to build new fabs \u2013 TechSite") == 1


def test_html_title_in_an_h3_with_a_post_title_class():
    """Blogger's "Blog name: Post title" <title> over an <h3 class="post-title entry-title">."""
    title = "Darkroom Notes: Chip makers race to build new fabs"
    blocks = [_html_block(0, title, "title"), _html_block(1, "Darkroom Notes", "h1"),
              _html_block(2, "Chip makers race to build new fabs", "h3", ("post-title", "entry-title")),
              _html_block(3, BODY, "p"), _html_block(4, "Chip makers race to build new fabs", "h3", ("widget",))]
    assert html_title_index(blocks, title) == 2
    # an <h3> without such a class is a sidebar's or a section's, not the headline
    blocks[2] = _html_block(2, "Chip makers race to build new fabs", "h3", ("sidebar",))
    assert html_title_index(blocks, title) not in (2, 4)


def test_a_related_posts_h3_under_the_article_is_no_headline():
    title = "iPad Pro M4 review | Gadget Notes"
    blocks = [_html_block(0, title, "title"),
              _html_block(1, "Thinner, faster, pricier: living with Apple's new tablet", "h1"),
              _html_block(2, BODY, "p"),
              _html_block(3, "iPad Pro M4 review: six months later", "h3", ("entry-title",))]
    assert html_title_index(blocks, title) == 1


def test_html_title_falls_back_to_a_single_long_h1_then_the_title_element():
    blocks = [_html_block(0, "Page", "title"), _html_block(1, "An unrelated but long headline", "h1")]
    assert html_title_index(blocks, "Page") == 1
    blocks = [_html_block(0, "Page title", "title"), _html_block(1, "Short", "h1")]
    assert html_title_index(blocks, "Something else entirely") == 0
    assert html_title_index([_html_block(0, BODY, "p")], None) is None


def test_text_title_is_a_kept_heading_in_its_place_and_the_metadata_title():
    source = "Skip to content\nChip makers race to build new fabs: what it means\n" + BODY
    r = Cleaner(filters=[], input_type="text").clean(source)
    assert [(b.text, b.kind) for b in r.blocks][:2] == [
        ("Skip to content", Kind.HEADING),
        ("Chip makers race to build new fabs: what it means", Kind.HEADING),
    ]
    assert r.metadata.title == "Chip makers race to build new fabs: what it means"
    assert r.text.split("\n")[1] == "Chip makers race to build new fabs: what it means"


def test_html_headline_is_the_first_heading_block():
    page = ("<html><head><title>Chip makers race to build new fabs | TechSite</title></head><body>"
            "<p>Skip to content</p><h1>Chip makers race to build new fabs</h1><p>" + BODY + "</p></body></html>")
    r = Cleaner(filters=[], input_type="html").clean(page)
    headings = [b for b in r.blocks if b.kind is Kind.HEADING]
    assert headings[0].text == "Chip makers race to build new fabs"
    assert r.metadata.title == "Chip makers race to build new fabs"  # not "... | TechSite"


# -- a banner the phrase data does not know has the shape of a headline too ----------------------

ARTICLE = ("Raspberry boards will cost more from next month because memory chips have nearly doubled in "
           "price, the company said, blaming demand from server makers for the shortage of memory.")


def test_text_title_is_the_candidate_that_names_the_article_topic():
    lines = ["Gift cards now available in every store", "Raspberry boards cost more as memory prices climb",
             "Maria Lopez, Hardware Editor", ARTICLE]
    assert _text_title(lines) == "Raspberry boards cost more as memory prices climb"


def test_text_title_keeps_the_first_candidate_when_none_shares_the_topic():
    lines = ["Gift cards now available in every store", "Weekly deals on garden furniture", ARTICLE]
    assert _text_title(lines) == "Gift cards now available in every store"


def test_text_title_headline_beats_a_longer_dek_on_the_same_topic():
    lines = ["Raspberry boards cost more as memory prices climb",
             "Memory chips nearly doubled in price and the company blames server makers for the shortage",
             ARTICLE]
    assert _text_title(lines) == "Raspberry boards cost more as memory prices climb"


def test_text_title_headline_beats_a_dek_set_in_bold():
    # a bold dek ends like a sentence inside its marks, so it is no long headline
    # (a dek that names the topic in the article's own words, under a headline that does not)
    dek = ("**Raspberry boards will cost more from next month. Memory chips have nearly doubled in price, the "
           "company said.**")
    lines = ["Pricier Pis: the shortage reaches hobbyists and schools", dek, ARTICLE]
    assert _text_title(lines) == "Pricier Pis: the shortage reaches hobbyists and schools"


def test_text_title_reads_the_topic_from_the_url_too():
    lines = ["Shipping fees for sellers change in March", "Wallapop sellers will pay shipping fees",
             "Sellers on Wallapop will pay a fee on shipping from March, and buyers will see lower "
             "shipping fees for parcels, the company said on Monday in a note to its users."]
    blocks = segment_text("\n".join(lines))
    assert text_title_index(blocks) == 0  # both name the topic: the first one
    assert text_title_index(blocks, url="https://example.es/apps/wallapop-sellers-pay-shipping-fees") == 1


def test_text_title_matches_url_words_written_without_accents():
    lines = ["Envíos gratis en pedidos de más de 30 euros", "Wallapop cobrará una comisión por los envíos",
             "Wallapop cobrará a los vendedores una comisión por cada envío a partir de marzo, y los "
             "compradores pagarán menos por los envíos de paquetes pequeños, según la empresa."]
    blocks = segment_text("\n".join(lines))
    assert text_title_index(blocks, url="https://example.es/apps/wallapop-cobrara-comision-envios") == 1


def test_declared_title_that_is_not_the_headline_plus_a_site_name_stays():
    page = ("<html><head><title>TechSite: chips, clouds and code</title></head><body>"
            "<h1>Chip makers race to build new fabs</h1><p>" + BODY + "</p></body></html>")
    r = Cleaner(filters=[], input_type="html").clean(page)
    assert r.metadata.title == "TechSite: chips, clouds and code"


def test_text_title_skips_a_long_cookie_notice_and_a_byline_and_takes_a_long_headline():
    headline = ("Consumer agency orders online shops to show the lowest price of the past thirty days next to "
                "every discount")
    lines = ["We use cookies and similar technologies to measure audiences and personalise content and ads, "
             "and you can change your choice at any time in the privacy settings of this site.",
             headline, "By Lucia Fernandez", ARTICLE]
    assert _text_title(lines) == headline
    assert _text_title(["By Lucia Fernandez", "Prices climb", ARTICLE]) == "Prices climb"


def test_affiliate_disclosure_above_the_headline_is_not_the_first_paragraph():
    blocks = segment_text("\n".join([
        "Hardware > Handhelds",
        "Gamer Weekly is supported by its audience. When you purchase through links on our site, we may earn "
        "an affiliate commission. Here is how it works and why you can trust us.",
        "Corvex's Blade X handheld ships with a charger that cannot keep up with it",
        "Plug the Blade X into the charger that comes in its box and play something demanding, and the battery "
        "still drains, slowly but steadily, owners say, because the charger delivers less than the device draws.",
    ]))
    assert text_title_index(blocks) == 2


def test_text_title_is_a_short_sentence_when_no_heading_of_five_words_comes_before_it():
    """Blogging platforms let a headline end in a full stop ("… twice. Here's why.")."""
    headline = "We billed 900 customers twice. Here's what went wrong."
    dek = "A retry in the new invoicing service ran twice for every customer on the annual plan."
    assert _text_title(["Open in app", headline, dek, "Jane Doe", "Published in Ops Notes", BODY]) == headline
    # the blog's name above it, apart from it, is not the headline
    assert _text_title(["Ops Notes", "Subscribe", "Sign in", headline, dek, BODY]) == headline
    # a heading right above it is the headline (the sentence is its dek); so is a heading of
    # five words anywhere before the article
    assert _text_title(["Chip makers race", "The fab opened on time.", BODY]) == "Chip makers race"
    assert _text_title(["The fab opened on time.", "Chip makers race to build fabs", BODY]) == \
        "Chip makers race to build fabs"
    # a sentence of three is a paragraph
    assert _text_title(["It rained. Then it stopped. Then the fab opened.", BODY]) is None


def test_text_title_ending_in_a_quoted_term_and_not_a_photo_caption():
    headline = 'Bike maker pushes firmware that locks bikes bought outside their "home region"'
    caption = "A Strada 2 parked outside a bike shop in Utrecht. Credit: Vantle"
    assert _text_title(["Road to nowhere", headline, caption, BODY]) == headline


def test_text_title_under_a_reader_tools_header_lines():
    headline = "Cinedía acaba con las cuentas compartidas en España"
    lines = [f"Title: {headline}", "URL Source: https://example.com/cinedia", "Published Time: 2025-04-04",
             "Markdown Content:", headline, BODY]
    assert _text_title(lines) == headline


def test_text_title_sentence_under_the_publications_repeated_name():
    headline = "Free delivery is getting expensive. Just not for you."
    assert _text_title(["Thin Margins", "Subscribe", "Thin Margins", headline, "Copy link", BODY]) == headline


def test_text_title_sentence_rule_leaves_summaries_and_metadata_alone():
    # a summary list above a short sentence: no headline is promoted over it
    assert _text_title(["TL;DR", "- Faster chip", "- Bigger battery", "Our verdict: buy it before it sells out.",
                        BODY]) is None
    # a reading time between a heading and the sentence does not part them
    assert _text_title(["Chip makers race", "3 min read", "The fab opened on time.", BODY]) == "Chip makers race"
    assert _text_title(["Tax credits: what the new rules mean for families this April", BODY]) == \
        "Tax credits: what the new rules mean for families this April"


def test_a_breadcrumb_copied_without_separators_is_no_headline():
    headline = "Chip Makers Race to Build New Fabs in Three States"
    lines = ["Home News Hardware Chip makers race to build new fabs", headline, BODY]
    assert _text_title(lines) == headline
    r = Cleaner(input_type="text").clean("\n".join(lines))
    assert [b.reason for b in r.blocks if b.text == lines[0]] == ["breadcrumb"]
    # a headline that starts with "Home" copied twice is no trail
    twice = ["Home Depot confirms a data breach at its stores", "Home Depot Confirms a Data Breach at Its Stores", BODY]
    assert _text_title(twice) == twice[0]


def test_a_breadcrumb_that_ends_in_the_headline_is_no_headline():
    headline = "Tintenhersteller sperrt fremde Patronen per Firmware-Update"
    for sep in (">", "\u203a", "/"):
        trail = f"Druckerwelt online {sep} News {sep} 2025 {sep} KW 20 {sep} {headline}"
        lines = [trail, "Drucker-Firmware", headline, BODY]
        assert _text_title(lines) == headline
        r = Cleaner(input_type="text").clean("\n".join(lines))
        assert [b.reason for b in r.blocks if b.text == trail] == ["breadcrumb"]
        assert [b.kept for b in r.blocks if b.text == headline] == [True]


def test_a_paywall_meter_above_a_long_headline_is_no_headline():
    meter = ("You're reading 1 of your 4 free stories this month. [Get unlimited Nordwire for $1 a month]"
             "(https://subscribe.nordwire.com/meter)")
    headline = "After the Chip Maker's Collapse, Its New Owner Wants $7.99 a Month to Keep the Factory Software Running"
    assert _text_title([meter, "[Gear](https://www.nordwire.com/gear/)", headline, BODY]) == headline


def test_a_consent_notice_in_the_third_person_does_not_end_the_headline_search():
    notice = ("Le Fil du Geek et ses partenaires utilisent des cookies pour mesurer l'audience, afficher des "
              "publicités adaptées à vos centres d'intérêt et vous proposer des contenus personnalisés. Vous pouvez "
              "modifier vos choix à tout moment depuis le lien « Gérer mes cookies » en bas de page.")
    headline = "Nimbéo ferme son service de cloud gaming le 30 juin : les joueurs seront remboursés en bons d'achat"
    assert _text_title(["Le Fil du Geek", notice, headline, BODY]) == headline


def test_a_long_headline_of_twenty_five_words_under_a_cookie_notice():
    headline = ("Cestita, the shopping list app most used on the iPhone in Spain, moves to a subscription and this "
                "is what changes for you")
    cookie = ("We and our partners store information on your device, such as cookies, and process personal data to "
              "show you personalised ads and content and to measure them.")
    assert _text_title([cookie, headline, BODY]) == headline


def test_the_headline_beats_a_social_card_title_when_the_page_title_carries_it():
    headline = "Chip makers race to build new fabs in three states"
    page = ('<html><head><title>' + headline + ' | TechSite</title>'
            '<meta property="og:title" content="Chip makers race to build fabs"></head><body>'
            "<h1>" + headline + "</h1><p>" + BODY + "</p></body></html>")
    assert Cleaner(filters=[], input_type="html").clean(page).metadata.title == headline
    # with no headline on the page, og:title stays the title rather than the <title> element
    page = ('<html><head><title>Chip makers race to build new fabs | TechSite</title>'
            '<meta property="og:title" content="Chip makers race to build fabs"></head><body>'
            "<p>" + BODY + "</p></body></html>")
    assert Cleaner(filters=[], input_type="html").clean(page).metadata.title == "Chip makers race to build fabs"


def test_the_headline_beats_an_og_title_that_cuts_it_short_before_its_second_part():
    def title(h1, og):
        page = (f'<html><head><title>Site</title><meta property="og:title" content="{og}"></head><body>'
                f"<h1>{h1}</h1><p>{BODY}</p></body></html>")
        return Cleaner(filters=[], input_type="html").clean(page).metadata.title
    og = "Chip makers race to build new fabs"
    assert title(og + ". Here is what it means for you.", og) == og + ". Here is what it means for you."
    assert title(og + " : les usines arrivent", og) == og + " : les usines arrivent"
    # a dek glued onto the heading is no second part of the title
    assert title(og + " Analysts expect three more next year", og) == og


def test_a_title_that_goes_on_after_a_colon_is_not_the_headline_with_a_site_name():
    page = ("<html><head><title>Ukraine war live updates: leaders to meet on Friday</title>"
            '<meta property="og:title" content="Leaders head to Washington as talks loom"></head><body>'
            "<h1>Ukraine war live updates</h1><p>" + BODY + "</p></body></html>")
    assert Cleaner(filters=[], input_type="html").clean(page).metadata.title == \
        "Leaders head to Washington as talks loom"


def test_a_long_lede_that_asks_is_the_article_not_a_headline():
    lede = ("What happens when a city of two million people decides to ban private cars from its centre for an "
            "entire summer and nobody asks the shopkeepers?")
    assert _text_title([lede, BODY]) is None


def test_a_reader_tools_declared_title_finds_the_headline_under_a_long_cookie_notice():
    headline = "Chip makers race to build new fabs in three states"
    lines = ["Title: " + headline, "URL Source: https://example.com/chips", "Published Time: 2026-04-29",
             "We and our partners store information on your device, such as cookies, and process personal data "
             "to show you personalised ads and content and to measure them, and you may accept or refuse.",
             headline, BODY]
    assert _text_title(lines) == headline


def test_the_page_title_finds_the_headline_beside_a_consent_dialogs_h1():
    headline = "Chip makers race to build new fabs in three states as demand for servers grows"
    page = ("<html><head><title>" + headline + "</title>"
            '<meta property="og:title" content="Fab boom: three states win new chip plants"></head><body>'
            "<h1>example.com asks for your consent to use your personal data</h1>"
            '<h1 class="article-title">' + headline + "</h1><p>" + BODY + "</p></body></html>")
    r = Cleaner(filters=[], input_type="html").clean(page)
    assert r.metadata.title == headline and r.text.startswith(headline)


def test_a_reader_title_that_names_the_site_is_no_headline_in_the_footer():
    lines = ["Title: Acme Engineering Blog", "URL Source: https://example.com/b", "Markdown Content:",
             "# How we cut our build times in half", BODY, "## Measuring first", BODY, "Acme Engineering Blog"]
    assert _text_title(lines) == "# How we cut our build times in half"


def test_the_page_title_does_not_pick_a_sidebar_heading():
    page = ('<html><head><title>Acme Engineering Blog</title><meta property="og:title" content="Build times: the '
            'numbers"></head><body><h1>How we cut our build times in half</h1><p>' + BODY + "</p><h2>Measuring "
            "first</h2><p>" + BODY + "</p><aside><h2>About the Acme Engineering Blog</h2></aside></body></html>")
    r = Cleaner(filters=[], input_type="html").clean(page)
    assert r.blocks[[b.text for b in r.blocks].index("How we cut our build times in half")].kind.value == "heading"
    from cleanerlib._segment_html import parse_html, segment_html
    blocks = segment_html(parse_html(page))
    i = html_title_index(blocks, "Build times: the numbers")
    assert blocks[i].text == "How we cut our build times in half"


def test_a_reader_title_reaches_past_a_consent_notice_no_phrase_list_knows():
    headline = "Card payments fail for six hours at an online bank"
    lines = ["Title: " + headline, "URL Source: https://example.com/bank", "Published Time: 2026-06-08",
             "Together with its partners, this publisher stores identifiers on your device to measure the "
             "audience, show advertising and offer content that suits you; you may change these choices later.",
             "[Finance](https://example.com/finance)", headline, BODY]
    assert _text_title(lines) == headline


def test_a_sites_menu_is_no_headline_and_a_kicker_stands_over_one():
    headline = "Kaufmax verkauft ab Donnerstag ein 15-Zoll-Notebook für 399 Euro: Lohnt sich das Eldra Book 15?"
    lines = ["PLATINE", "Tests Ratgeber Deals Downloads Praxis Newsletter", "Discounter-Laptop im Check", headline, BODY]
    assert _text_title(lines) == headline
