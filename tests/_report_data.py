"""A hand-built result for the report and explain tests: hostile text, a repeat with a ref,
a block with no exact markup extent. Built directly, so the tests do not depend on what the
filters currently decide."""

from __future__ import annotations

from cleanerlib import Block, CleanResult, Kind, Metadata, Span

SCRIPT_TEXT = "Breaking: <script>document.body.setAttribute('data-pwned', 'script')</script> & more"
IMG_TEXT = "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\"> Read next"
ESC_TEXT = "Closing paragraph with a control character \x1b[2J and a bidi override \u202e here."
PARAGRAPH = "The first real paragraph, with <b>markup-looking</b> text & an ampersand."


def hostile_result() -> CleanResult:
    blocks = (
        Block(0, SCRIPT_TEXT, Kind.HEADING, Span(10, 120, "/html/body/h1", 3), output=Span(0, len(SCRIPT_TEXT))),
        Block(1, "Skip to content", Kind.PARAGRAPH, Span(130, 160, "/html/body/div[1]/a", 4), kept=False,
              dropped_by="chrome", reason="skip_link", detail="A navigation link: 'Skip to content'."),
        Block(2, PARAGRAPH, Kind.PARAGRAPH, Span(170, 260, "/html/body/div[2]/p[1]", 6),
              output=Span(len(SCRIPT_TEXT) + 1, len(SCRIPT_TEXT) + 1 + len(PARAGRAPH))),
        Block(3, PARAGRAPH, Kind.PARAGRAPH, Span(270, 360, "/html/body/div[2]/p[7]", 12), kept=False,
              dropped_by="repeats", reason="exact_repeat", detail="Same text as block 2.", ref=2),
        Block(4, IMG_TEXT, Kind.PARAGRAPH, Span(None, None, "/html/body/aside/div[3]", 40), kept=False,
              dropped_by="teasers", reason="teaser_card", detail='"><script>alert(1)</script>'),
        Block(5, ESC_TEXT, Kind.PARAGRAPH, Span(400, 480, "/html/body/div[2]/p[8]", 14),
              output=Span(200, 200 + len(ESC_TEXT))),
        Block(6, "Share on X", Kind.OTHER, Span(500, 520, "/html/body/div[3]/a[1]", 50), kept=False,
              dropped_by="chrome", reason="share_bar", detail="Share or like buttons."),
    )
    text = "\n".join(b.text for b in blocks if b.kept)
    return CleanResult(
        text=text,
        blocks=blocks,
        source_text="",
        metadata=Metadata(title="<script>document.title='pwned'</script>Title", url="javascript:alert(1)",
                          language="en"),
        input_type="html",
    )
