"""Telework and permanence commands for one user: outcome → text or card, and who else to tell.

A request beyond the norm goes to the requester's managers as an approval card in
their personal chat; their answer goes back to the requester the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from bots.notify import Notifier
from bots.replies import Reply
from bots.turns import Turn
from cards.telework import (
    approval_card,
    month_card,
    permanence_card,
    telework_card,
    telework_refused_card,
)
from storage.users import TableUserRepository
from werkplek.booking import Person
from werkplek.commands import (
    CancelTelework,
    Command,
    Decide,
    RegisterTelework,
    SetPermanence,
    ShowPermanence,
    TeleworkMonth,
)
from werkplek.dayparts import DayPart
from werkplek.i18n import day_refusal, format_day, format_part, language_of, t
from werkplek.organisation import Organisation, Team
from werkplek.presence import fold
from werkplek.presence_service import PresenceService
from werkplek.telework import HomeStatus
from werkplek.telework_service import (
    DayClosed,
    Decided,
    DutySet,
    NoTelework,
    NotRegistered,
    Registered,
    StillHome,
    TeleworkService,
    TeleworkTakenBack,
)

TELEWORK_COMMANDS = (
    RegisterTelework,
    CancelTelework,
    TeleworkMonth,
    ShowPermanence,
    SetPermanence,
    Decide,
)
# Beyond this many days at once (a recurring plan), one summary instead of a card per day.
MAX_CARDS = 3


class TeleworkTurns:
    def __init__(
        self,
        service: TeleworkService,
        notifier: Notifier,
        users: TableUserRepository,
        presence: PresenceService,
    ) -> None:
        self.service = service
        self.presence = presence
        self.org: Organisation = service.org
        self.notifier = notifier
        self.users = users

    async def run(self, command: Command, turn: Turn) -> list[Reply]:
        match command:
            case RegisterTelework():
                return await self._register(command, turn)
            case CancelTelework():
                return [await self._take_back(command, day, turn) for day in command.days]
            case TeleworkMonth():
                totals = await self.service.month(turn.person, command.first, command.last)
                return [month_card(self.org, totals, command.first, turn.language, turn.today)]
            case ShowPermanence():
                return await self._permanence(command, turn)
            case SetPermanence():
                return [await self._set_duty(command, turn)]
            case Decide():
                return await self._decide(command, turn)
        raise TypeError(f"unknown command {command!r}")

    async def _register(self, command: RegisterTelework, turn: Turn) -> list[Reply]:
        outcomes = [
            await self.service.register(turn.person, day, command.part, turn.today, turn.language)
            for day in command.days
        ]
        replies: list[Reply] = []
        if len(outcomes) > MAX_CARDS:
            replies.append(self._summary(outcomes, turn))
        else:
            replies += [await self._one(o, command.part, turn) for o in outcomes]
        requests = [
            o for o in outcomes if isinstance(o, Registered) and o.status is HomeStatus.REQUESTED
        ]
        # A manager gets one card per request, at most a few at once (a recurring plan beyond
        # the norm should not flood their chat); the requester hears once if none was reached.
        reached = [await self._ask_managers(o, turn) for o in requests[:MAX_CARDS]]
        if requests and not any(reached):
            replies.append(t(turn.language, "telework.manager_unreachable"))
        return replies

    async def _one(self, outcome, part: DayPart, turn: Turn) -> Reply:
        lang = turn.language
        match outcome:
            case Registered():
                return telework_card(self.org, outcome, lang, turn.today)
            case NotRegistered():
                hidden = await self.presence.hidden_from(turn.person, set(outcome.refusal.on_site))
                return telework_refused_card(self.org, outcome, lang, turn.today, part, hidden)
            case StillHome():
                key = (
                    "telework.already_home"
                    if outcome.status is HomeStatus.HOME
                    else ("telework.already_requested")
                )
                return t(lang, key, date=format_day(outcome.day, lang, turn.today))
            case DayClosed():
                return self._closed(outcome, turn)
        raise TypeError(f"unknown outcome {outcome!r}")

    def _summary(self, outcomes: list, turn: Turn) -> str:
        lang = turn.language

        def days(kind, status=None) -> str:
            return ", ".join(
                format_day(o.day, lang, turn.today)
                for o in outcomes
                if isinstance(o, kind) and (status is None or o.status is status)
            )

        lines = []
        for key, listed in (
            ("telework.summary_home", days(Registered, HomeStatus.HOME)),
            ("telework.summary_requested", days(Registered, HomeStatus.REQUESTED)),
            ("telework.summary_already", days(StillHome)),
            ("telework.summary_refused", days(NotRegistered)),
            ("telework.summary_closed", days(DayClosed)),
        ):
            if listed:
                lines.append(t(lang, key, days=listed))
        return "\n\n".join(lines)

    def _closed(self, outcome: DayClosed, turn: Turn) -> str:
        horizon = self.org.policy.telework_horizon_days
        return day_refusal(outcome.check, outcome.day, turn.today, horizon, turn.language, "plan")

    async def _ask_managers(self, outcome: Registered, turn: Turn) -> bool:
        """Send the approval card to every manager of the requester; True if one was reached."""
        reached = False
        for email in outcome.managers:
            profile = await self.users.find_by_email(email)
            lang = language_of(profile.locale if profile else None)
            card = approval_card(
                self.org,
                self.org.display_name(turn.person.email) or turn.person.name,
                outcome.day,
                outcome.part,
                outcome.norm,
                lang,
                turn.today,
                turn.person.key,
            )
            reached = await self.notifier.send(email, [card]) or reached
        return reached

    async def _take_back(self, command: CancelTelework, day: date, turn: Turn) -> Reply:
        lang = turn.language
        outcome = await self.service.take_back(turn.person, day, command.part, turn.today)
        match outcome:
            case TeleworkTakenBack():
                return t(
                    lang,
                    "telework.taken_back",
                    date=format_day(day, lang, turn.today),
                    part=format_part(outcome.part, lang),
                )
            case NoTelework():
                return t(lang, "telework.nothing", date=format_day(day, lang, turn.today))
            case DayClosed():
                return self._closed(outcome, turn)
        raise TypeError(f"unknown outcome {outcome!r}")

    async def _permanence(self, command: ShowPermanence, turn: Turn) -> list[Reply]:
        days = [
            command.first + timedelta(days=i)
            for i in range((command.last - command.first).days + 1)
            if (command.first + timedelta(days=i)).weekday() < 5
        ][:23]
        view = await self.service.permanence(turn.person, days)
        if not view.teams:
            return [t(turn.language, "permanence.no_team")]
        # Managers see their team's names (permanence is their job); members see the names of
        # those who share with them, and "a colleague" for the others.
        hidden = await self.presence.hidden_from(turn.person, set(view.shared_by_choice))
        teams = list(view.teams)
        return [permanence_card(self.org, view.coverage, teams, turn.language, turn.today, hidden)]

    def _named(self, teams: Iterable[Team], wanted: str) -> list[tuple[str, str]]:
        """(team id, e-mail) of the members of `teams` whose name or e-mail name is `wanted`."""
        return sorted(
            {
                (team.id, email)
                for team in teams
                for email in team.members
                if wanted
                and (
                    fold(self.org.display_name(email) or "") == wanted
                    or fold(self.org.display_name(email) or "").split(" ")[0] == wanted
                    or fold(email.split("@")[0]) == wanted
                )
            }
        )

    async def _set_duty(self, command: SetPermanence, turn: Turn) -> Reply:
        lang = turn.language
        managed = self.org.teams_managed_by(turn.person.email)
        if not managed:
            return t(lang, "duty.not_manager")
        wanted = fold(command.name)
        matches = self._named(managed, wanted)
        if not matches:
            elsewhere = {email for _, email in self._named(self.org.teams, wanted)}
            if len(elsewhere) == 1:
                # In a team this manager does not manage: only its own manager sets duty.
                email = elsewhere.pop()
                name = self.org.display_name(email) or email
                return t(lang, "duty.not_your_team", name=name)
        if len({email for _, email in matches}) != 1:
            key = "duty.unknown_person" if not matches else "duty.ambiguous_person"
            return t(lang, key, name=command.name)
        team_id, email = matches[0]
        team = next(tm for tm in managed if tm.id == team_id)
        name = self.org.display_name(email) or email
        lines = []
        for day in command.days:
            outcome = await self.service.set_duty(turn.person, team, email, day, turn.today)
            values = {"name": name, "team": team.name, "date": format_day(day, lang, turn.today)}
            key = "duty.set" if isinstance(outcome, DutySet) else f"duty.{outcome.reason}"
            lines.append(t(lang, key, **values))
        return "\n\n".join(lines)

    async def _decide(self, command: Decide, turn: Turn) -> list[Reply]:
        lang = turn.language
        outcome = await self.service.decide(
            turn.person, Person(command.requester_key), command.day, command.part, command.approve
        )
        day = format_day(command.day, lang, turn.today)
        if not isinstance(outcome, Decided):
            return [t(lang, f"decision.{outcome.reason}", date=day)]
        requester = outcome.requester
        name = self.org.display_name(requester.email) or requester.name
        verdict = "approved" if outcome.approved else "declined"
        if requester.email:
            profile = await self.users.find_by_email(requester.email)
            their = language_of(profile.locale if profile else None)
            await self.notifier.send(
                requester.email,
                [
                    t(
                        their,
                        f"decision.to_requester_{verdict}",
                        date=format_day(command.day, their, turn.today),
                        part=format_part(outcome.part, their),
                        manager=self.org.display_name(turn.person.email) or turn.person.name,
                    )
                ],
            )
        return [
            t(
                lang,
                f"decision.to_manager_{verdict}",
                name=name,
                date=day,
                part=format_part(outcome.part, lang),
            )
        ]
