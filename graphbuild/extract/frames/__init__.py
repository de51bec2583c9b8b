"""The frames: small rules registered by name (:mod:`graphbuild.extract.registry`).

``segment_rules`` run once per segment (titles, member lists); a trigger of the
lexicon opens the frame its part of speech (or its ``"frame"`` key) names; the noun
frame runs its argument finders (``noun_steps``) in the order the lexicon gives.
Importing this package registers every built-in rule.
"""

from __future__ import annotations

from . import copula, coordination, counterparts, event_noun, lists, noun, places, titles, verb  # noqa: F401  (registration)
