"""``python -m adminduk``: runs the ``adminduk`` command."""

from adminduk.cli import main

raise SystemExit(main())
