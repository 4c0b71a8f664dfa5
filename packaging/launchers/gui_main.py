"""Entry point of the frozen GUI (PyInstaller): the same as the wheel's `incident-journal` script."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
