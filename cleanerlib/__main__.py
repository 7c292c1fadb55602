"""``python -m cleanerlib``: the same as the ``cleanerlib`` command.

Running ``python -m cleanerlib._cli`` instead would execute a second copy of that module as
``__main__``, whose ``SUBCOMMANDS`` the optional subcommand modules never see.
"""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
