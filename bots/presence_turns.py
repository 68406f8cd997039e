"""Presence commands for one user: who is in, where is someone, the team week, follows, privacy.

Names are matched against everyone the bot knows; an ambiguous name gets a choice card.
A follow request reaches the followed person as a card in their own chat.
"""

from __future__ import annotations

from datetime import date

from bots.notify import Notifier
from bots.replies import Reply
from bots.turns import BookingTurns, Turn
from cards.presence import (
    choose_person_card,
    day_card,
    follow_request_card,
    person_card,
    privacy_card,
    week_card,
)
from storage.users import TableUserRepository
from werkplek.commands import (
    AnswerFollow,
    Book,
    BookNear,
    Command,
    Follow,
    Privacy,
    ShowTeamWeek,
    WhereIs,
    WhoIsIn,
)
from werkplek.i18n import format_day, language_of, t
from werkplek.presence import Colleague, Visibility
from werkplek.presence_service import (
    FOLLOW_ACCEPTED,
    FOLLOW_PENDING,
    FollowAnswer,
    NotYourTeam,
    PresenceService,
)


class PresenceTurns:
    def __init__(
        self,
        presence: PresenceService,
        booking: BookingTurns,
        notifier: Notifier,
        users: TableUserRepository,
    ) -> None:
        self.presence = presence
        self.org = presence.org
        self.booking = booking
        self.notifier = notifier
        self.users = users

    async def run(self, command: Command, turn: Turn) -> list[Reply]:
        lang, today = turn.language, turn.today
        match command:
            case WhoIsIn():
                view = await self.presence.day(turn.person, command.day, command.zone_key)
                return [day_card(self.org, view, lang, today, viewer=turn.person.email)]
            case WhereIs():
                found = await self._colleague(
                    command.name, command.email, turn, "where_is", command.day
                )
                if not isinstance(found, Colleague):
                    return [found]
                lookup = await self.presence.where(turn.person, found, command.day)
                return [
                    person_card(
                        self.org, lookup.entry, found, command.day, lang, today, lookup.shared
                    )
                ]
            case ShowTeamWeek():
                return [await self.week_card(command, turn)]
            case Follow():
                return await self._follow(command, turn)
            case AnswerFollow():
                return [await self._answer(command, turn)]
            case Privacy():
                if command.visibility is None:
                    current = await self.presence.visibility_of(turn.person)
                    return [privacy_card(current, lang)]
                await self.presence.set_visibility(turn.person, Visibility(command.visibility))
                return [t(lang, f"privacy.saved_{command.visibility}")]
            case BookNear():
                return await self._book_near(command, turn)
        raise TypeError(f"unknown command {command!r}")

    async def week_card(self, command: ShowTeamWeek, turn: Turn) -> Reply:
        week = await self.presence.week(turn.person, command.team_id, command.monday)
        if week is None:
            return t(turn.language, "presence.no_team")
        if isinstance(week, NotYourTeam):
            return t(turn.language, "presence.not_your_team")
        return week_card(self.org, week, turn.language, turn.today)

    async def _colleague(
        self, name: str | None, email: str | None, turn: Turn, purpose: str, day: date | None
    ) -> Colleague | Reply:
        """The one colleague meant, or the reply that asks (several) or says (none)."""
        if email:
            found = await self.presence.colleague(turn.person, email)
            candidates = [found] if found else []
        else:
            candidates = await self.presence.find(turn.person, name or "")
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            return t(turn.language, "presence.unknown_person", name=name or email or "")
        return choose_person_card(candidates, turn.language, purpose, day)

    async def _follow(self, command: Follow, turn: Turn) -> list[Reply]:
        lang = turn.language
        purpose = "unfollow" if command.stop else "follow"
        found = await self._colleague(command.name, command.email, turn, purpose, None)
        if not isinstance(found, Colleague):
            return [found]
        if command.stop:
            await self.presence.unfollow(turn.person, found)
            return [t(lang, "follow.stopped", name=found.name)]
        outcome = await self.presence.follow(turn.person, found)
        replies: list[Reply] = [t(lang, f"follow.{outcome.status}", name=found.name)]
        if outcome.status == FOLLOW_PENDING and found.email:
            profile = await self.users.find_by_email(found.email)
            their = language_of(profile.locale if profile else None)
            card = follow_request_card(
                self.org.display_name(turn.person.email) or turn.person.name,
                turn.person.key,
                their,
            )
            if not await self.notifier.send(found.email, [card]):
                replies.append(t(lang, "follow.unreachable", name=found.name))
        return replies

    async def _answer(self, command: AnswerFollow, turn: Turn) -> Reply:
        lang = turn.language
        follower = await self.users.get(command.follower_key)
        name = (follower.name if follower else "") or "?"
        answer = await self.presence.answer_follow(
            turn.person, command.follower_key, command.accept
        )
        if answer is not FollowAnswer.ANSWERED:
            return t(lang, f"follow.answer_{answer.value}")
        if command.accept and follower and follower.email:
            me = self.org.display_name(turn.person.email) or turn.person.name
            await self.notifier.send(
                follower.email, [t(language_of(follower.locale), "follow.told_accepted", name=me)]
            )
        verdict = FOLLOW_ACCEPTED if command.accept else "declined"
        return t(lang, f"follow.answer_{verdict}", name=name)

    async def _book_near(self, command: BookNear, turn: Turn) -> list[Reply]:
        lang = turn.language
        found = await self._colleague(
            command.name, command.email, turn, "book_near", command.days[0]
        )
        if not isinstance(found, Colleague):
            return [found]
        replies: list[Reply] = []
        for day in command.days:
            near = await self.presence.seat_near(turn.person, found, day, command.part)
            if near.reason is not None:
                when = format_day(day, lang, turn.today)
                replies.append(t(lang, f"near.{near.reason}", name=found.name, date=when))
                continue
            replies += await self.booking.run(
                Book((day,), command.part, near.zone_key, near.desk_id), turn
            )
        return replies
