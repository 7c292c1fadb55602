"""Cross-promotion: teaser zones (header, cards, read-more links) point at their header; glued
read-more links are cut off the paragraph they stick to, with exact spans; inline teasers go;
the zone ends where the article resumes, and prose that only sounds like a teaser stays."""

from __future__ import annotations

import pytest

from cleanerlib import clean
from cleanerlib.filters import CrossPromo

from _filtering import FilterProbe, assert_all_kept, assert_kept, block  # noqa: F401

_probe = FilterProbe(CrossPromo)
run, assert_dropped = _probe.run, _probe.assert_dropped

HEADLINE = "Baltic cable repairs stall as repair ships run short"
BODY1 = ("Three damaged data cables on the floor of the Baltic Sea are still waiting for repairs two months after "
         "they failed, because the few cable ships that can lift and splice them are booked until the spring, the "
         "cable operators said this week.")
BODY2 = ("The operators said traffic has been rerouted through land links and satellite capacity, which has kept "
         "most services running but has raised latency for banks and cloud customers in the region, and that the "
         "cable repairs could slip further if winter storms delay the ships.")
BODY3 = ("None of the cable operators would say how much the delays cost, but the regional regulator said in its "
         "report that the repairs had shown how few cable ships the Baltic operators can call on.")


# -- header-triggered zones ----------------------------------------------------------------------

def test_zone_with_glued_labels_ellipsis_summaries_and_read_more_links():
    cards = [
        ("SecurityWhy hardware keys still confuse most hospital staff",
         "Hospitals handed out hardware security keys last year, but help-desk logs show that most nurses still "
         "reach for the shared ward password when…"),
        ("Warehouse RoboticsA Lyon startup wants to rent out picking robots by the week",
         "The company says small retailers cannot afford to buy robots outright for the busy season, and it wants "
         "to…"),
    ]
    lines = [HEADLINE, BODY1, BODY2, "You may also like"]
    for title, summary in cards:
        lines += [title, summary, "Read More →"]
    lines += ["What the delays mean for customers", BODY3]
    r = run(*lines)
    assert_dropped(r, "You may also like", "teaser_header")
    for title, summary in cards:
        assert_dropped(r, title, "teaser_card", ref="You may also like")
        assert_dropped(r, summary, "teaser_card", ref="You may also like")
    read_more = [b for b in r.blocks if b.text == "Read More →"]
    assert [(b.kept, b.reason, r.blocks[b.ref].text) for b in read_more] == \
        [(False, "read_more", "You may also like")] * 2
    # the zone ends where the article resumes: a section heading and a paragraph of the article
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2, "What the delays mean for customers", BODY3])
    assert r.counts() == {"teasers": {"read_more": 2, "teaser_card": 4, "teaser_header": 1}}


def test_a_card_on_the_articles_topic_with_its_summary_and_link_under_a_header():
    # related stories share the article's topic; a headline, its summary and its link make a card
    card = "eSIM roaming in the Baltic slows as cable repair ships run short"
    summary = "The cable operators say repairs to the damaged Baltic cables have slowed roaming data for travellers."
    r = run(HEADLINE, BODY1, BODY2, "More on cable repairs", card, summary, "Read more →",
            "Why the Baltic has so few cable repair ships", "4 comments")
    assert_dropped(r, "More on cable repairs", "teaser_header")
    assert_dropped(r, card, "teaser_card", ref="More on cable repairs")
    assert_dropped(r, summary, "teaser_card", ref="More on cable repairs")


def test_a_subheading_over_the_articles_paragraph_and_a_source_link_stays():
    sub = "What the repair delays mean for cable customers"
    para = "Banks in the region have moved some traffic to satellite links while they wait."
    r = run(HEADLINE, BODY1, sub, para, BODY2, BODY3)
    assert_kept(r, sub)
    assert_kept(r, para)


@pytest.mark.parametrize("header", ["More on the repair ships", "Weitere Artikel zum Thema Ostsee"])
def test_a_header_over_a_full_sentence_titles_a_section(header):
    para = ("Two of the four ships that can lift Baltic cables are in dry dock until March, the operators said, "
            "and the third is under contract in the North Sea.")
    r = run(HEADLINE, BODY1, BODY2, header, para, BODY3)
    assert_kept(r, para)


_FR = ("La SNCF teste la 5G privée dans ses ateliers",
       "La SNCF a commencé mardi à tester un réseau 5G privé dans trois de ses ateliers de maintenance, où les "
       "techniciens utiliseront des tablettes connectées pour consulter les plans des rames et transmettre les "
       "mesures des capteurs sans passer par le wifi.")
_ES = ("Renfe instalará wifi gratuito en los trenes de Cercanías",
       "Renfe instalará wifi gratuito en los seiscientos trenes de Cercanías que circulan por Madrid, Barcelona y "
       "Valencia antes de 2028, con una inversión de noventa millones de euros, según el contrato que la compañía "
       "adjudicó este martes a un consorcio de operadoras.")


@pytest.mark.parametrize("lead,header,cards,read_more,after", [
    (_FR, "Sur le même sujet",
     ["Mobilité urbaineLe métro de Lyon passe au paiement sans contact",
      "Les voyageurs pourront valider leur trajet avec une carte bancaire dès le mois de…",
      "Santé numériqueLes hôpitaux bretons migrent vers un cloud régional",
      "Le groupement hospitalier veut quitter les serveurs américains d'ici deux ans, avec…"],
     "Lire la suite",
     ["Les syndicats de cheminots demandent des garanties sur l'usage des données collectées par les tablettes, "
      "et souhaitent que les techniciens soient formés avant la généralisation du réseau 5G privé à l'ensemble "
      "des ateliers de maintenance prévue pour 2027."]),
    (_ES, "Noticias relacionadas",
     ["Correos abre taquillas automáticas en dos mil pueblos",
      "La empresa pública quiere acercar la paquetería a las zonas rurales y negocia con…",
      "Andalucía lleva los historiales médicos a la nube",
      "El servicio de salud migrará sus sistemas a un proveedor europeo y plantea dudas sobre la…"],
     "Leer más",
     []),
], ids=["fr", "es"])
def test_zones_in_other_languages(lead, header, cards, read_more, after):
    r = run(*lead, header, cards[0], cards[1], read_more, cards[2], cards[3], read_more, *after)
    assert_dropped(r, header, "teaser_header")
    for card in cards:
        assert_dropped(r, card, "teaser_card", ref=header)
    links = [b for b in r.blocks if b.text == read_more]
    assert [(b.reason, r.blocks[b.ref].text) for b in links] == [("read_more", header)] * 2
    assert r.text == "\n".join([*lead, *after])


_DE_TITLE = "Verkehrsbetriebe speichern Strom in alten Busbatterien"
_DE_LEAD = ("Die Münchner Verkehrsbetriebe wollen ausgediente Batterien ihrer Elektrobusse künftig als Stromspeicher "
            "für die Ladestationen im Betriebshof nutzen. Das sieht ein Pilotprojekt vor, das der Stadtrat am "
            "Dienstag genehmigt hat.")
_DE_CARDS = ["Paketroboter: Die Post schickt in Köln Roboter auf die Gehwege",
             "Die kleinen Fahrzeuge sollen Pakete auf der letzten Meile ausliefern, doch die Stadt verlangt vorher…",
             "Open Source: Schleswig-Holstein verabschiedet sich von Microsoft",
             "Die Landesverwaltung will bis 2027 auf freie Software umsteigen, wie der Digitalminister nun erklärt…"]
_DE_HEADING = "Ladeleistung als Engpass"
# the article resumes: 26 words, then the same with a second sentence (over 45 words)
_DE_AFTER = ("Die Verkehrsbetriebe verweisen dagegen auf Erfahrungen aus Hamburg, wo gebrauchte Busbatterien bereits "
             "Ladesäulen puffern, und wollen die Speicher im nächsten Jahr auf zwei weitere Betriebshöfe ausdehnen.")
_DE_AFTER_LONG = _DE_AFTER + (" Ob sich das Modell rechnet, hängt vor allem davon ab, wie lange die gebrauchten "
                              "Batterien im stationären Betrieb noch halten.")


def test_zone_of_headlines_and_summaries_without_links():
    """Ellipsis summaries are card evidence on their own; no read-more link is needed."""
    r = run(_DE_TITLE, _DE_LEAD, "Das könnte Sie auch interessieren", *_DE_CARDS)
    assert_dropped(r, "Das könnte Sie auch interessieren", "teaser_header")
    for card in _DE_CARDS:
        assert_dropped(r, card, "teaser_card", ref="Das könnte Sie auch interessieren")
    assert r.text == "\n".join([_DE_TITLE, _DE_LEAD])


# -- where the zone ends -------------------------------------------------------------------------

def test_zone_ends_at_a_heading_followed_by_a_long_paragraph():
    r = run(_DE_TITLE, _DE_LEAD, "Mehr zum Thema", *_DE_CARDS, _DE_HEADING, _DE_AFTER_LONG)
    assert_dropped(r, "Mehr zum Thema", "teaser_header")
    for card in _DE_CARDS:
        assert_dropped(r, card, "teaser_card", ref="Mehr zum Thema")
    assert_kept(r, _DE_HEADING)
    assert_kept(r, _DE_AFTER_LONG)


def test_zone_ends_at_a_heading_followed_by_a_medium_paragraph():
    r = run(_DE_TITLE, _DE_LEAD, "Mehr zum Thema", *_DE_CARDS, _DE_HEADING, _DE_AFTER)
    assert_kept(r, _DE_HEADING)
    assert_kept(r, _DE_AFTER)


_EN_CARD = ("SecurityWhy hardware keys still confuse most hospital staff",
            "Hospitals handed out hardware security keys last year, but help-desk logs show that most nurses still "
            "reach for the shared ward password when…")


def test_zone_does_not_end_on_the_heading_of_the_next_section():
    card, summary = _EN_CARD
    r = run(HEADLINE, BODY1, BODY2, "Read next", card, summary, "What the delays mean for customers", BODY3)
    assert_dropped(r, "Read next", "teaser_header")
    assert_dropped(r, card, "teaser_card", ref="Read next")
    assert_dropped(r, summary, "teaser_card", ref="Read next")
    assert_kept(r, BODY3)
    assert_kept(r, "What the delays mean for customers")


def test_html_zone_ends_with_its_container():
    p1 = ("Micron Technology will add a second cleanroom to its Boise fab, the company said on Thursday, bringing "
          "the total investment at the site to more than twenty billion dollars over the next ten years.")
    p2 = ("The expansion is meant for high-bandwidth memory, the stacked DRAM that sits next to the accelerators in "
          "AI servers and that has been in short supply since last year.")
    p3 = ("Idaho officials said the state would train about two thousand technicians for the fab at its community "
          "colleges, starting with a pilot class in Boise this autumn.")
    html = ("<html><head><title>Micron expands its Idaho memory fab</title></head><body><article>"
            f"<h1>Micron expands its Idaho memory fab</h1><div class=\"css-a1\"><p>{p1}</p><p>{p2}</p>"
            "<div class=\"css-b2\"><h3>Related</h3><p><a href=\"/x\">Nvidia ships its next GPU early</a></p>"
            "<p><a href=\"/y\">Apple tests its own cellular modem in China</a></p></div>"
            f"<p>{p3}</p></div></article></body></html>")
    r = clean(html, input_type="html", filters=[CrossPromo()])
    assert_dropped(r, "Related", "teaser_header")
    assert_dropped(r, "Nvidia ships its next GPU early", "teaser_card", ref="Related")
    assert_kept(r, p3)


def test_html_related_posts_container_is_evidence():
    body = ("Micron Technology will add a second cleanroom to its Boise fab, the company said on Thursday, bringing "
            "the total investment at the site to more than twenty billion dollars over the next ten years.")
    html = ("<html><head><title>Micron expands its Idaho memory fab</title></head><body><article>"
            f"<h1>Micron expands its Idaho memory fab</h1><p>{body}</p>"
            '<div class="jp-relatedposts"><p><a href="/x">Nvidia ships its next GPU early</a></p>'
            '<p><a href="/y">Apple tests its own cellular modem in China</a></p></div></article></body></html>')
    r = clean(html, input_type="html", filters=[CrossPromo()])
    assert_dropped(r, "Nvidia ships its next GPU early", "teaser_card")
    assert_dropped(r, "Apple tests its own cellular modem in China", "teaser_card")
    assert_kept(r, body)


def test_zone_under_an_unknown_header_is_recognised_by_its_cards():
    cards = ["Why hardware keys still confuse most hospital staff",
             "Hospitals handed out hardware security keys last year, but help-desk logs show that most nurses still "
             "reach for the shared ward password when…",
             "A Lyon startup wants to rent out picking robots by the week",
             "The company says small retailers cannot afford to buy robots outright for the busy season, and it "
             "wants to…"]
    r = run(HEADLINE, BODY1, BODY2, "Our picks this week", *cards, "What the delays mean for customers", BODY3)
    for card in cards:
        b = block(r, card)
        assert (b.kept, b.reason) == (False, "teaser_card"), b
    assert_kept(r, BODY3)


# -- read-more links outside zones ---------------------------------------------------------------

def test_standalone_read_more_closes_the_card_before_it():
    title = "Public SectorBrussels opens an inquiry into cloud egress fees"
    summary = ("The Commission wants to know whether the fees charged for moving data out of a cloud make it harder "
               "for public bodies to…")
    r = run(HEADLINE, BODY1, title, summary, "Keep reading", BODY2)
    assert_dropped(r, "Keep reading", "read_more")
    assert_dropped(r, title, "teaser_card", ref="Keep reading")
    assert_dropped(r, summary, "teaser_card", ref="Keep reading")
    assert_kept(r, BODY2)


def test_read_more_glued_to_the_start_of_the_next_paragraph_is_cut_off():
    card = "StorageWhy tape is back in fashion at hyperscale data centres"
    summary = ("Archival storage costs have pushed cloud providers back towards tape libraries, and vendors are "
               "struggling to…")
    source = "\n".join([HEADLINE, BODY1, "Related articles", card, summary, "Read More →" + BODY2, BODY3])
    r = clean(source, input_type="text", filters=[CrossPromo()])
    assert_dropped(r, "Related articles", "teaser_header")
    assert_dropped(r, card, "teaser_card", ref="Related articles")
    assert_dropped(r, summary, "teaser_card", ref="Related articles")
    # one line became two blocks: the link (dropped) and the paragraph (kept), each with its exact span
    link, para = block(r, "Read More →"), block(r, BODY2)
    assert para.index == link.index + 1
    assert (link.kept, link.dropped_by, link.reason) == (False, "teasers", "teaser_tail")
    assert r.blocks[link.ref].text == "Related articles"
    start = source.index("Read More →")
    assert (link.source.start, link.source.end) == (start, start + len("Read More →"))
    assert (para.source.start, para.source.end) == (start + len("Read More →"), start + len("Read More →" + BODY2))
    assert source[para.source.start:para.source.end] == BODY2
    assert para.kept and r.text[para.output.start:para.output.end] == BODY2
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2, BODY3])


def test_read_more_glued_to_a_paragraph_outside_a_zone():
    source = "\n".join([HEADLINE, BODY1, "Continue reading →" + BODY2])
    r = clean(source, input_type="text", filters=[CrossPromo()])
    assert_dropped(r, "Continue reading →", "teaser_tail")
    para = block(r, BODY2)
    assert para.kept and source[para.source.start:para.source.end] == BODY2


@pytest.mark.parametrize("tail", [" Continue reading »", " Weiterlesen »", " Lire la suite →",
                                  " Seguir leyendo…"])
def test_read_more_glued_to_the_end_of_a_paragraph_is_cut_off(tail):
    source = "\n".join([HEADLINE, BODY1, BODY3 + tail])
    r = clean(source, input_type="text", filters=[CrossPromo()])
    para, link = r.blocks[2], r.blocks[3]
    assert (para.text, para.kept) == (BODY3, True)
    assert (link.text, link.kept, link.dropped_by, link.reason, link.ref) == (tail.strip(), False, "teasers",
                                                                              "teaser_tail", None)
    start = source.index(BODY3)
    assert (para.source.start, para.source.end) == (start, start + len(BODY3))
    assert (link.source.start, link.source.end) == (start + len(BODY3) + 1, len(source))
    assert r.text.endswith(BODY3)


# -- inline teasers ------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "ALSO READ: Micron bets on Idaho for its next memory fab",
    "Related: Finland orders two new cable ships",
    "READ MORE Why hyperscalers are buying nuclear power again",
    "Lesen Sie auch: Warum die Post in Köln Paketroboter auf Gehwege schickt",
    "À lire aussi : Le métro de Lyon passe au paiement sans contact",
    "Lee también: Correos abre taquillas automáticas en dos mil pueblos",
    "Lire aussi | Les hôpitaux bretons migrent vers un cloud régional",
    "Auch spannend: Warum Schnelllader an Autobahnen oft leer stehen",
    "Pour aller plus loin : Le cloud souverain attire les mairies",
    "Auch interessant: Führerschein für E-Scooter? Diese Regeln gelten ab Sommer",
    # a site's own name after a preposition, then a pipe or (after a longer lead-in) a colon
    "En Gadgetario | Por qué las baterías de litio se hinchan y qué hacer si te pasa",
    "Previously in The Backhaul: The hidden cost of instant payouts",
])
def test_inline_teasers(line):
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_dropped(r, line, "inline_teaser")
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2])


def test_a_teaser_line_whose_headline_the_next_paragraph_takes_up_is_a_subheading():
    """"More on this: <headline>" over a paragraph about just that heads a section of the
    article; a teaser's headline is about another story, which the next paragraph does not
    take up (the test above)."""
    line = "Mehr dazu: Diese Discounter behalten die Datenautomatik"
    after = ("Bei den meisten anderen Discountern im selben Netz bleibt die Datenautomatik vorerst erhalten, "
             "teils lässt sie sich dort aber schon heute abschalten.")
    r = run(HEADLINE, BODY1, line, after, BODY3)
    assert_kept(r, line)
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_dropped(r, line, "inline_teaser")
    # a teaser line under it that repeats its words is no paragraph taking the headline up
    # (and cleaning the text again must not find one either)
    again = "Mehr dazu: Diese Discounter behalten die Datenautomatik bis Juli"
    r = run(HEADLINE, BODY1, line, again, BODY3)
    assert_dropped(r, line, "inline_teaser")
    assert run(*r.text.split("\n")).text == r.text


def test_a_linked_teaser_glued_to_a_paragraph_is_cut_where_its_link_ends():
    # not inside the link's text, where "6,000mAh" runs a letter into a capital
    teaser = "**Also Read:** [Nova 9 Pro review: a 6,000mAh battery and a camera that keeps up](https://example.com/a)"
    r = run(HEADLINE, BODY1, teaser + BODY2, BODY3)
    assert BODY2 in r.text.split("\n")
    assert "6,000mAh" not in r.text


def test_a_read_also_line_is_a_teaser_even_when_the_next_paragraph_shares_its_topic():
    line = "Also read: Cable repairs in the Baltic stall as repair ships run short"
    after = ("Operators said the cable repairs in the Baltic had stalled because the few repair ships that can "
             "splice the cables are booked, and that traffic runs over land links meanwhile.")
    r = run(HEADLINE, BODY1, line, after, BODY3)
    assert_dropped(r, line, "inline_teaser")


@pytest.mark.parametrize("teaser", [
    "Also read: Finland orders two new cable ships for the Gulf",
    "Lesen Sie auch: Warum Glasfaser auf dem Land so teuer bleibt",
    "Te puede interesar: Cómo saber si tu router necesita una actualización",
    "Lire aussi : Fibre : quelles sont les offres les moins chères en avril ?",
])
def test_inline_teaser_glued_to_the_start_of_the_next_paragraph_is_cut_off(teaser):
    source = "\n".join([HEADLINE, BODY1, teaser + BODY2, BODY3])
    r = clean(source, input_type="text", filters=[CrossPromo()])
    assert_dropped(r, teaser, "inline_teaser")
    para = block(r, BODY2)
    assert para.kept and source[para.source.start:para.source.end] == BODY2
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2, BODY3])


def test_inline_teaser_glued_to_a_short_lead_in_is_cut_at_the_seam():
    """Teaser and lead-in together are short enough to read as one long headline; the seam
    ("…all dayHere's") still parts them."""
    teaser = "Related: Harbour Cable review: the repair ship I'd actually book for a whole winter"
    lead_in = "Here's how the operators' prices break down after the change:"
    source = "\n".join([HEADLINE, BODY1, teaser + lead_in, BODY2])
    r = clean(source, input_type="text", filters=[CrossPromo()])
    assert_dropped(r, teaser, "inline_teaser")
    assert block(r, lead_in).kept


def test_camel_cased_name_after_an_inline_label_is_no_seam():
    line = ("Also: iPhone owners in the Baltic states were told to install the update before Friday, and the "
            "PlayStation Network said the same. Most of them already have.")
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_kept(r, line)


# -- traps ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Related to this, the operators said they would also lay a spare cable across the bay next summer.",
    # the article pointing at its own appendix is part of the article, not a link to another story
    "Read more about the methodology in the appendix.",
    "More than 40 companies signed up.",
    "See also the company statement, which runs to twelve pages.",
    "Also read the court ruling, which runs to 212 pages.",
    "Mehr als 40 Unternehmen haben sich angemeldet.",
    "Related: the operators also asked the navy to patrol the cable routes, which it agreed to do.",
    # a read-more link glued to a paragraph shows a capital at the seam; "Read articles" has none
    "Read articles from the cable operators' own archive to see how the repairs went last winter.",
])
def test_prose_that_sounds_like_a_teaser_is_kept(line):
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_kept(r, line)
    assert not r.dropped


@pytest.mark.parametrize("line", ["Plus de 40 entreprises se sont inscrites.", "Más de 40 empresas se han apuntado."],
                         ids=["fr", "es"])
def test_more_than_sentences_in_french_and_spanish_are_kept(line):
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_kept(r, line)


def test_article_about_a_related_posts_plugin_is_kept():
    lines = [
        "WordPress plugin update breaks related posts on thousands of sites",
        "A faulty update to a popular WordPress plugin that shows related posts under each article has broken the "
        "layout of thousands of news sites, its developer said on Monday.",
        "How the plugin picks related posts",
        "The plugin, which adds a box of related posts with three thumbnails under every story, pushed version 5.2 "
        "automatically to sites that had enabled automatic updates.",
        "Site owners reported that the box of recommended articles now appears twice, once above the comments and "
        "once inside the footer, and that its thumbnails load at full resolution.",
        "The developer said a fix would ship within a day and apologised in a post on its support forum, where "
        "hundreds of complaints about the related posts box had piled up.",
    ]
    r = run(*lines)
    assert not r.dropped, [(b.text, b.reason) for b in r.dropped]


def test_single_word_header_without_cards_is_left_alone():
    """'Related' or 'Trending' alone can be a section heading; without cards it opens no zone."""
    para = ("Related work by Nordic universities on fibre sensing suggests that cable operators could spot an "
            "anchor dragging across a cable hours before it breaks, according to three researchers who study the "
            "Baltic network closely and who expect the first trials on working cables in 2027.")
    r = run(HEADLINE, BODY1, "Trending", para)
    assert_kept(r, "Trending")
    assert_kept(r, para)


def test_subheading_shaped_like_a_header_prefix_with_article_under_it_stays():
    r = run(HEADLINE, BODY1, "More on the repairs", BODY2, BODY3)
    assert_kept(r, "More on the repairs")
    assert_all_kept(r)


@pytest.mark.parametrize("text,label", [
    ("Cloud ComputingWhy Kubernetes costs keep rising", "Cloud Computing"),
    ("ConsumoLas aerolíneas tendrán que dejar de cobrar la maleta", "Consumo"),
    ("TecnologíaEl Black Friday deja más devoluciones", "Tecnología"),
    ("Start-upUn hébergeur nantais lève 12 millions", "Start-up"),
    ("LinkedIn said on Monday that it would cut jobs", None),
    ("YouTube will start showing ads on paused videos", None),
    ("PlayStation sales fell for the third quarter", None),
    ("TechYour old router might be the weakest device at home", "Tech"),
    ("[TechI let a robot mow my lawn for a month](https://example.com/a)", "[Tech"),
    ("Apple said I should wait for the update", None),
    ("AppsLa app de tu banco te pedirá la cara", "Apps"),
    ("FaceTime calls get a new look on older phones", None),
    ("HomePod owners report a new bug after the update", None),
    ("[Cloud & InternetHow to cancel a plan you signed up for online](https://example.com/a)", "[Cloud & Internet"),
    ("GAMINGThis $60 handheld plays every console you forgot", "GAMING"),
    ("Deals & SalesSamsung cuts the price of its smallest tablet", "Deals & Sales"),
    ("The YouTube app gets a new look on televisions", None),
    ("New PlayStation Plus tiers arrive in Europe next month", None),
    ("HTMLElement is the base of every element on the page", None),
])
def test_glued_category_label_but_not_a_camel_cased_brand(text, label):
    from cleanerlib.filters._evidence import glued_label

    end = glued_label(text)
    assert (text[:end] if end is not None else None) == label


@pytest.mark.parametrize("header, cards", [
    # glued category labels
    ("Elsewhere on the site", ["Open BankingThe app that pays your rent might get cheaper",
                               "CybersecurityCouncils are still paying ransoms to criminal gangs"]),
    # cards that carry their own read-more link; the first talks about the article's own topic
    # (cable repairs), but a glued label and a link of its own make it a card all the same
    ("Latest in Tech", ["InfrastructureCable repairs in the North Sea will cost more next year Read more \u2192",
                        "Why small ferries are now booked for a year ahead Read more \u2192",
                        "The lighthouse keepers who went digital Read more \u2192"]),
])
def test_labelled_or_linked_cards_under_an_unknown_header_are_a_run(header, cards):
    r = run(HEADLINE, BODY1, BODY2, header, *cards, BODY3)
    for card in cards:
        assert block(r, card).reason == "teaser_card"
    assert block(r, header).reason == "teaser_header"
    assert_kept(r, BODY3)


def test_one_labelled_line_is_no_run():
    r = run(HEADLINE, BODY1, "Open BankingThe app that pays your rent might get cheaper", BODY2)
    assert_all_kept(r)


def test_one_linked_line_is_no_run_and_a_sentence_before_a_link_is_no_card():
    linked = "Why small ferries are now booked for a year ahead Read more \u2192"
    pointer = "The full list of affected ports is on the operator's site. Read more \u2192"
    r = run(HEADLINE, BODY1, linked, BODY2, pointer, BODY3)
    assert block(r, linked).kept
    assert_kept(r, pointer.rsplit(" Read", 1)[0])  # only its link goes
    for body in (BODY1, BODY2, BODY3):
        assert_kept(r, body)


def test_a_sites_own_link_wording_under_two_cards_is_a_read_more_link():
    lines = [HEADLINE, BODY1, "You may also like",
             "Why ferries are the new data-centre landlords", "Keep going \u203a",
             "A town that heats its pool with server waste", "Keep going \u203a", BODY2, BODY3]
    r = run(*lines)
    assert [b.reason for b in r.blocks if b.text == "Keep going \u203a"] == ["read_more", "read_more"]
    assert_kept(r, BODY2)


@pytest.mark.parametrize("header", ["Most read this week", "Lo más leído hoy", "Beliebt in den letzten 24 Stunden"])
def test_known_header_with_a_time_qualifier(header):
    cards = ["Why ferries are the new data-centre landlords", "A town heats its pool with server waste"]
    r = run(HEADLINE, BODY1, BODY2, header, *cards, BODY3)
    assert block(r, header).reason == "teaser_header"


def test_labelled_run_takes_its_link_lines_and_a_brand_shaped_card_above_it():
    lines = [HEADLINE, BODY1, BODY2, "What others are reading",
             "ComprasCinco trucos para saber si un descuento es real",
             "TecnologíaEl Black Friday deja más devoluciones que nunca", "Keep going \u203a",
             "ConsumoLas aerolíneas dejarán de cobrar la maleta de mano", BODY3]
    r = run(*lines)
    assert [b.text for b in r.blocks if b.kept] == [HEADLINE, BODY1, BODY2, BODY3]
    assert block(r, "What others are reading").reason == "teaser_header"


def test_archive_header_opens_a_zone_of_bulleted_headlines():
    lines = [HEADLINE, BODY1, BODY2, "From the archive",
             "* Coupon extensions and affiliate links, explained",
             "* We tested five price trackers. Two of them phoned home",
             "* The browser extension market, one year later",
             BODY3]
    r = run(*lines)
    assert_dropped(r, "From the archive", "teaser_header")
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2, BODY3])


def test_lone_headline_under_a_known_header_inside_the_article():
    """"Further Reading" and one linked title between two paragraphs: the zone search stops at
    the paragraph after it, but under a known header a lone headline is a card."""
    lines = [HEADLINE, BODY1, "Further Reading", "Repair ships are booked for years, and cable owners are paying for it",
             BODY2, BODY3]
    r = run(*lines)
    assert_dropped(r, "Further Reading", "teaser_header")
    assert_dropped(r, lines[3], "teaser_card", ref="Further Reading")
    assert r.text == "\n".join([HEADLINE, BODY1, BODY2, BODY3])


def test_site_name_prefix_does_not_take_an_ordinary_sentence():
    line = "En Madrid | la huelga de metro sigue sin acuerdo tras la reunión del lunes."
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_kept(r, line)


def test_known_header_over_a_paragraph_of_its_own_is_a_section_of_the_article():
    """"Related reading" can title a section of the article; with a paragraph of the article
    right under it (in HTML: a heading and a paragraph in the same container) it stays."""
    para = ("Related reading on cable repairs is scarce: the regulator's own guidance on damaged sea cables "
            "runs to two pages and has not been updated since 2019, and the three industry reports the operators "
            "pointed us to all predate the shortage of repair ships that has held up the work this winter.")
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1><p>{BODY1}</p>"
            f"<p>{BODY2}</p><h3>Related reading</h3><p>{para}</p><p>{BODY3}</p></article></body></html>")
    r = clean(html, input_type="html", filters=[CrossPromo()])
    assert_all_kept(r)


@pytest.mark.parametrize("line", [
    "Related: Why did the outage last nine hours? The operator blamed a botched configuration push.",
    "Also: Microsoft will fold the team into LinkedIn in April. Its 40 staff move to Dublin next year.",
])
def test_question_and_answer_and_camel_cased_names_after_an_inline_label_stay(line):
    r = run(HEADLINE, BODY1, line, BODY2)
    assert_kept(r, line)


def test_spanish_section_heading_today_in_a_city_is_no_teaser_header():
    r = run(HEADLINE, BODY1, "Hoy en Bruselas", "La comisión votará el martes.", BODY2)
    assert_all_kept(r)


def test_labelled_cards_right_under_a_teaser_zone_may_share_the_articles_topic():
    cards = ["RepairsWhy the Baltic cable ships are booked until spring",
             "CablesHow a repair crew splices a data cable at sea"]
    r = run(HEADLINE, BODY1, BODY2, "You may also like", "Finland orders two new ships for its ports",
            "Read more \u203a", *cards, BODY3)
    for card in cards:
        assert block(r, card).reason == "teaser_card"
    assert_kept(r, BODY3)
    # the same two lines inside the article, about its topic, with no teaser above them, stay
    r = run(HEADLINE, BODY1, *cards, BODY2, BODY3)
    assert_all_kept(r)


def test_scraped_subheadings_run_into_their_sentences_are_no_cards():
    lines = ["ProsThe battery lasts two full days and charges fast.",
             "ConsThe camera struggles in low light and the zoom is soft."]
    r = run(HEADLINE, BODY1, BODY2, "You may also like", "Finland orders two new ships", "Read more \u203a",
            *lines, BODY3)
    for line in lines:
        assert_kept(r, line)


def test_editors_recommendations_open_a_zone():
    cards = ["The best outdoor cameras that don't need a subscription",
             "How to set up local storage on your video doorbell"]
    r = run(HEADLINE, BODY1, BODY2, "Editors' Recommendations", *cards)
    assert_dropped(r, "Editors' Recommendations", "teaser_header")
    for card in cards:
        assert_dropped(r, card, "teaser_card", ref="Editors' Recommendations")


@pytest.mark.parametrize("header", ["Recommended by Our Editors", "More Stories You Might Like",
                                    "Related Posts on Cablewire", "Related stories from Cablewire",
                                    "## You may want to read next",
                                    "Das könnte dich auch interessieren: mehr zu Seekabeln"])
def test_more_teaser_headers(header):
    card = "Baltic operators order two new cable ships"
    r = run(HEADLINE, BODY1, BODY2, header, card)
    assert_dropped(r, header, "teaser_header")


def test_a_zone_ends_at_a_subheading_over_two_full_sentences():
    r = run(HEADLINE, BODY1, "Editors' Recommendations", "Baltic operators order two new cable ships",
            "What Cable Customers Should Do Now",
            "There is no need for cable customers to act right away. The cable operators say rerouted traffic "
            "keeps services running until the repair ships arrive in the spring.", BODY3)
    assert_kept(r, "What Cable Customers Should Do Now")


def test_a_spanish_subheading_that_starts_like_a_teaser_prefix_stays():
    r = run(HEADLINE, BODY1, "Más en detalle", "- Subida de las cotizaciones máximas", "- Cuota de solidaridad", BODY2)
    assert_kept(r, "Más en detalle")


def test_trending_on_a_network_titles_a_section_of_the_article():
    r = run(HEADLINE, BODY1, "Trending on TikTok", "- Flip phones as a status symbol",
            "- Silent walking with no headphones", BODY2)
    assert_kept(r, "Trending on TikTok")


@pytest.mark.parametrize("header,cards,own", [
    ("## Más en El Circuito", ["[El truco para que la batería dure más años](https://example.es/moviles/t)",
                               "[Los mejores cargadores que hemos probado](https://example.es/hardware/c)"],
     "https://www.elcircuito.es/a/"),
    ("Trending on XRD", ["I moved my family to a self-hosted password manager",
                         "Five Android apps I uninstalled this year and what replaced them"],
     "https://www.xrd-developers.com/a/"),
    # a brand whose domain adds "mag" to its name, and a magazine inside a newspaper's site
    ("## Keep reading on Output", ["[This $60 handheld plays every 8-bit console](https://example.com/g/h)",
                                   "[The people who still burn mixtapes onto CDs](https://example.com/c/m)"],
     "https://www.outputmag.com/gear/story"),
    ("## Más en Epsilono", ["[El nuevo altavoz de Tamborra cabe en un bolsillo](https://example.es/g/a)",
                            "[Así es el Ondara 9, el móvil de gama media](https://example.es/m/o)"],
     "https://www.elmeridiano.es/epsilono/gadgets/20251014/story.html"),
])
def test_a_header_that_names_the_pages_own_site_opens_a_zone(header, cards, own):
    lines = "\n".join([HEADLINE, BODY1, BODY2, header, *cards])
    assert_dropped(clean(lines, input_type="text", filters=[CrossPromo()], url=own), header, "teaser_header")
    # on another site the same words title a section of the article ("Más en Europa", "Trending on TikTok")
    assert_kept(clean(lines, input_type="text", filters=[CrossPromo()], url="https://example.com/a/"), header)


def test_a_hard_wrapped_line_that_starts_like_a_header_prefix_stays():
    r = run(HEADLINE, BODY1, "der tiefe Schmerz des Bedauerns, wenn wir erkennen, dass wir so viel",
            "mehr aus unserem Leben hätten machen können.", "In der Natur wächst", BODY2)
    assert_kept(r, "mehr aus unserem Leben hätten machen können.")


def test_linked_headlines_in_markdown_under_a_header_are_cards():
    cards = ["[Smart rings are having a moment, but none is worth a subscription](https://example.com/a)",
             "### [The ring review: the best sleep tracker so far](https://example.com/b)"]
    r = run(HEADLINE, BODY1, BODY2, "More from Techsonar you might like", *cards, BODY3)
    for card in cards:
        assert_dropped(r, card, "teaser_card", ref="More from Techsonar you might like")


@pytest.mark.parametrize("line", [
    'Related Story Arcs Make The Sequel Worth Playing',  # a subheading in title case, not a label
    "Check Out The New Interface Today",
])
def test_title_case_lines_that_open_with_a_label_stay(line):
    assert_kept(run(HEADLINE, BODY1, line, BODY2), line)


def test_an_unlinked_html_subheading_that_opens_like_a_teaser_stays():
    page = ("<html><body><h1>" + HEADLINE + "</h1><p>" + BODY1 + "</p><h2>Mehr zum Thema: Wie andere Hersteller "
            "mit Burn-in umgehen</h2><p>" + BODY2 + "</p><p>Mehr zum Thema: <a href='/x'>Wie andere Hersteller "
            "mit Burn-in umgehen</a></p><p>" + BODY3 + "</p></body></html>")
    r = clean(page, input_type="html", filters=[CrossPromo()])
    heading, linked = [b for b in r.blocks if b.text.startswith("Mehr zum Thema")]
    assert heading.kept and not linked.kept and linked.reason == "inline_teaser"


def test_an_unlinked_html_sentence_opening_with_a_one_word_label_stays():
    # German "Also:" ("so:") opens a sentence; an English teaser label of one word links its story
    sentence = ("Also: Nichts gegen eine sorgfältige Prüfung aller Bereiche; aber bitte ohne Eifer nach dem Motto: "
                "\"Die vor uns haben alles falsch gemacht!\"")
    page = ("<html><body><h1>" + HEADLINE + "</h1><p>" + BODY1 + "</p><p>" + sentence + "</p><p>Also: <a href='/x'>"
            "Why cable ships are booked for years</a></p><p>ALSO: Why cable ships are booked for years</p><p>"
            + BODY2 + "</p></body></html>")
    r = clean(page, input_type="html", filters=[CrossPromo()])
    assert [(b.kept, b.reason) for b in r.blocks if b.text.startswith(("Also", "ALSO"))] == \
        [(True, None), (False, "inline_teaser"), (False, "inline_teaser")]


@pytest.mark.parametrize("line", ["Recent stories by Mira Castell:", "## Les derniers articles Tech",
                                  "You might like these, too", "## Popular articles", "## Descubre más"])
def test_recent_stories_headers_over_cards(line):
    cards = ["SecurityWhy hardware keys still confuse most hospital staff",
             "Warehouse RoboticsA Lyon startup wants to rent out picking robots by the week"]
    assert_dropped(run(HEADLINE, BODY1, BODY2, line, *cards), line, "teaser_header")


def test_a_one_word_label_before_a_sentence_that_ends_in_a_full_stop_stays():
    line = "Also: The company said it will keep selling the older model at a lower price."
    assert_kept(run(HEADLINE, BODY1, line, BODY2), line)


def test_an_inline_teaser_behind_an_emoji_in_french():
    line = "👉 Dans le même genre : La règle du 3-2-1 expliquée simplement"
    assert_dropped(run(HEADLINE, BODY1, line, BODY2), line, "inline_teaser")


@pytest.mark.parametrize("header", ["More Techsonar coverage", "## More Techsonar Guides You'll Like",
                                    "Mehr Router-News auf Techsonar"])
def test_a_more_header_that_names_the_own_site_anywhere(header):
    cards = ["SecurityWhy hardware keys still confuse most hospital staff",
             "Warehouse RoboticsA Lyon startup wants to rent out picking robots by the week"]
    r = clean("\n".join([HEADLINE, BODY1, BODY2, header, *cards]), input_type="text", filters=[CrossPromo()],
              url="https://www.techsonar.com/news/baltic-cables/")
    assert_dropped(r, header, "teaser_header")
    # another site's name, or none, leaves it a heading of the article
    r = clean("\n".join([HEADLINE, BODY1, BODY2, "More Baltic coverage", BODY3]), input_type="text",
              filters=[CrossPromo()], url="https://www.techsonar.com/news/baltic-cables/")
    assert_kept(r, "More Baltic coverage")


def test_a_markdown_subheading_that_opens_like_a_teaser_stays_and_a_linked_one_goes():
    heading = "## Mehr zum Thema: So werden Sie die Start-Werbung los"
    linked = "**Also:** [I moved my server from Halvren to Debian. Here's what I miss](https://example.com/a)"
    r = run(HEADLINE, BODY1, heading, BODY2, linked, BODY3)
    assert_kept(r, heading)
    assert_dropped(r, linked, "inline_teaser")


def test_a_linked_teaser_headline_of_two_sentences_after_the_sites_name():
    page = ("<html><body><h1>" + HEADLINE + "</h1><p>" + BODY1 + "</p><p>En Kataxa | <a href='/x'>Los centros de "
            "datos ya consumen más electricidad que algunas ciudades. Y acaban de empezar</a></p><p>" + BODY2
            + "</p></body></html>")
    r = clean(page, input_type="html", filters=[CrossPromo()])
    assert [b.reason for b in r.blocks if b.text.startswith("En Kataxa")] == ["inline_teaser"]


@pytest.mark.parametrize("teaser,paragraph", [
    ("Related: The Grocery Delivery Apps With the Fewest Hidden Fees, Ranked",
     "Turning the feature off takes about a minute, as long as you know where to look in the settings of the app."),
    ("Lesen Sie auch: Lieferdienste in Österreich: Wer noch gratis zustellt",
     "Greißler24 begründet den Schritt mit gestiegenen Kosten für Personal, Fahrzeuge und Energie, heißt es."),
    # a label with a few words before its colon
    ("Lesetipp aus dem Archiv: Glasfaser im Vergleich – diese Anbieter bauen noch aus",
     "Weniger klar ist, was die Betreiber mit den Reparaturkosten machen, heißt es aus der Branche."),
    # a headline of two sentences after a label of several words
    ("Also read: Finland wants its own cable ships. The navy isn't sure it can crew them",
     "Here is how the repairs work. A ship lifts the cable to the surface and splices in a new section."),
    # "Co." ends no sentence of a headline; a seam before a one-letter word, or before a comma
    ("Auch spannend: Glasfaser, Kupfer und Co. – welcher Anschluss lohnt sich 2025 noch?",
     "A esto se suma que las reparaciones en invierno tardan el doble, según los operadores del cable."),
    ("También te puede interesar: Cómo saber si tu router necesita un cambio",
     "Baltica, por su parte, asegura que la reparación estará lista antes del verano en todas las líneas."),
    # a seam after a markdown link
    ("**Don't miss:** [Every Repair Ship We Know Of, Ranked](https://example.com/ships/)",
     "To get a slot, operators register a year ahead and pay a deposit that is not refunded."),
    # a seam before a hyphenated name
    ("SEE ALSO: The best repair ships for a winter in the Baltic",
     "Okafor-Lindgren, a former ship engineer, built the first schedule over a winter and ran it for months."),
    # a label in title case without a colon, shown by the seam
    ("Related Story Finland Orders Two New Cable Ships Ahead of a Busy Winter",
     "Baltica took the schedule down about three hours after it went up, but forums had archived it."),
])
def test_a_teaser_glued_to_a_paragraph_in_sentence_case_is_cut_at_the_seam(teaser, paragraph):
    r = run(HEADLINE, BODY1, teaser + paragraph, BODY2)
    assert_dropped(r, teaser, "inline_teaser")
    assert paragraph in r.text.split("\n")


@pytest.mark.parametrize("line", [
    "Read more: the filing says the operators owe $2 million. They have not paid.",
    "Also: We tested it. It works",  # one plain word: a sentence may open so
])
def test_two_sentences_after_a_label_stay_when_they_read_as_prose(line):
    assert_kept(run(HEADLINE, BODY1, line, BODY2), line)


def test_a_title_case_label_without_a_colon_or_a_seam_stays():
    line = "Related Story Finland Orders Two New Cable Ships Ahead of a Busy Winter"
    assert_kept(run(HEADLINE, BODY1, line, BODY2), line)


def test_linked_cards_with_glued_categories_are_teasers_under_any_header():
    cards = ["[MóvilesEl truco para que la batería dure más años](https://example.es/moviles/t)",
             "[HardwareLos mejores cargadores que hemos probado](https://example.es/hardware/c)"]
    r = clean("\n".join([HEADLINE, BODY1, BODY2, "## Más en El Circuito", *cards]), input_type="text",
              filters=[CrossPromo()], url="https://example.com/a/")
    assert_dropped(r, "## Más en El Circuito", "teaser_header")
    for card in cards:
        assert_dropped(r, card, "teaser_card", ref="## Más en El Circuito")


def test_a_zone_goes_on_through_an_arrow_link_and_cards_with_glued_labels():
    cards = ["AppsThe best free tools to watch your cable provider's outages",
             "You don't need a paid plan to know when the line is down.",
             "See all 6 free options →",
             "MoneyHow to find every subscription you forgot you're paying for",
             "TechWhy your router reboots itself every night at three"]
    r = run(HEADLINE, BODY1, BODY2, "You might like these, too", *cards)
    assert_dropped(r, "You might like these, too", "teaser_header")
    assert [block(r, c).kept for c in cards] == [False] * len(cards)
    assert block(r, "See all 6 free options →").reason == "read_more"


def test_linked_headlines_after_cards_with_links_of_their_own_stay_in_the_zone():
    # the box's first card has a summary and a link; the last ones are only linked headlines
    cards = ["[ScienceThe tides under the Baltic are changing faster than expected](https://example.com/a)",
             "Four surveys, two ships and no agreement on why.",
             "[Keep reading \u2192](https://example.com/a)",
             "[TECH8 gadgets that should never need a subscription](https://example.com/b)",
             "[FerriesWhy the night boats are coming back](https://example.com/c)"]
    r = run(HEADLINE, BODY1, BODY2, "You may also like", *cards, BODY3)
    assert [block(r, c).kept for c in cards] == [False] * len(cards)
    assert_kept(r, BODY3)


def test_a_numbered_list_of_linked_headlines_is_one_zone_to_its_end():
    cards = [f"{n}. [{title}](https://example.com/{n})" for n, title in enumerate([
        "The first e-ink phone is surprisingly good at being boring",
        "The best budget earbuds you can buy right now",
        "Streaming prices went up again",
        "A glasses maker is quietly killing its app"], 1)]
    r = run(HEADLINE, BODY1, BODY3, "Most Popular", *cards, BODY2)
    assert [block(r, c).kept for c in cards] == [False] * len(cards)
    assert_kept(r, BODY2)


def test_a_name_in_a_glued_teaser_headline_is_no_seam():
    line = ("Related: Sony Brings PlayStation Plus Premium To Every PC In Europe This SummerThe new service costs "
            "the same as on the console, and subscribers can stream more than 300 games at launch, Sony said.")
    r = run(HEADLINE, BODY1, line, BODY2)
    assert "The new service costs" in r.text and "PlayStation" not in r.text


@pytest.mark.parametrize("header,url", [
    ("Popular on Android", "https://www.androidpolice.com/a/"),  # a platform in the domain is no site name
    ("Mehr rund ums Smartphone", "https://www.example.de/a/"),
    ("Más en Europa", "https://www.example.es/a/"),
])
def test_section_headings_that_start_like_teaser_headers_stay(header, url):
    lines = [HEADLINE, BODY1, header, "Faster updates through the store", "New gestures for navigation", BODY2]
    r = clean("\n".join(lines), input_type="text", filters=[CrossPromo()], url=url)
    assert_kept(r, header)


@pytest.mark.parametrize("line", ["Deal-Breaker: No Headphone Jack", "Deals — Why Retailers Are Cutting Prices Early"])
def test_lines_that_open_with_deal_stay(line):
    assert_kept(run(HEADLINE, BODY1, line, BODY2), line)


def test_the_line_that_sums_up_a_cards_headline_goes_with_it_on_the_articles_topic():
    card = "The best repair ships for Baltic cable work in 2025"
    summary = "Our guide ranks the best repair ships by crane size, crew and price per day."
    r = clean("\n".join([HEADLINE, BODY1, BODY2, "Related on Nordwire", card, summary, BODY3]), input_type="text",
              filters=[CrossPromo()], url="https://www.nordwire.com/a/")
    assert [block(r, x).reason for x in ("Related on Nordwire", card, summary)] == \
        ["teaser_header", "teaser_card", "teaser_card"]
    assert_kept(r, BODY3)


def test_the_articles_next_paragraph_after_a_card_of_a_headline_only_stays():
    para = "The cable operators said repair ships for the Baltic are booked, and the cables wait."
    for header in ("Related", "You may also like"):
        r = run(HEADLINE, BODY1, BODY2, header, "Why Baltic cable repair ships are so hard to book", para, BODY3)
        assert_kept(r, para)


@pytest.mark.parametrize("header,url", [
    ("También te puede interesar en Perasfera", "https://www.perasfera.com/a/"),  # a header, then the site
    ("Other Rampart stories you might like", "https://www.therampart.co.uk/a/"),  # the site, then a header
    ("En Perasfera también te contamos", "https://www.perasfera.com/a/"),  # a preposition, the site, a header
])
def test_a_known_header_with_the_sites_name_before_or_after_it(header, url):
    cards = ["Tiny council spends on a cloud it forgot it had", "Hollin adds cost alerts, and charges for them"]
    r = clean("\n".join([HEADLINE, BODY1, BODY2, header, *cards]), input_type="text", filters=[CrossPromo()], url=url)
    assert_dropped(r, header, "teaser_header")
    # a sentence that names the site is no header
    line = "Other Rampart customers were less lucky"
    r = clean("\n".join([HEADLINE, BODY1, line, BODY2]), input_type="text", filters=[CrossPromo()], url=url)
    assert_kept(r, line)


def test_a_more_line_naming_the_site_titles_a_section_when_no_cards_follow():
    line = "More from the Nordwire reader survey"
    r = clean("\n".join([HEADLINE, BODY1, line, BODY2, BODY3]), input_type="text", filters=[CrossPromo()],
              url="https://www.nordwire.com/a/")
    assert_kept(r, line)
