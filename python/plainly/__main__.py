"""``python -m plainly ARGS``: runs the installed ``plainly`` binary with ARGS."""

from __future__ import annotations

import os
import sys

from plainly import find_plainly_bin


def main() -> None:
    plainly = os.fsdecode(find_plainly_bin())
    if sys.platform == "win32":
        # Windows has no exec: run it and pass its exit code on.
        import subprocess

        sys.exit(subprocess.run([plainly, *sys.argv[1:]]).returncode)
    os.execvp(plainly, [plainly, *sys.argv[1:]])


if __name__ == "__main__":
    main()
