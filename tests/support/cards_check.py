"""Our own checks of an Adaptive Card, for what Microsoft's library lets through.

The library (tools/cards/validate.mjs) ignores unknown properties, an Image without a url and
the size of a card; Teams then drops or refuses what it does not know. `problems(card)` walks
a card and names each problem with where it is, e.g. "body[2].columns[0]: Column: unknown
property 'colour'". An empty list means the card passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cards.actions import ACTION_FIELD, CardAction

# Teams renders Adaptive Cards up to 1.5; its advice is to stay under 80 KB (100 KB is refused).
MAX_VERSION = (1, 5)
MAX_BYTES = 80 * 1024

# Properties of schema 1.5, per type (https://adaptivecards.io/explorer/), and nothing newer.
ELEMENT_COMMON = {
    "type",
    "id",
    "spacing",
    "separator",
    "isVisible",
    "fallback",
    "height",
    "requires",
}
INPUT_COMMON = ELEMENT_COMMON | {"isRequired", "errorMessage", "label"}
ACTION_COMMON = {
    "type",
    "id",
    "title",
    "iconUrl",
    "style",
    "fallback",
    "tooltip",
    "isEnabled",
    "mode",
    "requires",
}
CONTAINER_COMMON = {
    "selectAction",
    "style",
    "verticalContentAlignment",
    "bleed",
    "backgroundImage",
    "minHeight",
    "rtl",
}

ELEMENTS: dict[str, set[str]] = {
    "TextBlock": ELEMENT_COMMON
    | {
        "text",
        "color",
        "fontType",
        "horizontalAlignment",
        "isSubtle",
        "maxLines",
        "size",
        "weight",
        "wrap",
        "style",
    },
    "RichTextBlock": ELEMENT_COMMON | {"inlines", "horizontalAlignment"},
    "FactSet": ELEMENT_COMMON | {"facts"},
    "ColumnSet": ELEMENT_COMMON
    | {"columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"},
    "Container": ELEMENT_COMMON | CONTAINER_COMMON | {"items"},
    "ActionSet": ELEMENT_COMMON | {"actions"},
    "Image": ELEMENT_COMMON
    | {
        "url",
        "altText",
        "backgroundColor",
        "horizontalAlignment",
        "selectAction",
        "size",
        "style",
        "width",
    },
    "Input.Date": INPUT_COMMON | {"max", "min", "placeholder", "value"},
    "Input.ChoiceSet": INPUT_COMMON
    | {"choices", "isMultiSelect", "style", "value", "placeholder", "wrap"},
    "Input.Text": INPUT_COMMON
    | {"isMultiline", "maxLength", "placeholder", "regex", "style", "inlineAction", "value"},
}
COLUMN = {"type", "id", "items", "width", "fallback", "separator", "spacing", "isVisible"} | (
    CONTAINER_COMMON | {"requires"}
)
ACTIONS: dict[str, set[str]] = {
    "Action.Submit": ACTION_COMMON | {"data", "associatedInputs"},
    "Action.Execute": ACTION_COMMON | {"verb", "data", "associatedInputs"},
    "Action.ShowCard": ACTION_COMMON | {"card"},
    "Action.OpenUrl": ACTION_COMMON | {"url"},
}
CARD = {
    "type",
    "version",
    "$schema",
    "body",
    "actions",
    "selectAction",
    "fallbackText",
    "backgroundImage",
    "minHeight",
    "rtl",
    "speak",
    "lang",
    "verticalContentAlignment",
    "refresh",
    "authentication",
    "msteams",
}
MSTEAMS = {"width"}
FACT = {"title", "value"}
CHOICE = {"title", "value"}
TEXT_RUN = {
    "type",
    "text",
    "color",
    "fontType",
    "highlight",
    "isSubtle",
    "italic",
    "selectAction",
    "size",
    "strikethrough",
    "underline",
    "weight",
}
ELEMENTS["Input.Toggle"] = INPUT_COMMON | {"title", "value", "valueOn", "valueOff", "wrap"}
ELEMENTS["Input.Time"] = INPUT_COMMON | {"max", "min", "placeholder", "value"}
# What a user reads or hears: never left empty.
TEXTS = {
    "Input.Toggle": ("title", "label", "errorMessage"),
    "Input.Time": ("label", "errorMessage", "placeholder"),
    "TextBlock": ("text",),
    "TextRun": ("text",),
    "Image": ("altText",),
    "Input.Date": ("label", "errorMessage", "placeholder"),
    "Input.ChoiceSet": ("label", "errorMessage", "placeholder"),
    "Input.Text": ("label", "errorMessage", "placeholder"),
}
KNOWN_ACTIONS = {a.value for a in CardAction}


def version_of(text: Any) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in str(text).split("."))
    except ValueError:
        return None


def size_in_bytes(card: dict[str, Any]) -> int:
    """The card as Teams receives it: compact JSON, UTF-8."""
    return len(json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def problems(card: Any) -> list[str]:
    """Every problem of one card (a top-level Adaptive Card as the bot sends it)."""
    if not isinstance(card, dict):
        return ["the card is not a JSON object"]
    found = list(_card(card, "card", top=True))
    size = size_in_bytes(card)
    if size > MAX_BYTES:
        found.append(f"card: {size} bytes, over Teams' {MAX_BYTES} bytes")
    if _has_execute(card) and card.get("version") != "1.5":
        found.append("card: has Action.Execute, so its version must be 1.5")
    return found


def _card(card: dict[str, Any], where: str, top: bool) -> Iterator[str]:
    if card.get("type") != "AdaptiveCard":
        yield f"{where}: type must be AdaptiveCard, not {card.get('type')!r}"
    yield from _unknown(card, CARD, where, "AdaptiveCard")
    version = version_of(card.get("version"))
    if top and version is None:
        yield f"{where}: version {card.get('version')!r} is not a version"
    elif version is not None and version > MAX_VERSION:
        yield f"{where}: version {card.get('version')} is above 1.5, the highest Teams renders"
    msteams = card.get("msteams", {})
    if not isinstance(msteams, dict):
        yield f"{where}.msteams: must be an object"
    else:
        yield from _unknown(msteams, MSTEAMS, f"{where}.msteams", "msteams")
    for i, element in enumerate(_list(card, "body")):
        yield from _element(element, f"{where}.body[{i}]")
    for i, action in enumerate(_list(card, "actions")):
        yield from _action(action, f"{where}.actions[{i}]")


def _element(element: Any, where: str) -> Iterator[str]:
    if not isinstance(element, dict):
        yield f"{where}: an element must be an object"
        return
    kind = element.get("type")
    if kind not in ELEMENTS:
        yield f"{where}: unknown element type {kind!r}"
        return
    yield from _unknown(element, ELEMENTS[kind], where, kind)
    yield from _texts(element, kind, where)
    fallback = element.get("fallback")
    if isinstance(fallback, dict):
        yield from _element(fallback, f"{where}.fallback")
    elif fallback not in (None, "drop"):
        yield f"{where}: fallback must be an element or 'drop'"
    if kind.startswith("Input.") and element.get("isRequired"):
        for key in ("label", "errorMessage"):
            if not element.get(key):
                yield f"{where}: {kind} is required but has no {key}"
    if kind.startswith("Input.") and not element.get("id"):
        yield f"{where}: {kind} has no id"
    if kind == "Image" and not element.get("url"):
        yield f"{where}: Image has no url"
    if kind == "Image" and not element.get("altText"):
        yield f"{where}: Image has no altText (screen readers say nothing)"
    if kind == "Container":
        for i, item in enumerate(_list(element, "items")):
            yield from _element(item, f"{where}.items[{i}]")
    if kind == "ColumnSet":
        for i, column in enumerate(_list(element, "columns")):
            yield from _column(column, f"{where}.columns[{i}]")
    if kind == "ActionSet":
        for i, action in enumerate(_list(element, "actions")):
            yield from _action(action, f"{where}.actions[{i}]")
    if kind == "FactSet":
        for i, fact in enumerate(_list(element, "facts")):
            yield from _unknown(fact, FACT, f"{where}.facts[{i}]", "Fact")
            yield from _filled(fact, ("title", "value"), f"{where}.facts[{i}]", "Fact")
    if kind == "Input.ChoiceSet":
        for i, choice in enumerate(_list(element, "choices")):
            yield from _unknown(choice, CHOICE, f"{where}.choices[{i}]", "Choice")
            yield from _filled(choice, ("title", "value"), f"{where}.choices[{i}]", "Choice")
    if kind == "RichTextBlock":
        for i, run in enumerate(_list(element, "inlines")):
            if isinstance(run, str):
                continue
            yield from _unknown(run, TEXT_RUN, f"{where}.inlines[{i}]", "TextRun")
            yield from _texts(run, "TextRun", f"{where}.inlines[{i}]")
    for key in ("selectAction",):
        if isinstance(element.get(key), dict):
            yield from _action(element[key], f"{where}.{key}")


def _column(column: Any, where: str) -> Iterator[str]:
    if not isinstance(column, dict) or column.get("type", "Column") != "Column":
        yield f"{where}: a ColumnSet holds Columns only"
        return
    yield from _unknown(column, COLUMN, where, "Column")
    for i, item in enumerate(_list(column, "items")):
        yield from _element(item, f"{where}.items[{i}]")


def _action(action: Any, where: str) -> Iterator[str]:
    if not isinstance(action, dict):
        yield f"{where}: an action must be an object"
        return
    kind = action.get("type")
    if kind not in ACTIONS:
        yield f"{where}: unknown action type {kind!r}"
        return
    yield from _unknown(action, ACTIONS[kind], where, kind)
    title = action.get("title")
    if not isinstance(title, str) or not title.strip():
        yield f"{where}: {kind} has no title (a button must say what it does)"
    if kind == "Action.Submit":
        yield from _werkplek_data(action.get("data"), where)
    if kind == "Action.Execute":
        fallback = action.get("fallback")
        if not isinstance(fallback, dict) or fallback.get("type") != "Action.Submit":
            yield f"{where}: Action.Execute needs an Action.Submit fallback (older Teams clients)"
        else:
            yield from _action(fallback, f"{where}.fallback")
    if kind == "Action.ShowCard":
        inner = action.get("card")
        if not isinstance(inner, dict):
            yield f"{where}: Action.ShowCard has no card"
        else:
            yield from _card(inner, f"{where}.card", top=False)
    if kind == "Action.OpenUrl" and not action.get("url"):
        yield f"{where}: Action.OpenUrl has no url"


def _werkplek_data(data: Any, where: str) -> Iterator[str]:
    if not isinstance(data, dict) or ACTION_FIELD not in data:
        yield f"{where}: Action.Submit data carries no {ACTION_FIELD!r} (the bot cannot route it)"
    elif data[ACTION_FIELD] not in KNOWN_ACTIONS:
        yield f"{where}: Action.Submit asks for unknown action {data[ACTION_FIELD]!r}"


def _unknown(obj: Any, known: set[str], where: str, kind: str) -> Iterator[str]:
    if not isinstance(obj, dict):
        yield f"{where}: {kind} must be an object"
        return
    for key in obj:
        if key not in known:
            yield f"{where}: {kind}: unknown property {key!r} (schema 1.5)"


def _texts(element: dict[str, Any], kind: str, where: str) -> Iterator[str]:
    present = [key for key in TEXTS.get(kind, ()) if key in element]
    required = ["text"] if kind in ("TextBlock", "TextRun") else []
    yield from _filled(element, tuple(dict.fromkeys(required + present)), where, kind)


def _filled(obj: dict[str, Any], keys: tuple[str, ...], where: str, kind: str) -> Iterator[str]:
    for key in keys:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            yield f"{where}: {kind}: {key} is empty"


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    return value if isinstance(value, list) else [value]


def _has_execute(node: Any) -> bool:
    if isinstance(node, dict):
        return node.get("type") == "Action.Execute" or any(_has_execute(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_execute(v) for v in node)
    return False
