"""``python -m accordingto.cli``: the command line, as the ``accordingto`` script runs it."""

from . import main

main()
