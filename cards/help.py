"""The help card: what the bot can do, with buttons to start."""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Element, card, submit, text, title
from werkplek.i18n import t

_TOPICS = (
    "help.book",
    "help.list",
    "help.cancel",
    "help.telework",
    "help.presence",
    "help.permanence",
    "help.reminders",
    "help.my_data",
)


def help_card(language: str, heading: str | None = None, lead: str | None = None) -> Element:
    body: list[Element] = [title(heading or t(language, "help.title"))]
    if lead:
        body.append(text(lead, weight="Bolder"))
    body += [
        text(t(language, "help.intro")),
        text("\n".join(f"- {t(language, key)}" for key in _TOPICS)),
        text(t(language, "help.dates"), subtle=True),
    ]
    return card(
        body,
        [
            submit(t(language, "help.button_book"), CardAction.FORM, style="positive"),
            submit(t(language, "help.button_list"), CardAction.LIST),
        ],
    )
