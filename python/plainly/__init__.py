"""plainly: a writing-clarity linter for async work messages.

The wheel's real content is the ``plainly`` binary, installed next to Python's own
scripts. This module finds it, for ``python -m plainly`` and for tools that want to run
plainly without relying on ``PATH``.
"""

from __future__ import annotations

import os
import sys
import sysconfig

__all__ = ["find_plainly_bin"]


def find_plainly_bin() -> str:
    """Return the path of the ``plainly`` binary installed with this package."""
    exe = "plainly" + (sysconfig.get_config_var("EXE") or "")
    folders = [sysconfig.get_path("scripts")]
    # `pip install --user` puts scripts in the user scheme's folder.
    if sys.version_info >= (3, 10):
        user_scheme = sysconfig.get_preferred_scheme("user")
    elif os.name == "nt":
        user_scheme = "nt_user"
    elif sys.platform == "darwin" and getattr(sys, "_framework", None):
        user_scheme = "osx_framework_user"
    else:
        user_scheme = "posix_user"
    folders.append(sysconfig.get_path("scripts", scheme=user_scheme))
    # `pip install --target DIR` puts the package in DIR and scripts in DIR/bin.
    folders.append(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bin"))
    for folder in folders:
        path = os.path.join(folder, exe)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(f"the plainly binary is not in any of: {', '.join(folders)}")
