"""Photo captions, credits and cut excerpts on real news pages: furniture, never text."""

from __future__ import annotations

import pytest

from graphbuild.ingest import is_furniture, parse_document
from graphbuild.ingest.clean import cut_unfinished
from graphbuild.ingest.furniture import strip_credits


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe/AP",
        "Reuters/Jane Doe/Pool",
        "Tom Baker / AFP",
        "Press Office of the Governor/Handout via Reuters",
        "(Jane Doe/Getty Images)",
        "Hide caption",
        "Toggle caption",
        "Show photo",
        "Toggle",
        "File photo",
        "Getty Images",
        "Photo: Jane Doe",
        "Image by Tom Baker",
        "This story includes material from wire services.",
        "Material for this article came from the agencies.",
        "Two staff writers contributed reporting to this story.",
        "Reporting by Jane Doe; editing by Tom Baker",
    ],
)
def test_is_furniture_detects_captions_and_credits(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Kenya/Uganda border reopened on Monday after two days of talks.",
        "Jane Doe said the photo was taken in Lagos.",
        "Photography is banned inside the old parliament building.",
    ],
)
def test_is_furniture_keeps_text_with_slashes_and_photo_words(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Fishermen mend nets in Callao, Peru, June 3, 2024. (Jane Doe/Reuters)",
         "Fishermen mend nets in Callao, Peru, June 3, 2024."),
        ("Boats sit idle in the harbour. (Photo: Tom Baker)", "Boats sit idle in the harbour."),
        ("Boats sit idle in the harbour, June 4, 2024. (EPA)", "Boats sit idle in the harbour, June 4, 2024."),
        ("Boats sit idle in the harbour, June 4, 2024. (EP", "Boats sit idle in the harbour, June 4, 2024."),
        ("Crews clear a road in Lima, June 3, 2024. Port Office of Peru/Handout via Reuters LIMA - Rain fell.",
         "Crews clear a road in Lima, June 3, 2024. LIMA - Rain fell."),
        ("The Kenya/Uganda Border Authority met on Monday.", "The Kenya/Uganda Border Authority met on Monday."),
        # where the people stand in the photo
        ("Gabriel Boric (2nd left) and Luis Arce (centre, right) talk in La Paz.", "Gabriel Boric and Luis Arce talk in La Paz."),
        ("The right (Republicans) won in Ohio.", "The right (Republicans) won in Ohio."),
    ],
)
def test_strip_credits_removes_the_credit_of_a_caption(text, kept):
    assert strip_credits(text) == kept


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The mayor said the damage would be assessed next week by the National Disaster Agen",
         "The mayor said the damage would be assessed next week by the"),
        ("Officials said the bridge would reopen on Friday if the rain stopped and the river fell bel",
         "Officials said the bridge would reopen on Friday if the rain stopped and the river fell"),
        ("Officials said the bridge would reopen on Friday if the rain stopped.",
         "Officials said the bridge would reopen on Friday if the rain stopped."),
        ("Weather desk of the Lima Herald", "Weather desk of the Lima Herald"),
    ],
)
def test_cut_unfinished_drops_a_word_cut_by_the_excerpt(text, kept):
    assert cut_unfinished(text) == kept


def test_parse_document_drops_credit_lines_and_the_cut_end():
    text = ("Storm hits coast\n\nJane Doe/AP\nHide caption\nToggle caption\nJane Doe/AP\n"
            "A storm hit the coast of Peru on Monday. Crews worked all night.\n\n"
            "The mayor said the damage would be assessed next week by the National Disaster Agen")
    doc = parse_document(text.encode(), "t.txt")
    texts = [s.text for s in doc.segments]
    assert not [t for t in texts if "Jane Doe" in t or "caption" in t], texts
    assert texts[-1].endswith("assessed next week by the"), texts
