"""The visible text of a parsed HTML body as (text, kind) blocks, in one linear pass.

Without recursion (a page nested thousands of elements deep would exhaust Python's
stack) and without asking every element whether some block lies below it (quadratic
in the depth): which elements hold a block is computed once, bottom-up.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..limits import check_html_depth

#: Elements whose text is one block when no other block lies inside them.
BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
              "figcaption", "td", "th", "dt", "dd", "caption", "address")
#: Elements that are walked into even when no block lies inside them.
CONTAINER_TAGS = ("div", "section", "article", "main", "header", "body", "ul", "ol", "table", "tr", "tbody")


def tree_depth(root) -> int:
    """Depth of the element tree under ``root``, without recursion."""
    from bs4 import Tag

    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tag))
    return deepest


def check_depth(root) -> None:
    """LimitExceeded when the tree is deeper than the limit (checked before any other work)."""
    check_html_depth(tree_depth(root))


def prune(root, drop: Callable) -> None:
    """Remove every element for which ``drop(tag)`` is true, with what it holds; the
    elements inside a removed one are not looked at."""
    from bs4 import Tag

    doomed = []
    stack = [child for child in root.children if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if drop(tag):
            doomed.append(tag)
        else:
            stack.extend(child for child in tag.children if isinstance(child, Tag))
    for tag in doomed:
        tag.decompose()


def _holding_blocks(root, block_names: frozenset[str]) -> set[int]:
    """ids of the elements under ``root`` that have a block element below them."""
    from bs4 import Tag

    holding: set[int] = set()
    tags = [t for t in root.descendants if isinstance(t, Tag)]
    for tag in reversed(tags):  # children before their parents
        if tag.name in block_names or id(tag) in holding:
            parent = tag.parent
            if parent is not None:
                holding.add(id(parent))
    return holding


def text_blocks(body, block_tags: Iterable[str] = BLOCK_TAGS,
                container_tags: Iterable[str] = CONTAINER_TAGS) -> list[tuple[str, str]]:
    """(text, "heading" | "paragraph") for each block of ``body``, in document order.

    A block element with no block inside is one block; inline text between blocks is
    gathered into a paragraph; ``<br>`` ends a paragraph."""
    from bs4 import NavigableString, Tag

    block_names = frozenset(block_tags)
    containers = frozenset(container_tags)
    holding = _holding_blocks(body, block_names)
    blocks: list[tuple[str, str]] = []

    def flush(pending: list[str]) -> None:
        text = " ".join(" ".join(pending).split())
        if text:
            blocks.append((text, "paragraph"))
        pending.clear()

    stack = [(iter(body.children), [])]
    while stack:
        children, pending = stack[-1]
        child = next(children, None)
        if child is None:
            flush(pending)
            stack.pop()
        elif isinstance(child, NavigableString):
            pending.append(str(child))
        elif isinstance(child, Tag):
            if child.name in block_names and id(child) not in holding:
                flush(pending)
                text = " ".join(child.get_text(" ").split())
                if text:
                    kind = "heading" if child.name[0] == "h" and child.name[1:].isdigit() else "paragraph"
                    blocks.append((text, kind))
            elif child.name == "br":
                flush(pending)
            elif id(child) in holding or child.name in containers:
                flush(pending)
                stack.append((iter(child.children), []))
            else:
                pending.append(child.get_text(" "))
    return blocks
