"""Ecommerce: shop residue is removed whole, with its reason; article text about prices, carts
and checkouts is kept."""

from __future__ import annotations

import pytest

from cleanerlib import Block, Document, Hints, Kind, Metadata, Span, clean
from cleanerlib.filters import Ecommerce

from _filtering import FilterProbe, assert_all_kept, assert_kept, block  # noqa: F401

_probe = FilterProbe(Ecommerce)
run, assert_dropped = _probe.run, _probe.assert_dropped

HEADLINE = "Micron bets on Idaho for its next memory fab"
BODY = ("Micron Technology will add a second cleanroom to its Boise fab, the company said on Thursday, "
        "bringing the total investment at the site to more than twenty billion dollars over the next decade.")
BODY_END = ("Construction is expected to start in the spring, with the first wafers coming out of the new "
            "cleanroom in 2029 if the equipment arrives on time.")


# -- what must go --------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "No products in the cart.",
    "Your basket is currently empty.",
    "Ihr Warenkorb ist leer.",
    "Votre panier est vide",
    "Tu carrito está vacío",
])
def test_empty_cart_messages(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "cart_empty")
    assert_kept(r, BODY)
    assert_kept(r, BODY_END)


@pytest.mark.parametrize("line", [
    "$0.00 0 items",
    "Cart (0)",
    "Warenkorb: 0,00 €",
    "Panier (0)",
    "Carrito (0)",
    "0 artículos",
    "3 items - $57.40",
])
def test_cart_totals(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "cart_total")
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


@pytest.mark.parametrize("line", [
    "Add to cart",
    "Select options",
    "View basket",
    "Return to shop",
    "In den Warenkorb",
    "Ajouter au panier",
    "Añadir al carrito",
    "Zum Angebot",  # the buttons of price-comparison boxes
    "Ver oferta en Amazon",
    "Alle Deals bei Amazon ansehen",
    "Ver precio en PcComponentes",
    "See it at Best Buy",
    "Zum Angebot bei Amazon*",
    "Profiter de l'offre Veilnet",
])
def test_shop_buttons(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "shop_button")


@pytest.mark.parametrize("line", ["View cart", "Voir le panier", "Ver carrito"])
def test_view_cart_is_a_button_not_an_empty_cart_message(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, "shop_button")


@pytest.mark.parametrize("line,reason", [
    ("$39.99", "price_only"),
    ("From $1,099", "price_only"),
    ("Now: £24.50", "price_only"),
    ("89,99 €", "price_only"),
    ("Ab 1.199 €", "price_only"),
    ("Free shipping on orders over $75", "shipping_offer"),
    ("Spend $20 more for free shipping", "shipping_offer"),
    ("Kostenloser Versand ab 50 €", "shipping_offer"),
    ("Livraison gratuite dès 49 €", "shipping_offer"),
    ("Envío gratis a partir de 30 €", "shipping_offer"),
    ("£24.00 £15.00", "price_only"),  # the crossed-out price and the sale price
    ("49,90 € 34,90 €", "price_only"),
    ("Free next-day delivery on orders over £40", "shipping_offer"),
    ("Envío gratis en pedidos superiores a 39 €", "shipping_offer"),
    # the labels of price-comparison boxes, two of them before the price
    ("Bestpreis: ab 79,99 €", "price_only"),
    ("UVP 449,00 € 419,00 €", "price_only"),
    ("$29.99 $49.99 (40% off)", "price_only"),
    ("Aktueller Preis: 129,99 Euro (UVP: 179,99 Euro)", "price_only"),
    ("Heft in den Warenkorb legen", "shop_button"),
    ("14,90 € – versandkostenfrei innerhalb Deutschlands", "price_only"),
    ("Ir a la oferta en Amazon", "shop_button"),
    ("Direkt zum Angebot bei Amazon*", "shop_button"),
    ("Handyhalterung fürs Auto mit Ladefunktion – 24,99 € statt 34,99 € bei Amazon", "price_only"),
    ("Shop now at Amazon", "shop_button"),
    ("Precio en Amazon: 89,99 euros", "price_only"),
    ("Comprar en Amazon por 89,99 euros", "shop_button"),
    ("Deals cart subtotal: $0.00 (0 items)", "cart_total"),
    ("Jetzt ansehen bei Amazon", "shop_button"),
    ("Preis zuletzt aktualisiert: 13.05.2025, 11:00 Uhr. Preisänderungen möglich.", "shop_widget"),
    ("We check prices at more than 1,200 retailers every day to find you the lowest one", "shop_widget"),
    ("inkl. MwSt., zzgl. Versand", "price_only"),
    ("PVP: 399,99 €", "price_only"),
    ("Meilleur prix : 129 €", "price_only"),
    # a price and the store it links to
    ("$279.99 at Amazon", "price_only"),
    ("349,00€ en Amazon", "price_only"),
    ("79,99 € bei MediaMarkt", "price_only"),
    ("$89/year at Tidepool", "price_only"),  # a subscription's price and where it is sold
    # a price-comparison row: the store, then its price
    ("Amazon 64,99 €", "price_only"),
    ("Best Buy: $249.99", "price_only"),
    ("Saturn ab 119,00 €", "price_only"),
    # a deal row: a product, its price and the price it was
    ("Sorano A85 OLED, 55 Zoll – 999,00 € statt 1.299,00 €", "price_only"),
    ("399,00 € statt 549,00 € (UVP)", "price_only"),
    ("2,29 €/mois au lieu de 10,99 €", "price_only"),
    # a shop theme's text for screen readers
    ("£12.00 Original price was: £12.00.£9.50Current price is: £9.50.", "price_only"),
    ("$549 $599 Save $50", "price_only"),
    ("Bon plan : le clavier K3 à 89 € au lieu de 119 €", "shop_widget"),
    ("Preisvergleich: 4 Angebote ab 44,90 €", "shop_widget"),
    # buttons with a price or a shop in them, in four languages
    ("Ver oferta por 27,90 € en Amazon", "shop_button"), ("Ver en Amazon por 899,00 €", "shop_button"),
    ("Jetzt für 389,00 Euro bei Voltmarkt kaufen", "shop_button"), ("Bei Amazon ansehen*", "shop_button"),
    ("Buy for $29 at Best Buy", "shop_button"), ("Acheter pour 49 € chez Fnac", "shop_button"),
    ("Get the deal", "shop_button"), ("Zum Technik-Preisvergleich", "shop_button"),
    ("Shop This Deal", "shop_button"), ("Im App Store laden", "shop_button"),
    # coupon-code offers
    ("Exclusive: 15% off any mesh router at Netlane with code ROUTE15", "coupon"),
    ("Code promo WIFI12 : 12 € de remise dès 80 € d'achat", "coupon"),
    ("**Cupón para lectores:** 8 % de descuento en la tienda con el código LECTOR8", "coupon"),
    ("Mit dem Gutscheincode TECH20 sparen Sie 20 % auf Zubehör", "coupon"),
    ("Con el cupón CACHARRO5 tienes un 5 % de descuento extra en fuentes de alimentación de PcCompra", "coupon"),
    ("Cupón MUYORD5: 5 % de descuento adicional en portátiles gaming hasta el 4 de mayo.", "coupon"),
    ("Add to Cart - Ships in 2-3 Days", "shop_button"), ("Rs. 17,999 Buy Now", "shop_button"),
    ("Desde 1.299 € en Componex \u00b7 Envío gratis", "price_only"),
    ("Show more Radeon RX 9070 XT deals", "shop_widget"),
    ("We check over 250 million products every day for the best prices", "shop_widget"),
    ("**Top deals from Gizmotoys:** Galaxy Buds drop to $89 at Amazon", "shop_widget"),
    ("[Comprar en Componex](https://example.es/go/componex)", "shop_button"),
    ("Compare all iPad Air prices", "shop_widget"),
    ("Comparer les 5 offres du moment", "shop_widget"),
    ("Zum Deal bei Amazon", "shop_button"),
    ("There are no items in your Gizmotic Deals cart yet.", "cart_empty"),
    ("In Ihrem Warenkorb befinden sich derzeit keine Produkte.", "cart_empty"),
    ("Voir l'offre Amazon à 174,99 €", "shop_button"),
    ("Comprar por 119,99 euros en Amazon", "shop_button"),
    ("Antes 149,99 euros · Ahorras 30 euros", "price_only"),
    # a row of a tariff or deal box that ends in its button, or prices at two shops
    ("Telara Allnet 10 GB · 5G · monatlich kündbar · 7,99 € mtl. · Zum Tarif*", "shop_widget"),
    ("Ostrix Arclight 8070 12GB | $549 $469 | View Deal", "shop_widget"),
    ("Meilleur prix : 649 € chez Ionéa · 679 € chez Domovolt", "shop_widget"),
    # a cart, empty, in a shop's own words
    ("Noch nichts im Warenkorb.", "cart_empty"), ("Nothing in your basket yet.", "cart_empty"),
    ("Votre panier est encore vide.", "cart_empty"), ("No hay productos en tu carrito.", "cart_empty"),
    ("Summe: 0,00 € (inkl. 19 % MwSt.)", "cart_total"),
    ("Save 28% (was $89.99)", "price_only"), ("Ajouter au panier – 189 €", "shop_button"),
    ("Cupón exclusivo para lectores de Genbit", "shop_widget"), ("Le bon plan fibre du moment", "shop_widget"),
    ("## Air fryer deals worth a look right now", "shop_widget"),
    # a code in capitals without digits, or with a hyphen
    ("Cupón de 50 euros extra con el código TECHNOCASA", "coupon"),
    ("Gutscheincode MHZ-LUMEO50: 50 € Rabatt im Lumeo-Shop", "coupon"),
    # a review's price, a saving, a list price, a shop's price box
    ("Price When Reviewed: $229.99", "price_only"), ("Save $70.00", "price_only"),
    ("1.849,00 € · UVP 1.999,00 €", "price_only"),
    ("El precio podría variar. Hoy en Amazon: 829 € (antes 959 €)", "price_only"),
    ("Deal bei Amazon sichern", "shop_button"),
    ("Prices compared across more than 24,000 shops worldwide", "shop_widget"),
    ("Your Gizmotic Deals basket is empty. Browse this week's offers.", "cart_empty"),
    ("Jetzt zum Deal bei MediaMarkt*", "shop_button"),
    ("Zum Preisvergleich: alle Halvren-Router", "shop_button"),
    ("Halvren Mesh 7 Pro ab 219,00 € – 14 Angebote", "shop_widget"),
    ("Fnac 329,99 € Voir l'offre", "shop_widget"),
    ("Voir les 4 offres du comparateur", "shop_widget"),
    ("Halvren Mesh 7 Pro au meilleur prix", "shop_widget"),
    ("39,99 € (antes 59,99 €) · Envío gratis", "price_only"),
    ("Ver la oferta en PcComponentes por 39,99 €", "shop_button"),
    ("$129.99 $99.99 at Amazon", "price_only"),
    ("USD 449", "price_only"),
    ("Halvren Mesh 7 - Price from €449.00", "price_only"),
    ("Rs. 14,999 Rs. 17,999 Buy Now on Amazon", "shop_button"),
    ("Buy now at Amazon", "shop_button"),
    ("[Buy from Halvren Store](https://example.com/redirect?id=1)", "shop_button"),
    ("See the deal", "shop_button"),
    ("Voir le bon plan", "shop_button"),
    ("Best Prices Today: Halvren Mesh 7 Pro", "shop_widget"),
    ("Walmart $184.00 See it", "price_only"),
    ("Add to cart – $29.97", "shop_button"),
    ("See more offers", "shop_button"),
    ("549,00 € 429,00 € bei Voltmarkt", "price_only"),
    ("89,99 EUR 69,99 EUR", "price_only"),
    ("59,99 Euro statt 89,99 Euro", "price_only"),
    ("Preis bei Amazon prüfen", "shop_button"),
    ("Deal-Tipp: Halvren Mesh 7 Pro im Dreierpack", "shop_widget"),
    ("Preise zuletzt aktualisiert am 2.06.2025 um 8:41 Uhr · Affiliate-Links", "shop_widget"),
    ("Precio original: 39,99 euros", "price_only"),
    ("Hoy en Amazon por 29,99 euros", "price_only"),
    ("Cupón de 5 euros aplicable en la página del producto", "shop_widget"),
    ("Precio visto el 21 de mayo de 2025", "shop_widget"),
    ("24,90 € inkl. MwSt., versandkostenfrei", "price_only"),
    ("Halvren Ring 2: was $299 now $249 at Amazon", "price_only"),
    ("UVP 1.299 € – aktuell 1.049 €", "price_only"),
    ("Preisvergleich: ab 899,00 € bei Technikhafen*", "price_only"),
    ("[Jetzt beim Händler ansehen*](https://example.de/go/x)", "shop_button"),
    ("14,99 €/mois pendant un an, puis 24,99 €/mois", "price_only"),
    ("[Ver la oferta en Amazon](https://www.amazon.es/dp/B0X?tag=x-21)", "shop_button"),
])
def test_shop_lines_on_their_own_line(line, reason):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_dropped(r, line, reason)


def test_sale_badge_next_to_prices_and_product_name_between_widgets():
    r = run(HEADLINE, BODY, "Sale!", "USB-C Travel Dock 7-in-1", "$59.99", "$44.99", "Select options", BODY_END)
    assert_dropped(r, "Sale!", "sale_badge")
    assert_dropped(r, "$59.99", "price_only")
    assert_dropped(r, "$44.99", "price_only")
    assert_dropped(r, "Select options", "shop_button")
    # the product name is not residue by itself; it is recognised by the widgets around it
    # and points at the widget line after it
    assert_dropped(r, "USB-C Travel Dock 7-in-1", "shop_widget", ref="$59.99")
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])
    assert r.counts() == {"ecommerce": {"price_only": 2, "sale_badge": 1, "shop_button": 1, "shop_widget": 1}}


def test_product_card_right_after_the_article_name_price_button():
    r = run(HEADLINE, BODY, "Portable SSD 2TB", "£119.00", "Add to basket", BODY_END)
    assert_dropped(r, "Portable SSD 2TB", "shop_widget", ref="£119.00")
    assert r.text == "\n".join([HEADLINE, BODY, BODY_END])


def test_short_line_before_a_price_without_a_shop_button_stays():
    r = run(HEADLINE, BODY, "Launch price", "$999", BODY_END)
    assert_kept(r, "Launch price")


def test_german_shop_widget_with_product_name():
    body = ("Zeiss will sein Werk in Oberkochen bis 2028 um eine weitere Halle für die Spiegel von "
            "Belichtungsmaschinen erweitern und dafür rund eine Milliarde Euro ausgeben, wie das Unternehmen am "
            "Montag mitteilte.")
    r = run("Zeiss baut Werk für Lithografie-Optiken aus", body, "Angebot!", "Mechanische Tastatur K3",
            "89,99 €", "In den Warenkorb", "Zwischensumme")
    assert_dropped(r, "Angebot!", "sale_badge")
    assert_dropped(r, "Mechanische Tastatur K3", "shop_widget", ref="89,99 €")
    assert_dropped(r, "In den Warenkorb", "shop_button")
    assert_dropped(r, "Zwischensumme", "cart_total")
    assert_kept(r, body)


def test_weak_words_are_residue_next_to_shop_residue():
    r = run(HEADLINE, BODY, "Total", "$0.00", "View basket", BODY_END)
    assert_dropped(r, "Total", "cart_total")
    assert_dropped(r, "$0.00", "price_only")


def test_weak_word_inside_a_shop_container_html_hint():
    """"Subtotal" alone is residue when the markup says it sits in a mini-cart."""
    texts = [HEADLINE, BODY, "Subtotal", BODY_END]
    hints = [None, None, Hints(tag="p", tokens=("woocommerce-mini-cart__total", "widget_shopping_cart")), None]
    doc = Document.build([Block(i, t, Kind.PARAGRAPH, Span(None, None), hints=h)
                          for i, (t, h) in enumerate(zip(texts, hints))],
                         input_type="html", metadata=Metadata(), title_index=0)
    drops = list(Ecommerce().decide(doc))
    assert [(d.index, d.reason) for d in drops] == [(2, "cart_total")]


def test_the_headline_is_never_a_candidate():
    texts = ["Free shipping on orders over $50", BODY, "Free shipping on orders over $50"]
    doc = Document.build([Block(i, t, Kind.PARAGRAPH, Span(None, None)) for i, t in enumerate(texts)],
                         input_type="text", metadata=Metadata(), title_index=0)
    assert [(d.index, d.reason) for d in Ecommerce().decide(doc)] == [(2, "shipping_offer")]


def test_languages_option_restricts_the_phrase_data():
    r = run(HEADLINE, BODY, "Ihr Warenkorb ist leer.", "Your cart is empty", BODY_END, languages=("en",))
    assert_kept(r, "Ihr Warenkorb ist leer.")
    assert_dropped(r, "Your cart is empty", "cart_empty")


# -- traps: article text that talks about prices, carts and checkout -----------------------------

def test_prices_and_money_in_sentences_are_kept():
    lines = [
        "Apple priced the base model at $999.",
        "The Pentagon awarded the company a $10 billion contract for cloud servers.",
        "Prices start at €1,099 in Germany.",
        "Der Preis liegt bei 1.199 Euro.",
        "Le forfait coûtera 19,99 € par mois.",
        "El modelo básico costará 899 euros.",
        "The total came to $4.2 billion.",
        "The sale of the modem division closed in March.",
    ]
    r = run(HEADLINE, BODY, *lines, BODY_END)
    assert not r.dropped, [b.text for b in r.dropped]


def test_article_about_checkout_design_and_abandoned_carts_is_kept():
    lines = [
        "Why online shops still lose most of their customers at the last step",
        "Shoppers abandon about seven in ten carts before paying, according to a new industry survey, and most "
        "of them give up on the final page rather than while browsing products.",
        "A long form is the most common complaint: shops asking for more than a dozen fields at checkout lose "
        "twice as many buyers as those that ask for six or fewer.",
        "Buy now, pay later",
        "Instalment plans shown on the product page raised completed orders by a fifth, but retailers pay "
        "fees of up to six percent on every sale for them.",
        "Your cart is empty, and that is the problem",
        "Total cost of ownership",
        "Taken together, the researchers estimate that better checkout design could recover about a quarter "
        "of the orders that are lost today.",
        "Total",
        "Shops that show shipping costs up front lose fewer buyers at the last step.",
    ]
    r = run(*lines)
    assert not r.dropped, [b.text for b in r.dropped]


def test_section_heading_checkout_in_an_article_is_kept():
    r = run("Why online shops still lose most of their customers at the last step",
            "Shoppers abandon about seven in ten carts before paying, according to a new industry survey, and most "
            "of them give up on the final page rather than while browsing products.",
            "Checkout",
            "A long form is the most common complaint: the survey found that shops asking for more than a dozen "
            "fields lose twice as many buyers as those that ask for six or fewer.")
    assert_kept(r, "Checkout")


def test_section_heading_about_free_delivery_is_kept():
    r = run("Amazon changes its Prime delivery rules in Europe",
            "Amazon will stop offering next-day delivery to Prime members in rural parts of Germany and France, the "
            "company said, blaming a shortage of drivers and higher fuel costs across its European network.",
            "Free delivery: what changes for Prime members",
            "Members will still get free delivery on most orders, but it will take two to four days outside large "
            "cities, and same-day delivery will only be offered in twelve metropolitan areas.")
    assert_kept(r, "Free delivery: what changes for Prime members")


# A spec list in a review ("Display: ...", "Processor: ...", "Price: $1,199") is the review's
# content: the price is a fact the reader came for. It is residue only among shop widgets.
REVIEW_INTRO = ("Google's new flagship keeps the same design as last year's model, but the camera software has been "
                "reworked from the ground up and battery life is noticeably better in daily use.")
SPECS = ["Display: 6.3-inch OLED, 120 Hz", "Processor: Tensor G5", "Storage: 128 GB / 256 GB", "Price: $1,199",
         "Availability: October 2026"]


def test_price_in_a_plain_text_spec_list_is_kept():
    r = run("Pixel 10 Pro review: a quieter camera upgrade", REVIEW_INTRO, "Specifications",
            *[f"- {s}" for s in SPECS], "The phone goes on sale in the US next week.")
    assert not r.dropped, [b.text for b in r.dropped]


def test_price_in_an_html_spec_list_is_kept():
    items = "".join(f"<li>{s}</li>" for s in SPECS)
    html = (f"<html><head><title>Pixel 10 Pro review: a quieter camera upgrade</title></head><body><article>"
            f"<h1>Pixel 10 Pro review: a quieter camera upgrade</h1><p>{REVIEW_INTRO}</p>"
            f"<h2>Specifications</h2><ul>{items}</ul>"
            f"<p>The phone goes on sale in the US next week, and preorders open today.</p></article></body></html>")
    r = clean(html, input_type="html", filters=[Ecommerce()])
    assert_kept(r, "Price: $1,199")


def test_price_line_between_shop_widgets_is_dropped():
    r = run(HEADLINE, BODY, "Add to cart", "Price: $1,199", "View basket", BODY_END)
    assert_dropped(r, "Price: $1,199", "price_only")


@pytest.mark.parametrize("line", ["* $0.00 0 items", "- Cart (0)"])
def test_cart_total_with_a_list_bullet(line):
    r = run(HEADLINE, BODY, line, "* View basket", BODY_END)
    assert_dropped(r, "* View basket", "shop_button")
    assert_dropped(r, line, "cart_total")


def test_long_sentence_is_never_matched_whole():
    line = "Add to cart buttons that move around the page were the most common complaint in the survey of shoppers."
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_kept(r, line)


def test_product_name_above_two_price_lines():
    r = run(HEADLINE, BODY, "Cordless Vacuum V15", "$749.99", "$549.99", BODY_END)
    assert_dropped(r, "Cordless Vacuum V15", "shop_widget", ref="$749.99")


def test_bare_prices_in_a_list_of_products_are_a_card_not_a_spec():
    """A list item holding only prices ("£24.00 £15.00", the crossed-out and the sale price)
    under a product name is a product card; only a labelled price is a specification."""
    r = run(HEADLINE, BODY, "- Consumer Law Handbook 2026 (PDF)", "- £24.00 £15.00", "- Returns Templates Pack",
            "- £9.00", BODY_END)
    assert_dropped(r, "- £24.00 £15.00", "price_only")
    assert_dropped(r, "- £9.00", "price_only")


@pytest.mark.parametrize("line", ["See all prices", "Voir toutes les offres", "Ver chollo", "Ver cupón",
                                  "Alle Preise anzeigen"])
def test_price_widget_buttons(line):
    r = clean("\n".join([HEADLINE, BODY, line, BODY_END]), input_type="text", filters=[Ecommerce()])
    assert [b.kept for b in r.blocks if b.text == line] == [False]


def test_price_widget_label_beside_its_prices_but_not_alone():
    r = clean("\n".join([HEADLINE, BODY, "Best deals today", "$549 at Best Buy", BODY_END]), input_type="text",
              filters=[Ecommerce()])
    assert [b.kept for b in r.blocks[2:4]] == [False, False]
    r = clean("\n".join([HEADLINE, BODY, "Best deals today", BODY_END]), input_type="text", filters=[Ecommerce()])
    assert all(b.kept for b in r.blocks)


@pytest.mark.parametrize("line", ["Code kopieren", "Copiar código", "Comparer les prix"])
def test_steps_and_headings_that_read_like_widget_buttons_stay(line):
    # a two-factor set-up step, a section heading: too common in articles to be shop buttons
    r = clean("\n".join([HEADLINE, BODY, line, BODY_END]), input_type="text", filters=[Ecommerce()])
    assert all(b.kept for b in r.blocks)


@pytest.mark.parametrize("line", [
    "Use the code SPRING25 at checkout for 25% off the earbuds.",  # a deal article's own sentence
    "The QR code app2 now costs $5",  # a code without capitals is no coupon
    "Error code 0x80070005 appears at 5%",
    "Promo code season is here, and retailers expect 30% more orders",
    "Fake coupon code FREE100 lures shoppers with $100 gift cards",  # a headline about a scam
    "Betrug mit Gutscheincode SPAR20: Verbraucherzentrale warnt vor falschen 50 % Rabatt",
    # a buying guide's headings read like buttons; buttons are no headings
    "## Acheter sur Vinted", "## Comprar en Mercadona", "## Ver en Netflix",
    "See it.",  # a review's verdict
    # a sentence with a code that is no label ("PS5" is no code either)
    "Enter code SAVE20 at checkout to get 20% off your first order.",
    "Sony's PS5 Slim drops to $399 this week, and promo code GAME10 takes another 10% off.",
    # an article's own comparison: a table's row, a sentence set apart by a dot
    "| Ionéa Home 7 kW | 649 € chez Ionéa | 679 € chez Domovolt |",
    "The plan costs €7.99 at Telara · the rival charges €8.99 at Wellnetz, the report said.",
    "Basic plan: 5 GB · 5G · 7,99 € per month",
    "Use the code below to save 10% on your first order",
    "The cart is empty when the checkout page fails to load, users said.",
    "Shoppers found no items in the cart after the update wiped their sessions.",
    "Code SOMMER20 bringt 20 Prozent Rabatt.",
    "Zum Preisvergleich der Tarife haben wir drei Anbieter befragt",  # no label: no colon
    "Où acheter le Halvren Mesh 7 au meilleur prix ?",  # a question heading
    # a price list of the article's own: a model, its price and the price it was
    "Terra 2 600: $749 (was $899)", "Halvren Buds 2: $99 (Reg. $149)",
])
def test_sentences_about_codes_and_discounts_stay(line):
    r = run(HEADLINE, BODY, line, BODY_END)
    assert_all_kept(r)


def test_a_model_name_over_its_price_button_but_not_a_heading():
    r = run(HEADLINE, BODY, "Kitchen scale Pesol K2", "Buy for $29 at Best Buy", BODY_END)
    assert_dropped(r, "Kitchen scale Pesol K2", "shop_widget", ref="Buy for $29 at Best Buy")
    r = run(HEADLINE, BODY, "Where to buy it", "Buy for $29 at Best Buy", BODY_END)
    assert_kept(r, "Where to buy it")


@pytest.mark.parametrize("line", [
    "Stand: 11. Juni 2025 um 09:12 Uhr · Preis kann sich inzwischen geändert haben · Affiliate-Link",
    "Stand: 24.04.2025 um 17:32 Uhr / Partnerlinks / Produktbilder über die Amazon Product Advertising API",
    "Preis inkl. MwSt., zzgl. Versand. Letzte Aktualisierung am 29.04.2025 um 08:40 Uhr.",
    "Last updated on 2025-06-11 / Affiliate links / Images from Amazon Product Advertising API",
])
def test_the_small_print_of_a_price_widget(line):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "shop_widget")


def test_a_sentence_that_opens_with_stand_and_names_a_price_stays():
    line = "Stand: 2025 hat die Regierung den Preis für Strom gesenkt, sagte der Minister."
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_long_product_title_over_its_prices_and_button():
    title = "Rovana S8 Max Saugroboter mit Wischfunktion, 8.000 Pa Saugkraft, Lidar-Navigation, Absaugstation"
    r = run(HEADLINE, BODY, title, "UVP: 699,00 € – Jetzt 549,00 €", "Bei Amazon ansehen", BODY_END)
    assert_dropped(r, "UVP: 699,00 € – Jetzt 549,00 €", "price_only")
    assert_dropped(r, title, "shop_widget", ref="UVP: 699,00 € – Jetzt 549,00 €")


def test_an_apps_info_box_over_its_store_button():
    lines = ["Glyphboard", "Developer: Nordwisp Labs", "Price model: Free, Pro from $1.99/month", "Get it on Play Store"]
    r = run(HEADLINE, BODY, *lines, BODY_END)
    assert_dropped(r, "Get it on Play Store", "shop_button")
    for line in lines[:3]:
        assert_dropped(r, line, "shop_widget", ref="Get it on Play Store")


def test_a_single_label_over_a_store_button_is_no_info_box():
    r = run(HEADLINE, BODY, "The new widget", "Price: free for everyone", "Get it on Play Store", BODY_END)
    assert_kept(r, "The new widget")
    assert_kept(r, "Price: free for everyone")


@pytest.mark.parametrize("name,line", [
    ("**Veyra 9 Pro Smartphone, 256 GB, Obsidian**",
     "~~599,00 €~~ **429,00 €** [Bei Amazon kaufen*](https://www.amazon.de/dp/B0D)"),
    ("**Lisora Nova Color 7″ 32 Go**", "~~229,99 €~~ 189,99 € chez Fnak"),
])
def test_a_struck_out_price_and_the_product_over_it(name, line):
    r = run(HEADLINE, BODY, name, line, BODY_END)
    assert_dropped(r, line, "shop_widget")
    assert_dropped(r, name, "shop_widget", ref=line)


def test_a_deal_sentence_with_a_struck_out_price_stays():
    line = "The laptop is down to ~~$949.99~~ $729.99 at Best Buy this week."
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_the_deals_of_a_deal_box_down_to_its_button():
    deals = ["ArborBuds Pro 3 drop to $189 at Amazon (Reg. $249)", "ArborWatch SE 3 now $199, a $50 discount"]
    r = run(HEADLINE, BODY, "Today's best Arbor deals from 8to5Toys", *deals, "See all Arbor deals", BODY_END)
    assert_dropped(r, "See all Arbor deals", "shop_button")
    for line in deals:
        assert_dropped(r, line, "shop_widget", ref="Today's best Arbor deals from 8to5Toys")


@pytest.mark.parametrize("header", ["Slashline Deals", "Slashline Deals · Limited-time price",
                                    "Slashline Deals: e-readers on sale right now"])
def test_a_deal_box_named_after_the_pages_own_site(header):
    deals = ["PixelHarbor Photo Cloud: 2TB Lifetime Plan — $79.99 (reg. $299)",
             "The 2025 Complete Rust Programming Bundle: $24.99 (97% off)"]
    lines = [HEADLINE, BODY, header, *deals, BODY_END]
    r = clean("\n".join(lines), input_type="text", filters=[Ecommerce()], url="https://slashline.org/story/1")
    assert_dropped(r, header, "shop_widget")
    for line in deals:
        assert_dropped(r, line, "shop_widget", ref=header)
    # on another site the same words name someone else's deals, which the article may report on
    r = clean("\n".join(lines), input_type="text", filters=[Ecommerce()], url="https://example.com/story/1")
    assert_kept(r, header)


@pytest.mark.parametrize("line", [
    "Bon plan : la batterie externe Voltéa 20 000 mAh passe à 24,99 € au lieu de 39,99 €",
    "**Deals:** [QBuds Pro 3 Drop to $169 on Amazon, Just $10 Above Their Lowest Price Ever](https://example.com/d)",
    "Angebot: Speicherfuchs NVMe-SSD 2 TB für 99,90 € statt 139 €",
    "Chollo: auriculares Ondara Buds por 39,99 € en lugar de 59,99 €",
])
def test_a_labelled_deal_with_its_old_price(line):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, "shop_widget")


@pytest.mark.parametrize("line", [
    "Angebot: Micron will 2 Milliarden $ investieren, der Staat gibt 500 Millionen $ dazu.",
    "Deal: the chipmaker agreed to pay $1.2 billion for the plant, up from the $900 million it first offered.",
])
def test_a_labelled_sentence_about_a_deal_stays(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_model_over_its_price_at_a_shop():
    r = run(HEADLINE, BODY, "Orla Speak 40 conference speakerphone", "$129 at Amazon (was $169)", BODY_END)
    assert_dropped(r, "$129 at Amazon (was $169)", "price_only")
    assert_dropped(r, "Orla Speak 40 conference speakerphone", "shop_widget", ref="$129 at Amazon (was $169)")


@pytest.mark.parametrize("line", [
    "Updated 3/14: Amazon has since confirmed that the outage affected prices shown in its app.",
    "Stand: 12. März 2025 – Amazon hat die Preise für Prime in Deutschland angehoben.",
    "Developers have until April 30, 2025 to migrate to the new Amazon Product Advertising API.",
    "Preis: 399 € – 499 €",
    "Download it from the App Store",
])
def test_update_notes_price_ranges_and_how_to_steps_stay(line):
    assert_kept(run(HEADLINE, BODY, line, BODY_END), line)


def test_a_reviews_availability_section_over_a_store_button_stays():
    lines = ["Availability", "Price: Free with in-app purchases", "Platforms: iOS and Android"]
    r = run(HEADLINE, BODY, *lines, "Get it on Google Play", BODY_END)
    for line in lines:
        assert_kept(r, line)


def test_a_price_comparison_under_its_header():
    rows = ["Druckhaus24 ab 549,00 €", "Technikwelt Direkt ab 564,90 €"]
    r = run(HEADLINE, BODY, "Preisvergleich: Schichtwerk S2 Pro", *rows, "Alle 7 Angebote im Gusswerk-Preisvergleich",
            BODY_END)
    assert [b.reason for b in r.blocks[2:6]] == ["shop_widget"] * 4
    assert [b.ref for b in r.blocks[3:5]] == [2, 2]


@pytest.mark.parametrize("lines", [
    ["Where to buy", "* Google Store: $499", "* Best Buy: $499 (free shipping)", "* Amazon: $479"],
    ["Preisvergleich", "Telekom: 39,95 € im Monat", "Vodafone: 37,99 € im Monat", "O2: 34,99 € im Monat"],
    ["* Galaxy S25: 649 € bei Amazon · 679 € bei MediaMarkt"],
    ["Summe: 1.249,00 € (inkl. 19 % MwSt.)"],  # a parts list's total, not an empty cart's
    ["Promo code SPRING took 40% off – for three hours"],
])
def test_an_articles_own_prices_and_totals_stay(lines):
    assert_all_kept(run(HEADLINE, BODY, *lines, BODY_END))


def test_a_price_comparison_header_over_one_price_or_a_sentence_stays():
    r = run(HEADLINE, BODY, "Price comparison", "Schichtwerk S2 Pro: from $549", "That is the lowest we found.", BODY_END)
    assert_all_kept(r)


@pytest.mark.parametrize("line, reason", [
    ("Prices may vary. Last checked 03/14/2025, 09:12 UTC", "shop_widget"),
    ("$24.99 (was $159)", "price_only"),
    ("Get this deal now", "shop_button"),
    ("Bestseller Nr. 2", "shop_widget"),
    ("449,00 EUR −22 % 349,00 EUR", "price_only"),
    ("Preisvergleich: Nordwerk Home 11 Wallbox (11 kW) ab 689,00 € bei 23 Händlern", "shop_widget"),
    ("*Anzeige | Preis inkl. MwSt., zzgl. Versand, zuletzt aktualisiert am 05.05.2025*", "shop_widget"),
    ("Preis kann inzwischen höher sein. Preis inkl. MwSt., ggf. zzgl. Versand.", "shop_widget"),
    ("Voir les 6 offres marchandes", "shop_widget"),
])
def test_price_boxes_in_the_words_sites_use(line, reason):
    assert_dropped(run(HEADLINE, BODY, line, BODY_END), line, reason)
