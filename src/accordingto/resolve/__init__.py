"""Resolution: which real speaker each source is.

:func:`resolve` (:mod:`.linker`) links every attribution's source to one entity
of the article: the entities and their mentions come from :mod:`.entities`
(names grouped by :mod:`.aliases`, nominals chained), pronouns and definite
nominals are resolved by :mod:`.coref`, several speakers and parts of a group
by :mod:`.groups`, the source's own noun phrase is read by :mod:`.phrases`,
and the type of each entity comes from :mod:`.types`.
"""

from .linker import resolve

__all__ = ["resolve"]
