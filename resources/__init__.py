"""The app's own data files, installed as the package `incident_journal_resources`.

This folder (resources/ in the repository) is mapped to that package name by setup.py and
pyproject.toml, so a wheel carries the icons, the Qt .qm catalogues and the PDF fonts, and
journal.resource_files finds them with importlib.resources wherever the app is installed.
There is no code here.
"""
