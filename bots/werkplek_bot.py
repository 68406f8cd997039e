"""The Teams bot: route each activity to understanding, a command, and the replies.

Thin on purpose: what the user means is decided in werkplek.language, what
happens in werkplek's services, what it looks like in cards/.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import (
    AdaptiveCardInvokeResponse,
    AdaptiveCardInvokeValue,
    ChannelAccount,
)

from bots.identity import Identities, user_key
from bots.my_data_turns import MyDataTurns
from bots.presence_turns import PresenceTurns
from bots.reminder_turns import REMINDER_COMMANDS, ReminderTurns
from bots.replies import Reply, to_activity
from bots.submits import command_from_submit
from bots.telework_turns import TELEWORK_COMMANDS, TeleworkTurns
from bots.turns import BookingTurns, Turn
from cards.elements import notice_card
from cards.help import help_card
from werkplek.calendar import today_in
from werkplek.commands import (
    MY_DATA_COMMANDS,
    PRESENCE_COMMANDS,
    Command,
    Help,
    SetReminders,
    ShowBookings,
    ShowPermanence,
    ShowReminders,
    ShowTeamWeek,
    TeleworkMonth,
    command_for,
    places_for,
)
from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.i18n import language_of, t
from werkplek.language import parse
from werkplek.organisation import Organisation

log = logging.getLogger(__name__)

# "<at>Werkplek</at> book a desk" in a team channel: the mention is not part of the request.
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
# Longer messages are cut before understanding: nobody books a desk in an essay.
MAX_TEXT = 2000
# Answers about other people or one's own plans: only in a personal chat with the bot.
PRIVATE_COMMANDS = (
    *PRESENCE_COMMANDS,
    ShowPermanence,
    TeleworkMonth,
    ShowBookings,
    ShowReminders,
    SetReminders,
    *MY_DATA_COMMANDS,  # the user's own data: never in a channel or group chat
)


def _personal(activity) -> bool:
    return (activity.conversation.conversation_type or "personal") == "personal"


class WerkplekBot(TeamsActivityHandler):
    def __init__(
        self,
        org: Organisation,
        identities: Identities,
        turns: BookingTurns,
        telework: TeleworkTurns,
        presence: PresenceTurns,
        reminders: ReminderTurns,
        clock: Callable[[], datetime],
        my_data: MyDataTurns,
    ) -> None:
        self.org = org
        self.identities = identities
        self.turns = turns
        self.telework = telework
        self.presence = presence
        self.reminders = reminders
        self.my_data = my_data
        self.clock = clock
        self.places = places_for(org)

    def _turn(self, turn_context: TurnContext, person) -> Turn:
        return Turn(
            person=person,
            language=language_of(turn_context.activity.locale),
            today=today_in(self.org.timezone, self.clock()),
        )

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        person = await self.identities.person(turn_context)
        turn = self._turn(turn_context, person)
        replies: list[Reply] = []
        command: Command
        if activity.value is not None:
            parsed = command_from_submit(activity.value, self.org, turn.today)
            if parsed is None:
                log.info("ignored a card submit that is not ours or no longer valid")
                replies.append(t(turn.language, "error.stale_button"))
                parsed = Help()
            command = parsed
        else:
            text = _MENTION.sub(" ", activity.text or "")
            understanding = parse(text[:MAX_TEXT], turn.today, self.places)
            command = command_for(understanding, self.org, turn.today)
        if not _personal(activity) and isinstance(command, PRIVATE_COMMANDS):
            # Everyone in a channel or group chat would read the answer: ask for a 1:1 chat.
            await turn_context.send_activity(t(turn.language, "error.personal_only"))
            return
        if (
            isinstance(command, ShowTeamWeek)
            and activity.value is not None
            and activity.reply_to_id
            and not replies
        ):
            # The week card's paging buttons (Action.Submit fallback): update the card in place.
            updated = to_activity(await self.presence.week_card(command, turn))
            updated.id = activity.reply_to_id
            await turn_context.update_activity(updated)
            return
        replies += await self._handler(command).run(command, turn)
        await turn_context.send_activities([to_activity(r) for r in replies])

    def _handler(self, command: Command):
        if isinstance(command, TELEWORK_COMMANDS):
            return self.telework
        if isinstance(command, PRESENCE_COMMANDS):
            return self.presence
        if isinstance(command, REMINDER_COMMANDS):
            return self.reminders
        if isinstance(command, MY_DATA_COMMANDS):
            return self.my_data
        return self.turns

    async def on_adaptive_card_invoke(
        self, turn_context: TurnContext, invoke_value: AdaptiveCardInvokeValue
    ) -> AdaptiveCardInvokeResponse:
        """Action.Execute (Universal Actions): the week card's paging refreshes it in place."""
        language = language_of(turn_context.activity.locale)
        try:
            person = await self.identities.person(turn_context)
            turn = self._turn(turn_context, person)
            data = (invoke_value.action or {}).get("data") if invoke_value else None
            command = command_from_submit(data, self.org, turn.today)
            if not isinstance(command, ShowTeamWeek) or not _personal(turn_context.activity):
                reply: Reply = t(language, "error.stale_button")
            else:
                reply = await self.presence.week_card(command, turn)
        except (StorageUnavailable, ConcurrentChange):
            reply = t(language, "error.busy")
        if isinstance(reply, str):
            reply = notice_card(reply)  # the invoke answer is a card: a message would not serialise
        return AdaptiveCardInvokeResponse(
            status_code=200, type="application/vnd.microsoft.card.adaptive", value=reply
        )

    async def on_teams_members_added_dispatch(
        self, members_added: list[ChannelAccount], team_info, turn_context: TurnContext
    ) -> None:
        """The SDK asks the roster for every added member it cannot place and fails the turn
        when one is unknown; the welcome needs only to know whether the bot was added."""
        await self.on_members_added_activity(members_added, turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        """Welcome the user once, when the app is added to their personal chat, and keep
        where to reach them (reminders)."""
        activity = turn_context.activity
        if (activity.conversation.conversation_type or "personal") != "personal":
            return
        if not any(m.id == activity.recipient.id for m in members_added):
            return
        await self.identities.person(turn_context, returned=True)
        language = language_of(activity.locale)
        name = (activity.from_property.name or "").split(" ")[0]
        heading = (
            t(language, "welcome.title_named", name=name) if name else t(language, "welcome.title")
        )
        card = help_card(language, heading=heading)
        await turn_context.send_activity(to_activity(card))

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Installed (again) in a personal chat: reachable for reminders from now on."""
        if _personal(turn_context.activity):
            await self.identities.person(turn_context, returned=True)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """Removed from the personal chat: no reminders until the user comes back."""
        activity = turn_context.activity
        if activity.action == "remove" and _personal(activity):
            self.identities.forget(user_key(activity))
            await self.reminders.store.mark_gone(user_key(activity))
