"""Build hook: an installed mediakit carries the curated notebooks and the bundled article.

``pip install .`` (a wheel) copies ``notebooks/*.ipynb`` to ``mediakit/notebooks/`` and
``data/articles/*`` to ``mediakit/data/articles/``, so ``mediakit report`` finds its notebooks
(:func:`mediakit.report.notebooks_dir`) and the notebooks' default ``../data/articles/...`` path
works from there. A source checkout (``pip install -e .``) uses the top-level folders directly.
All other settings are in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: (folder in the checkout, file pattern, folder inside the package)
SHIPPED = (("notebooks", "*.ipynb", "notebooks"), ("data/articles", "*", "data/articles"), ("data", "README.md", "data"))


class BuildPyWithNotebooks(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's own folders are used
        for folder, pattern, target in SHIPPED:
            out = Path(self.build_lib) / "mediakit" / target
            out.mkdir(parents=True, exist_ok=True)
            for f in sorted((ROOT / folder).glob(pattern)):
                if f.is_file():
                    shutil.copy2(f, out / f.name)


setup(cmdclass={"build_py": BuildPyWithNotebooks})
