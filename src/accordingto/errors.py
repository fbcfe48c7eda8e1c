"""Typed errors: every way an input can be refused.

The CLI prints ``str(error)`` as one line on stderr and exits with
``error.exit_code``; API users catch :class:`AccordingtoError`.
"""


class AccordingtoError(Exception):
    """Base of every error accordingto raises on purpose."""

    exit_code = 1


class InputError(AccordingtoError):
    """The input cannot be analysed as a news article."""

    exit_code = 2


class EmptyInputError(InputError):
    """The input is empty, or only white space."""


class BinaryInputError(InputError):
    """The input is binary data (an image, an archive, a PDF…), not text."""


class EncodingError(InputError):
    """The input is not UTF-8 and no other text encoding fits it."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class NoArticleError(InputError):
    """An HTML page with no article body in it."""


class NotEnglishError(InputError):
    """The text is not in English."""


class ModelError(AccordingtoError):
    """A model file is missing or broken."""

    exit_code = 3


class NotAnalysedError(AccordingtoError, ValueError):
    """A spaCy Doc that has not been through the accordingto components (``Report.from_doc``)."""
