"""Builds the Teams app package build/werkplek-teams.zip (what `make package` runs).

    python manifest/package.py [--output PATH]

Fills the placeholders of manifest/manifest.json from the environment:

- `{{MicrosoftAppId}}` (app id and bot id): `MicrosoftAppId`; when unset, the nil GUID
  00000000-0000-0000-0000-000000000000 with a warning;
- `{{Version}}`: `WERKPLEK_APP_VERSION`, default 1.0.0;
- `{{WebsiteUrl}}`: `WERKPLEK_WEBSITE_URL`, default https://github.com/werkplek/werkplek;
- `{{PrivacyUrl}}`: `WERKPLEK_PRIVACY_URL`, default the repository's PRIVACY.md
  (https://github.com/werkplek/werkplek/blob/main/PRIVACY.md);
- `{{TermsUrl}}`: `WERKPLEK_TERMS_URL`, default the repository's TERMS.md (same place);

then validates the result offline against the official schemas (tools/manifest/validate.mjs,
with the schemas bundled in @microsoft/app-manifest) and only then writes the zip: manifest.json,
nl.json, fr.json, color.png and outline.png at its root. Exits 2, writing nothing, when a value
or the result is invalid; prints the path of the zip on stdout when all is well.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

log = logging.getLogger("werkplek.manifest.package")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = ROOT / "build" / "werkplek-teams.zip"
VALIDATOR = ROOT / "tools" / "manifest" / "validate.mjs"
TEMPLATE = "manifest.json"
FILES = ("manifest.json", "nl.json", "fr.json", "color.png", "outline.png")

NIL_GUID = "00000000-0000-0000-0000-000000000000"
GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
# What Teams accepts as an app version: MAJOR.MINOR.PATCH, numbers without leading zeros.
SEMVER = re.compile(r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$")
HTTPS = re.compile(r"^https://[^\s\"<>]+$")
PLACEHOLDER = re.compile(r"\{\{([A-Za-z]+)\}\}")

REPOSITORY = "https://github.com/werkplek/werkplek"
URLS = {
    "WebsiteUrl": ("WERKPLEK_WEBSITE_URL", REPOSITORY),
    "PrivacyUrl": ("WERKPLEK_PRIVACY_URL", f"{REPOSITORY}/blob/main/PRIVACY.md"),
    "TermsUrl": ("WERKPLEK_TERMS_URL", f"{REPOSITORY}/blob/main/TERMS.md"),
}


class PackageError(Exception):
    """The package cannot be built as asked; the message says why."""


def placeholder_values(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The value of every placeholder, from the environment or the defaults; checked."""
    app_id = environ.get("MicrosoftAppId", "").strip()
    if not app_id:
        log.warning(
            "MicrosoftAppId is not set: the package uses the placeholder id %s, which Teams "
            "cannot reach; set MicrosoftAppId to the Azure Bot's app id for a real package",
            NIL_GUID,
        )
        app_id = NIL_GUID
    elif not GUID.match(app_id):
        raise PackageError(
            f"MicrosoftAppId {app_id!r} is not a GUID "
            "(expected e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301, the Azure Bot's app id)"
        )
    version = environ.get("WERKPLEK_APP_VERSION", "").strip() or "1.0.0"
    if not SEMVER.match(version):
        raise PackageError(
            f"WERKPLEK_APP_VERSION {version!r} is not a MAJOR.MINOR.PATCH version (e.g. 1.0.0)"
        )
    values = {"MicrosoftAppId": app_id, "Version": version}
    for name, (variable, default) in URLS.items():
        url = environ.get(variable, "").strip() or default
        if not HTTPS.match(url):
            raise PackageError(f"{variable} {url!r} is not an https:// URL")
        values[name] = url
    return values


def fill(node: object, values: dict[str, str]) -> object:
    """The JSON value with every {{Name}} in its strings replaced; unknown names are an error."""
    if isinstance(node, dict):
        return {key: fill(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [fill(value, values) for value in node]
    if isinstance(node, str):

        def replace(match: re.Match[str]) -> str:
            if match.group(1) not in values:
                raise PackageError(f"manifest.json: unknown placeholder {match.group(0)}")
            return values[match.group(1)]

        return PLACEHOLDER.sub(replace, node)
    return node


def filled_manifest(values: dict[str, str], source: Path = HERE) -> bytes:
    template = json.loads((source / TEMPLATE).read_text(encoding="utf-8"))
    manifest = fill(template, values)
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def validate(folder: Path) -> list[str]:
    """Problems found by the offline validator in folder/manifest.json (empty: valid)."""
    node = shutil.which("node")
    if node is None:
        raise PackageError("node is not installed; it is needed to validate the manifest")
    result = subprocess.run(
        [node, str(VALIDATOR), str(folder / "manifest.json")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode == 0:
        log.info("%s", result.stdout.strip())
        return []
    problems = [line for line in result.stderr.splitlines() if line.strip()]
    if result.returncode != 1:
        raise PackageError("the manifest validator failed:\n  " + "\n  ".join(problems))
    return problems


def build(output: Path = OUTPUT, environ: dict[str, str] | None = None) -> Path:
    """Writes the validated package to output and returns its path."""
    values = placeholder_values(os.environ if environ is None else environ)
    with tempfile.TemporaryDirectory(prefix="werkplek-teams-") as staging:
        folder = Path(staging)
        for name in FILES:
            if not (HERE / name).is_file():
                raise PackageError(f"manifest/{name} is missing")
            if name != TEMPLATE:
                shutil.copyfile(HERE / name, folder / name)
        (folder / TEMPLATE).write_bytes(filled_manifest(values))
        problems = validate(folder)
        if problems:
            raise PackageError(
                "the manifest does not validate against the official schemas:\n  "
                + "\n  ".join(problems)
            )
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in FILES:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (folder / name).read_bytes())
        partial.replace(output)
    log.info("app id %s, version %s", values["MicrosoftAppId"], values["Version"])
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Werkplek Teams app package.")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO").upper(), format="%(levelname)s %(message)s"
    )
    try:
        path = build(args.output.resolve())
    except PackageError as error:
        log.error("no package written: %s", error)
        return 2
    sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
