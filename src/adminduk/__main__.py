"""``python -m adminduk``: runs the ``adminduk`` command."""

from adminduk.cli import console

console()
