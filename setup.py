"""Builds the compiled hot paths (Cython); everything else is declared in pyproject.toml.

Each extension is optional: without a C++ compiler the package installs and runs on the Python
reference implementations of the same functions, only slower (`watchfloor.names.similarity`).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

EXTENSIONS = [
    Extension("watchfloor.names._align", ["src/watchfloor/names/_align.pyx"], language="c++", optional=True),
    Extension(
        "watchfloor.index._candidates",
        ["src/watchfloor/index/_candidates.pyx"],
        language="c++",
        optional=True,
    ),
    Extension("watchfloor.match._score", ["src/watchfloor/match/_score.pyx"], language="c++", optional=True),
]

setup(
    ext_modules=cythonize(
        EXTENSIONS, compiler_directives={"language_level": "3"}, include_path=["src"], quiet=True
    )
)
