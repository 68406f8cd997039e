"""The user's own data (GDPR): see everything stored about me, or have it deleted.

`find_my_data` reads the tokens after permanence (like `reminders`, it claims nothing);
once dates and the other grammars are known, `MyDataMatch.decide` says whether the
message is MY_DATA or DELETE_MY_DATA, or leaves it to the usual order (None). Skipped
when someone is put on permanence.

A message is about the user's data when it names:
- a data noun: "data", "gegevens", "persoonsgegevens", "données" (one typo tolerated
  in the longer ones: "gegevns", "donées"), or "info", "informatie", "informations"
  with "about me" / "over mij" / "sur moi";
- a question about what is known or kept about me: "what do you know about me", "wat
  weet je over mij", "que sais-tu de moi", "what do you store about me";
- the GDPR by name: "GDPR", "AVG", "RGPD", or the right of access: "inzagerecht",
  "right of access", "droit d'accès";
- an account or profile with a delete verb: "delete my account", "verwijder mijn
  profiel", "supprime mon compte";
- being forgotten: "forget me", "vergeet mij", "oublie-moi", "right to be forgotten",
  "recht om vergeten te worden", "recht op vergetelheid", "droit à l'oubli".

DELETE_MY_DATA: a delete verb or noun ("delete", "erase", "wipe", "verwijder", "wis",
"supprime", "efface", "deletion", "suppression") in the message, not negated ("don't
delete my data" shows the data), or being forgotten. Questions are no exception: "how
do I delete my data?" gets the confirmation card, which explains what would happen;
nothing is deleted without its Confirm.
MY_DATA otherwise: "my data", "mijn gegevens", "mes données", "export my data",
"download mijn gegevens", "welke gegevens bewaar je?", "GDPR".

Left to the usual order (None):
- another person's data: "delete Bert's data", "de gegevens van An", "les données de
  Chloé" (only one's own data can be seen or deleted);
- a booking verb, desk, office or coming in ("book the data room Thursday");
- a day, half day, recurrence or period, unless the GDPR, the right of access or
  being forgotten is named ("verwijder mijn gegevens van donderdag" is about
  Thursday);
- a choice of who sees my plans, found by `presence` as PRIVACY ("hide my data",
  "show my data to my team"): that is the privacy setting, not an export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from werkplek.language.lexicon import (
    BOOK_VERBS,
    COME_WORDS,
    DESK_NOUNS,
    KNOWN_WORDS,
    NEGATED_STEMS,
    OFFICE_WORDS,
)
from werkplek.language.model import Intent
from werkplek.language.normalize import PUNCT, WORD, Token
from werkplek.language.typos import damerau_levenshtein


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DATA_NOUNS = _words(
    """
    data gegevens persoonsgegevens persoonsgegeven donnees donnee
    """
)
# One typo is tolerated in these (not in "data": too many short words are one typo away).
_TYPO_DATA_NOUNS = DATA_NOUNS - {"data"}
INFO_NOUNS = _words("info infos information informations informatie")
ACCOUNT_NOUNS = _words("account accounts profile profiel compte profil")
GDPR_WORDS = _words("gdpr avg rgpd dsgvo")
ACCESS_WORDS = _words("inzage inzagerecht inzageverzoek")
ACCESS_PHRASES: tuple[tuple[str, ...], ...] = (
    ("right", "of", "access"),
    ("access", "request"),
    ("droit", "d", "acces"),
    ("recht", "op", "inzage"),
)
ABOUT_ME: tuple[tuple[str, ...], ...] = (
    ("about", "me"),
    ("on", "me"),
    ("of", "me"),
    ("over", "mij"),
    ("over", "me"),
    ("van", "mij"),
    ("op", "mij"),
    ("sur", "moi"),
    ("de", "moi"),
    ("me", "concernant"),
    ("me", "concernent"),
)
KNOW_VERBS = _words(
    """
    know knows store stores stored keep keeps kept have has hold holds save saved collect
    collected record recorded
    weet weten bewaar bewaart bewaren bewaard heb hebt heeft hebben houd houdt hou verzamel
    verzamelt registreer registreert opgeslagen
    sais sait savez conserve conserves conservez garde gardes gardez stocke stockes stockez
    as avez detiens detenez enregistre enregistrez connais connaissez
    """
)
DELETE_WORDS = _words(
    """
    delete deleted deleting deletion erase erased erasing erasure remove removal wipe purge
    clear destroy
    verwijder verwijderen verwijdert verwijderd verwijdering wis wissen wist gewist wissing
    schrap schrappen vernietig vernietigen
    supprime supprimer supprimez supprimes suppression efface effacer effacez effaces
    effacement detruire detruis detruisez
    """
)
FORGET_VERBS = _words("forget vergeet vergeten oublie oublier oubliez")
SELF_OBJECTS = _words("me mij moi mezelf myself")
FORGOTTEN_PHRASES: tuple[tuple[str, ...], ...] = (
    ("right", "to", "be", "forgotten"),
    ("recht", "om", "vergeten", "te", "worden"),
    ("recht", "op", "vergetelheid"),
    ("recht", "om", "vergeten"),
    ("droit", "a", "l", "oubli"),
    ("droit", "a", "etre", "oublie"),
    ("be", "forgotten"),
    ("vergeten", "worden"),
    ("etre", "oublie"),
    ("etre", "oubliee"),
)
# A negation before (or Dutch "niet" after) the delete word: "don't delete my data",
# "verwijder mijn gegevens niet", "ne supprime pas mes données".
_NEGATIONS = _words("not never no dont niet nooit geen ne n pas jamais")
# "de gegevens van An", "the data of Bert", "les données de Chloé": someone else's.
_OF_WORDS = _words("van of de from d du")
_OWN = SELF_OBJECTS | _words("my mijn mes mon ma ik i je")
# "werkplek" is a desk noun, and the bot's name: "welke gegevens heeft Werkplek over mij".
_ERRANDS = (BOOK_VERBS | DESK_NOUNS | OFFICE_WORDS | COME_WORDS) - {"werkplek", "werkplekken"}
# In the original text: a capitalised name owning the data, "Bert's data", "de gegevens
# van An", "les données de Chloé" (names may be words too: "An", "Jan", "May").
_NOUN = r"(?i:data|gegevens|persoonsgegevens|donn[ée]es?)"
_OWNER_AFTER = re.compile(_NOUN + r"\s+(?:van|of|from|de|du|d')\s*([A-ZÀ-Ý][\w-]*)")
_OWNER_BEFORE = re.compile(r"([A-ZÀ-Ý][\w-]*)['’]s\s+(?:\w+\s+)?" + _NOUN)
_NOT_OWNERS = frozenset({"werkplek", "teams", "microsoft", "i", "my", "mijn", "mij", "moi"})
_MIN_TYPO = 6


@dataclass(frozen=True)
class MyDataMatch:
    """What `find_my_data` read; `decide` turns it into an intent once dates are known."""

    delete: bool  # a delete word not negated, or being forgotten
    strong: bool = False  # the GDPR, the right of access or being forgotten named
    someone_else: bool = False  # another person's data
    errand: bool = False  # a booking verb, desk, office, coming in
    notes: tuple[str, ...] = ()

    def decide(self, *, dated: bool, privacy: bool) -> tuple[Intent, tuple[str, ...]] | None:
        """The intent (with a note), or None to leave the message to the usual order."""
        if self.someone_else:
            return None
        if not self.strong and (self.errand or dated):
            return None
        if privacy and not self.delete and not self.strong:
            return None  # "hide my data": who sees my plans
        if self.delete:
            return Intent.DELETE_MY_DATA, ("my data: delete", *self.notes)
        return Intent.MY_DATA, ("my data: show", *self.notes)


def _phrase_at(words: list[str], phrase: tuple[str, ...]) -> int | None:
    size = len(phrase)
    for k in range(len(words) - size + 1):
        if tuple(words[k : k + size]) == phrase:
            return k
    return None


def _is_data_noun(token: Token) -> bool:
    if token.word in DATA_NOUNS or token.text in DATA_NOUNS:
        return True
    word = token.text
    if len(word) < _MIN_TYPO or word in KNOWN_WORDS or not word.isalpha():
        return False
    return any(damerau_levenshtein(word, noun) == 1 for noun in _TYPO_DATA_NOUNS)


def _negated(words: list[str], at: int) -> bool:
    """A negation in the three words before `at`, or Dutch "niet" anywhere after it."""
    for k in range(max(0, at - 3), at):
        if words[k] in _NEGATIONS or (words[k] == "t" and k and words[k - 1] in NEGATED_STEMS):
            return True
    return "niet" in words[at + 1 :]


def _someone_else(tokens: list[Token], words: list[str], nouns: list[int], text: str) -> bool:
    """ "Bert's data", "de gegevens van An", "les données de Chloé": not the user's own."""
    for pattern in (_OWNER_AFTER, _OWNER_BEFORE):
        for match in pattern.finditer(text):
            if match.group(1).casefold() not in _NOT_OWNERS:
                return True
    for k in nouns:
        if k >= 2 and words[k - 1] == "s" and words[k - 2] and words[k - 2] not in _OWN:
            return _names_someone(tokens[k - 2])
        if k + 2 < len(words) and words[k + 1] in _OF_WORDS:
            following = tokens[k + 2]
            if following.kind == WORD and following.word not in _OWN:
                return _names_someone(following)
    return False


def _names_someone(token: Token) -> bool:
    return token.kind == WORD and token.word not in KNOWN_WORDS


def find_my_data(tokens: list[Token], text: str = "") -> MyDataMatch | None:
    """What a message says about the user's own data, or None when it names none.

    `text` is the message as typed: a capitalised name says whose data it is."""
    words = [t.word if t.kind == WORD else ("," if t.kind == PUNCT else "") for t in tokens]
    present = set(words)
    nouns = [k for k, t in enumerate(tokens) if t.kind == WORD and _is_data_noun(t)]
    about_me = any(_phrase_at(words, p) is not None for p in ABOUT_ME)
    infos = about_me and bool(present & INFO_NOUNS)
    knows = about_me and bool(present & KNOW_VERBS)
    gdpr = bool(present & GDPR_WORDS)
    access = bool(present & ACCESS_WORDS) or any(
        _phrase_at(words, p) is not None for p in ACCESS_PHRASES
    )
    forgotten = any(_phrase_at(words, p) is not None for p in FORGOTTEN_PHRASES) or any(
        word in FORGET_VERBS and k + 1 < len(words) and words[k + 1] in SELF_OBJECTS
        for k, word in enumerate(words)
    )
    deletes = [k for k, word in enumerate(words) if word in DELETE_WORDS]
    account = bool(present & ACCOUNT_NOUNS) and bool(deletes)
    if not (nouns or infos or knows or gdpr or access or forgotten or account):
        return None
    notes: list[str] = []
    delete = False
    if forgotten:
        delete = True
        notes.append("being forgotten")
    elif deletes:
        negated = all(_negated(words, k) for k in deletes)
        delete = not negated
        notes.append("a negated delete" if negated else "a delete word")
    if gdpr or access:
        notes.append("the GDPR named")
    return MyDataMatch(
        delete=delete,
        strong=gdpr or access or forgotten,
        someone_else=_someone_else(tokens, words, nouns, text[:500]),
        errand=bool(present & _ERRANDS),
        notes=tuple(notes),
    )
