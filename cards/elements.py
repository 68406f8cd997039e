"""Small builders for Adaptive Card elements, so every card looks and behaves alike.

Design rules every card follows (Teams' guidance for cards in a chat):

- One heading per card (``title``), marked as a heading for screen readers.
- Short texts that wrap: a card must read well in Teams mobile, about 300 px wide.
- Meaning never by colour or icon alone: an icon always stands next to words that say the
  same, and a coloured text says it in words too. The icons below are the only ones used, so
  an office day, a telework day or a permanence looks the same on every card.
- Buttons say what they do ("Cancel this booking", not "OK"); where several buttons share a
  short title, a tooltip (read out as the button's name) says which one it is.
"""

from __future__ import annotations

from typing import Any

from cards.actions import ACTION_FIELD, CardAction

# Teams renders Adaptive Cards up to 1.5.
SCHEMA_VERSION = "1.5"

Element = dict[str, Any]

# Kinds of day: shown before the day on every card that lists days.
OFFICE = "🏢"  # at the office, on a booked desk
HOME = "🏠"  # telework
PERMANENCE = "🛡️"  # on duty (permanence), whatever the place

# Outcomes: shown before a card's heading or its one-line answer.
DONE = "✅"  # it worked
ALREADY = "ℹ️"  # nothing to do, it was already so
REFUSED = "⛔"  # it could not be done, with the reason
WARNING = "⚠️"  # something to correct before trying again
MOVED = "↪️"  # a booking moved elsewhere
PENDING = "⏳"  # asked, waiting for someone else (a manager's approval)


def labelled(icon: str, words: str) -> str:
    """An icon with the words that carry its meaning (the icon is decoration)."""
    return f"{icon} {words}"


def card(body: list[Element], actions: list[Element] | None = None) -> Element:
    """A full-width card. One button stays in the card's action bar; two or more stand one
    under the other below the body, each in full: side by side, Teams cuts long titles
    ("Annuler cette réser…"), and a phone is narrower still."""
    result: Element = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": SCHEMA_VERSION,
        "msteams": {"width": "Full"},
        "body": body,
    }
    if actions and len(actions) > 1:
        result["body"] = [*body, *stacked(actions)]
    elif actions:
        result["actions"] = actions
    return result


def stacked(actions: list[Element]) -> list[Element]:
    """Buttons one under the other (an ActionSet each), as one group after the text."""
    return [
        action_set([action], spacing="Medium" if i == 0 else "Small")
        for i, action in enumerate(actions)
    ]


def sub_card(body: list[Element], actions: list[Element] | None = None) -> Element:
    """A card shown inside another one (Action.ShowCard): no schema, no Teams width."""
    result = card(body, actions)
    del result["$schema"], result["msteams"]
    return result


def title(text: str, icon: str | None = None) -> Element:
    return {
        "type": "TextBlock",
        "text": labelled(icon, text) if icon else text,
        "size": "Medium",
        "weight": "Bolder",
        "wrap": True,
        "style": "heading",
    }


def text(
    value: str,
    subtle: bool = False,
    weight: str | None = None,
    color: str | None = None,
    spacing: str | None = None,
) -> Element:
    element: Element = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        element["isSubtle"] = True
    if weight:
        element["weight"] = weight
    if color:
        element["color"] = color
    if spacing:
        element["spacing"] = spacing
    return element


def facts(pairs: list[tuple[str, str]]) -> Element:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in pairs]}


def submit(
    title_text: str,
    action: CardAction,
    style: str | None = None,
    tooltip: str | None = None,
    **data: Any,
) -> Element:
    element: Element = {
        "type": "Action.Submit",
        "title": title_text,
        "data": {ACTION_FIELD: action.value, **{k: v for k, v in data.items() if v is not None}},
    }
    if style:
        element["style"] = style
    if tooltip:
        element["tooltip"] = tooltip
    return element


def action_set(actions: list[Element], spacing: str | None = None) -> Element:
    element: Element = {"type": "ActionSet", "actions": actions}
    if spacing:
        element["spacing"] = spacing
    return element


def column(items: list[Element], width: str = "stretch") -> Element:
    return {"type": "Column", "width": width, "verticalContentAlignment": "Center", "items": items}


def columns(*cols: Element, separator: bool = False, spacing: str | None = None) -> Element:
    element: Element = {"type": "ColumnSet", "columns": list(cols)}
    if separator:
        element["separator"] = True
    if spacing:
        element["spacing"] = spacing
    return element


def choice_set(
    input_id: str,
    label: str,
    choices: list[tuple[str, str]],
    value: str | None = None,
    error: str | None = None,
    placeholder: str | None = None,
) -> Element:
    """A drop-down. Without a value, it shows `placeholder` and sends "" when left alone
    (a choice cannot have "" as its value: Adaptive Cards drops it)."""
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact",
        "choices": [{"title": t, "value": v} for t, v in choices],
    }
    if value is not None:
        element["value"] = value
    if placeholder:
        element["placeholder"] = placeholder
    if error:
        element["isRequired"] = True
        element["errorMessage"] = error
    return element


def notice_card(message: str) -> Element:
    """A one-line card, where an answer must be a card (an Action.Execute refresh)."""
    return card([text(message)])
