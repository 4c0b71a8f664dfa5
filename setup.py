"""Only what pyproject.toml cannot say; everything else (metadata, dependencies, entry points,
package data) is in pyproject.toml.

The repository keeps the app's data files in resources/ (icons, Qt .qm catalogues, PDF fonts),
outside the Python packages. A wheel installs that folder as the package
`incident_journal_resources`, found at run time with importlib.resources
(journal/resource_files.py). pyproject.toml's [tool.setuptools] can map a folder to a package
name (package-dir) but not combine that mapping with automatic discovery of journal/ and ui/,
and listing every sub-package by hand would silently drop the next one added.
Data-only folders (journal/locale/<lang>/LC_MESSAGES, resources/icons, ...) are listed as
namespace packages, as setuptools asks, so their files are package data and not a warning.
tests/test_wheel.py builds the wheel and checks that every module and data file is in it.
"""

from setuptools import find_namespace_packages, setup

NOT_PACKAGES = ["__pycache__", "*.__pycache__"]
RESOURCES = "incident_journal_resources"

setup(
    packages=[
        *find_namespace_packages(include=["journal", "journal.*", "ui", "ui.*"], exclude=NOT_PACKAGES),
        RESOURCES,
        *(f"{RESOURCES}.{name}" for name in find_namespace_packages(where="resources", exclude=NOT_PACKAGES)),
    ],
    package_dir={RESOURCES: "resources"},
)
