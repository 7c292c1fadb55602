"""E-commerce residue: mini-cart widgets, shop buttons, price-only lines, shipping offers.

Shop widgets leak into article text as short, formulaic lines ("No products in the cart.",
"$0.00 0 items", "Add to cart"). Only whole short blocks that match a pattern completely are
removed, so an article sentence that talks about prices, carts or checkout is never touched.
"""

from __future__ import annotations

from typing import Iterable

from .._pipeline import Document, Drop, Filter, register
from ._evidence import phrase_table, token_hint, word_count

__all__ = ["Ecommerce"]

_DETAILS = {
    "cart_empty": "an empty shopping-cart message",
    "cart_total": "a shopping-cart total",
    "shop_button": "a shop button label",
    "sale_badge": "a sale badge",
    "price_only": "a line holding only a price",
    "shipping_offer": "a shipping offer",
    "shop_widget": "text of a shop widget",
}
_SHOP_TOKENS = ("woocommerce", "cart", "basket", "shop", "product", "price", "checkout", "warenkorb", "panier", "carrito")


@register
class Ecommerce(Filter):
    """Drop shop residue: cart messages and totals, buttons, badges, prices, shipping offers."""

    name = "ecommerce"
    reasons = {k: f"{v} (whole block)" for k, v in _DETAILS.items()}

    def __init__(self, *, max_words: int = 14, languages: tuple[str, ...] | None = None) -> None:
        self.max_words = max_words
        self.languages = languages

    def decide(self, doc: Document) -> Iterable[Drop]:
        table = phrase_table("ecommerce", tuple(self.languages) if self.languages else None)
        out = []
        for b in doc.blocks:
            if not b.kept or word_count(b.text) > self.max_words:
                continue
            key = doc.keys[b.index]
            category = table.match_exact(key) or table.match_regex(key)
            if category is None:
                continue
            if category in ("sale_badge", "cart_total") and table.match_exact(key) and not self._shop_context(doc, b.index):
                continue  # "Sale" or "Total" alone is residue only next to other shop residue
            out.append(Drop(b.index, category, f"{_DETAILS[category].capitalize()}: {b.text!r}."))
        return out

    def _shop_context(self, doc: Document, i: int) -> bool:
        block = doc.blocks[i]
        if token_hint(block, _SHOP_TOKENS):
            return True
        table = phrase_table("ecommerce", tuple(self.languages) if self.languages else None)
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc.blocks) and word_count(doc.blocks[j].text) <= self.max_words:
                key = doc.keys[j]
                if table.match_regex(key) or table.match_exact(key) not in (None, "sale_badge", "cart_total"):
                    return True
        return False
