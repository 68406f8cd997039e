"""What the user wants done: desks, telework, permanence, help, or something we don't handle.

Questions about colleagues, the team's week, following and privacy (WHO_IS_IN,
WHERE_IS, TEAM_WEEK, FOLLOW, UNFOLLOW, PRIVACY) are recognised before this, by
`presence.find_presence`, and the parser uses that intent instead of the order below:
"wie is er donderdag" is never a booking, "wie van mijn team komt deze week" never a
telework overview. Not when a permanence word is present: "wie heeft permanentie deze
week" stays PERMANENCE (rule 1). Booking next to someone ("boek naast Bert donderdag")
is decided here as usual; the parser then gives BOOK (or UNKNOWN: "next to Bert", or
the LIST of "where can I sit next to Bert") the person as a BOOK. Questions that name
no one ("where do I sit thursday", "waar is mijn bureau") are left to rule 4, LIST.

The proactive reminders (REMINDERS, the settings card; STOP_REMINDERS and
START_REMINDERS, all of them off or on) are decided by `reminders` and override this
order, and presence too, whenever a reminder is named ("reminders", "herinneringen",
"rappels", "notifications", "meldingen", "unsubscribe", "stop reminding me") and no
one is put on permanence, except when another errand decides the message: a booking
verb or a cancel word that is not about the reminders ("reminder: book a desk
Thursday" stays BOOK, "reminder: cancel my desk tomorrow" CANCEL), or a desk, office,
booking, telework or permanence word with a date ("reminder: wfh Friday" stays
TELEWORK). With such words but no date, or with a switch, the settings card is shown:
"telework reminders", "stop the duty reminders". A bare "remind me ..." names no
reminder setting ("remind me to book a desk Thursday" is BOOK), and messages without a
reminder word never reach them: "stop following Bert" stays UNFOLLOW, a lone "stop"
UNKNOWN.

Decision order, first match wins:
0. HELP for "how": "how"/"hoe"/"comment" (not "how many") without a date about
   telework or permanence ("hoe registreer ik thuiswerk?", "how does permanence work").
1. Permanence: a permanence word ("permanence", "permanentie", "duty").
   SET_PERMANENCE when `permanence.find_assignment` found someone being put on it
   ("zet An op permanentie vrijdag", "An has duty on Friday", "mets-moi de
   permanence"); otherwise PERMANENCE, the coverage view ("who is on duty this week",
   "wie heeft permanentie deze week"), also with a cancel word ("annuleer de
   permanentie van An"): changes are made from the overview, never a desk cancel.
2. Telework (see `telework` for the words and for what negates them), unless another
   errand is named ("ik ben morgen ziek thuis", "malade"):
   a. a cancel word or phrase: CANCEL_TELEWORK ("annuleer thuiswerk vrijdag",
      "cancel my telework tomorrow"), unless the cancel word is nearer a desk or
      booking noun than the telework word ("cancel my desk, I work from home
      Thursday"): then CANCEL, below;
   b. every telework word negated: BOOK when the office, a desk, coming in or a
      booking verb is named ("ik ben niet thuis maar op kantoor morgen"), else
      CANCEL_TELEWORK ("I'm not working from home Friday after all", "geen
      thuiswerk vrijdag");
   c. a weak word ("thuis", "home", "à la maison") only counts with a day, a half day,
      a recurrence, a work verb, a period or "my", and not beside a desk noun or
      booking verb ("book a desk, home is too noisy tomorrow" is BOOK; "I'm going
      home" falls through to UNKNOWN);
   d. a recurrence: TELEWORK ("elke maandag thuis tot eind januari");
   e. a period ("deze maand", "in November", "next week"), an overview, list or
      question word, "how many"/"hoeveel"/"combien", an inversion ("am I working from
      home tomorrow?"), or "my" without a day ("mijn thuiswerk"): TELEWORK_OVERVIEW;
   f. otherwise TELEWORK ("ik werk morgen thuis", "wfh Friday", "home office on
      Tuesday", "thuiswerk"): a telework word beats office and booking words.
3. CANCEL: a cancel verb ("cancel", "annuleer", "schrap", "verwijder", "annule",
   "supprime"...), a Dutch separable "zeg ... af"/"meld ... af", or a negation near
   "need"/"come"/"office" ("I don't need my desk", "ik kom niet", "plus besoin").
   It wins over booking and listing words ("cancel my booking").
4. LIST: a booking noun asked about ("my bookings", "mes réservations", "toon
   reservaties"), a past "booked" in a question ("what have I booked", "wat heb ik
   geboekt", "qu'est-ce que j'ai réservé"), inverted questions about a desk ("do I
   have a desk tomorrow", "heb ik morgen een plek"), "where do I sit", "overview".
5. BOOK: a booking verb, a desk or office word, coming in ("ik kom", "je viens"), a
   named zone or desk; or just a date, half day or recurrence ("donderdag", "tomorrow
   afternoon", "every Monday") unless the rest of the message is clearly about
   something else ("what's the weather tomorrow", "je suis malade demain").
   "ik kom donderdag toch naar kantoor" and "every Tuesday at the office" are BOOK.
6. HELP: "help"/"hulp"/"aide", "what can you do", "how does it work", a lone "?",
   or a greeting with nothing else in it.
7. UNKNOWN.

Greetings are claimed first ("goeie morgen" is not tomorrow, "good afternoon" is
not a half day).
"""

from __future__ import annotations

from werkplek.language.lexicon import (
    ABILITY_QUESTIONS,
    ABILITY_WORDS,
    BOOK_VERBS,
    CANCEL_PAIRS,
    CANCEL_SEPARABLE_PARTICLE,
    CANCEL_SEPARABLE_STEMS,
    CANCEL_WORDS,
    COME_WORDS,
    DESK_NOUNS,
    FRENCH_AUXILIARIES,
    GREETING_CLOSERS,
    GREETING_OPENERS,
    GREETING_WORDS,
    HELP_WORDS,
    HISTORY_WORDS,
    HOW_MANY,
    HOW_WORDS,
    INVERSIONS,
    KNOWN_WORDS,
    LIST_NOUNS,
    LIST_NOUNS_PLURAL,
    LIST_VERBS,
    MAKE_WORDS,
    NEEDED_WORDS,
    NEGATED_STEMS,
    NEGATIONS,
    NOT_IN_OFFICE_WORDS,
    OFFICE_WORDS,
    OTHER_ERRANDS,
    OVERVIEW_WORDS,
    PAST_BOOKED,
    PERMANENCE_WORDS,
    POSSESSIVES,
    QUESTION_WORDS,
    REAL_LOOKALIKES,
    REMINDER_ONLY_WORDS,
    SIT_WORDS,
    TELEWORK_QUESTION_WORDS,
    WORK_VERBS,
    WORKS_WORDS,
)
from werkplek.language.model import Intent
from werkplek.language.normalize import PUNCT, WORD, Token
from werkplek.language.telework import TeleworkMention, find_telework

GREETING = "greeting"
_NEGATION_REACH = 4  # tokens between a negation and the word it negates
_EXPLAINED = KNOWN_WORDS - REAL_LOOKALIKES - NOT_IN_OFFICE_WORDS - REMINDER_ONLY_WORDS
_PAST_PARTICIPLE_AMBIGUOUS = frozenset({"reserve", "book"})  # "j'ai réservé", "did I book"


def mark_greetings(tokens: list[Token]) -> bool:
    """Claim greetings ("hallo", "good morning", "bon après-midi"); True if any."""
    found = False
    for index, token in enumerate(tokens):
        if token.kind != WORD or token.role:
            continue
        if token.word in GREETING_WORDS:
            token.role = GREETING
            found = True
        elif token.word in GREETING_OPENERS and index + 1 < len(tokens):
            following = tokens[index + 1]
            closes = following.word in GREETING_CLOSERS
            afternoon = following.word == "apres" and _word_at(tokens, index + 2) == "midi"
            if following.kind == WORD and (closes or afternoon):
                token.role = following.role = GREETING
                if afternoon:
                    tokens[index + 2].role = GREETING
                found = True
    return found


def _word_at(tokens: list[Token], index: int) -> str:
    if 0 <= index < len(tokens) and tokens[index].kind == WORD:
        return tokens[index].word
    return ""


def _has_sequence(words: list[str], sequence: tuple[str, ...]) -> bool:
    size = len(sequence)
    return any(tuple(words[i : i + size]) == sequence for i in range(len(words) - size + 1))


def _negated_need(words: list[str]) -> bool:
    """ "I don't need my desk", "ik kom niet", "je n'ai plus besoin", "won't be in"."""
    negations = [
        i
        for i, word in enumerate(words)
        if word in NEGATIONS or (word == "t" and i > 0 and words[i - 1] in NEGATED_STEMS)
    ]
    if not negations:
        return False
    needs = [i for i, word in enumerate(words) if word in NEEDED_WORDS]
    return any(abs(n - k) <= _NEGATION_REACH for n in negations for k in needs)


def _past_booked(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if word in PAST_BOOKED:
            return True
        if word in _PAST_PARTICIPLE_AMBIGUOUS:
            before = words[max(0, i - 2) : i]
            if any(w in FRENCH_AUXILIARIES for w in before) or "did" in before:
                return True
    return False


def classify(
    tokens: list[Token],
    *,
    has_date: bool,
    has_part: bool,
    has_place: bool,
    greeted: bool,
    has_recurrence: bool = False,
    has_period: bool = False,
    sets_permanence: bool = False,
) -> tuple[Intent, tuple[str, ...]]:
    """The intent, and a short note on which rule decided it."""
    words = [
        t.word for t in tokens if t.kind == WORD and t.role not in (GREETING, "part", "person")
    ]
    free = [t.word for t in tokens if t.kind == WORD and not t.role]
    present = set(words)
    cancels = bool(present & CANCEL_WORDS) or _cancel_phrase(words)
    how_not_many = bool(present & HOW_WORDS) and not _how_many(words)
    asks_how = how_not_many and not has_date and not has_recurrence

    mentions = find_telework(tokens)
    if asks_how and (mentions or present & PERMANENCE_WORDS):
        return Intent.HELP, ("how to: telework or permanence",)
    if present & PERMANENCE_WORDS:
        if sets_permanence:
            return Intent.SET_PERMANENCE, ("someone put on permanence",)
        if cancels:
            return Intent.PERMANENCE, ("permanence; changes are made in the overview",)
        return Intent.PERMANENCE, ("permanence word",)

    if mentions and not present & OTHER_ERRANDS:
        decided = _telework(
            tokens,
            words,
            mentions,
            cancels=cancels,
            has_date=has_date,
            has_part=has_part,
            has_place=has_place,
            has_recurrence=has_recurrence,
            has_period=has_period,
        )
        if decided is not None:
            return decided

    if present & CANCEL_WORDS:
        return Intent.CANCEL, ("cancel word",)
    if cancels:
        return Intent.CANCEL, ("cancel phrase",)
    if _negated_need(words):
        return Intent.CANCEL, ("negated need",)

    past = _past_booked(words)
    book_verb = bool(present & BOOK_VERBS) and not past
    question = bool(present & QUESTION_WORDS)
    possessive = bool(present & POSSESSIVES)
    list_verb = bool(present & LIST_VERBS)
    desk = bool(present & DESK_NOUNS)
    inversion = any(_has_sequence(words, sequence) for sequence in INVERSIONS)
    list_noun = bool(present & LIST_NOUNS)
    asks = possessive or list_verb or question or inversion or bool(present & LIST_NOUNS_PLURAL)
    needs = bool(present & {"need", "nodig", "besoin"})

    if list_noun and asks and not book_verb and not present & MAKE_WORDS:
        return Intent.LIST, ("booking noun asked about",)
    if past and (question or inversion or list_verb or possessive):
        return Intent.LIST, ("asks what was booked",)
    if present & OVERVIEW_WORDS and not book_verb:
        return Intent.LIST, ("overview",)
    if not book_verb and not needs:
        if list_verb and (possessive or desk):
            return Intent.LIST, ("show my desks",)
        if inversion and (desk or question or present & OFFICE_WORDS):
            return Intent.LIST, ("asks whether a desk is booked",)
        if question and (present & SIT_WORDS or (possessive and desk)):
            return Intent.LIST, ("asks where I sit",)

    if book_verb or desk or list_noun or present & (OFFICE_WORDS | COME_WORDS) or has_place:
        return Intent.BOOK, ("booking word",)
    unexplained = [word for word in free if word not in _EXPLAINED]
    if has_date or has_part or has_recurrence:
        if present & NOT_IN_OFFICE_WORDS:
            return Intent.UNKNOWN, ("date about something else",)
        if (question and unexplained) or len(unexplained) >= 3:
            return Intent.UNKNOWN, ("date with an unknown question",)
        return Intent.BOOK, ("date only",)

    if present & HELP_WORDS:
        return Intent.HELP, ("help word",)
    if present & ABILITY_QUESTIONS and present & ABILITY_WORDS:
        return Intent.HELP, ("what can you do",)
    if present & HOW_WORDS and present & WORKS_WORDS:
        return Intent.HELP, ("how does it work",)
    if greeted and not unexplained:
        return Intent.HELP, ("greeting",)
    if tokens and all(t.kind == PUNCT and t.word == "?" for t in tokens):
        return Intent.HELP, ("question mark",)
    return Intent.UNKNOWN, ()


def _separable_cancel(words: list[str]) -> bool:
    """Dutch "zeg mijn plek af", "ik meld me af voor morgen"."""
    return CANCEL_SEPARABLE_PARTICLE in words and bool(set(words) & CANCEL_SEPARABLE_STEMS)


def _cancel_phrase(words: list[str]) -> bool:
    present = set(words)
    return _separable_cancel(words) or any(
        verb in present and present & partners for verb, partners in CANCEL_PAIRS
    )


def _how_many(words: list[str]) -> bool:
    return any(_has_sequence(words, phrase) for phrase in HOW_MANY)


_DESK_OR_BOOKING = DESK_NOUNS | LIST_NOUNS
_TOWARDS_OFFICE = OFFICE_WORDS | DESK_NOUNS | COME_WORDS | BOOK_VERBS


def _nearest(indices: list[int], to: list[int]) -> int:
    return min((abs(a - b) for a in indices for b in to), default=1_000)


def _telework(
    tokens: list[Token],
    words: list[str],
    mentions: list[TeleworkMention],
    *,
    cancels: bool,
    has_date: bool,
    has_part: bool,
    has_place: bool,
    has_recurrence: bool,
    has_period: bool,
) -> tuple[Intent, tuple[str, ...]] | None:
    """Telework intents, or None when the telework word does not decide the message."""
    inside = {k for mention in mentions for k in range(mention.start, mention.end)}
    other = {
        t.word
        for k, t in enumerate(tokens)
        if t.kind == WORD and k not in inside and t.role not in (GREETING, "part", "person")
    }
    towards_office = bool(other & _TOWARDS_OFFICE) or has_place
    present = set(words)

    if cancels:
        cancel_at = [k for k, t in enumerate(tokens) if t.kind == WORD and t.word in CANCEL_WORDS]
        desk_at = [k for k, t in enumerate(tokens) if t.kind == WORD and t.word in _DESK_OR_BOOKING]
        home_at = [k for mention in mentions for k in range(mention.start, mention.end)]
        if desk_at and cancel_at and _nearest(cancel_at, desk_at) < _nearest(cancel_at, home_at):
            return None  # "cancel my desk, I work from home": the desk is cancelled
        return Intent.CANCEL_TELEWORK, ("cancel word with telework",)
    if all(mention.negated for mention in mentions):
        if towards_office:
            return Intent.BOOK, ("office, not home",)
        return Intent.CANCEL_TELEWORK, ("negated telework",)

    strong = any(mention.strong and not mention.negated for mention in mentions)
    if not strong:
        anchored = has_date or has_part or has_recurrence or bool(present & WORK_VERBS)
        if (bool(other & (DESK_NOUNS | BOOK_VERBS)) or has_place) and not has_recurrence:
            return None  # "book a desk, it's too busy at home"
        if not anchored and not has_period and not present & POSSESSIVES:
            return None  # "I'm going home"
    if has_recurrence:
        return Intent.TELEWORK, ("telework every week",)
    asks = (
        bool(present & (OVERVIEW_WORDS | LIST_VERBS | TELEWORK_QUESTION_WORDS | HISTORY_WORDS))
        or _how_many(words)
        or any(_has_sequence(words, sequence) for sequence in INVERSIONS)
    )
    if has_period or asks:
        return Intent.TELEWORK_OVERVIEW, ("telework overview",)
    if present & POSSESSIVES and not has_date and not has_part:
        return Intent.TELEWORK_OVERVIEW, ("my telework",)
    return Intent.TELEWORK, ("telework",)
