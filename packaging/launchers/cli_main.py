"""Entry point of the frozen CLI (PyInstaller): the same as the wheel's `journal` script.

Not named journal.py: PyInstaller puts this folder first on its search path, and a journal.py
here would hide the journal package.
"""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
