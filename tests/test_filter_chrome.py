"""Page chrome: share bars, prompts, notices, forms, labels, links and the page header are
removed with their reason (and, for blocks that belong to a header, a ref to it); article
text that merely mentions cookies, sharing or comments is kept."""

from __future__ import annotations

import pytest

from cleanerlib import clean
from cleanerlib.filters import PageChrome

from _filtering import FilterProbe, assert_all_kept, assert_kept, block  # noqa: F401

_probe = FilterProbe(PageChrome)
run, assert_dropped = _probe.run, _probe.assert_dropped

HEADLINE = "Nokia and Ericsson agree to share 6G test sites"
BODY = ("The two network equipment makers agreed to share radio test sites in Finland and Sweden, people "
        "familiar with the plans said, in an arrangement that would have been unthinkable five years ago.")
BODY_END = ("Neither company would comment on the cost, but analysts estimate that the arrangement saves each "
            "of them several hundred million euros by the end of the decade.")


# -- share bars ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Share this:",
    "Click to share on X (Opens in new window)",
    "Click to share on LinkedIn (Opens in new window)",
    "Like this:",
    "Like Loading…",
    "Share: Facebook, X, LinkedIn",
    "Share via: Email · WhatsApp · Reddit",
    "Teilen: Facebook, WhatsApp, E-Mail",
    "Partager : Facebook, X, LinkedIn",
    "Compartir: WhatsApp, Facebook, Telegram",
    "Comparte en Telegram",
])
def test_share_bar_lines(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "share_bar")
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


def test_network_names_on_their_own_lines_after_a_share_label():
    r = run(HEADLINE, BODY, "Share this article", "Facebook", "LinkedIn", "Reddit", BODY_END)
    for line in ("Share this article", "Facebook", "LinkedIn", "Reddit"):
        assert_dropped(r, line, "share_bar")


# -- newsletter prompts --------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Sign up for our weekly networks newsletter",
    "Get the week's biggest telecom stories delivered to your inbox every Friday morning.",
    "Want the week in telecoms without the noise? Our Friday briefing lands in your inbox before lunch.",
    "Newsletter abonnieren",
    "Verpassen Sie keine Nachricht aus der Mobilfunkbranche: Jetzt den Newsletter bestellen.",
    "Inscrivez-vous à notre lettre d'information hebdomadaire sur les télécoms.",
    "Recibe cada mañana en tu correo las noticias de tecnología más importantes.",
])
def test_newsletter_prompts(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "newsletter")


@pytest.mark.parametrize("line", [
    "Every Friday our editors pick the five network stories that matter most and send them to 40,000 "
    "readers. It is free, and you can unsubscribe at any time.",
    "Jeden Freitag schicken wir Ihnen die wichtigsten Nachrichten aus der Mobilfunkbranche per E-Mail, kostenlos und "
    "jederzeit kündbar.",
    "Chaque vendredi, la rédaction vous envoie par e-mail l'essentiel de l'actualité des réseaux mobiles, "
    "gratuitement et sans engagement.",
    "Cada viernes te enviamos por correo las noticias más importantes del sector, gratis y sin compromiso.",
], ids=["en", "de", "fr", "es"])
def test_newsletter_pitch_written_as_prose(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "newsletter")


@pytest.mark.parametrize("line,reason", [
    ("14 Comments - Add comment", "comment_form"),
    ("Login or Sign Up to read and post a comment.", "comment_form"),
    ("Report a problem with article", "comment_form"),
    ("12 comentarios de lectores", "comment_form"),
    ("Zur Diskussion: Jetzt Kommentar schreiben", "comment_form"),
    ("Highest Rated Comments", "comment_form"), ("Reply · 48 likes", "comment_form"),
    ("Die neuesten Forenbeiträge zu diesem Artikel", "comment_form"),
    ("Alle 219 Beiträge im Forum anzeigen", "comment_form"),
    ("Los comentarios más votados:", "comment_form"),
    ("Réagir à l'article (34 commentaires)", "comment_form"),
    ("[31 Comments 31 new](https://www.example.com/news/738211/story#comments)", "comment_form"),
    ("Artikel vorlesen Merken Druckansicht Zum Forum (219 Beiträge)", "share_bar"),
    ("Like What You're Reading?", "newsletter"),
    ("Anzeige · Lehmwerk Deals", "ad_label"),
    ("23 comments — join the conversation", "comment_form"),
    ("143 Kommentare zu diesem Artikel", "comment_form"),
    ("Leer los 14 comentarios de los lectores", "comment_form"),
    ("Spotted an error in this story? Let our editors know", "comment_form"),
    ("Gefällt dir der Beitrag? Dann teile ihn doch mit deinen Freunden.", "share_bar"),
    ("Offre partenaire · Banque Ardoise", "ad_label"),
    ("Wir finanzieren Nordwire über Werbung und Tracking. Du kannst der Nutzung zustimmen oder Nordwire Pro nutzen: "
     "ohne Werbung, ohne Tracking.", "cookie_notice"),
    ("## 145 Kommentare im Forum", "comment_form"),
    ("87 Kommentare zu dieser Meldung", "comment_form"),
    ("31 Comments · Add yours", "comment_form"),
    ("Be kind, stay on topic and read our community guidelines before you post.", "comment_form"),
    ("## 86 Beiträge im Nordwire-Forum", "comment_form"),
    ("Signaler une erreur ou une coquille", "comment_form"),
    ("Nordwire · Advertisement", "ad_label"),
    ("Publicité – votre lecture reprend plus bas", "ad_label"),
    ("Publicidad · Sigue la lectura tras el anuncio", "ad_label"),
    ("Follow Nordwire on Google to get more of our news coverage in your feeds.", "social_follow"),
    ("Please read our Comment Policy before commenting.", "comment_form"),
    ("Nordwire.de erhält beim Kauf über diese Links eine Provision vom Händler.", "ad_label"),
    ("Zum Kommentieren bitte einloggen oder ein kostenloses Konto anlegen.", "comment_form"),
    ("ADVERTISEMENT · Pocketputing", "ad_label"),
    ("Keep up with the latest headlines by following Nordwire on Google News.", "social_follow"),
    ("Nordwire is supported by readers like you. Please consider supporting us by becoming a Patron.", "newsletter"),
    ("Nordwire kann für Links mit einem * eine Provision vom Händler erhalten. Für euch ändert sich am Preis nichts.",
     "ad_label"),
    ("Nordwire participa en programas de afiliación y puede recibir una comisión por las compras realizadas.",
     "ad_label"),
    ("Publicidad · El artículo de Nordwire sigue aquí abajo", "ad_label"),
    ("Sie möchten weiterlesen? Mit Nordwire+ lesen Sie alle Ratgeber und Tests ohne Einschränkung.", "newsletter"),
    # a paywall's meter, in any wording the site likes
    ("You're reading 1 of your 4 free stories this month. [Get unlimited Nordwire for $1 a month]"
     "(https://subscribe.nordwire.com/meter)", "newsletter"),
    ("**This was your first free story of the month.** Subscribe for $1 a month and never hit the meter again.",
     "newsletter"),
    ("Sie haben 3 von 5 kostenlosen Artikeln gelesen. Jetzt unbegrenzt lesen für 1 Euro.", "newsletter"),
    ("Il vous reste 2 articles gratuits ce mois-ci.", "newsletter"),
    ("Te quedan 3 artículos gratis este mes.", "newsletter"),
    # a topic-following widget's messages
    ("You've hit the limit on topics you can follow.", "social_follow"),
    ("Manage your followed topics", "social_follow"),
    ("Your follow settings have been saved", "social_follow"),
    ("Hat dir der Beitrag gefallen? Dann folge Funkwerk auf WhatsApp und Google News.", "social_follow"),
    # disclosures, a tip line, an embed waiting for consent
    ("When you buy through links on Nordic Wire, we may earn an affiliate commission.", "ad_label"),
    ("Partnerlinks: Bei einem Kauf über diese Links erhält Funkwerk eine kleine Provision.", "ad_label"),
    ("Story continues below the sponsored message", "ad_label"),
    ("An dieser Stelle wird ein externes Video (YouTube) eingebunden. Mit Ihrer Zustimmung wird es geladen.",
     "cookie_notice"),
    # donation appeals go as the site's other prompts
    ("Donate now", "newsletter"),
    ("Jetzt spenden", "newsletter"),
    ("This site has no paywall and no ads. Please consider donating so it can stay that way.", "newsletter"),
    ("Unsere Recherchen sind frei zugänglich, weil viele Leserinnen und Leser uns mit Spenden unterstützen.",
     "newsletter"),
    ("Faites un don pour soutenir notre rédaction indépendante.", "newsletter"),
    ("Apóyanos con una suscripción o una donación puntual.", "newsletter"),
])
def test_comment_buttons_and_donation_appeals(line, reason):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, reason)


@pytest.mark.parametrize("line", [
    "The foundation asked readers to consider donating before the end of the year, when its servers move.",
    "„Wir sind darauf angewiesen, dass Menschen uns mit Spenden unterstützen“, sagt die Sprecherin des Vereins.",
    "The nonprofit says it is funded by readers like you and will publish its full budget in March.",
    "Donations through Open Collective cover most of the server bill, the maintainers said.",
    "The charity urged people to donate now, saying every pound would help families facing eviction.",
    "Please consider donating to the flood relief fund, the mayor said in a televised address.",
    "Unterstützt uns mit einer Spende, riefen die Aktivisten auf der Kundgebung vor dem Rathaus.",
    "Haz una donación a Cruz Roja para ayudar a los afectados, pidió el alcalde en su comparecencia.",
    # sentences that start like a login prompt or a follow-us line
    "Log in or sign up to the state portal using your tax ID, then select the option to file an amended return.",
    "Puedes seguir a los astronautas en Instagram, donde publican fotos diarias desde la estación, según la agencia.",
    "Sigue a la Policía Nacional en Instagram: la cuenta con más seguidores de un cuerpo policial en Europa",
    # news about a newsletter and about cookies
    "Dazu kommt ein Bonus für alle, die den Newsletter von Treuepunkt abonnieren: Einmalig gibt es 150 Punkte.",
    "The regulator found that the site told users we use cookies only with consent, but set them before anyone "
    "could accept, the authority said.",
], ids=["reported", "quote", "says", "topic", "urged", "mayor-said", "riefen", "pidio", "portal", "astronauts",
        "police", "newsletter-news", "cookie-news"])
def test_articles_about_donations_are_kept(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_all_kept(r)


# -- cookie notices, comment forms ---------------------------------------------------------------

@pytest.mark.parametrize("line,reason", [
    ("We use cookies to improve your experience on our site. By continuing to browse you agree to our use of "
     "cookies.", "cookie_notice"),
    ("Accept all cookies", "cookie_notice"),
    ("Diese Website verwendet Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten.", "cookie_notice"),
    ("Ce site utilise des cookies pour améliorer votre expérience.", "cookie_notice"),
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "cookie_notice"),
    ("Leave a Reply", "comment_form"),
    ("Your email address will not be published. Required fields are marked *", "comment_form"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comment_form"),
    ("Schreibe einen Kommentar", "comment_form"),
    ("Laisser un commentaire", "comment_form"),
    ("Votre adresse e-mail ne sera pas publiée.", "comment_form"),
    ("Deja una respuesta", "comment_form"),
    ("Tu dirección de correo electrónico no será publicada.", "comment_form"),
    # affiliate disclosures that open with the site's name, which no prefix can know
    ("Hearth & Wire may earn a commission when you buy through links on our site.", "ad_label"),
    # comment counts and links, consent for an embed, a newsletter's sign-off
    ("reader comments 142", "comment_form"),
    ("See all 48 comments", "comment_form"),
    ("Kommentare lesen (212 Beiträge)", "comment_form"),
    ("Ver 17 comentarios", "comment_form"),
    ("Mit Ihrer Zustimmung wird hier ein externes Video (YouTube) geladen.", "cookie_notice"),
    ("Externe Inhalte laden", "cookie_notice"),
    ("Thanks for reading The Backhaul! Subscribe for free to receive new posts and support my work.", "newsletter"),
    ("Type your email…", "newsletter"),
    ("The Daily Ledger may receive a share of revenue from purchases made through links on this page.", "ad_label"),
    ("Wenn Sie über diese Links einkaufen, erhalten wir eine Provision.", "ad_label"),
    ("Nous pouvons percevoir une commission sur les achats effectués via nos liens.", "ad_label"),
    ("Podemos recibir una comisión por las compras realizadas a través de los enlaces de esta página.", "ad_label"),
    # reader-rating widgets and the comment section's own chrome
    ("Was this article helpful?", "comment_form"),
    ("Wie gefällt Ihnen dieser Artikel?", "comment_form"),
    ("Gracias por tu valoración", "comment_form"),
    ("Top comments (7)", "comment_form"),
    ("Zur Diskussion: 58 Kommentare", "comment_form"),
    # the consent lines of a sign-up form
    ("By submitting your information you agree to the Terms of Use and are aged 16 or over.", "newsletter"),
    ("Mit der Anmeldung akzeptierst du unsere Datenschutzhinweise.", "newsletter"),
    ("Joined Feb 12, 2021", "author_bio"),
    ("Log in to Quillstack", "skip_link"),
    ("Our Standards: The Wirebench Trust Principles.", "footer"),
    ("Espacio publicitario", "ad_label"),
    ("Algunos de los enlaces de este artículo son afiliados y pueden reportar un beneficio a Gadgetario.", "ad_label"),
    ("Sie haben einen Fehler im Artikel entdeckt? Dann schreiben Sie uns hier.", "footer"),
    ("Loading comments...", "comment_form"),
])
def test_notices_forms_and_disclosures(line, reason):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, reason)


def test_cookie_banner_buttons_follow_the_notice():
    notice = "This website uses cookies to personalise content and to analyse our traffic."
    r = run(HEADLINE, BODY, notice, "Accept", "Decline", BODY_END)
    assert_dropped(r, notice, "cookie_notice")
    assert_dropped(r, "Accept", "cookie_notice")
    assert_dropped(r, "Decline", "cookie_notice")


# -- ads -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("label,copy", [
    ("Sponsored", "Upgrade your home office today with 20% off all standing desks!"),
    ("Anzeige", "Jetzt wechseln und 6 Monate lang nur 9,99 € im Monat zahlen!"),
    ("Publicité", "Essayez gratuitement notre solution de sauvegarde pendant 30 jours."),
    ("Patrocinado", "Consigue un 30% de descuento en tu primer pedido hoy."),
])
def test_ad_label_and_the_ad_copy_under_it(label, copy):
    r = run(HEADLINE, BODY, label, copy, BODY_END)
    assert_dropped(r, label, "ad_label")
    assert_dropped(r, copy, "ad_label", ref=label)
    assert_kept(r, BODY_END)


@pytest.mark.parametrize("line", [
    "Story continues below", "Weiter nach der Anzeige", "Share this article", "Continue reading the main story",
    "« Noticia anterior", "Suscribirme",
    "Log in to join the conversation. Please read our guidelines before commenting.",
    # blog platforms' status messages
    "Great! You've successfully signed up.", "Your link has expired.", "Link copied to clipboard",
    # follow-us prompts for a news aggregator, written as a sentence
    "Add Earshot Daily as a preferred source on Google News",
    "\U0001f4f2 Ne manquez plus aucune info : ajoutez Smartphonique à vos sources sur Google Actualités.",
    "Sigue a TecnoHoy en WhatsApp y en Google Discover",
    "Folgen Sie uns auf Google News",
    "Puedes seguir a TecnoHoy en Facebook, WhatsApp y Telegram",
    # ad slots and the placeholders of embeds that wait for consent
    "Werbung – Artikel wird unterhalb fortgesetzt",
    "An dieser Stelle finden Sie ein passendes Video von Vimeo. Mit Ihrer Zustimmung wird es hier geladen.",
    "Externen Inhalt einmalig laden",
    # a consent notice worded by the site
    "En TecnoHoy y sus socios usamos cookies y tecnologías similares para mostrarte publicidad personalizada. "
    "Puedes aceptar o configurar tus preferencias.",
    "Story continues after this advertisement", "Publicité, votre article continue ci-dessous",
    "Your preferences have been updated", "Read Kira's Full Bio",
    "Get Our Best Stories!", "Je m'inscris à la lettre",
    "Sign up for Tech Today to get the biggest news and our sharpest reviews delivered to you every weekday.",
    "Kostenlos abonnieren: Der Technik-Newsletter mit den wichtigsten Nachrichten des Tages",
    "Folgt uns auf WhatsApp: Jetzt den Kanal abonnieren",
    "Soutenez MacGo en rejoignant le Club : pas de publicité et des articles exclusifs",
    "12 comments \u00b7 Sign in to reply",
    "Um zu kommentieren, melden Sie sich bitte mit Ihrem Konto an.",
    "Tu correo electrónico no se publicará. Los campos marcados con * son obligatorios.",
    # ad slots worded by each site, consent and share confirmations, follow prompts
    "Sponsored \u2014 story continues below", "Advertisement - Scroll to Continue Reading",
    "HotSilicon Ad: Article Continues Below", "Werbung \u2013 Artikel wird nach der Anzeige fortgesetzt",
    "Publicidad - la noticia continúa debajo", "Your preferences have been saved", "Link copied to your clipboard",
    "Hier kostenlos anmelden", "Apfelblatt bei Google News abonnieren und keine Apple-News mehr verpassen.",
    "For the latest tech news and reviews, follow Gizmos 365 on X, Facebook and Google News.",
    # share and page buttons copied as one line
    "Facebook X Flipboard Threads Email Copy Link 14 comments",
    "Copy Link Share on Facebook Share on X Share via Email",
    "Partager \u00b7 Réagir (31) \u00b7 Ajouter à mes favoris",
    "Vorlesen Merken Druckansicht Kommentare lesen 37 Beiträge",
])
def test_labels_between_paragraphs(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert not block(r, line).kept


def test_sponsored_box_runs_from_its_label_to_its_button():
    """Name, pitch and button of a paid box: the name alone says nothing, the button does."""
    name = "Tidepool: backups for offices with more laptops than admins"
    pitch = "Plans from $5 a month per device."
    button = "Start your free trial"
    r = run(HEADLINE, BODY, "Promoted", name, pitch, button, BODY_END)
    assert_dropped(r, "Promoted", "ad_label")
    for line in (name, pitch, button):
        assert_dropped(r, line, "ad_label", ref="Promoted")
    assert_kept(r, BODY_END)


def test_sponsored_label_takes_no_article_heading_without_a_promotional_cue():
    heading = "What the operators said next"
    r = run(HEADLINE, BODY, "Partner content", heading, "Hard to say.", BODY_END)
    assert_dropped(r, "Partner content", "ad_label")
    assert_kept(r, heading)
    assert_kept(r, "Hard to say.")


def test_advertisement_label_alone():
    r = run(HEADLINE, BODY, "Advertisement", BODY_END)
    assert_dropped(r, "Advertisement", "ad_label")


@pytest.mark.parametrize("line", [
    "Advertisement - Nordic Wire continues after this",
    "Nordic Wire advertisement – keep scrolling for the rest of the story",
    "Anzeige · Nach der Werbung geht es weiter",
    "Werbung – weiter geht's unten",
    "Publicité, votre lecture continue juste en dessous",
    "Publicidad · la noticia sigue más abajo",
])
def test_an_ad_label_and_the_article_going_on_in_the_sites_words(line):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "ad_label")


@pytest.mark.parametrize("line", [
    "Publicité : la croissance continue malgré la crise",  # a subheading of an earnings story
    "Publicidad: el negocio sigue creciendo",
    "Partnerlinks: Amazon senkt die Provision für Influencer",
    "Have a tip about a scam call? The FTC asks consumers to email its fraud desk.",
    "Die Anzeige, sagte er, läuft weiter bis Ende Mai.",
    "The ad, which ran for a week, continues to draw complaints.",
    "Sponsored posts continue to rise on the platform, the report said.",
    "La publicité, selon lui, continue de financer le site.",
])
def test_sentences_about_ads_that_go_on_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_sponsored_card_headline_without_offer_words():
    card = "How a regional bank moved its core systems to the cloud in nine months"
    r = run(HEADLINE, BODY, "Sponsored", card, BODY_END)
    assert_dropped(r, "Sponsored", "ad_label")
    assert_dropped(r, card, "ad_label", ref="Sponsored")


# -- tags, author boxes, previous/next -----------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Tags: 6G, Nokia, Ericsson, Telecoms",
    "Filed under: Hardware",
    "Schlagwörter: Mobilfunk, Funkmasten, Bundesnetzagentur",
    "Etiquetas: 6G, Nokia, Ericsson",
])
def test_tag_lists(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "tag_list")


@pytest.mark.parametrize("header,bio", [
    ("About the author", "Nadia Okafor is a senior reporter who covers telecoms and spectrum policy for the site."),
    ("Über die Autorin", "Katrin Vogelsang ist Redakteurin und schreibt über Mobilfunk, Energie und Netzpolitik."),
    ("À propos de l'auteur", "Mathilde Garnier est journaliste et couvre les télécoms et les transports "
                             "depuis 2015."),
    ("Sobre el autor", "Inés Calvo es periodista y escribe sobre telecomunicaciones y movilidad urbana."),
    ("About Henrik Lund", "Henrik Lund is a staff writer who covers cloud infrastructure and enterprise "
                          "software."),
], ids=["en", "de", "fr", "es", "about-name"])
def test_author_box_header_and_bio(header, bio):
    r = run(HEADLINE, BODY, BODY_END, header, bio)
    assert_dropped(r, header, "author_bio")
    assert_dropped(r, bio, "author_bio", ref=header)


@pytest.mark.parametrize("label,linked", [
    ("Previous article", "Chipmaker delays its next desktop platform to the spring"),
    ("Next story", "Why hyperscalers are buying nuclear power again"),
    ("Vorheriger Artikel", "Warum die Post in Köln Paketroboter auf Gehwege schickt"),
    ("« Vorherige News:", "Warum die Post in Köln Paketroboter auf Gehwege schickt"),
    ("Article précédent", "Le métro de Lyon passe au paiement sans contact"),
    ("Artículo siguiente", "Correos abre taquillas automáticas en dos mil pueblos"),
])
def test_previous_next_label_and_the_linked_headline(label, linked):
    r = run(HEADLINE, BODY, BODY_END, label, linked)
    assert_dropped(r, label, "prev_next")
    assert_dropped(r, linked, "prev_next", ref=label)


def test_a_box_header_after_a_next_link_is_not_its_linked_title():
    r = run(HEADLINE, BODY, BODY_END, "Next story →", "Related Stories")
    assert_dropped(r, "Next story →", "prev_next")
    assert_kept(r, "Related Stories")  # left to the teaser filter, with the cards under it


# -- breadcrumbs, skip links, footer, page header ------------------------------------------------

@pytest.mark.parametrize("crumb", [
    "Home › Networks › Spectrum",
    "You are here: Home / Radio / Test Bench Diaries",
    "Startseite » Funk & Fernsehen » Hintergrund",
    "Accueil > Télécoms > Antennes relais",
    "Inicio / Ciencia y tecnología / Redes del futuro",
    "Startseite › News › 2025 › KW 11 › Smart Home: Hersteller schaltet die Cloud für alte Zentralen ab",
    "Home > Deep Dives",
])
def test_breadcrumbs_with_any_section_names(crumb):
    r = run(HEADLINE, BODY, crumb, BODY_END)
    assert_dropped(r, crumb, "breadcrumb")


def test_arrow_sequence_inside_the_article_is_kept():
    r = run(HEADLINE, BODY, "Upgrade path", "Python 3.12 → Python 3.13 → Python 3.14",
            "The maintainers expect most distributions to follow that path over the next three years.", BODY_END)
    assert_kept(r, "Python 3.12 → Python 3.13 → Python 3.14")


@pytest.mark.parametrize("line,reason", [
    ("Skip to content", "skip_link"),
    ("Skip to main content", "skip_link"),
    ("© 2026 Example Media. All rights reserved.", "footer"),
    ("Terms of Use", "footer"),
    ("Follow us on Mastodon", "social_follow"),
])
def test_skip_links_footer_and_follow_lines(line, reason):
    r = run(HEADLINE, BODY, BODY_END, line)
    assert_dropped(r, line, reason)


def test_footer_menu_of_weak_words_is_removed_as_a_run():
    r = run(HEADLINE, BODY, BODY_END, "© 2026 Example Media", "Privacy", "Contact", "Careers")
    assert_dropped(r, "© 2026 Example Media", "footer")
    for word in ("Privacy", "Contact", "Careers"):
        b = block(r, word)
        assert not b.kept and b.dropped_by == "chrome", b


def test_privacy_policy_link_in_a_footer():
    r = run(HEADLINE, BODY, BODY_END, "© 2026 Example Media. All rights reserved.", "Privacy Policy")
    b = block(r, "Privacy Policy")
    # "Privacy Policy" links sit in footers and in cookie banners alike; either reason is fair
    assert not b.kept and b.dropped_by == "chrome" and b.reason in ("footer", "cookie_notice"), b


def test_page_header_above_the_headline():
    r = run("Wirebench", "Analysis", HEADLINE, BODY, BODY_END)
    assert_dropped(r, "Wirebench", "page_header")
    assert_dropped(r, "Analysis", "page_header")
    assert r.blocks[2].text == HEADLINE and r.blocks[2].kept
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


def test_banner_above_the_headline_is_page_header_but_a_sentence_there_stays():
    banner = "Free next-day delivery on every order this week"
    sentence = "The board met on Tuesday to approve the deal."
    r = run(banner, sentence, HEADLINE, BODY, BODY_END)
    assert_dropped(r, banner, "page_header")
    assert_kept(r, sentence)
    r = run("A much longer promotional line that runs to more than twelve words in all", HEADLINE, BODY)
    assert r.blocks[0].kept


def test_a_title_that_names_a_subheading_leaves_the_article_above_it_alone():
    # og:title "How to … | Guide" is one <h2>; a later "<h2>How to …: FAQs" shares its words. The
    # article's subheadings and list items above the later one are no page header
    page = (f"<html><head><meta property='og:title' content='How to Grow a Lemon Tree from Seed | Guide'></head>"
            f"<body><h2>How to Grow a Lemon Tree from Seed | Guide</h2><p>Wirebench Gardens</p><div class='c'>"
            f"<p>{BODY}</p><h2>What You Need</h2><ul><li>A ziplock bag and a paper towel;</li><li>Citrus soil mix;"
            f"</li></ul><p>{BODY_END}</p><h2>How to Grow a Lemon Tree from Seed: FAQs</h2><p>{BODY}</p></div>"
            f"</body></html>")
    r = clean(page, input_type="html", filters=[PageChrome()])
    for text in ("What You Need", "A ziplock bag and a paper towel;", "Citrus soil mix;"):
        assert_kept(r, text)
    # were the later heading the headline, the article above it would still be no header
    page = page.replace("<h2>How to Grow a Lemon Tree from Seed | Guide</h2>", "")
    r = clean(page, input_type="html", filters=[PageChrome()])
    assert r.metadata.title is not None
    for text in ("What You Need", "A ziplock bag and a paper towel;", "Citrus soil mix;"):
        assert_kept(r, text)


def test_phrase_followed_by_a_count_in_brackets():
    r = run(HEADLINE, BODY, "Kommentare anzeigen (23)", BODY_END)
    assert_dropped(r, "Kommentare anzeigen (23)", "comment_form")


def test_menu_entry_above_the_headline_keeps_its_own_reason():
    r = run("Wirebench", "Menu", HEADLINE, BODY)
    assert_dropped(r, "Wirebench", "page_header")
    assert_dropped(r, "Menu", "skip_link")


# -- the <title> site-name suffix (HTML) ---------------------------------------------------------

def _title_page(title: str, meta: str = "") -> str:
    return (f"<html><head><title>{title}</title>{meta}</head><body>"
            f"<p>{BODY}</p><p>{BODY_END}</p></body></html>")


def test_title_site_name_suffix_is_cut_off():
    r = clean(_title_page(f"{HEADLINE} | Wirebench"), input_type="html", filters=[PageChrome()])
    head, suffix = r.blocks[0], r.blocks[1]
    assert (head.text, head.kept) == (HEADLINE, True)
    assert (suffix.text, suffix.kept, suffix.dropped_by, suffix.reason) == ("| Wirebench", False, "chrome", "site_name")
    assert r.text.splitlines()[0] == HEADLINE


def test_title_site_name_prefix_is_cut_off_when_declared():
    meta = '<meta property="og:site_name" content="Wirebench">'
    r = clean(_title_page(f"Wirebench - {HEADLINE}", meta), input_type="html", filters=[PageChrome()])
    assert (r.blocks[0].text, r.blocks[0].reason) == ("Wirebench -", "site_name")
    assert (r.blocks[1].text, r.blocks[1].kept) == (HEADLINE, True)


def test_title_with_a_colon_inside_the_headline_is_left_whole():
    title = "Analysis: why Nokia needs Ericsson more than ever"
    r = clean(_title_page(title), input_type="html", filters=[PageChrome()])
    assert r.blocks[0].text == title and r.blocks[0].kept


def test_share_container_in_html_markup():
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1><p>{BODY}</p>"
            '<div class="sharedaddy sd-sharing-enabled"><h3>Spread the word</h3>'
            '<ul><li><a href="/s?x">Mastodon</a></li><li><a href="/s?b">Bluesky</a></li></ul></div>'
            f"<p>{BODY_END}</p></article></body></html>")
    r = clean(html, input_type="html", filters=[PageChrome()])
    for text in ("Spread the word", "Mastodon", "Bluesky"):
        assert_dropped(r, text, "share_bar")
    assert_kept(r, BODY_END)


# -- traps ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "The union said members had read 40 free articles about the dispute before the site added its paywall.",
    '"You have read your last free article," the pop-up told readers, the newspaper\'s editor said.',
    # the meter quoted
    "The message \"You're reading 1 of your 4 free stories this month\" now appears after the first visit.",
    "« Il vous reste 2 articles gratuits » : le message s'affiche désormais dès la troisième visite.",
])
def test_a_report_on_a_paywall_meter_stays(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert [b.kept for b in r.blocks if b.text == line] == [True]


def test_a_copyright_line_inside_the_article_stays_and_in_the_footer_goes():
    line = "Tetris © 1985 Elorg"
    r = run(HEADLINE, BODY, "The notice on the first cartridges read:", line, BODY_END)
    assert [b.kept for b in r.blocks if b.text == line] == [True]
    r = run(HEADLINE, BODY, BODY_END, "Nordwire © 2025 Hojaverde Media S.L.", "Privacy policy")
    assert [b.reason for b in r.blocks if b.text == "Nordwire © 2025 Hojaverde Media S.L."] == ["footer"]


def test_article_about_cookie_consent_law_is_kept():
    r = run("EU regulators tighten the rules on cookie banners",
            "Regulators said websites that use cookies must offer a reject button that is as easy to find as the "
            "accept button, and that pre-ticked boxes do not count as consent.",
            "Die Datenschutzbehörden verlangen, dass Websites, die Cookies einsetzen, eine Ablehnung genauso "
            "einfach machen wie die Zustimmung.",
            "L'autorité belge de protection des données estime que les sites qui déposent des cookies "
            "publicitaires doivent obtenir un accord explicite de chaque visiteur.")
    assert_all_kept(r)


def test_quoted_statement_starting_with_we_use_cookies_is_kept():
    line = ("We use cookies only where the law allows it, the publishers' association said in a statement, adding "
            "that its members would comply with the guidance by the end of the year.")
    r = run("EU regulators tighten the rules on cookie banners",
            "Regulators said websites that use cookies must offer a reject button that is as easy to find as the "
            "accept button, and that pre-ticked boxes do not count as consent.", line,
            "The regulators will review a sample of large news sites in the spring and publish the results.")
    assert_kept(r, line)


def test_prose_that_mentions_sharing_comments_and_signing_up_is_kept():
    r = run(HEADLINE, BODY,
            "Share prices of both companies rose after the announcement.",
            "Comments from analysts suggested the deal had been in the works for more than a year.",
            "More than 40 suppliers have signed up to build test equipment for the shared sites.",
            "Developers can sign up for the beta of the radio simulator from Monday.",
            "Subscribers to Nokia's investor newsletter learned about the deal a day before the press.",
            "Follow the money, one analyst said, and you will see why Ericsson agreed.",
            "Tags on each antenna let the engineers track every unit across the test sites.",
            BODY_END)
    assert_all_kept(r)


@pytest.mark.parametrize("line", [
    "Get the latest version from the settings menu, the company advised, and restart the browser twice if "
    "the update seems stuck.",
    "Join the thousands of administrators who have already patched, the security team wrote in a blog post.",
    "Never miss a patch: that is the advice of every security team, but companies still take weeks to deploy "
    "updates.",
    "Support independent researchers, the bug bounty platform said, by paying them on time.",
], ids=["get-the-latest", "join-the", "never-miss", "support-independent"])
def test_article_sentences_starting_like_a_newsletter_prompt_are_kept(line):
    r = run("Critical Chrome flaw exploited in the wild, Google warns",
            "Google said on Tuesday that attackers were already exploiting a memory bug in the V8 engine, and urged "
            "users to restart the browser so that the fix takes effect.", line,
            "The company did not say how many people had been targeted, or whether the attacks were linked to a "
            "commercial spyware vendor.")
    assert_kept(r, line)


def test_genuine_section_headings_followed_by_paragraphs_are_kept():
    r = run("EU regulators tighten the rules on cookie banners",
            "Regulators said websites that use cookies must offer a reject button that is as easy to find as the "
            "accept button, and that pre-ticked boxes do not count as consent.",
            "Privacy",
            "The guidance also covers analytics tools, which many publishers had treated as exempt from consent "
            "because they do not follow people across different websites.",
            "Discussion",
            "Several industry groups said they would share the draft with their members and comment on it before "
            "the consultation closes in March.",
            "Datenschutz",
            "Auch in Deutschland prüfen die Aufsichtsbehörden derzeit, ob die Banner großer Nachrichtenseiten den "
            "Nutzern eine echte Wahl lassen.")
    assert_all_kept(r)


def test_section_heading_before_a_short_closing_paragraph_is_kept():
    """Below the last long paragraph, a weak word is still a heading when text of the article
    follows it."""
    r = run("EU regulators tighten the rules on cookie banners",
            "Regulators said websites that use cookies must offer a reject button that is as easy to find as the "
            "accept button, and that pre-ticked boxes do not count as consent.",
            "Datenschutz",
            "Auch in Deutschland prüfen die Aufsichtsbehörden, ob Banner eine echte Wahl lassen.")
    assert_all_kept(r)


def test_dialogue_ok_and_by_contrast_are_kept():
    r = run("The night the data centre went dark",
            "At 2 a.m. the on-call engineer phoned her manager and told him that both power feeds were down and "
            "the generators had not started.",
            "Ok.",
            "That was all he said before driving to the site, where the backup batteries had about twelve minutes "
            "left.",
            "By contrast, the second hall, which had been rewired a year earlier, never lost power at all.")
    assert_all_kept(r)


# -- a small box whose button or prompt is chrome (HTML) -----------------------------------------

def _box_page(box: str) -> str:
    return (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"<div class='a1'><p>{BODY}</p><p>{BODY_END}</p></div>{box}</article></body></html>")


def test_newsletter_box_name_and_blurb_go_with_its_button():
    box = ("<section class='x9f2'><h3>The Rack Report</h3><p>Data-centre news for people on call. Every "
           "Friday, free.</p><button>Get the newsletter</button></section>")
    r = clean(_box_page(box), input_type="html", filters=[PageChrome()])
    for text in ("The Rack Report", "Data-centre news for people on call. Every Friday, free."):
        b = block(r, text)
        assert (b.kept, b.reason) == (False, "newsletter") and r.blocks[b.ref].text == "Get the newsletter", b
    assert_kept(r, BODY)
    assert_kept(r, BODY_END)


def test_article_paragraphs_beside_a_newsletter_line_are_no_box():
    short = ["The fab opens in May.", "Hiring starts now.", "Analysts were not surprised.", "Shares rose 2%."]
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1><div>"
            + "".join(f"<p>{t}</p>" for t in short) + "<p>Get the newsletter</p></div></article></body></html>")
    r = clean(html, input_type="html", filters=[PageChrome()])
    for text in short:
        assert_kept(r, text)
    box = f"<div><p>{BODY}</p><p>Get the newsletter</p></div>"
    r = clean(_box_page(box).replace(f"<div class='a1'><p>{BODY}</p>", "<div class='a1'>"), input_type="html",
              filters=[PageChrome()])
    assert_kept(r, BODY)


def test_the_dek_beside_a_follow_button_is_no_box():
    dek = ("Nokia and Ericsson will share radio test sites in Finland and Sweden, an arrangement that saves each "
           "of them the cost of building 6G test sites alone.")
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"<div class='hd'><h2>{dek}</h2><p>Follow us on Google News</p></div>"
            f"<div class='a1'><p>{BODY}</p><p>{BODY_END}</p></div></article></body></html>")
    r = clean(html, input_type="html", filters=[PageChrome()])
    assert_kept(r, dek)
    assert_dropped(r, "Follow us on Google News", "social_follow")
    # the small print of a sign-up form under the headline is the form's, not the article's
    small_print = ("By submitting your email you agree to receive messages from Wirebench Media under our terms "
                   "and you can unsubscribe at any time.")
    html = html.replace(dek, "Never miss a story").replace("<p>Follow us on Google News</p>",
                                                           f"<p>{small_print}</p><p>Sign up for our newsletter</p>")
    r = clean(html, input_type="html", filters=[PageChrome()])
    assert not block(r, small_print).kept
    assert_kept(r, BODY)


def test_an_amazon_associates_disclosure_after_a_byline():
    line = ("By Mira on 3 May 2024 | 12 Comments. This post may contain affiliate links. As an Amazon Associate I "
            "earn from qualifying purchases.")
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "ad_label")


def test_article_sentence_about_affiliate_commissions_is_kept():
    """The disclosure speaks of the site itself ("our site", "this page"); a report on
    affiliate marketing does not."""
    line = "Publishers may earn a commission on purchases made through affiliate links, the regulator said."
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_kept(r, line)


@pytest.mark.parametrize("label", ["Tags", "Temas", "Themen"])
def test_bare_tag_label_and_the_tags_under_it_one_per_line(label):
    r = run(HEADLINE, BODY, BODY_END, label, "Smartphones", "Batteries", "Right to repair", "Newsletter")
    assert_dropped(r, label, "tag_list")
    for tag in ("Smartphones", "Batteries", "Right to repair"):
        assert_dropped(r, tag, "tag_list", ref=label)


def test_bare_tag_label_before_a_paragraph_is_left_alone():
    r = run(HEADLINE, BODY, "Topics", BODY_END)
    assert_all_kept(r)


def test_labelled_category_line_takes_no_lines_under_it():
    """"Kategorie: Erste Versuche" names its own tag; the "label: value" lines under it are a
    photo's details, not tags."""
    r = run(HEADLINE, BODY, "Kategorie: Erste Versuche", "Art der Aufnahme: Digitalfoto", "Optik: Teleobjektiv",
            BODY_END)
    assert_kept(r, "Art der Aufnahme: Digitalfoto")
    assert_kept(r, "Optik: Teleobjektiv")


def test_hashtags_one_per_line_are_the_posts_tags():
    tags = ["#networking", "#6g", "#telecom-policy"]
    r = run(HEADLINE, *tags, BODY, BODY_END)
    for tag in tags:
        assert_dropped(r, tag, "tag_list")


def test_a_lone_hashtag_and_a_markdown_heading_stay():
    r = run(HEADLINE, BODY, "#MeToo", BODY_END, "# What comes next", BODY)
    assert_kept(r, "#MeToo")
    assert_kept(r, "# What comes next")


def test_weak_label_beside_shop_residue_another_filter_removes():
    """"Werbung" alone could be a word of the article; over a price box it is the box's label,
    whichever filter runs first."""
    lines = [HEADLINE, BODY, "Werbung", "Im Preisvergleich", "Nordfunk NF-5300 Mesh", "ab 174,90 €",
             "Alle Angebote anzeigen", BODY_END]
    r = clean("\n".join(lines), input_type="text")
    assert not block(r, "Werbung").kept
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])
    r = run(HEADLINE, BODY, "Werbung", BODY_END)
    assert_kept(r, "Werbung")


def test_table_of_contents_whose_entries_name_the_articles_headings():
    entries = ["* Where the cables run", "* Who pays for the repairs"]
    lines = [HEADLINE, BODY, "Table of contents", *entries, "## Where the cables run", BODY_END,
             "## Who pays for the repairs", BODY]
    r = run(*lines)
    assert_dropped(r, "Table of contents", "table_of_contents")
    for entry in entries:
        assert_dropped(r, entry, "table_of_contents", ref="Table of contents")
    assert_kept(r, "## Where the cables run")


def test_contents_label_over_anything_else_stays():
    lines = [HEADLINE, BODY, "Contents", "* Two cable ships", "* A spare cable", BODY_END]
    r = run(*lines)
    assert_all_kept(r)


def test_sponsored_label_over_an_articles_price_section_takes_no_sentence():
    lines = ["Sponsored", "## Pricing", "The base model costs $999.", "The Pro costs $1,299."]
    r = run(HEADLINE, BODY, *lines, BODY_END)
    for line in lines[2:]:
        assert_kept(r, line)


def test_hashtags_in_code_and_in_the_course_of_the_article_stay():
    r = run(HEADLINE, BODY, "#ifdef DEBUG", "#endif", "The campaign used two tags:", "#StopTheCuts",
            "#SaveOurSignal", BODY_END)
    for line in ("#ifdef DEBUG", "#endif", "#StopTheCuts", "#SaveOurSignal"):
        assert_kept(r, line)


@pytest.mark.parametrize("line", [
    "Mit der Anmeldung beim Finanzamt beginnt für Gründer die eigentliche Arbeit.",
    "By submitting your email to these breach-lookup sites, you hand attackers a confirmed address.",
    "Los enlaces de afiliados de Amazon seguirán permitidos en las reseñas, dijo Google.",
])
def test_sentences_that_open_like_consent_or_disclosure_lines_stay(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_kept(r, line)


def test_markdown_image_line_and_a_tight_breadcrumb():
    image = "![Two cable ships in the port of Gdansk](https://example.com/img/ships-1200.jpg)"
    crumb = "Inicio/Telecomunicaciones/Cables"
    r = run(crumb, HEADLINE, BODY, image, BODY_END)
    assert_dropped(r, image, "media_embed")
    assert not block(r, crumb).kept


def test_front_matter_of_a_clipped_page_is_page_header():
    lines = ["---", 'title: "Nokia and Ericsson agree to share 6G test sites"', 'source: "https://example.com/6g"',
             "tags:", '- "clippings"', "---", HEADLINE, BODY, BODY_END]
    r = run(*lines)
    assert r.metadata.title == HEADLINE
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


# -- buttons and counts under the byline, counts beside share buttons ----------------------------

def test_one_word_buttons_and_a_count_under_the_headline():
    dek = "The two firms will share radio test sites in Finland and Sweden for the next three years."
    r = run(HEADLINE, dek, "Maija Virtanen", "Follow", "7 min read \u00b7 Apr 14, 2026", "412", "Listen", "Share",
            BODY, BODY_END)
    for line in ("Follow", "412", "Listen", "Share"):
        assert not block(r, line).kept
    assert block(r, "412").reason == "counter"
    assert_kept(r, dek)


def test_like_and_comment_counts_over_a_share_button():
    r = run(HEADLINE, BODY, BODY_END, "86", "14", "9", "Share this")
    assert [block(r, n).reason for n in ("86", "14", "9")] == ["counter"] * 3


def test_list_items_under_the_lead_a_score_and_a_price_stay():
    r = run(HEADLINE, BODY, "Open Settings, then tap:", "Privacy", "Accessibility", BODY_END)
    assert_all_kept(r)
    r = run(HEADLINE, BODY, BODY_END, "Our score", "8", "Price as tested (USD)", "1,299", "Share this article")
    for line in ("8", "1,299"):
        assert block(r, line).kept


def test_numbers_of_a_list_and_a_line_of_dialogue_stay():
    intro = ("Five test sites are open to both companies from this month, and each has its own story, which we "
             "tell here one site at a time, from the north down.")
    r = run(HEADLINE, intro, "1", "Oulu, on the Gulf of Bothnia", BODY, "2", "Kista, north of Stockholm", BODY_END)
    for line in ("1", "2"):
        assert block(r, line).kept
    r = run("A night at the test site", "\u2013 \u201eGeht das?\u201c", "\u2013 \u201eOk.\u201c", BODY, BODY_END)
    assert block(r, "\u2013 \u201eOk.\u201c").kept


def test_in_this_article_over_a_line_of_tags_but_not_over_a_paragraph():
    tags = "Telecoms, 6G, Nokia, Ericsson, spectrum, news"
    r = run(HEADLINE, BODY, BODY_END, "In this article:", tags)
    assert [block(r, line).reason for line in ("In this article:", tags)] == ["tag_list", "tag_list"]
    r = run(HEADLINE, BODY, "In this article:", BODY_END)
    assert_all_kept(r)
    # a sentence's enumeration, and a list with more of the article under it, are no tags
    r = run(HEADLINE, BODY, BODY_END, "In this article:", "We cover pricing, battery life, performance and the display")
    assert_all_kept(r)
    r = run(HEADLINE, BODY, "Topics", "AI safety, export controls, chip subsidies", BODY, BODY_END)
    assert_all_kept(r)
    # an author's bio under the tags is no more of the article
    bio = ("Maija covers telecoms and spectrum policy from Helsinki. Before that she reported on energy markets "
           "for a business daily in Lagos for six years.")
    r = run(HEADLINE, BODY, BODY_END, "Topics", "Telecoms, 6G, Nokia, Ericsson, Spectrum", bio)
    assert block(r, "Telecoms, 6G, Nokia, Ericsson, Spectrum").reason == "tag_list"


def test_markdown_links_of_a_reader_tool_are_read_as_their_words():
    r = run(HEADLINE, BODY, BODY_END,
            "Themen: [Smart Home](https://example.de/s/), [Insolvenz](https://example.de/i/)",
            "[![Jane Doe's profile picture](https://cdn.example.com/a.png)](https://example.com/u/jd)")
    assert [b.reason for b in r.blocks[3:]] == ["tag_list", "media_embed"]


def test_a_disclosure_about_the_author_stays_and_an_affiliate_note_goes():
    own = "Transparenzhinweis: Die Autorin nutzt privat zwei Router von Nordfunk."
    r = run(HEADLINE, BODY, own, BODY_END)
    assert_all_kept(r)
    note = ("Transparenz: Dieser Artikel enthält Partnerlinks. Wenn ihr darüber etwas kauft, bekommt die Redaktion "
            "eine kleine Provision.")
    r = run(HEADLINE, BODY, note, BODY_END)
    assert block(r, note).reason == "ad_label"


@pytest.mark.parametrize("line, reason", [
    ("Help Status About Careers Press Blog Privacy Rules Terms Text to speech", "footer"),
    ("Our Staff Contact Advertise Privacy Terms", "footer"),
    ("Impressum Datenschutz Kontakt AGB Mediadaten", "footer"),
    ("1.1K Followers", "social_follow"),
    ("[ 126 comments ]", "comment_form"),
    ("What are your thoughts?", "comment_form"),
    # chrome worded by one site or another
    ("About Us Editorial Standards Privacy Terms Advertise With Us Your Privacy Choices", "footer"),
    ("Dir gefällt der Beitrag? Teile ihn gern mit Freunden und Bekannten.", "share_bar"),
    ("Kaspis Blog bei Google News abonnieren", "social_follow"),
    ("Kaspis Wochenpost: Jeden Sonntag die wichtigsten Beiträge der Woche per Mail", "newsletter"),
    ("**Note:** Techwire is an affiliate partner with some of these vendors. When you click a link and make a "
     "purchase, we may receive a small payment.", "ad_label"),
    ("Tag: [Self Service Repair](https://example.com/guide/self-service-repair/)", "tag_list"),
    ("Related Forum: [Phones](https://forums.example.com/phones/)", "tag_list"),
    ("## Top Rated Comments", "comment_form"),
    ("Thumbs up 14", "share_bar"),
    ("Cet article vous a plu ? Suivez le Carnet du Geek sur Google Actualités pour ne rien manquer.", "social_follow"),
    ("[Log in to add your comment](https://example.com/wp-login.php)", "comment_form"),
    ("38 Comments / 38 New", "comment_form"),
    ("Affiliate links may be automatically generated - see our ethics statement for details.", "ad_label"),
    ("Save this story for later", "share_bar"),
    ("Artikel für später merken", "share_bar"),
    ("By signing up, you agree to our user agreement and acknowledge our privacy policy.", "newsletter"),
    ("Contact me with news and offers from other Halvren Media brands", "newsletter"),
    ("Send me emails from Halvren Media on behalf of trusted partners or sponsors", "newsletter"),
    ("Bitte klicke auf den Link in der Bestätigungsmail, um deine Anmeldung für den Newsletter abzuschließen.",
     "newsletter"),
    ("Check out Gizmotic on YouTube for more Apple news:", "social_follow"),
    ("Hat dir der Artikel gefallen? Dann folge Gizmotic auf LinkedIn und Mastodon.", "social_follow"),
    ("Bislang gibt es keine Kommentare. Sei die erste Person, die ihre Meinung teilt!", "comment_form"),
    ("Para dejar tu comentario, accede con tu cuenta o crea una gratis.", "comment_form"),
    ("Please read our community guidelines", "comment_form"),
    ("Gizmotic picks products on its own. If you buy through one of our links, we may get a share of the sale.",
     "ad_label"),
    ("Advertisement - scroll for more content", "ad_label"),
    ("Read all 87 comments in the forums", "comment_form"),
    ("Mit dem Absenden akzeptierst du unsere Kommentarregeln. Deine E-Mail-Adresse bleibt unsichtbar.",
     "comment_form"),
    ("Vous avez repéré une faute ou une information erronée ? Signalez-la à la rédaction", "comment_form"),
    ("Ce contenu est bloqué car vous n'avez pas accepté les traceurs de la plateforme vidéo.", "cookie_notice"),
    ("Téléchargez l'application Gizmotic pour ne rater aucune actu, sur Android et iOS.", "newsletter"),
    ("Gizmotic may get a cut of sales when you buy through links on this page.", "ad_label"),
    ("Gizmotic is a reader-supported site. Members get an ad-free site and a weekly newsletter.", "newsletter"),
    ("[Join the discussion on our forums (47 replies)](https://forum.example.com/t/1)", "comment_form"),
    ("Publicité · la lecture continue ci-dessous", "ad_label"),
    ("Advertisement · The article continues below this ad", "ad_label"),
    ("Ad — scroll down to keep reading", "ad_label"),
    ("Werbung · Der Beitrag geht unterhalb weiter", "ad_label"),  # eight words, the "·" aside
    ("In this article: Halvren, routers, Wi-Fi 7, mesh, reviews", "tag_list"),
    ("En este artículo: Halvren, routers, wifi, análisis", "tag_list"),
    ("Likes (12) · Reply · Report", "comment_form"),
    ("Please sign in or register to comment.", "comment_form"),
    ("Reply to Hemlock", "comment_form"),
    ("Zum Forum (112 Beiträge)", "comment_form"),
    ("Hinterlasse einen Kommentar Antwort abbrechen", "comment_form"),
    ("Ihre E-Mail-Adresse wird nicht angezeigt. Erforderliche Felder sind mit * markiert.", "comment_form"),
    ("Partager : Facebook · Bluesky · E-mail · Copier le lien", "share_bar"),
    ("Next postHalvren's mesh routers finally get Wi-Fi 7", "prev_next"),
    ("Vorheriger Beitrag„Halvren baut Router jetzt in Europa“", "prev_next"),
    ("[Previous story Halvren's routers get Wi-Fi 7 at last](https://example.com/a)", "prev_next"),
    ("Gizmotic ad — the article continues below", "ad_label"),
    ("Publicidad · la noticia sigue después de la publicidad", "ad_label"),
    ("FTC: We use income earning auto affiliate links. More.", "ad_label"),
    ("Add Gizmotic to your Google News feed", "social_follow"),
    ("Únete al canal de Gizmotic en Telegram para no perderte nada.", "social_follow"),
    ("Featured comment by Hemlock", "comment_form"),
    ("Liked by 112 readers", "comment_form"),
    ("Follow Like Thread Copy link", "share_bar"),
    ("Melden Sie sich an, um mitzudiskutieren.", "comment_form"),
    ("Advertisement — the Gizmotic story continues after this", "ad_label"),
    ("Anzeige · Unter der Werbung geht es mit dem Artikel weiter", "ad_label"),
    ("If you buy something through a link in one of our articles, Gizmotic may be paid a small commission.",
     "ad_label"),
    ("By signing up, you agree to receive emails from Gizmotic and its partners.", "newsletter"),
    ("Not a member yet? Create a free account", "comment_form"),
    ("Join the discussion: 112 comments", "comment_form"),
    ("Also tagged with: Routers, Wi-Fi, Security", "tag_list"),
    ("Hemlock sagt: 2. Juni 2025 um 9:51 Uhr", "comment_form"),
    ("Antwort verfassen", "comment_form"),
    ("Deine E-Mail-Adresse wird nicht angezeigt. Bitte halte dich an unsere Kommentarregeln.", "comment_form"),
    ("Diskussion: 12 Kommentare", "comment_form"),
    ("Über die Autorin dieses Artikels", "author_bio"),
    ("Le saviez-vous ? Google News vous permet de choisir vos médias. Suivez Gizmotic.", "social_follow"),
    ("Los comentarios más valorados:", "comment_form"),
    ("Advertisement · Gizmotic story continues below", "ad_label"),
    ("Article continues after the sponsored message", "ad_label"),
    ("Gizmotic is now on WhatsApp Channels. Tap here to follow for the latest tech news.", "social_follow"),
    ("Comments: 6", "comment_form"),
    ("## User Comments: 24", "comment_form"),
    ("Total reader comments: 54", "comment_form"),
    ("hemlock_77 · 3 hours ago", "comment_form"),
    ("You need to be a member to leave a comment. Join thousands of readers here.", "comment_form"),
    ("_Gizmotic may earn a small share of sales from the products linked in this story._", "ad_label"),
    ("Gizmotic erhält eine Provision, wenn Sie über mit Sternchen markierte Links einkaufen.", "ad_label"),
    ("Über den Autor bei Gizmotic", "author_bio"),
    ("Chaque vendredi, la newsletter Gizmotic vous envoie nos derniers tests.", "newsletter"),
    ("Publicité · La suite après cette annonce", "ad_label"),
    ("Partager l'article : Facebook X LinkedIn WhatsApp Copier le lien", "share_bar"),
    ("Lire plus tard", "share_bar"),
    ("Vous avez repéré une coquille ? Signalez-la-nous", "comment_form"),
    ("Publicidad · Continúa leyendo tras el anuncio", "ad_label"),
    ("Únete al canal de WhatsApp de Gizmotic para recibir las noticias del día.", "social_follow"),
    ("Temas relacionados: Routers, Wifi, Seguridad", "tag_list"),
    ("Ver los 14 comentarios de esta noticia", "comment_form"),
    ("[Conoce cómo trabajamos en Gizmotic.](https://example.es/como-trabajamos)", "footer"),
    ("Annonce publicitaire — la suite plus bas", "ad_label"),
    ("Werbung – der Beitrag läuft unten weiter", "ad_label"),
    ("Teilen: Mastodon Threema Signal E-Mail Link kopieren", "share_bar"),
    ("Jetzt mit einer Spende unterstützen", "newsletter"),
    ("See Hemlock's full bio", "author_bio"),
    ("**Sponsored:** [A checklist for the morning after a breach](https://example.com/s)", "ad_label"),
    ("Alle mit Sternchen markierten Links sind Affiliate-Links. Kaufen Sie darüber, erhält Gizmotic eine Provision.",
     "ad_label"),
    ("By submitting your details you agree to our Terms and Privacy Policy", "newsletter"),
    ("En Gizmotic usamos cookies propias y de terceros para medir el tráfico. Puedes aceptarlas o configurarlas.",
     "cookie_notice"),
    ("Hinweis: Die Links zu Shops sind Affiliate-Links. Kauft ihr darüber, erhält Gizmotic eine Provision.",
     "ad_label"),
])
def test_chrome_lines_worded_by_many_sites(line, reason):
    assert_dropped(run(HEADLINE, BODY, BODY_END, line), line, reason)


@pytest.mark.parametrize("line", [
    "Privacy Policy Changes Hit Blog Owners",   # a title-case subheading with a few menu words
    "Privacy Policy and Cookie Settings",
    "Settings Privacy Help Feedback",
    "Published in Nature, the study was peer reviewed.",
    "Published in 2019, the study found that the test sites used more power than planned.",
    # news about aggregators and commissions, in the words of follow prompts and affiliate notes
    "Publishers can now add their site as a preferred source on Google News, the company said on Tuesday.",
    "Find out why publishers lost a third of their Google Discover traffic after the update.",
    "The change means your Google Discover feed will show fewer AI-generated stories.",
    "Sigue sin estar claro cuántos medios perderán tráfico de Google Discover con el cambio.",
    "Folgen hat das vor allem für Verlage, deren Reichweite stark von Google Discover abhängt.",
    "Apple will still earn a 27 percent commission on purchases made through outside links, a spokesperson told us.",
    "Wie wir berichteten, kassiert Apple eine Provision von 27 Prozent auf Käufe über externe Links.",
    "Auf den Kaufpreis schlägt Apple eine Provision auf, wie uns mehrere Entwickler bestätigten, die ihre Apps über "
    "Links verkaufen.",
    "Amazon kürzt die Provisionen für Partner: Wer über Partnerlinks verkauft, bekommt künftig weniger.",
    "The FTC now recommends plain wording such as we may earn a commission on purchases made through links.",
])
def test_article_sentences_in_the_words_of_menus_prompts_and_notes_stay(line):
    assert_all_kept(run(HEADLINE, BODY, line, BODY_END))


def test_share_row_with_newer_networks_and_an_affiliate_note_with_us():
    share = "Teilen: Mastodon, Bluesky, E-Mail, Link kopieren"
    note = "Affiliate links on Earshot Daily may earn us a commission. Learn more."
    r = run(HEADLINE, BODY, share, note, BODY_END)
    assert [block(r, share).reason, block(r, note).reason] == ["share_bar", "ad_label"]


def test_release_notes_under_a_date_and_a_listicle_rank_stay():
    r = run(HEADLINE, "March 31, 2026", "Privacy", "New per-app tracking controls.", "Accessibility",
            "Live captions in every app.", BODY, BODY_END)
    for line in ("Privacy", "Accessibility"):
        assert block(r, line).kept
    r = run(HEADLINE, BODY, "Share", "Tweet", "5", "Pixel 9a", BODY_END)
    assert block(r, "5").kept


# -- a line of tags without its label --------------------------------------------------------------

_ROUTER = ("Nordlink said the firmware for its mesh routers now blocks local administration unless the owner "
           "signs in to a cloud account, a change that security researchers and router owners criticised.")
_ROUTER_END = ("The company said it would restore local administration in the next firmware release for mesh "
               "routers, and that cloud sign-in would stay optional for owners who prefer it.")


def test_a_line_of_tags_after_the_article_without_a_label():
    tags = "Mesh Routers Firmware Nordlink Cloud Accounts Security"
    r = run(HEADLINE, _ROUTER, _ROUTER_END, tags, "Related Articles")
    assert_dropped(r, tags, "tag_list")


@pytest.mark.parametrize("line", [
    "Where to Buy the Nordlink Mesh Routers",  # a heading: it has "the", "to"
    "Technische Daten Nordlink Mesh Router",  # five words: a heading
    "Nordlink Mesh Routers – Firmware Security Cloud",  # separators
    "Topics covered at the Nordlink hearing",  # a label word starting a sentence
])
def test_headings_after_the_article_are_no_tag_line(line):
    r = run(HEADLINE, _ROUTER, _ROUTER_END, line, "Related Articles")
    assert_kept(r, line)


def test_a_line_of_linked_tags_after_the_article():
    tags = "[Mesh Routers](https://example.com/tag/mesh/) [Cloud Accounts](https://example.com/tag/cloud/)"
    assert_dropped(run(HEADLINE, _ROUTER, _ROUTER_END, tags), tags, "tag_list")
    # links to other stories are no tags: they do not name the article's words
    links = "[Ferry Timetables](https://example.com/a/) [Harbour Works](https://example.com/b/)"
    assert_kept(run(HEADLINE, _ROUTER, _ROUTER_END, links), links)


@pytest.mark.parametrize("line", [
    "[Mesh Routers](https://example.com/tag/mesh/) [Nordlink](https://example.com/) [Help](https://example.com/help/)",
    "Read [our guide](https://example.com/tag/mesh/) and [the FAQ](https://example.com/tag/faq/)",
    "Sources: [Nordlink](https://example.com/tag/nordlink/)",
])
def test_links_to_a_tag_page_among_other_links_or_words_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_line_of_tags_after_its_label_without_a_colon():
    tags = "Topics mesh routers firmware Nordlink cloud"
    r = run(HEADLINE, _ROUTER, _ROUTER_END, tags, "Related Articles")
    assert_dropped(r, tags, "tag_list")


@pytest.mark.parametrize("line", ["Share it on Facebook and X.", "Facebook and Instagram", "x | 5,14 | 4,96 | x"])
def test_sentences_and_table_rows_with_network_names_are_no_button_row(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_kept(r, line)


@pytest.mark.parametrize("line", [
    "14 Kommentare zu \u201eDie neue App im Test\u201c", "Hemlock said on May 12, 2025 at 10:47 am",
    "Les 31 commentaires sont réservés aux membres du Club.",
])
def test_comment_section_headers_beside_the_comment_form(line):
    r = run(HEADLINE, BODY, BODY_END, line, "Leave a Reply")
    assert_dropped(r, line, "comment_form")
    # alone between paragraphs the same shape titles a section ("3 thoughts on …")
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


@pytest.mark.parametrize("line", [
    "Mayor Jane Smith said on May 12, 2025",
    "3 thoughts on \u201cThe Bear\u201d season three",
    "Le 4 x 100", "- 2 x 8 x 10 print",
    # cookies in recipes and in the news; a travel blog's "Folgt uns"
    "We store cookies in an airtight tin for up to a week, which lets us manage holiday baking well in advance.",
    "Under the new guidance, a banner saying \u2018We use cookies\u2019 must offer a reject button as prominent as "
    "the accept button.",
    "Auf der Website hieß es nur, wir verwenden Cookies, ein Link zur Datenschutzerklärung fehlte, kritisierte die "
    "Verbraucherzentrale.",
    "Folgt uns auf unserer Reise durch Norwegen: In diesem Beitrag zeigen wir euch die schönsten Fjorde.",
    "Nutzer können Medien seit 2018 bei Google News abonnieren, doch die Funktion wird kaum genutzt.",
])
def test_lines_that_only_look_like_comment_headers_buttons_or_consent_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_line_with_no_word_tokens_after_the_article():
    r = run(HEADLINE, _ROUTER, _ROUTER_END, "\U0001f13d\U0001f134\U0001f146 \U0001f13f\U0001f13e\U0001f142\U0001f143 "
            "\U0001f142\U0001f13e\U0001f13e\U0001f13d", "Related Articles")
    assert r.blocks


# -- an extractor's metadata dump ------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Movies: []", "Images: ['https://img.example/a.jpg', \"https://img.example/b.jpg\"]",
                                  "Videos: ['https://video.example/clip.mp4']"])
def test_list_fields_of_an_extractor_dump(line):
    r = run(HEADLINE, line, BODY, BODY_END)
    assert_dropped(r, line, "metadata_field")


@pytest.mark.parametrize("line", [
    "formats: ['mp4', 'webm']",  # a YAML sample's key is lower-case
    "Authors: ['Nadia Okafor']",  # the byline filter reads the names
    "Options: [fast, safe]",  # no strings: not a list's repr
    "Prices: ['$5' is what they charged] and more",
    "Output: ['hello', 'world']",  # a program's output in a tutorial
    "Supported: ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'no', 'cs', 'sk', 'hu', 'ro', "
    "'bg', 'el', 'tr', 'ru', 'uk', 'ja', 'ko', 'zh', 'ar', 'he', 'hi', 'th', ...]",  # no backtracking blow-up
])
def test_lines_that_only_look_like_dump_fields_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


@pytest.mark.parametrize("line", [
    "Techwire and its partners use cookies to measure our audience and show advertising. You can accept or "
    "refuse them at any time.",
    "Avec ses partenaires, Numerosa dépose des cookies pour mesurer son audience, afficher de la publicité et vous "
    "proposer des contenus adaptés. Vous pouvez accepter, refuser ou paramétrer vos choix.",
    "Heise und seine Partner verwenden Cookies für Werbung und Reichweitenmessung. Sie können dies jederzeit "
    "akzeptieren oder ablehnen.",
    "El Correo y sus socios utilizan cookies para medir la audiencia. Puedes aceptar o rechazar su uso.",
])
def test_consent_notices_in_the_third_person_above_the_headline(line):
    assert_dropped(run(line, HEADLINE, BODY, BODY_END), line, "cookie_notice")
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)  # in the article: a report on such a notice


def test_a_report_on_a_consent_notice_stays():
    line = ("Meta and its partners use cookies to target advertising, and you can change that in the settings, "
            "the regulator noted in its report on Tuesday.")
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)
    assert_kept(run(line, HEADLINE, BODY, BODY_END), line)


def test_the_button_of_a_newsletter_prompt_that_names_the_site():
    r = run(HEADLINE, BODY, BODY_END, "Get the best of Gizmotic in your inbox every weekday morning.",
            "Sign up for Gizmotic Today")
    assert_dropped(r, "Sign up for Gizmotic Today", "newsletter", ref="Get the best of Gizmotic in your inbox every "
                                                                      "weekday morning.")


def test_a_subheading_on_the_topic_under_a_newsletter_prompt_stays():
    r = run("Email scams hit German savers", "Email scams have hit savers at three German banks this week, the police "
            "said, with fake messages that ask customers to confirm their email login details.",
            "Get the best of Gizmotic in your inbox every weekday morning.", "Email scams on the rise",
            "The number of reported email scams rose by a third last year, the police said, and most of them asked "
            "for the email login of a bank account.")
    assert_kept(r, "Email scams on the rise")


def test_a_bio_that_says_the_author_blogs_here():
    bio = "Gelernter Fachinformatiker aus dem Münsterland, bloggt hier seit 2009 über alles mit Akku und Stecker."
    r = run(HEADLINE, BODY, BODY_END, "Über den Autor: Kaspar Lindner", bio)
    assert_dropped(r, bio, "author_bio", ref="Über den Autor: Kaspar Lindner")


def test_a_row_of_share_buttons_with_post_and_submit():
    assert_dropped(run(HEADLINE, BODY, "Share Post Tweet Submit Email", BODY_END), "Share Post Tweet Submit Email",
                   "share_bar")


def test_a_sites_section_menu_above_the_headline():
    r = run("Tests Ratgeber Deals Downloads Praxis Newsletter", HEADLINE, BODY, BODY_END)
    assert_dropped(r, "Tests Ratgeber Deals Downloads Praxis Newsletter", "page_header")


def test_a_long_comment_count_over_the_comments():
    line = "9 replies on “Pocket K8 mini laptop with an 8 inch display and a detachable gamepad hits Indiegogo”"
    r = run(HEADLINE, BODY, BODY_END, line, "Merritt J. says:")
    assert_dropped(r, line, "comment_form")
    assert_dropped(r, "Merritt J. says:", "comment_form")


@pytest.mark.parametrize("names, dates", [
    (("**Henning_W** sagt:", "Moni sagt:"), ("4. Juni 2025 um 14:21 Uhr", "4. Juni 2025 um 15:03 Uhr")),
    (("Lucie D. dit :", "Marc_75 a dit :"), ("12 mai 2025 à 9 h 14", "12 mai 2025 à 10 h 02")),
    (("Javi_84 dice:", "Nerea escribe:"), ("3 de junio de 2025 a las 10:12", "3 de junio de 2025 a las 11:40")),
    (("Sam T. wrote:", "Jo_92 said:"), ("May 3, 2025 at 10:12 am", "May 3, 2025 at 11:40 am")),
])
def test_commenters_names_over_the_dates_of_their_comments(names, dates):
    r = run(HEADLINE, BODY, BODY_END, names[0], dates[0], "Works for me, no problem since the update.",
            names[1], dates[1], "Same here, it is fine on mine.")
    for name in names:
        assert_dropped(r, name, "comment_form")


def test_a_commenters_name_under_the_comment_count():
    r = run(HEADLINE, BODY, BODY_END, "12 Kommentare", "Moni sagt:", "Läuft bei mir seit Jahren nur lokal.")
    assert_dropped(r, "Moni sagt:", "comment_form")


@pytest.mark.parametrize("lines", [("Der Sprecher sagt:", "Ein Sprecher sagt:"), ("Le ministre dit :",),
                                   ("La empresa dice:", "Ella dice:"), ("Plantur sagt:",),
                                   ("Patel said:", "Carver said:"), ("Richterin Brandt sagt:", "Köhler sagt:"),
                                   ("The company says:", "The union says:")])
def test_a_speaker_introduced_before_a_quote_stays(lines):
    quote = "\"We will share the sites until 2030.\""
    r = run(HEADLINE, BODY, *(x for line in lines for x in (line, quote)), BODY_END)
    for line in lines:
        assert_kept(r, line)


def test_a_line_of_tags_set_apart_by_dots_after_the_article():
    body = ("The carmaker's connected services for older models end in June, when the network their modems use "
            "shuts down, and owners of cars built before 2021 lose remote start and the app.")
    r = run(HEADLINE, body, BODY_END, "Halvren · Connected Cars · Car Tech · Modems")
    assert_dropped(r, "Halvren · Connected Cars · Car Tech · Modems", "tag_list")
    line = "Paris · Berlin · Madrid"  # three cities the article is about are no tags before its text ends
    assert_kept(run(HEADLINE, line, BODY, BODY_END), line)


def test_the_note_of_a_comment_form_under_its_header():
    note = "Deine E-Mail bleibt privat. Kommentare werden vor der Freischaltung kurz geprüft."
    r = run(HEADLINE, BODY, BODY_END, "Kommentar hinterlassen", note)
    assert_dropped(r, note, "comment_form", ref="Kommentar hinterlassen")
    # the form's own wording is known without its header
    note = "Deine E-Mail-Adresse wird nicht angezeigt. Kommentare werden vor der Freischaltung kurz geprüft."
    assert_dropped(run(HEADLINE, BODY, BODY_END, note), note, "comment_form")
    # a tutorial's sentence about a privacy feature stays
    line = "Your email address will not be shown to the developer if you use Sign in with Apple."
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


@pytest.mark.parametrize("line", [
    "Suivez les étapes ci-dessous pour installer la mise à jour sur votre iPhone.",
    "Honey, which is an affiliate partner for many retailers, allegedly replaced creators' referral links.",
    "Das Prinzip: Jeden Morgen verschickt die App eine Zusammenfassung per Mail.",
    "By signing up you agree to let Meta use your public posts to train its AI models, under the new terms.",
    "Privacy Policy and Terms of Service Changes for Store Partners",
    "Please keep the discussion civil, the subreddit's moderators wrote in a pinned post on Monday.",
    # a banner's sentence quoted in a report on it
    "Der Hinweis „Wir und unsere Partner verwenden Cookies für Werbung“ braucht laut Urteil einen Knopf zum Ablehnen.",
    # an affiliate note that says this article has no such links
    "Aclaración: algunos artículos de Nordwire incluyen enlaces de afiliado. Este no contiene ninguno.",
    "Note: some Nordwire stories include affiliate links that earn us a commission. This one doesn't have any.",
    "Hinweis: Manche Nordwire-Artikel enthalten Affiliate-Links, für die wir eine Provision erhalten. Dieser enthält keine.",
    # a prompt's opening words in a report, or in a sentence that tells
    "“We and our partners remain committed to the Nordic sites,” a company spokesperson said on Wednesday.",
    "Nous et nos partenaires continuerons d'investir dans la fibre, a indiqué un porte-parole.",
    "Artikel vorlesen lassen können Abonnenten künftig auch in der App, kündigte der Verlag an.",
    "“Send us news of any further delays,” the minister told the operators, according to the minutes.",
    "Zum Forum: Die Telekom hat ihr Hilfe-Forum am Dienstag wegen des Andrangs vorübergehend geschlossen.",
    "To receive periodic updates and news from the operator, customers now have to opt in on a separate page.",
])
def test_article_lines_in_the_words_of_newer_chrome_rules_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


@pytest.mark.parametrize("line", [
    # a help text about the login, not the comment form's small print
    "Ihre E-Mail-Adresse wird nicht angezeigt, wenn Sie beim Login die Funktion „Adresse verbergen“ nutzen.",
    "Next year the company plans a second plant.",  # a label's words, but no headline glued to them
    "Previous articles on this topic are listed in the archive.",
    "Share: the company's share of the market fell.",
    "Next story The company said it will open two plants",  # not a link: a sentence after all
    # a label's words opening a sentence or a subheading
    "Reply to comments within 24 hours is now required of large platforms.",
    "Reply to the regulator",
    "Auf Kritik antworten",
    "Next article on the agenda for the standards body is the Wi-Fi 8 draft.",
    "In this article: we test the Halvren buds against the AirPods Pro, Galaxy Buds and Pixel Buds.",
    "In diesem Artikel: Wir vergleichen das K5 mit dem MacBook Air, dem XPS 13 und dem ThinkPad X1.",
    # a disclosure quoted in a report on it
    "The FTC said sites that write \"We use income-earning auto affiliate links\" must also name the retailers.",
    "Das Urteil: Der Satz „Alle mit Sternchen markierten Links sind Affiliate-Links“ reicht nicht aus.",
    "La AEPD considera ilegal el aviso que dice que usamos cookies propias y de terceros y que puedes aceptarlas.",
])
def test_lines_that_open_like_a_form_or_a_link_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


@pytest.mark.parametrize("line", [
    "We and our 842 partners use cookies to personalise ads and content on this site. Click \"Accept all\" to agree "
    "or manage your preferences.",
    "Wir und unsere 142 Partner verwenden Cookies, um Ihnen personalisierte Werbung anzuzeigen. Mit Klick auf "
    "„Zustimmen“ willigen Sie ein.",
    "Nous et nos 211 partenaires utilisons des cookies pour personnaliser les publicités. Cliquez sur « Accepter » "
    "ou paramétrez vos choix.",
])
def test_consent_notices_that_count_their_partners_and_name_their_buttons(line):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "cookie_notice")


@pytest.mark.parametrize("line", [
    "We and our 96 partners store and access information on your device, such as cookies, to show you personalised "
    "ads. Click \"I accept\" to consent or \"Options\" to choose.",
    "Wir und unsere bis zu 211 Partner speichern und verarbeiten Daten auf deinem Gerät, um Werbung zu "
    "personalisieren. Du kannst deine Auswahl jederzeit unter „Datenschutz-Einstellungen“ ändern.",
    "Wir finanzieren uns über Werbung. Damit wir und unsere Partner Cookies für personalisierte Werbung nutzen "
    "dürfen, brauchen wir Ihre Einwilligung.",
    "Nordwire ohne Werbung und ohne Tracking lesen: Mit Nordwire pur für 3,99 Euro im Monat. Alternativ stimmen Sie "
    "der Verarbeitung Ihrer Daten zu.",
])
def test_consent_notices_in_more_wordings(line):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "cookie_notice")


def test_a_return_sent_by_email_for_free_is_no_newsletter():
    line = ("Die Rücksendung ist kostenlos. Auf der Rückrufseite gebt ihr die Chargennummer ein und erhaltet ein "
            "Versandetikett per E-Mail.")
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_site_consent_notice_that_counts_its_partners_above_the_headline():
    line = ("Nordwire et ses 211 partenaires utilisent des cookies pour mesurer l'audience. Vous pouvez modifier vos "
            "choix à tout moment.")
    assert_dropped(run(line, HEADLINE, BODY, BODY_END), line, "cookie_notice")


@pytest.mark.parametrize("line, reason", [
    ("Advertisement - scroll on for more content", "ad_label"),
    ("Advertisement (story continues below)", "ad_label"),
    ("Publicidad · continúa la lectura más abajo", "ad_label"),
    ("FTC: Nordwire uses income earning auto affiliate links. More.", "ad_label"),
    ("31 people liked this comment", "comment_form"),
    ("14 comentarios · Ver todos", "comment_form"),
    ("Voir les 12 réactions", "comment_form"),
    ("Inicia sesión en Nordwire para comentar", "comment_form"),
    ("Spotted an error? Report a problem with this article", "comment_form"),
    ("Une erreur dans cet article ? Signalez-la-nous", "comment_form"),
    ("Zum Forum: Nordwire-Wallboxen laden nur noch gegen Gebühr", "comment_form"),
    ("Post a Comment · Read our Community Rules", "comment_form"),
    ("Got Tips? Send them to Nordwire – securely and anonymously if you prefer.", "footer"),
    ("Corrections? Tell us and we will fix it", "footer"),
    ("Narrower topics: Payroll Software Making Tax Digital", "tag_list"),
    ("Tags: Wintergate 12 Selwyn Store Start menu Insider Preview Dev Channel", "tag_list"),
    ("Al suscribirte aceptas la política de privacidad de Nordwire.", "newsletter"),
    ("To receive periodic updates and news from Nordwire, please use the form below.", "newsletter"),
    ("Email address ____________________ Submit", "newsletter"),
    ("Artikel vorlesen lassen • 4 Min", "share_bar"),
    ("Vorlesen Merken Artikel verschenken Druckansicht Kommentare lesen (187 Beiträge)", "share_bar"),
    ("Please share our article, every link helps!", "share_bar"),
    # links to the site's tag pages, above the article's last paragraph and on no word of the
    # article: the URLs say so
    ("[Broadband](https://example.com/tag/broadband) [Satellite Internet](https://example.com/tag/satellite-internet)",
     "tag_list"),
    ("Topics[e-bikes](https://example.com/tag/e-bikes/)[subscriptions](https://example.com/tag/subscriptions/)",
     "tag_list"),
    ("Themen: [E-Commerce](https://example.de/thema/e-commerce/)", "tag_list"),
    ("[Ferries](https://example.com/topics/ferries/), [Ports](https://example.com/topics/ports/)", "tag_list"),
])
def test_more_chrome_in_the_words_sites_use(line, reason):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, reason)


def test_a_line_opening_with_two_categories_phrases_is_tried_against_each():
    # "join the …" opens a newsletter prompt too, whose test this line fails
    line = 'Join the conversation in our forums: "Are shared test sites a good idea?" (48 replies)'
    assert_dropped(run(HEADLINE, BODY, BODY_END, line), line, "comment_form")


def test_a_text_browsers_link_index_at_the_end_of_the_dump():
    urls = [f"{n}. https://www.example.com/news/{n}/" for n in range(1, 5)]
    r = run(HEADLINE, BODY, BODY_END, "References", *urls)
    for line in ["References", *urls]:
        assert_dropped(r, line, "footer")
    # bare links listed in the course of the article, or under a label of the article's own
    # words, are left to it
    r = run(HEADLINE, BODY, "References", *urls, BODY_END)
    for line in ["References", *urls]:
        assert_kept(r, line)
    r = run(HEADLINE, BODY, BODY_END, "The fake addresses known so far:", *urls)
    for line in urls:
        assert_kept(r, line)


def test_a_blogs_post_navigation_copied_as_two_lines():
    back, on = "« Halvren raises the price of its family plan", "Mesh routers finally get Wi-Fi 7 in Europe »"
    r = run(HEADLINE, BODY, BODY_END, back, on)
    assert_dropped(r, back, "prev_next")
    assert_dropped(r, on, "prev_next")
    # French quotation marks around a quotation, a line each, are no such links
    quotes = ["« Nous fermerons proprement, sans brusquer nos clients »",
              "« Ensuite, nous verrons », a ajouté la directrice »"]
    assert_all_kept(run(HEADLINE, BODY, *quotes, BODY_END))
    # nor is a quotation wrapped over two lines: it goes on in lower case
    wrapped = ["« Nous ne vendrons jamais vos données", "nous l'avons promis et nous tiendrons parole »"]
    assert_all_kept(run(HEADLINE, BODY, *wrapped, BODY_END))


def test_a_sentence_about_the_sites_own_newsletter_stays():
    line = "Unser Newsletter hat in den vergangenen Wochen mehrfach über Preisfehler bei Discountern berichtet."
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_the_site_describing_itself_under_the_article():
    line = "You're reading Gizmotic \u2014 experts who break news about phones and their makers, day after day."
    r = clean("\n".join([HEADLINE, BODY, BODY_END, line]), input_type="text", url="https://gizmotic.com/a/1",
              filters=[PageChrome()])
    assert_dropped(r, line, "footer")
    for other in ("You're reading Techwire \u2014 news about chips, every day.",
                  "You're reading a preview of the report, which Gizmotic obtained from a supplier."):
        r = clean("\n".join([HEADLINE, BODY, BODY_END, other]), input_type="text", url="https://gizmotic.com/a/1",
                  filters=[PageChrome()])
        assert_kept(r, other)


# -- readers' comments ---------------------------------------------------------------------------

_COMMENTS = [
    ("**quietfox** · 2 hours ago at 10:12 am", "Nineteen euros to share a test site. The accountants have found the last free thing."),
    ("Lutz K. 14. Mai 2025 @ 10:41", "Das erklärt einiges. Bei uns im Netz war es genauso, nur teurer."),
    ("[ArcticFan](https://www.example.com/community/members/arcticfan.30517/)",
     "Random site sharing is the only fair part of this."),
]


def test_readers_comments_under_a_comment_header_after_the_article():
    lines = [HEADLINE, BODY, BODY_END, "## Highest Rated Comments"]
    for meta, comment in _COMMENTS:
        lines += [meta, comment]
    lines += ["Reply", "© 2025 Nordic Wire. All rights reserved."]
    r = run(*lines)
    assert_dropped(r, "## Highest Rated Comments", "comment_form")
    for meta, comment in _COMMENTS:
        assert_dropped(r, meta, "reader_comment")
        assert_dropped(r, comment, "reader_comment", ref=meta)
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


def test_a_forums_counts_under_the_writers_name_go_with_the_comment():
    meta = "[Kellum77](https://www.example.com/community/members/kellum77.88412/)"
    r = run(HEADLINE, BODY, BODY_END, "## User Comments: 24", meta, "Posts: 612 +804", "Not fair at all.")
    assert [(b.reason, b.ref) for b in r.blocks[-2:]] == [("reader_comment", 4), ("reader_comment", 4)]


def test_a_comment_needs_the_line_naming_its_writer():
    # no writer's line under the header: the paragraphs are the article's (or unknown), and stay
    r = run(HEADLINE, BODY, "Comments (12)", BODY_END, "Das erklärt einiges, nur teurer.")
    assert_kept(r, BODY_END)
    assert_kept(r, "Das erklärt einiges, nur teurer.")


def test_a_comment_button_over_the_article_opens_no_thread():
    # under the byline: a count, a dated line, then the article, which no long paragraph precedes
    r = run(HEADLINE, "Comments (31)", "Callum Dunmore May 21, 2025 • 10:02 AM ET", BODY, BODY_END)
    assert_kept(r, BODY)
    assert_kept(r, BODY_END)
