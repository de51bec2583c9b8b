"""Rules registered by name, in the spirit of spaCy's ``registry``: data (the trigger
lexicon) says which rule runs and in which order; code only registers functions.

    @trigger_frames.register("verb")
    def verb_frame(scope, token, trigger): ...
"""

from __future__ import annotations

from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)


class Registry:
    """Functions of one kind, by name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._functions: dict[str, Callable] = {}
        self._sequences: dict[tuple[str, ...], tuple[Callable, ...]] = {}

    def register(self, name: str) -> Callable[[F], F]:
        def add(func: F) -> F:
            if name in self._functions and self._functions[name] is not func:
                raise ValueError(f"{self.kind} {name!r} is registered twice")
            self._functions[name] = func
            self._sequences.clear()
            return func

        return add

    def unregister(self, name: str) -> None:
        self._functions.pop(name, None)
        self._sequences.clear()

    def get(self, name: str) -> Callable:
        try:
            return self._functions[name]
        except KeyError:
            raise ValueError(f"no {self.kind} named {name!r}; registered: {', '.join(sorted(self._functions))}") from None

    def sequence(self, names: tuple[str, ...]) -> tuple[Callable, ...]:
        """The functions of ``names``, in that order (looked up once per list of names)."""
        found = self._sequences.get(names)
        if found is None:
            found = self._sequences[names] = tuple(self.get(name) for name in names)
        return found

    def __contains__(self, name: str) -> bool:
        return name in self._functions

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._functions))


#: Rules run once per segment: (scope) -> Found.
segment_rules = Registry("segment rule")
#: Frames opened by a trigger: (scope, token, trigger) -> Found ("event-noun" gets the
#: event class of its noun instead of a trigger).
trigger_frames = Registry("frame")
#: Argument finders of the noun frame: (scope, noun, trigger, slots) -> slots.
noun_steps = Registry("noun step")
