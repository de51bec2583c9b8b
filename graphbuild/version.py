"""The version of graphbuild (a module of its own: every module may import it)."""

__version__ = "0.1.0"
