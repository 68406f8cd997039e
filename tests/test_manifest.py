"""The Teams app package: manifest/package.py builds build/werkplek-teams.zip, checked offline
against the official schemas by tools/manifest/validate.mjs (run here with node, as
package.py does), with icons Teams accepts and every command translated into nl and fr."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest

from werkplek.language.model import Intent
from werkplek.language.parser import parse

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "manifest"
VALIDATOR = ROOT / "tools" / "manifest" / "validate.mjs"
PACKAGE_FILES = {"manifest.json", "nl.json", "fr.json", "color.png", "outline.png"}
APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
NODE = shutil.which("node") or "node"


# --- helpers ---------------------------------------------------------------------------------


def run_package(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Runs manifest/package.py from another directory, writing into tmp_path."""
    output = tmp_path / "out" / "werkplek-teams.zip"
    environ = {
        key: value
        for key, value in os.environ.items()
        if key != "MicrosoftAppId" and not key.startswith("WERKPLEK_")
    }
    environ.update(env)
    result = subprocess.run(
        [sys.executable, str(MANIFEST / "package.py"), "--output", str(output)],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    return result, output


def validate(manifest_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NODE, str(VALIDATOR), str(manifest_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built with a real-looking app id and custom settings, unzipped."""
    tmp_path = tmp_path_factory.mktemp("package")
    result, output = run_package(
        tmp_path,
        MicrosoftAppId=APP_ID,
        WERKPLEK_APP_VERSION="2.3.4",
        WERKPLEK_PRIVACY_URL="https://intranet.example.be/privacy",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output)
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(output) as archive:
        assert set(archive.namelist()) == PACKAGE_FILES
        archive.extractall(unzipped)
    return unzipped


@pytest.fixture
def valid_copy(package: Path, tmp_path: Path) -> Path:
    """A writable copy of the packaged files, to break one thing at a time."""
    folder = tmp_path / "copy"
    shutil.copytree(package, folder)
    return folder


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_png(path: Path) -> tuple[int, int, list[list[tuple[int, int, int, int]]]]:
    """Width, height and RGBA rows of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"{path.name}: bad CRC in {kind!r}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + guess) & 0xFF
        rows.append(
            [
                tuple(line[x : x + channels]) + ((255,) if channels == 3 else ())
                for x in range(0, stride, channels)
            ]
        )
        previous = line
    return width, height, rows


# --- the package -----------------------------------------------------------------------------


def test_packaged_manifest_validates_against_the_official_schemas(package: Path) -> None:
    result = validate(package / "manifest.json")
    assert result.returncode == 0, result.stderr
    assert "v1.22/MicrosoftTeams.schema.json" in result.stdout
    assert "2 localization file(s)" in result.stdout


def test_package_has_the_five_files_at_its_root_with_the_app_id_filled_in(package: Path) -> None:
    assert {path.name for path in package.iterdir()} == PACKAGE_FILES
    manifest = load(package / "manifest.json")
    assert manifest["id"] == APP_ID
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == "2.3.4"
    assert manifest["developer"]["privacyUrl"] == "https://intranet.example.be/privacy"
    assert manifest["developer"]["websiteUrl"] == "https://github.com/werkplek/werkplek"
    assert "{{" not in (package / "manifest.json").read_text(encoding="utf-8")
    for name in ("nl.json", "fr.json", "color.png", "outline.png"):
        assert (package / name).read_bytes() == (MANIFEST / name).read_bytes()


def test_without_microsoft_app_id_the_package_uses_the_nil_guid_and_warns(tmp_path: Path) -> None:
    result, output = run_package(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "MicrosoftAppId" in result.stderr
    with zipfile.ZipFile(output) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["id"] == manifest["bots"][0]["botId"] == "00000000-0000-0000-0000-000000000000"
    assert manifest["version"] == "1.0.0"
    assert manifest["developer"]["termsOfUseUrl"].startswith("https://github.com/werkplek/")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MicrosoftAppId": "not-a-guid"}, "MicrosoftAppId"),
        ({"MicrosoftAppId": APP_ID + "0"}, "MicrosoftAppId"),
        ({"WERKPLEK_APP_VERSION": "1.0"}, "WERKPLEK_APP_VERSION"),
        ({"WERKPLEK_WEBSITE_URL": "http://example.org"}, "WERKPLEK_WEBSITE_URL"),
    ],
)
def test_a_wrong_setting_is_refused_with_exit_code_2_and_no_zip(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    result, output = run_package(tmp_path, **env)
    assert result.returncode == 2
    assert named in result.stderr and "no package written" in result.stderr
    assert not output.exists()


def test_the_package_is_written_under_build_at_the_repository_root() -> None:
    spec = importlib.util.spec_from_file_location("werkplek_package", MANIFEST / "package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUTPUT == ROOT / "build" / "werkplek-teams.zip"


# --- the validator can fail ------------------------------------------------------------------


def _drop_accent_color(manifest: dict) -> None:
    del manifest["accentColor"]


def _wrong_manifest_version(manifest: dict) -> None:
    manifest["manifestVersion"] = "1.99"


def _bot_id_not_a_guid(manifest: dict) -> None:
    manifest["bots"][0]["botId"] = "werkplek-bot"


def _unknown_property(manifest: dict) -> None:
    manifest["bots"][0]["supportsDesks"] = True


def _missing_icon(manifest: dict) -> None:
    manifest["icons"]["color"] = "missing.png"


def _schema_not_bundled(manifest: dict) -> None:
    manifest["$schema"] = "https://example.org/MicrosoftTeams.schema.json"


@pytest.mark.parametrize(
    ("breaks", "reported"),
    [
        (_drop_accent_color, "accentColor"),
        (_wrong_manifest_version, "/manifestVersion"),
        (_bot_id_not_a_guid, "/bots/0/botId"),
        (_unknown_property, "supportsDesks"),
        (_missing_icon, "missing.png"),
        (_schema_not_bundled, "not an official Teams schema URL"),
    ],
)
def test_an_invalid_manifest_is_reported_as_invalid(valid_copy: Path, breaks, reported) -> None:
    manifest = load(valid_copy / "manifest.json")
    breaks(manifest)
    save(valid_copy / "manifest.json", manifest)
    result = validate(valid_copy / "manifest.json")
    assert result.returncode == 1, result.stdout
    assert reported in result.stderr


@pytest.mark.parametrize(
    ("key", "value", "reported"),
    [
        ("description.short", "x" * 81, "description.short"),
        ("bots[0].commandLists[0].commands[9].title", "reserveer", "commands[9].title"),
        ("name.short", "", "name.short"),
    ],
)
def test_an_invalid_localization_file_is_reported_as_invalid(
    valid_copy: Path, key: str, value: str, reported: str
) -> None:
    strings = load(valid_copy / "nl.json")
    strings[key] = value
    save(valid_copy / "nl.json", strings)
    result = validate(valid_copy / "manifest.json")
    assert result.returncode == 1, result.stdout
    assert "nl.json" in result.stderr and reported in result.stderr


def test_packaging_refuses_a_manifest_that_does_not_validate(tmp_path: Path) -> None:
    """package.py itself runs the validator: a broken template gives exit 2 and no zip."""
    copy = tmp_path / "repo"
    shutil.copytree(MANIFEST, copy / "manifest", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(VALIDATOR.parent, copy / "tools" / "manifest")
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    manifest = load(copy / "manifest" / "manifest.json")
    manifest["manifestVersion"] = "1.99"
    save(copy / "manifest" / "manifest.json", manifest)
    result = subprocess.run(
        [sys.executable, str(copy / "manifest" / "package.py")],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "MicrosoftAppId"},
        check=False,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "does not validate" in result.stderr and "/manifestVersion" in result.stderr
    assert not (copy / "build" / "werkplek-teams.zip").exists()


# --- the manifest template -------------------------------------------------------------------


def test_template_takes_the_app_id_and_urls_from_placeholders() -> None:
    manifest = load(MANIFEST / "manifest.json")
    assert manifest["id"] == manifest["bots"][0]["botId"] == "{{MicrosoftAppId}}"
    assert manifest["version"] == "{{Version}}"
    assert manifest["developer"] == {
        "name": "Werkplek contributors",
        "websiteUrl": "{{WebsiteUrl}}",
        "privacyUrl": "{{PrivacyUrl}}",
        "termsOfUseUrl": "{{TermsUrl}}",
    }


def test_bot_is_offered_in_personal_team_and_group_chat_without_files() -> None:
    manifest = load(MANIFEST / "manifest.json")
    assert manifest["manifestVersion"] == "1.22"
    (bot,) = manifest["bots"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert bot["supportsFiles"] is False
    assert sorted(scope for lst in bot["commandLists"] for scope in lst["scopes"]) == sorted(
        bot["scopes"]
    )
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "en"
    assert {
        (a["languageTag"], a["file"]) for a in manifest["localizationInfo"]["additionalLanguages"]
    } == {
        ("nl", "nl.json"),
        ("fr", "fr.json"),
    }


INTENTS = [Intent.BOOK, Intent.LIST, Intent.CANCEL, Intent.HELP, Intent.REMINDERS, Intent.MY_DATA]


def commands(language: str) -> list[tuple[str, str, str]]:
    """(key prefix, title, description) of every command in commandLists, in a language."""
    manifest = load(MANIFEST / "manifest.json")
    strings = {} if language == "en" else load(MANIFEST / f"{language}.json")
    found = []
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        for j, command in enumerate(command_list["commands"]):
            key = f"bots[0].commandLists[{i}].commands[{j}]"
            title = strings.get(f"{key}.title", command["title"] if language == "en" else None)
            description = strings.get(
                f"{key}.description", command["description"] if language == "en" else None
            )
            found.append((key, title, description))
    return found


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_command_has_a_translated_title_and_description(language: str) -> None:
    english = commands("en")
    translated = commands(language)
    assert len(translated) == len(english) >= 12
    for (key, title, description), (_, en_title, _) in zip(translated, english, strict=True):
        assert title and description, f"{language}.json lacks {key}"
        if en_title != "help":  # "help" is not a word in Dutch or French either way
            assert title != en_title, f"{language}.json: {key}.title is not translated"
    strings = load(MANIFEST / f"{language}.json")
    for key in ("name.short", "name.full", "description.short", "description.full"):
        assert strings.get(key), f"{language}.json lacks {key}"


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_every_command_title_is_understood_by_the_bot(language: str) -> None:
    for _key, title, _ in commands(language):
        intent = parse(title, date(2026, 11, 23)).intent
        index = int(_key.rsplit("[", 1)[1].rstrip("]"))
        assert intent == INTENTS[index], f"{language}: {title!r} is understood as {intent}"


# --- icons -----------------------------------------------------------------------------------


def test_colour_icon_is_192_pixels_square_and_opaque() -> None:
    width, height, rows = read_png(MANIFEST / "color.png")
    assert (width, height) == (192, 192)
    assert all(pixel[3] == 255 for row in rows for pixel in row)
    colours = {pixel[:3] for row in rows for pixel in row}
    accent = load(MANIFEST / "manifest.json")["accentColor"]
    assert rows[0][0][:3] == tuple(int(accent[i : i + 2], 16) for i in (1, 3, 5))
    assert (255, 255, 255) in colours


def test_outline_icon_is_32_pixels_square_white_on_transparent() -> None:
    width, height, rows = read_png(MANIFEST / "outline.png")
    assert (width, height) == (32, 32)
    pixels = [pixel for row in rows for pixel in row]
    assert all(alpha == 0 or (r, g, b) == (255, 255, 255) for r, g, b, alpha in pixels)
    assert rows[0][0][3] == rows[-1][-1][3] == 0  # transparent background
    assert sum(pixel[3] == 255 for pixel in pixels) > 50  # and a visible white symbol


def test_committed_icons_are_what_icons_py_draws() -> None:
    result = subprocess.run(
        [sys.executable, str(MANIFEST / "icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
