"""Only the package list lives here (pyproject.toml has everything else).

resources/ and translations/ sit at the top of the repository (product card) and are installed as
nongbon_ita.resources and nongbon_ita.translations (package-dir in pyproject.toml).
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["nongbon_ita", "nongbon_ita.*"]),
        "nongbon_ita.resources",
        "nongbon_ita.translations",
    ]
)
