"""Small builders for Adaptive Card elements, so every card looks and behaves alike."""

from __future__ import annotations

from typing import Any

from cards.actions import ACTION_FIELD, CardAction

# Teams renders Adaptive Cards up to 1.5.
SCHEMA_VERSION = "1.5"

Element = dict[str, Any]


def card(body: list[Element], actions: list[Element] | None = None) -> Element:
    result: Element = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": SCHEMA_VERSION,
        "msteams": {"width": "Full"},
        "body": body,
    }
    if actions:
        result["actions"] = actions
    return result


def title(text: str) -> Element:
    return {
        "type": "TextBlock",
        "text": text,
        "size": "Medium",
        "weight": "Bolder",
        "wrap": True,
        "style": "heading",
    }


def text(value: str, subtle: bool = False, weight: str | None = None) -> Element:
    element: Element = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        element["isSubtle"] = True
    if weight:
        element["weight"] = weight
    return element


def facts(pairs: list[tuple[str, str]]) -> Element:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in pairs]}


def submit(title_text: str, action: CardAction, style: str | None = None, **data: Any) -> Element:
    element: Element = {
        "type": "Action.Submit",
        "title": title_text,
        "data": {ACTION_FIELD: action.value, **{k: v for k, v in data.items() if v is not None}},
    }
    if style:
        element["style"] = style
    return element


def action_set(actions: list[Element]) -> Element:
    return {"type": "ActionSet", "actions": actions}


def choice_set(
    input_id: str,
    label: str,
    choices: list[tuple[str, str]],
    value: str | None = None,
    error: str | None = None,
) -> Element:
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact",
        "choices": [{"title": t, "value": v} for t, v in choices],
    }
    if value is not None:
        element["value"] = value
    if error:
        element["isRequired"] = True
        element["errorMessage"] = error
    return element
