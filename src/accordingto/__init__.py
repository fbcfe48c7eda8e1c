"""accordingto: according to whom? The sourcing of news articles, structured and checkable.

    >>> import accordingto
    >>> report = accordingto.analyze(text, published="2018-07-09")
    >>> for a in report.attributions: print(a.speaker, a.cue[0].text, a.content[0].text)
"""

from .errors import AccordingtoError, InputError
from .pipeline import analyze
from .schema import Attribution, Report, Speaker

__version__ = "0.1.0"
__all__ = ["analyze", "Report", "Attribution", "Speaker", "AccordingtoError", "InputError", "__version__"]
