"""E-commerce residue: mini-cart widgets, shop buttons, price-only lines, shipping offers, coupons.

Shop widgets leak into article text as short, formulaic lines ("No products in the cart.",
"$0.00 0 items", "Add to cart"). Only whole short blocks that match a pattern completely are
removed, so an article sentence that talks about prices, carts or checkout is never touched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from .._model import Kind
from .._pipeline import Document, Drop, Filter, register
from ._evidence import cue_pattern, names_site_within, phrase_table, token_hint
from ._phrases import merged_section

__all__ = ["Ecommerce"]

_DETAILS = {
    "cart_empty": "an empty shopping-cart message",
    "cart_total": "a shopping-cart total",
    "shop_button": "a shop button label",
    "sale_badge": "a sale badge",
    "price_only": "a line holding only a price",
    "shipping_offer": "a shipping offer",
    "shop_widget": "text of a shop widget",
    "coupon": "a coupon code offer",
}
#: what a coupon code looks like on the page (the phrase data matches it case-blind)
_CODE = re.compile(r"\b(?:[A-Z]{2,}\d{1,4}|\d{1,3}[A-Z]{3,}|[A-Z]{7,})\b")
_DIGIT = re.compile(r"\d")
_NOTE_SEP = re.compile(r"\s[/\u00b7|]\s")
# a shop and its lowest price in a price comparison: "Druckhaus24 ab 549,00 €"
_FROM_PRICE = re.compile(r"^[^:]{2,40}\s(?:ab|from|dès|desde|à partir de)\s+[$€£]?\s*\d[\d.,]*\s*(?:€|eur\b|euros?\b)?$")
# the parts of a row in a price box ("64 GB · 5G · 7,99 € mtl. · Zum Tarif")
_ROW_SEP = re.compile(r"\s[\u00b7|\u2022]\s")
_AT_SHOP = re.compile(r"\d\s*(?:€|eur\b|euros?\b)?\s+(?:at|bei|chez|en|sur|on)\s+\w")
_BOLD_LINE = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")
# a price struck out in markdown ("~~$949.99~~", "~~44,99 €~~")
_STRUCK_PRICE = re.compile(r"~~\s*(?:[$€£]\s*)?\d[\d.,]*\s*(?:€|eur\b|euros?\b)?\s*~~", re.IGNORECASE)
_AMOUNT = re.compile(r"[$€£]\s*\d|\d\s*(?:€|eur\b|euro\b)", re.IGNORECASE)
_SHOP_TOKENS = frozenset(("woocommerce", "cart", "mini-cart", "widget_shopping_cart", "basket", "shop", "product", "products",
                "price", "checkout", "add_to_cart_button", "onsale", "amount", "warenkorb", "panier", "carrito"))
# matches that are residue only next to other shop residue ("Sale", "Total", "Cart")
_NEEDS_CONTEXT = frozenset(("sale_badge", "cart_total"))


@cache
def _scam_words(langs: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(merged_section("ecommerce", langs).get("scam_words", ()))


@cache
def _app_labels(langs: tuple[str, ...] | None) -> tuple[frozenset[str], frozenset[str]]:
    """The labels of an app's info box, and those that name its maker."""
    sec = merged_section("ecommerce", langs)
    makers = frozenset(sec.get("app_maker_labels", ()))
    return frozenset(sec.get("app_info_labels", ())) | makers, makers


@cache
def _price_box_words(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(merged_section("ecommerce", langs).get("price_box_words", ()))


@cache
def _deal_label(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A deal's label before its colon: "Bon plan :", "Deals:", "Angebot:"."""
    labels = "|".join(map(re.escape, merged_section("ecommerce", langs).get("deal_labels", ()))) or "(?!x)x"
    return re.compile(rf"^[\W_]*(?:{labels})\s*:")


@cache
def _site_deals(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A site's deal box by its name: "Slashline Deals", "Brink Deals: e-readers on sale",
    "Bon plan Chiffrerama", "Ofertas Zakata" (the name in group ``site``)."""
    sec = merged_section("ecommerce", langs)
    after = "|".join(map(re.escape, sec.get("site_deal_words", ()))) or "(?!x)x"
    before = "|".join(map(re.escape, sec.get("deal_site_prefixes", ()))) or "(?!x)x"
    return re.compile(rf"^[\W_]*(?:(?P<site>[^\W\d][\w.&'’ -]{{1,30}}?)\s+(?:{after})|(?:{before})\s+"
                      rf"(?P<site2>[^\W\d][\w.&'’ -]{{1,30}}?))\s*(?:$|[:·|–—*-])", re.IGNORECASE)


# an app store's name in a button ("Get it on Play Store", "Im App Store laden")
_STORES = ("play store", "google play", "app store", "microsoft store", "f-droid")
_LABELLED = re.compile(r"^([^:]{2,25}):\s*\S")


@register
class Ecommerce(Filter):
    """Drop shop residue: cart messages and totals, buttons, badges, prices, shipping offers."""

    name = "ecommerce"
    reasons = {k: f"{v} (whole block)" for k, v in _DETAILS.items()}

    def __init__(self, *, max_words: int = 14, coupon_max_words: int = 22, note_max_words: int = 30,
                 row_max_words: int = 24, languages: tuple[str, ...] | None = None) -> None:
        self.max_words = max_words
        self.row_max_words = row_max_words
        self.coupon_max_words = coupon_max_words
        self.note_max_words = note_max_words
        self.languages = languages

    def decide(self, doc: Document) -> Iterable[Drop]:
        langs = tuple(self.languages) if self.languages else None
        table = phrase_table("ecommerce", langs)
        scams = _scam_words(langs)
        coupons = cue_pattern(langs, "coupon_cues", "ecommerce")
        notes = cue_pattern(langs, "price_notes", "ecommerce")
        small_print = cue_pattern(langs, "price_small_print", "ecommerce")
        deal_label, site_deals = _deal_label(langs), _site_deals(langs)
        kept = [b.index for b in doc.blocks if b.kept and b.index != doc.title_index]
        found: dict[int, str] = {}
        for i in kept:
            b = doc.blocks[i]
            # a price widget's small print ("Stand: 11. Juni 2025 · Preis kann sich geändert haben ·
            # Affiliate-Link", "… images from the Amazon Product Advertising API"), longer than its buttons:
            # fragments set apart by slashes or dots (an update note is a sentence, "Stand: 12. März
            # 2025 – Amazon hat die Preise angehoben."), or a line that is small print whole
            # ("Preis inkl. MwSt., zzgl. Versand. Letzte Aktualisierung am …")
            key = doc.keys[i]
            if doc.n_words[i] <= self.note_max_words and _DIGIT.search(key) \
                    and (notes.search(key) and _NOTE_SEP.search(key) or small_print.search(key)):
                found[i] = "shop_widget"
                continue
            if doc.n_words[i] <= self.row_max_words and _ROW_SEP.search(key) and _AMOUNT.search(key) \
                    and self._offer_row(key, table, tabular=b.kind in (Kind.TABLE, Kind.LIST_ITEM) or key.startswith("|")):
                found[i] = "shop_widget"
                continue
            if doc.n_words[i] <= self.note_max_words and deal_label.match(key) \
                    and len(_AMOUNT.findall(b.text)) >= 2 and not doc.plain[i].rstrip(" *_").endswith((".", "!", "?")):
                # "Bon plan : la manette … passe à 59,99 € au lieu de 74,99 €", "**Deals:** [… Drop
                # to $169 on Amazon, Just $10 Above …](…)": a labelled deal, its price and the old one
                # (a sentence is news: "Deal: the chipmaker agreed to pay $1.2 billion, up from …")
                found[i] = "shop_widget"
                continue
            if doc.n_words[i] > self.max_words:
                if doc.n_words[i] <= self.coupon_max_words and self._coupon(b.text, doc.keys[i], doc.tokens[i], coupons, scams):
                    found[i] = "coupon"
                continue
            if _STRUCK_PRICE.search(b.text) and len(_AMOUNT.findall(b.text)) >= 2 \
                    and not b.text.rstrip().endswith((".", "!", "?")):
                # "~~599,00 €~~ **429,00 €** [Bei Amazon kaufen](…)": a struck-out price beside the
                # new one is a shop's card, whatever else the line says
                found[i] = "shop_widget"
                continue
            # "Slashline Deals", "Mashloop Deals · Limited-time price": the page's own site's deal box
            if doc.n_words[i] <= 8 and (deals := site_deals.match(doc.plain[i])) is not None \
                    and names_site_within(doc, (deals["site"] or deals["site2"]).split()):
                found[i] = "shop_widget"
                continue
            category = table.match_regex(doc.keys[i])
            if category == "shop_button" and (b.text[:1] == "#" or (b.hints is not None and b.hints.level)):
                continue  # "## Acheter sur Vinted" heads a section of a buying guide; buttons are no headings
            category = category or table.match_exact(doc.keys[i], doc.stripped[i])
            if category is None and self._coupon(b.text, doc.keys[i], doc.tokens[i], coupons, scams):
                category = "coupon"
            if category is not None:
                found[i] = category
        out = []
        for k, i in enumerate(kept):
            category = found.get(i)
            if category is None:
                continue
            if self._weak(category, doc.keys[i], doc.stripped[i], table) and not self._shop_context(doc, kept, k, found):
                continue  # "Sale", "Checkout" or "Total" alone is residue only next to other shop residue
            if category == "price_only" and self._in_spec_list(doc, kept, k, found) \
                    and any(c.isalpha() for c in doc.keys[i]):
                continue  # "Price: $1,199" among a review's specifications; "£24.00 £15.00" is a card's
            out.append(Drop(i, category, f"{_DETAILS[category].capitalize()}: {doc.blocks[i].text!r}."))
        dropped = {d.index: d.reason for d in out}
        # A product name inside a shop widget: a short label with shop residue on both sides,
        # the first of a product card's lines (name, price, and more shop residue: a button,
        # the crossed-out price), or a model right above its price button.
        for k in range(len(kept) - 1):
            i = kept[k]
            if i in dropped:
                continue
            b = doc.blocks[i]
            # (a shop's product title can run long: "Rovana S8 Max Saugroboter mit Wischfunktion,
            # 8.000 Pa Saugkraft, Lidar-Navigation, Absaugstation" over its price and button)
            if doc.n_words[i] > 18 or b.text.rstrip().endswith((".", "!", "?")):
                continue
            after = kept[k + 1]
            card = dropped.get(after) == "price_only" and k + 2 < len(kept) and kept[k + 2] in dropped
            if doc.n_words[i] > 10 and not card:
                continue
            between = k > 0 and kept[k - 1] in dropped and after in dropped
            # "Báscula Pesol K2" over "Ver oferta por 27,90 € en Amazon": a model over its price button
            # (or over a price at a shop: "Orla Speak 40" over "$129 at Amazon (was $169)")
            button = dropped.get(after) in ("shop_button", "price_only") and _AMOUNT.search(doc.blocks[after].text) \
                and (dropped[after] == "shop_button" or _AT_SHOP.search(doc.keys[after]) is not None) \
                and any(c.isdigit() for c in b.text)
            # "**Veyra 9 Pro, 256 GB**" over "~~599,00 €~~ **429,00 €** [Bei Amazon kaufen](…)"
            struck = dropped.get(after) == "shop_widget" and _STRUCK_PRICE.search(doc.blocks[after].text) is not None \
                and (_BOLD_LINE.match(b.text) is not None or any(c.isdigit() for c in b.text))
            if between or card or button or struck:
                out.append(Drop(i, "shop_widget", f"A product name between shop widgets: {b.text!r}.", ref=after))
        out.extend(self._app_boxes(doc, kept, {d.index for d in out}, *_app_labels(langs)))
        out.extend(self._deal_boxes(doc, kept, {d.index: d.reason for d in out}, _price_box_words(langs)))
        return out

    @staticmethod
    def _offer_row(key: str, table, tabular: bool) -> bool:
        """A row of a price comparison or a tariff box, in parts set apart by dots or bars:
        one that ends in a shop's button ("Telara Allnet 10 GB · 5G · 7,99 € mtl. · Zum Tarif*",
        "Arclight 8070 12GB | $549 $469 | View Deal"), or short parts with two prices at two
        shops ("Meilleur prix : 649 € chez Ionéa · 679 € chez Domovolt"), though not in a
        table or a list, which may be the article's own comparison. A sentence has no such parts."""
        parts = _ROW_SEP.split(key)
        if table.match_exact(parts[-1].strip(" *|\u2192>\u203a\u00bb")) == "shop_button":
            return True
        at_shops = [p for p in parts if _AT_SHOP.search(p) is not None]
        return not tabular and len(at_shops) >= 2 and all(len(p.split()) <= 8 for p in at_shops) \
            and not key.endswith(".")

    @staticmethod
    def _deal_boxes(doc: Document, kept: list[int], dropped: dict[int, str], box_words: tuple[str, ...],
                    max_items: int = 6) -> list[Drop]:
        """The deals under a deal box's header ("Today's best Arbor deals from 8to5Toys"):
        short lines with a price and no sentence end ("ArborBuds Pro 3 drop to $189 at Amazon
        (Reg. $249)"), down to the box's button or the first line without a price. A price
        comparison's header ("Preisvergleich: Schichtwerk S2 Pro") opens one too when two such
        lines follow it ("Druckhaus24 ab 549,00 €"), and then goes with them."""
        out = []
        for k, i in enumerate(kept):
            deal = dropped.get(i) == "shop_widget" and "deal" in doc.keys[i]
            comparison = not deal and i not in dropped and doc.n_words[i] <= 8 and doc.keys[i].startswith(box_words) \
                and not doc.plain[i].rstrip().endswith((".", "!", "?"))
            if not deal and not comparison:
                continue
            rows = []
            for j in kept[k + 1:k + 1 + max_items]:
                if j in dropped:
                    if dropped[j] == "shop_button":
                        break  # "See all Arbor deals" closes the box
                    continue
                text = doc.plain[j].rstrip()
                if doc.n_words[j] > 20 or text.endswith((".", "!", "?", ":")) or _AMOUNT.search(text) is None:
                    break
                if comparison and _FROM_PRICE.match(doc.keys[j]) is None and _AT_SHOP.search(doc.keys[j]) is None:
                    break  # a shop's price ("… ab 549,00 €", "$549 at Best Buy"); "Telekom: 39,95 €" is the article's
                rows.append(j)
            if comparison and len(rows) < 2:
                continue  # "Preisvergleich" over one price may title the article's own section
            if comparison:
                out.append(Drop(i, "shop_widget", f"The header of a price comparison: {doc.blocks[i].text!r}."))
            out.extend(Drop(j, "shop_widget", f"A deal in a deal box: {doc.blocks[j].text!r}.", ref=i) for j in rows)
        return out

    @staticmethod
    def _app_boxes(doc: Document, kept: list[int], dropped: set[int], labels: frozenset[str],
                   makers: frozenset[str]) -> list[Drop]:
        """An app's info box over its store button: "Glyphboard" / "Developer: Nordwisp Labs" /
        "Price: Free" / "Get it on Play Store". Two labelled lines at least, each a label the
        box is made of, one of them its maker, and the app's name above them."""
        out = []
        for k, i in enumerate(kept):
            if i not in dropped or not any(store in doc.keys[i] for store in _STORES):
                continue
            box, names, j = [], set(), k - 1
            while j >= 0 and kept[j] not in dropped and kept[j] != doc.title_index and doc.n_words[kept[j]] <= 8:
                m = _LABELLED.match(doc.plain[kept[j]])
                label = m[1].strip(" *_").casefold() if m is not None else None
                if label not in labels:
                    break
                box.append(kept[j])
                names.add(label)
                j -= 1
            if len(box) < 2 or names.isdisjoint(makers):
                continue  # "Availability" / "Price: Free" / "Platforms: iOS" in a review names no developer
            top = kept[j] if j >= 0 else None
            if top is not None and top not in dropped and top != doc.title_index and doc.n_words[top] <= 4 \
                    and not doc.plain[top].rstrip().endswith((".", "!", "?", ":")):
                box.append(top)
            out.extend(Drop(x, "shop_widget", f"A line of an app's info box: {doc.blocks[x].text!r}.", ref=i)
                       for x in reversed(box))
        return out

    @staticmethod
    def _coupon(text: str, key: str, tokens, coupons, scams) -> bool:
        """A coupon offer: a code in capitals and a discount. A sentence ("Use the code SPRING25
        for 25% off.") is a deal article's own unless the code opens it as a label, with a colon
        ("Cupón MUYORD5: 5 % de descuento … hasta el 4 de mayo."); "Fake coupon code FREE100
        lures shoppers" is a headline about a scam."""
        code = _CODE.search(text)
        if code is None or not coupons.match(key) or any(t in scams for t in tokens):
            return False
        return not text.rstrip(" *_").endswith((".", "!", "?")) \
            or len(text[:code.start()].split()) <= 2 and text[code.end():].lstrip(" *")[:1] == ":"

    @staticmethod
    def _weak(category: str, key: str, stripped: str, table) -> bool:
        """Exact one-word matches also occur as article text ("Checkout", "Total", "Sale")."""
        return table.match_exact(key, stripped) == category and (category in _NEEDS_CONTEXT or " " not in stripped)

    @staticmethod
    def _in_spec_list(doc: Document, kept: list[int], k: int, found: dict[int, str]) -> bool:
        """A list item next to list items that are not shop residue: a list of specifications."""
        if doc.blocks[kept[k]].kind is not Kind.LIST_ITEM:
            return False
        return any(doc.blocks[j].kind is Kind.LIST_ITEM and j not in found
                   for j in kept[max(0, k - 1):k] + kept[k + 1:k + 2])

    def _shop_context(self, doc: Document, kept: list[int], k: int, found: dict[int, str]) -> bool:
        if token_hint(doc.blocks[kept[k]], _SHOP_TOKENS, depth=4):
            return True
        table = phrase_table("ecommerce", tuple(self.languages) if self.languages else None)
        return any(j in found and not self._weak(found[j], doc.keys[j], doc.stripped[j], table)
                   for j in kept[max(0, k - 2):k] + kept[k + 1:k + 3])
