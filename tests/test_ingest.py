"""Ingestion: normalisation, segmentation, furniture, metadata, HTML and Markdown."""

from __future__ import annotations

import pytest

from graphbuild.ingest import (
    IngestError,
    clean_blocks,
    html_blocks,
    is_furniture,
    normalize_text,
    parse_document,
    text_blocks,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Putin\u2019s visit", "Putin's visit"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("New\u00a0York", "New York"),
        ("Xi\u200b Jinping", "Xi Jinping"),
        ("soft\u00adhyphen", "softhyphen"),
        ("wait\u2026", "wait..."),
        ("a\r\nb", "a\nb"),
        ("too    many   spaces", "too many spaces"),
        ("e\u0301", "\u00e9"),  # NFC
    ],
)
def test_normalize_text_maps_characters(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content",
        "Share this article",
        "Read also:",
        "Read more",
        "View all",
        "view all",
        "Advertisement",
        "Subscribe",
        "Subscribe to our newsletter",
        "Latest",
        "We use cookies to improve your experience. Accept all cookies?",
        "Privacy policy",
        "\u25b6 [SHOP] Discount CODE\u25c0",
        "[Advertisement]",
        "* * * * *",
        "----------",
        "\u00a9 2024 Example Media. All rights reserved.",
        "Follow us on Twitter",
        ">>> >>> <<<",
        "Podcasts  \u00b7  Photo galleries  \u00b7  Send us your photos and your stories  \u00b7  Contact the desk",
    ],
)
def test_is_furniture_detects_page_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Russia and China signed a trade agreement on Monday.",
        "Read the full statement of the Kremlin, which says the talks went well.",
        "The Latest Developments in Russia-China Relations",
        "Subscribers to the plan include Kazakhstan and Uzbekistan.",
        "Share prices in Moscow fell after the sanctions were announced.",
        "Cookie Monster is not a diplomat.",
        "Trade between the two countries rose 20% in 2023.",
        "The talks covered grain \u00b7 gas \u00b7 and the ports, the ministers said after the meeting ended.",
        "Ferries sailed at dawn \u00b7 The ports stayed open \u00b7 Both ministers agreed",
    ],
)
def test_is_furniture_keeps_article_text(line):
    assert not is_furniture(line)


def test_text_blocks_keep_headings_apart_from_paragraphs():
    blocks = text_blocks("Political Cooperation\n\nRussia and China align their positions.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Political Cooperation"),
        ("paragraph", "Russia and China align their positions."),
    ]


def test_text_blocks_split_title_line_from_following_paragraph():
    blocks = text_blocks("Economic Ties\nTrade grew fast. It grew again.\n")
    assert [b.kind for b in blocks] == ["heading", "paragraph"]


@pytest.mark.parametrize("nxt, split", [("ACCRA \u2013 President Ruto reached Accra on Saturday.", True),
                                        ("Ruto and his hosts talked for an hour.", False)])
def test_text_blocks_end_a_sentence_case_headline_where_a_dateline_opens_the_lead(nxt, split):
    blocks = text_blocks(f"Kenya's president meets Ghana's leader on a day-long trip\n{nxt}\n")
    assert (len(blocks) == 2) is split, blocks


@pytest.mark.parametrize(
    "text, name",
    [
        ("The talks in Beijing included President Vladimir\nPutin and his hosts.", "Vladimir Putin"),
        ("Leaders of the Shanghai Cooperation\nOrganisation met on Monday.", "Shanghai Cooperation Organisation"),
    ],
)
def test_text_blocks_join_names_split_by_line_breaks(text, name):
    blocks = text_blocks(text)
    assert len(blocks) == 1
    assert name in blocks[0].text


def test_text_blocks_never_join_furniture_lines():
    blocks = text_blocks("The talks ended on Monday.\nRelated articles\nView all\n")
    assert [b.text for b in clean_blocks(blocks).blocks] == ["The talks ended on Monday."]


def test_text_blocks_a_byline_between_headline_and_text_stands_alone():
    text = ("Ferry link opens between two river ports\nBy Staff Reporter 3 March 2024 09:10 GMT\n"
            "Passengers crossed the river on Monday on the first ferry of the new line.\n")
    doc = parse_document(text.encode(), "a.txt")
    assert doc.headline == "Ferry link opens between two river ports"
    assert doc.date_published == "2024-03-03"
    assert doc.segments[-1].text.startswith("Passengers crossed")


def test_text_blocks_a_sentence_that_starts_like_a_byline_is_not_split():
    blocks = text_blocks("By Friday the two ministers had agreed on\nthe ferry fares for the coming year.\n")
    assert [b.text for b in blocks] == ["By Friday the two ministers had agreed on the ferry fares for the coming year."]


def test_text_blocks_keep_one_paragraph_per_line():
    blocks = text_blocks("First paragraph ends here.\nSecond paragraph starts here.\n")
    assert [b.text for b in blocks] == ["First paragraph ends here.", "Second paragraph starts here."]


@pytest.mark.parametrize(
    "line, date, publisher, author",
    [
        ("October 19, 2023 | by b1og.net", "2023-10-19", "b1og.net", None),
        ("date 2024-10-24", "2024-10-24", None, None),
        ("2024-10-24", "2024-10-24", None, None),
        ("Published: 3 March 2022", "2022-03-03", None, None),
        ("By Jane Doe | May 5, 2021", "2021-05-05", None, "Jane Doe"),
        ("This Article is From May 5, 2021", "2021-05-05", None, None),
        ("Updated 08:15, 05-May-2021", "2021-05-05", None, None),
        ("March 3, 2022 09:40 pm | Updated May 1, 2023 07:02 am CET - OSLO:", "2022-03-03", None, None),
        ("Tue Mar 8, 2022 10:05 AM", "2022-03-08", None, None),
        ("Last update on: Tue Mar 8, 2022 11:15 AM", "2022-03-08", None, None),
        ("By | [email\u00a0protected] | March 8, 2022 6:30pm", "2022-03-08", None, None),
    ],
)
def test_clean_blocks_reads_metadata_lines(line, date, publisher, author):
    blocks = text_blocks(f"A Headline About Talks\n\n{line}\n\nRussia and China met in Beijing on Monday.\n")
    cleaned = clean_blocks(blocks)
    assert (cleaned.date, cleaned.publisher, cleaned.author) == (date, publisher, author)
    assert all(line not in b.text for b in cleaned.blocks)


@pytest.mark.parametrize("line", [
    "The two ministers met on March 8, 2022 at 10:30 in Oslo and signed a fishing deal.",
    "Tue Mar 8, 2022 10:05 AM the ministers of both countries opened their first round of talks there",
])
def test_clean_blocks_keeps_a_sentence_with_a_date_and_a_time(line):
    cleaned = clean_blocks(text_blocks(f"A Headline About Talks\n\n{line}\n\nMore text follows here.\n"))
    assert cleaned.date is None
    assert any(line in b.text for b in cleaned.blocks)


@pytest.mark.parametrize(
    "text, place, rest, date",
    [
        ("NEW DELHI, Sept 9, 2023 - Leaders of the G20 met.", "New Delhi", "Leaders of the G20 met.", "2023-09-09"),
        ("ASTANA - Leaders of the SCO gathered.", "Astana", "Leaders of the SCO gathered.", None),
        ("MOSCOW (Reuters) - The Kremlin said on Monday.", "Moscow", "The Kremlin said on Monday.", None),
        ("NATO - the alliance - met.", None, "NATO - the alliance - met.", None),
        # wire forms: a country after the city, the agency, a date with or without its year
        ("LISBON, Portugal, May 4, 2022 (Reuters) - Leaders of the EU met.", "Lisbon, Portugal",
         "Leaders of the EU met.", "2022-05-04"),
        ("LISBON, Portugal, May 4 (Reuters) - Leaders of the EU met.", "Lisbon, Portugal", "Leaders of the EU met.",
         None),
        ("May 4 (Reuters) - Leaders of the EU met.", None, "Leaders of the EU met.", None),
        ("OSLO, Norway - Leaders of the EU met.", "Oslo, Norway", "Leaders of the EU met.", None),
        ("ST. PETERSBURG \u2014 Leaders met.", "St. Petersburg", "Leaders met.", None),
        # an agency is no place
        ("AFP - Leaders of the EU met.", None, "Leaders of the EU met.", None),
        # in the case of names, with the full date and a colon or a dash
        ("Lisbon, 4 May 2022 (AGN): Leaders of the EU met.", "Lisbon", "Leaders of the EU met.", "2022-05-04"),
        ("Lisbon, the capital, hosted leaders of the EU.", None, "Lisbon, the capital, hosted leaders of the EU.", None),
    ],
)
def test_clean_blocks_strips_datelines_and_keeps_their_place(text, place, rest, date):
    cleaned = clean_blocks(text_blocks(text))
    assert [(b.text, b.kind) for b in cleaned.blocks] == [*([(place, "dateline")] if place else []),
                                                         (rest, "paragraph")]
    assert cleaned.date == date


@pytest.mark.parametrize("line", ["*Lisbon, May 4, 2022*", "Lisbon, May 4, 2022", "LISBON, Portugal, May 4, 2022"])
def test_clean_blocks_reads_a_dateline_on_its_own_line(line):
    cleaned = clean_blocks(text_blocks(f"A Headline About Talks\n\n{line}\n\nRussia and China met in Beijing on Monday.\n"))
    assert cleaned.date == "2022-05-04"
    assert [b.text for b in cleaned.blocks][1:] == ["Russia and China met in Beijing on Monday."]


def test_ingest_dateline_of_markdown_and_html_gives_the_date():
    md = parse_document(b"# Talks end\n\n*Lisbon, May 4, 2022*\n\nLeaders of the bloc met on Monday in the city.\n", "a.md")
    html = parse_document(b"<html><body><h1>Talks end</h1><p><em>Lisbon, May 4, 2022</em></p>"
                          b"<p>Leaders of the bloc met on Monday in the city.</p></body></html>", "a.html")
    assert md.date_published == html.date_published == "2022-05-04"


def test_clean_blocks_strips_date_prefix_of_first_paragraph():
    cleaned = clean_blocks(text_blocks(" date 2023-11-17 President Putin arrived in Beijing on Monday.\n"))
    assert cleaned.date == "2023-11-17"
    assert cleaned.blocks[0].text == "President Putin arrived in Beijing on Monday."


def test_clean_blocks_drops_repeated_titles_and_teasers():
    text = (
        "Talks in Beijing: What Comes Next\n\n"
        "Leaders met in Beijing to discuss trade...\n\n"
        "Leaders met in Beijing to discuss trade and security on Monday.\n\n"
        "Talks in Beijing: What Comes Next\n\n"
        "Talks In Beijing - What Comes Next\n"
    )
    cleaned = clean_blocks(text_blocks(text))
    assert [b.text for b in cleaned.blocks] == [
        "Talks in Beijing: What Comes Next",
        "Leaders met in Beijing to discuss trade and security on Monday.",
    ]
    assert cleaned.headline == "Talks in Beijing: What Comes Next"


def test_clean_blocks_has_no_headline_when_article_starts_with_text():
    cleaned = clean_blocks(text_blocks("Russia and China met in Beijing on Monday to discuss trade.\n"))
    assert cleaned.headline is None


HTML_PAGE = """<!doctype html><html><head>
<title>Site | Putin visits Beijing</title>
<meta property="og:title" content="Putin visits Beijing">
<meta property="article:published_time" content="2024-05-16T08:00:00Z">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<style>.x { content: "Style Text Leak" }</style>
<script>var leaked = "Script Text Leak";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. Accept?</div>
<article>
<h1>Putin visits Beijing</h1>
<p>Russian President Vladimir Putin arrived in Beijing on Thursday.</p>
<h2>Trade Talks</h2>
<p>He met Chinese President Xi Jinping. <script>document.write("Inline Script Leak")</script></p>
<div class="share-buttons">Share this article</div>
<ul><li>Russia and China signed <b>ten</b> agreements.</li></ul>
</article>
<footer>Copyright Example News</footer>
<noscript>Enable JavaScript Leak</noscript>
</body></html>"""


def test_html_blocks_never_turn_script_or_style_into_text():
    blocks, _ = html_blocks(HTML_PAGE)
    text = " ".join(b.text for b in blocks)
    assert "Leak" not in text
    assert "Russian President Vladimir Putin arrived in Beijing on Thursday." in text


def test_html_blocks_keep_headings_as_segments_and_drop_navigation():
    blocks, _ = html_blocks(HTML_PAGE)
    assert ("heading", "Trade Talks") in [(b.kind, b.text) for b in blocks]
    texts = [b.text for b in blocks]
    assert "Home World" not in texts
    assert not any("cookies" in t for t in texts)
    assert "Russia and China signed ten agreements." in texts


def test_parse_document_reads_html_metadata():
    doc = parse_document(HTML_PAGE.encode(), "putin.html")
    assert doc.headline == "Putin visits Beijing"
    assert doc.date_published == "2024-05-16"
    assert doc.publisher == "Example News"
    assert doc.byline == "Jane Doe"
    assert not any("Share this article" in s.text for s in doc.segments)


def test_parse_document_reads_markdown():
    md = (
        "---\ntitle: Xi in Moscow\ndate: 2023-03-20\n---\n"
        "# Xi in Moscow\n\n"
        "Chinese President **Xi Jinping** arrived in [Moscow](https://example.org) on Monday.\n\n"
        "- Russia and China signed a statement.\n"
    )
    doc = parse_document(md.encode(), "xi.md")
    assert doc.headline == "Xi in Moscow"
    assert doc.date_published == "2023-03-20"
    assert doc.segments[0].kind == "heading"
    assert "Chinese President Xi Jinping arrived in Moscow on Monday." in doc.text
    assert "https://" not in doc.text


def test_parse_document_offsets_point_into_text():
    doc = parse_document(b"Title Of The Piece\n\nFirst paragraph here.\n\nSecond one here.\n", "a.txt")
    for seg in doc.segments:
        assert doc.text[seg.start:seg.end] == seg.text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        (b"Skip to content\n\nShare this article\n\nAdvertisement\n", "furniture"),
    ],
)
def test_parse_document_refuses_unusable_input(data, message):
    with pytest.raises(IngestError, match=message):
        parse_document(data, "bad.txt")


def test_parse_document_decodes_invalid_utf8_with_warning():
    warnings: list[str] = []
    doc = parse_document("Caf\u00e9 talks in Moscow went on all day.".encode("cp1252"), "cafe.txt", warnings)
    assert "Caf\u00e9" in doc.text
    assert warnings and "cafe.txt" in warnings[0]


def test_document_id_is_content_hashed_and_stable():
    a = parse_document(b"Russia and China met in Beijing.", "001_x.txt")
    b = parse_document(b"Russia and China met in Beijing.", "001_x.txt")
    c = parse_document(b"Russia and China met in Moscow.", "001_x.txt")
    assert a.id == b.id
    assert a.id != c.id
    assert a.id.startswith("001-x-")


def test_ingest_same_content_keeps_the_first_copy_even_under_the_same_name(tmp_path):
    from graphbuild.ingest import read_document, same_content_as

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "story.txt").write_text("Putin met Xi in Beijing.\n\nThey talked.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Modi met Putin in Moscow.\n\nThey talked.\n", encoding="utf-8")
    seen: dict = {}
    first, second, other = (read_document(p) for p in (tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt",
                                                         tmp_path / "other.txt"))
    assert same_content_as(seen, first) is None
    assert same_content_as(seen, second) == "same content as story.txt"
    assert same_content_as(seen, other) is None
    assert list(seen.values()) == [first.where, other.where]  # where, not the documents: memory stays flat


NEWS_PAGE = ("<html><head><title>River fund | Daily Lagoon</title>"
             '<meta property="og:site_name" content="Daily Lagoon"></head><body>'
             "<div class='top'><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
             + "</ul></div><div class='main'><h1>River states open a port fund</h1>"
             "<p>President Ana Ribeiro and Prime Minister Lars Holm agreed on Tuesday to open a joint fund "
             "for the river ports that carry most of the grain of both countries to the sea.</p>"
             "<p>The fund will start with two hundred million dollars, officials of both governments said "
             "after the talks, and more states of the basin may join it next year.</p></div>"
             "<div class='more'><h3>Most read</h3><ul>"
             + "".join(f"<li><a href='/r{i}'>Celebrity gossip item number {i}</a></li>" for i in range(12))
             + "</ul></div></body></html>")


def test_html_blocks_keep_the_article_and_leave_menus_and_teasers_out():
    from graphbuild.ingest.html import walked_blocks

    texts = [b.text for b in html_blocks(NEWS_PAGE)[0]]
    assert any(t.startswith("President Ana Ribeiro and Prime Minister Lars Holm") for t in texts)
    assert any(t.startswith("The fund will start") for t in texts)
    assert not any("Section 3" in t or "gossip" in t for t in texts), texts
    # the page walker alone keeps the menus: the article extractor is what leaves them out
    assert any("gossip" in b.text for b in walked_blocks(NEWS_PAGE)[0])


def test_html_blocks_read_the_site_name_from_the_page():
    assert html_blocks(NEWS_PAGE)[1]["publisher"] == "Daily Lagoon"


def test_clean_blocks_keep_paragraphs_of_other_scripts():
    from graphbuild.ingest.blocks import Block
    from graphbuild.ingest.clean import clean_blocks

    blocks = [Block("Переговоры в Москве продолжались шесть часов, сообщили официальные лица.", "paragraph"),
              Block("Οι συνομιλίες στην Αθήνα διήρκεσαν έξι ώρες, δήλωσαν αξιωματούχοι σήμερα.", "paragraph")]
    assert [b.text for b in clean_blocks(blocks).blocks] == [b.text for b in blocks]


def _article_tree(xml: str):
    import lxml.etree

    return lxml.etree.fromstring(xml)


def test_body_blocks_keep_the_text_that_follows_a_heading_outside_a_paragraph():
    from graphbuild.ingest.html import body_blocks

    body = _article_tree("<body><head rend='h2'>Port fund opens</head>The two states opened the fund on Tuesday."
                         "<p>More states may join it.</p>Officials <hi>welcomed</hi> the plan.<lb/>A second line."
                         "</body>")
    assert [(b.text, b.kind) for b in body_blocks(body)] == [
        ("Port fund opens", "heading"), ("The two states opened the fund on Tuesday.", "paragraph"),
        ("More states may join it.", "paragraph"), ("Officials welcomed the plan.", "paragraph"),
        ("A second line.", "paragraph")]


def test_body_blocks_read_list_items_and_quotes_once():
    from graphbuild.ingest.html import body_blocks

    body = _article_tree("<body><list><item>First point of the deal.</item><item>Second point.</item></list>"
                         "<quote><p>We agree, the minister said.</p></quote></body>")
    assert [b.text for b in body_blocks(body)] == ["First point of the deal.", "Second point.",
                                                   "We agree, the minister said."]


INTERVIEW_PAGE = ("<html><head><title>Two ministers | Daily Lagoon</title></head><body><article>"
                  "<h1>Two ministers on the river ports</h1>"
                  + "".join(f"<h2>Minister {name}</h2><p>What did the talks give your country?</p>"
                            f"<p>Minister {name} said the talks in Lagoon City gave her country a share of the "
                            f"new port fund and a seat on its board, which she called a fair result.</p>"
                            for name in ("Ana Ribeiro", "Ida Holm"))
                  + "</article></body></html>")


def test_parse_document_keeps_the_repeats_of_an_extracted_article():
    text = parse_document(INTERVIEW_PAGE.encode(), "interview.html").text
    assert text.count("What did the talks give your country?") == 2


def test_parse_document_drops_the_repeats_of_a_text_file():
    page = "Port fund opens\n\nRead the full story.\n\nThe talks went well, officials said.\n\nRead the full story.\n"
    assert parse_document(page.encode(), "story.txt").text.count("Read the full story.") <= 1


def test_html_blocks_read_the_date_of_a_page_without_date_tags():
    page = ("<html><head><title>Fund</title><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z", "headline": "Port fund opens"}'
            "</script></head><body><article><p>" + "The fund opened on Tuesday, officials said. " * 5
            + "</p></article></body></html>")
    meta = html_blocks(page)[1]
    assert meta["date"].startswith("2021-03-04")


def test_html_blocks_read_an_xhtml_page_with_an_encoding_declaration_as_an_article():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>Port fund</title></head><body><nav><a href='/'>Home</a></nav><article><p>"
            + "President Ana Ribeiro met Prime Minister Lars Holm in Lima on Tuesday for talks on the ports. " * 3
            + "</p></article></body></html>")
    blocks, meta = html_blocks(page)
    assert meta.get("reader") == "trafilatura"  # not the older walker
    assert [b.text for b in blocks][-1].startswith("President Ana Ribeiro")


def test_parse_document_refuses_a_tag_with_thousands_of_attributes_before_parsing():
    from graphbuild.limits import LimitExceeded

    story = "President Ana Ribeiro met Prime Minister Lars Holm in Lima on Tuesday for talks. "
    hostile = "<html><body><p " + " ".join(f'a{i}="x"' for i in range(5000)) + f">{story}</p></body></html>"
    with pytest.raises(LimitExceeded, match="attributes"):
        parse_document(hostile.encode(), "a.html")
    # one long value is no reason: an inline image's data: address
    inline = f'<html><body><img src="data:image/png;base64,{"A" * 500_000}="><p>{story * 3}</p></body></html>'
    assert parse_document(inline.encode(), "b.html").text.startswith("President Ana Ribeiro")


@pytest.mark.parametrize("declaration", ['<meta charset="shift_jis">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'])
def test_parse_document_decodes_a_page_in_the_encoding_it_declares(declaration):
    story = "東京で首相と大統領が会談した。" * 10
    page = f"<html><head>{declaration}<title>会談</title></head><body><article><p>{story}</p></article></body></html>"
    warnings: list[str] = []
    assert parse_document(page.encode("shift_jis"), "s.html", warnings).text.endswith(story)
    assert warnings == []


def test_text_blocks_split_a_date_line_a_headline_runs_on_from_and_the_headline_from_its_caption():
    caption = ("Kenyan President William Ruto and Foreign Minister Musalia Mudavadi brief reporters in Nairobi on "
               "Monday before the trip. PHOTO/Agency")
    blocks = text_blocks(f" date 2024-05-16 Kenya to sign the trade pact on the sidelines of the summit\n{caption}\n")
    assert [b.text for b in blocks] == ["date 2024-05-16", "Kenya to sign the trade pact on the sidelines of the summit",
                                        caption]


def test_text_blocks_keep_a_hard_wrapped_first_line_with_its_paragraph():
    blocks = text_blocks("The talks in Nairobi included President William\nRuto and his hosts from Ghana.\n")
    assert len(blocks) == 1


def test_text_blocks_keep_each_bulleted_item_a_line_of_its_own():
    blocks = text_blocks("The talks were attended by:\n- President William Ruto of Kenya\n- President John Mahama of Ghana\n")
    assert [b.text for b in blocks] == ["The talks were attended by:", "- President William Ruto of Kenya",
                                        "- President John Mahama of Ghana"]
