#!/usr/bin/env python3
"""Installs the released plainly binary for this runner, for the GitHub Action.

The Action (action.yml) runs this first. It picks the release archive for the runner's
OS and architecture, made by .github/workflows/release.yml for the tag `v` + the
version in the action's Cargo.toml, downloads it with its `.sha256` file, checks the
checksum, and puts the binary in DEST/bin. That release is used only when the action's
ref is its tag (`v0.2.0`) or a moving major or minor tag (`v0`, `v0.2`) whose code has
that version; a branch or a commit could hold other code, so it gets no download.

It writes `installed=true` to $GITHUB_OUTPUT when it installed plainly, and
`installed=false` when no release matches (no release for the ref, none for this
platform, or the release has no such archive): the Action then builds plainly with
cargo. A checksum that does not match, a broken archive or a binary that does not run
is an error (exit 1), never a reason to fall back.

PLAINLY_RELEASES_URL replaces https://github.com/OWNER/NAME/releases/download (for a
mirror, GitHub Enterprise, or a test): assets are read from URL/TAG/NAME, and URL may be
a local folder. Standard library only; Python 3.8 or newer.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

# (RUNNER_OS, RUNNER_ARCH) -> the Rust target the release workflow builds for it.
TARGETS = {
    ("Linux", "X64"): "x86_64-unknown-linux-musl",
    ("Linux", "ARM64"): "aarch64-unknown-linux-musl",
    ("macOS", "X64"): "x86_64-apple-darwin",
    ("macOS", "ARM64"): "aarch64-apple-darwin",
    ("Windows", "X64"): "x86_64-pc-windows-msvc",
}


class NoRelease(Exception):
    """No release matches: the Action builds plainly with cargo instead."""


class Failed(Exception):
    """Something is wrong with a release that does exist."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", required=True, help="install into DEST/bin")
    parser.add_argument("--action-path", default=os.environ.get("GITHUB_ACTION_PATH", "."))
    parser.add_argument("--ref", default=os.environ.get("PLAINLY_ACTION_REF", ""))
    parser.add_argument("--repository", default=os.environ.get("PLAINLY_ACTION_REPOSITORY", ""))
    parser.add_argument("--os", default=os.environ.get("RUNNER_OS", ""))
    parser.add_argument("--arch", default=os.environ.get("RUNNER_ARCH", ""))
    parser.add_argument("--releases-url", default=os.environ.get("PLAINLY_RELEASES_URL", ""))
    args = parser.parse_args()

    try:
        summary = install(args)
        installed = True
        print(f"plainly: {summary}")
    except NoRelease as why:
        installed = False
        print(f"plainly: {why}; building it with cargo instead.")
    except Failed as why:
        print(f"::error title=plainly::{why}")
        return 1
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as out:
            out.write(f"installed={'true' if installed else 'false'}\n")
    return 0


def install(args: argparse.Namespace) -> str:
    target = TARGETS.get((args.os, args.arch))
    if target is None:
        raise NoRelease(f"no prebuilt binary for {args.os or 'this OS'} on {args.arch or 'this architecture'}")
    version = crate_version(args.action_path)
    tag = f"v{version}"
    ref, repository = args.ref, args.repository
    if not ref or not repository:
        # github.action_ref and github.action_repository can be empty in composite
        # actions; the runner checks the action out at _actions/OWNER/NAME/REF.
        ref, repository = from_action_path(args.action_path, ref, repository)
    if ref not in release_refs(version):
        raise NoRelease(f"the action's ref {ref or '(unknown)'} is not the release tag {tag}")
    base = args.releases_url or (repository and f"https://github.com/{repository}/releases/download")
    if not base:
        raise NoRelease("the action's repository is unknown")

    archive = f"plainly-{target}.zip" if args.os == "Windows" else f"plainly-{target}.tar.gz"
    location = f"{base.rstrip('/')}/{tag}"
    data = fetch(location, archive)
    expected = parse_checksum(fetch(location, archive + ".sha256"), archive)
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise Failed(f"{location}/{archive}: SHA-256 is {actual}, but {archive}.sha256 says {expected}")

    exe = "plainly.exe" if args.os == "Windows" else "plainly"
    member = f"plainly-{target}/{exe}"
    bin_dir = os.path.join(args.dest, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    path = os.path.join(bin_dir, exe)
    with open(path, "wb") as out:
        out.write(extract(data, archive, member))
    os.chmod(path, 0o755)

    try:
        ran = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except OSError as err:
        raise Failed(f"{path} does not run on this runner: {err}") from err
    if ran.returncode != 0 or ran.stdout.strip() != f"plainly {version}":
        raise Failed(f"{path} --version printed {ran.stdout.strip()!r} (exit {ran.returncode}), not 'plainly {version}'")
    return f"installed plainly {version} for {target} from {location}/{archive} (SHA-256 {actual})"


def crate_version(action_path: str) -> str:
    """The version in the action's Cargo.toml: the first `version = "…"` line."""
    manifest = os.path.join(action_path, "Cargo.toml")
    try:
        with open(manifest, encoding="utf-8") as f:
            for line in f:
                match = re.match(r'version\s*=\s*"([^"]+)"\s*$', line)
                if match:
                    return match.group(1)
    except OSError as err:
        raise NoRelease(f"cannot read {manifest}: {err.strerror}") from err
    raise NoRelease(f"no version in {manifest}")


def release_refs(version: str) -> set:
    """The refs that name this version's release: v1.2.3, and the moving tags v1 and v1.2."""
    parts = version.split("+")[0].split(".")
    refs = {f"v{version}"}
    if "-" not in version and len(parts) == 3:
        refs |= {f"v{parts[0]}", f"v{parts[0]}.{parts[1]}"}
    return refs


def from_action_path(action_path: str, ref: str, repository: str):
    """Fills in the ref and repository from a path like …/_actions/OWNER/NAME/REF."""
    parts = os.path.normpath(os.path.abspath(action_path)).replace("\\", "/").split("/")
    if len(parts) >= 4 and parts[-4] == "_actions":
        return ref or parts[-1], repository or f"{parts[-3]}/{parts[-2]}"
    return ref, repository


def fetch(location: str, name: str) -> bytes:
    """The bytes of LOCATION/NAME, from a URL or a local folder. A missing asset raises
    NoRelease; any other failure, after three tries, raises Failed."""
    url = f"{location}/{name}"
    scheme = urllib.parse.urlparse(location).scheme
    if scheme in ("", "file") or re.match(r"^[A-Za-z]:[\\/]", location):
        path = urllib.request.url2pathname(urllib.parse.urlparse(url).path) if scheme == "file" else url
        try:
            with open(path, "rb") as f:
                return f.read()
        except FileNotFoundError as err:
            raise NoRelease(f"the release has no {name} ({path})") from err
        except OSError as err:
            raise Failed(f"cannot read {path}: {err.strerror}") from err
    last = None
    for attempt in range(3):
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "plainly-action"})
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if err.code == 404:
                raise NoRelease(f"the release has no {name} ({url})") from err
            last = f"HTTP {err.code}"
        except (urllib.error.URLError, OSError) as err:
            last = str(getattr(err, "reason", err))
        time.sleep(2 * (attempt + 1))
    raise Failed(f"cannot download {url}: {last}")


def parse_checksum(text: bytes, archive: str) -> str:
    """The SHA-256 for ARCHIVE in a `sha256sum` line: `HEX  NAME` (or `HEX *NAME`)."""
    for line in text.decode("utf-8", "replace").splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[1].lstrip("*") == archive and re.fullmatch(r"[0-9a-fA-F]{64}", fields[0]):
            return fields[0].lower()
    raise Failed(f"{archive}.sha256 has no SHA-256 for {archive}")


def extract(data: bytes, archive: str, member: str) -> bytes:
    """The one file MEMBER of the archive; nothing else is written anywhere."""
    try:
        if archive.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return z.read(member)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as t:
            f = t.extractfile(member)
            if f is None:
                raise KeyError(member)
            return f.read()
    except KeyError as err:
        raise Failed(f"{archive} has no {member}") from err
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError) as err:
        raise Failed(f"{archive} is not a readable archive: {err}") from err


if __name__ == "__main__":
    sys.exit(main())
