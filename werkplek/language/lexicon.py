"""Word lists for Dutch (Flemish), French and English, merged into one vocabulary.

All words are in folded form (lowercase, no accents, apostrophes and hyphens split
into separate tokens, see `normalize`). The three languages are merged on purpose:
colleagues mix languages, and a Flemish user on an English Teams client still
writes "donderdag". Where one spelling means different things in different
languages ("mon" = Monday / my, "hier" = yesterday / here, "morgen" = tomorrow /
morning) the grammar modules decide from context; the lists only say what a word
can mean.
"""

from __future__ import annotations

from werkplek.dayparts import DayPart


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


# --- weekdays -------------------------------------------------------------------------------

_WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("monday", "maandag", "lundi"),
    ("tuesday", "dinsdag", "mardi"),
    ("wednesday", "woensdag", "mercredi"),
    ("thursday", "donderdag", "jeudi"),
    ("friday", "vrijdag", "vendredi"),
    ("saturday", "zaterdag", "samedi"),
    ("sunday", "zondag", "dimanche"),
)

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(_WEEKDAY_NAMES):
    for _name in _names:
        WEEKDAYS[_name] = _index
        WEEKDAYS[_name + "s"] = _index  # "donderdags", "jeudis", "thursdays"
WEEKDAYS.update(
    {
        "tue": 1,
        "tues": 1,
        "wed": 2,
        "weds": 2,
        "thu": 3,
        "thur": 3,
        "thurs": 3,
        "fri": 4,
        "sat": 5,
        "sun": 6,
    }
)
# English "mon" is French "my" ("mon bureau"): only a weekday right after next/this/on.
WEAK_WEEKDAYS: dict[str, int] = {"mon": 0}
WEAK_WEEKDAY_OPENERS = frozenset({"next", "this", "on", "last", "coming"})

# Full weekday names only: used to split Dutch compounds ("donderdagnamiddag").
NL_WEEKDAYS = frozenset(names[1] for names in _WEEKDAY_NAMES)

# --- months ---------------------------------------------------------------------------------

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "januari", "janvier", "jan", "janv"),
    ("february", "februari", "fevrier", "feb", "febr", "fev", "fevr"),
    ("march", "maart", "mars", "mar", "mrt"),
    ("april", "avril", "apr", "avr"),
    ("may", "mei", "mai"),
    ("june", "juni", "juin", "jun"),
    ("july", "juli", "juillet", "jul", "juil"),
    ("august", "augustus", "aout", "aug"),
    ("september", "septembre", "sep", "sept"),
    ("october", "oktober", "octobre", "oct", "okt"),
    ("november", "novembre", "nov"),
    ("december", "decembre", "dec"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}

# --- numbers --------------------------------------------------------------------------------

_NUMBER_NAMES: tuple[tuple[str, ...], ...] = (
    ("one", "een", "un", "une"),
    ("two", "twee", "deux"),
    ("three", "drie", "trois"),
    ("four", "vier", "quatre"),
    ("five", "vijf", "cinq"),
    ("six", "zes", "six"),
    ("seven", "zeven", "sept"),
    ("eight", "acht", "huit"),
    ("nine", "negen", "neuf"),
    ("ten", "tien", "dix"),
    ("eleven", "elf", "onze"),
    ("twelve", "twaalf", "douze"),
)
NUMBER_WORDS: dict[str, int] = {
    name: number for number, names in enumerate(_NUMBER_NAMES, start=1) for name in names
}
NUMBER_WORDS.update({"a": 1, "an": 1, "quinze": 15, "veertien": 14, "fourteen": 14})
# Words that are "one" but also articles: never a day of the month ("un décembre").
ARTICLE_NUMBERS = frozenset({"a", "an", "een", "un", "une"})

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "vijfde": 5,
    "premier": 1,
    "premiere": 1,
    "deuxieme": 2,
    "troisieme": 3,
    "quatrieme": 4,
    "cinquieme": 5,
}
# "3rd", "1er", "3e", "3de", "1ste", "2eme", "3ieme" (folded from "3ème").
ORDINAL_SUFFIXES = frozenset(
    {"st", "nd", "rd", "th", "d", "e", "de", "ste", "er", "ere", "re", "eme", "ieme", "me", "em"}
)

# --- relative days and weeks ----------------------------------------------------------------

RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "vandaag": 0,
    "aujourdhui": 0,
    "auj": 0,
    "tonight": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmw": 1,
    "morgen": 1,
    "demain": 1,
    "overmorgen": 2,
    "apresdemain": 2,
    "yesterday": -1,
    "gisteren": -1,
    "eergisteren": -2,
}
# Checked before single words, longest first ("apres demain" is not "demain").
RELATIVE_PHRASES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("day", "after", "tomorrow"), 2),
    (("day", "before", "yesterday"), -2),
    (("aujourd", "hui"), 0),
    (("apres", "demain"), 2),
    (("avant", "hier"), -2),
)

NEXT_WORDS = frozenset(
    {"next", "coming", "volgende", "komende", "eerstvolgende", "prochain", "prochaine"}
)
THIS_WORDS = frozenset({"this", "deze", "ce", "cet", "cette"})
LAST_WORDS = frozenset(
    {"last", "previous", "vorige", "afgelopen", "dernier", "derniere", "passe", "passee"}
)
# "passe" is also a verb ("je passe jeudi"): a modifier only after the weekday.
LAST_PREFIXES = LAST_WORDS - {"passe", "passee"}
WEEK_WORDS = frozenset({"week", "weeks", "weken", "weekje", "semaine", "semaines"})
DAY_UNIT_WORDS = frozenset({"day", "days", "dag", "dagen", "dagje", "jour", "jours"})
COUNT_PREPOSITIONS = frozenset({"in", "over", "dans"})

# May stand between the parts of one date expression ("jeudi de la semaine prochaine").
GAP_WORDS = frozenset(
    {"on", "op", "the", "le", "la", "les", "de", "du", "of", "van", "den", "het", "for", "voor"}
)
# Between two dates, make them a range ("van maandag tot woensdag", "du 3 au 5").
RANGE_WORDS = frozenset(
    {"to", "till", "until", "through", "thru", "tot", "t", "au", "jusqu", "jusque"}
)
# Join several dates ("lundi et jeudi", "3/12, 4/12").
CONNECTORS = frozenset({"and", "en", "et", "or", "of", "ou", "plus", "&", "+", ",", ";", "/"})
# Words before a bare number that make it a day of the month ("le 3", "the 3rd", "de 3de").
DAY_MARKERS = frozenset({"the", "le", "de", "den", "du"})
# A number followed by one of these is not a day of the month ("le 3 jours", "the 2nd floor").
NOT_AFTER_DAY = frozenset(
    {
        "day",
        "days",
        "dag",
        "dagen",
        "jour",
        "jours",
        "week",
        "weeks",
        "weken",
        "semaine",
        "semaines",
        "hour",
        "hours",
        "uur",
        "heure",
        "heures",
        "h",
        "floor",
        "verdieping",
        "etage",
        "people",
        "persons",
        "personen",
        "personnes",
        "time",
        "times",
        "keer",
        "fois",
    }
)
# "morgen om 10.30", "at 9.30": a clock time, not 10 March.
TIME_MARKERS = frozenset({"om", "at", "a", "vers", "rond", "tegen", "around"})

# --- half days ------------------------------------------------------------------------------

MORNING_WORDS = frozenset(
    {
        "morning",
        "mornings",
        "forenoon",
        "voormiddag",
        "voormiddags",
        "ochtend",
        "ochtends",
        "morgens",
        "smorgens",
        "sochtends",
        "svoormiddags",
        "matin",
        "matins",
        "matinee",
        "vm",
    }
)
AFTERNOON_WORDS = frozenset(
    {
        "afternoon",
        "afternoons",
        "namiddag",
        "namiddags",
        "middag",
        "middags",
        "smiddags",
        "snamiddags",
        "aprem",
        "apresmidi",
        "pm",
        "nm",
    }
)
AFTERNOON_PHRASES: tuple[tuple[str, ...], ...] = (("apres", "midi"), ("after", "noon"))
FULL_DAY_PHRASES: tuple[tuple[str, ...], ...] = (
    ("toute", "la", "journee"),
    ("heel", "de", "dag"),
    ("all", "day"),
    ("full", "day"),
    ("whole", "day"),
    ("entire", "day"),
    ("hele", "dag"),
    ("ganse", "dag"),
    ("gehele", "dag"),
    ("volledige", "dag"),
    ("volle", "dag"),
    ("journee", "complete"),
    ("journee", "entiere"),
    ("fullday",),
    ("allday",),
)
HALF_DAY_PARTS: dict[str, DayPart] = {
    **{word: DayPart.MORNING for word in MORNING_WORDS},
    **{word: DayPart.AFTERNOON for word in AFTERNOON_WORDS},
}
# "am" is also "I am": a morning only next to a date or at the end.
AM_WORD = "am"
# Words after which Dutch "morgen" means "morning" ("maandag morgen", "'s morgen").
MORGEN_AS_MORNING_AFTER = frozenset({"s", "morgen", "overmorgen", "vandaag", *NL_WEEKDAYS})
# Hour suffixes on numbers: "10am", "2pm".
HOUR_SUFFIX_PARTS: dict[str, DayPart] = {"am": DayPart.MORNING, "pm": DayPart.AFTERNOON}

# --- Dutch compounds ------------------------------------------------------------------------

# "donderdagvoormiddag" = "donderdag" + "voormiddag"; longest suffix first.
COMPOUND_SUFFIXES: tuple[str, ...] = (
    "voormiddag",
    "namiddag",
    "ochtend",
    "middag",
    "morgen",
    "avond",
)
# "thuiswerkvoormiddag" = "thuiswerk" + "voormiddag" (telework, morning).
COMPOUND_PREFIXES = frozenset({"vandaag", "morgen", "overmorgen", "thuiswerk", *NL_WEEKDAYS})
# Whole words that stand for two tokens ("vanmiddag" = this afternoon).
EXPANSIONS: dict[str, tuple[str, ...]] = {
    "vanmorgen": ("vandaag", "ochtend"),
    "vanochtend": ("vandaag", "ochtend"),
    "vanvoormiddag": ("vandaag", "voormiddag"),
    "vanmiddag": ("vandaag", "middag"),
    "vannamiddag": ("vandaag", "namiddag"),
    "vanavond": ("vandaag",),
    "aprem": ("apresmidi",),
    "aprems": ("apresmidi",),
}

# --- greetings and help ---------------------------------------------------------------------

GREETING_WORDS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "hiya",
        "howdy",
        "yo",
        "greetings",
        "hallo",
        "hoi",
        "dag",
        "daag",
        "goeiemorgen",
        "goedemorgen",
        "goeiemiddag",
        "goedemiddag",
        "goeienavond",
        "goedenavond",
        "goeiedag",
        "goededag",
        "goedendag",
        "bonjour",
        "bonsoir",
        "salut",
        "coucou",
        "bjr",
        "slt",
    }
)
GREETING_OPENERS = frozenset({"good", "goede", "goeie", "goed", "bon", "bonne"})
GREETING_CLOSERS = frozenset(
    {
        "morning",
        "afternoon",
        "evening",
        "day",
        "morgen",
        "middag",
        "namiddag",
        "avond",
        "dag",
        "matin",
        "apresmidi",
        "soir",
        "soiree",
        "journee",
    }
)

HELP_WORDS = frozenset(
    {
        "help",
        "hulp",
        "helpen",
        "aide",
        "aider",
        "aidez",
        "sos",
        "commands",
        "commandes",
        "instructions",
        "uitleg",
        "handleiding",
        "manual",
        "menu",
        "info",
    }
)
ABILITY_WORDS = frozenset(
    {"can", "could", "kan", "kun", "kunt", "peux", "peut", "pouvez", "sais", "savez"}
)
ABILITY_QUESTIONS = frozenset({"what", "wat", "que", "qu", "quoi"})
HOW_WORDS = frozenset({"how", "hoe", "comment"})
WORKS_WORDS = frozenset(
    {
        "work",
        "works",
        "werkt",
        "werken",
        "marche",
        "fonctionne",
        "use",
        "gebruik",
        "gebruiken",
        "utiliser",
    }
)

# --- intent keywords ------------------------------------------------------------------------

CANCEL_WORDS = frozenset(
    {
        "cancel",
        "cancels",
        "cancelled",
        "canceled",
        "cancelling",
        "canceling",
        "cancellation",
        "delete",
        "remove",
        "unbook",
        "unreserve",
        "annuleer",
        "annuleren",
        "annuleert",
        "annulering",
        "schrap",
        "schrappen",
        "schrapt",
        "verwijder",
        "verwijderen",
        "verwijdert",
        "afzeggen",
        "afmelden",
        "vrijgeven",
        "annule",
        "annules",
        "annuler",
        "annulez",
        "annulation",
        "supprime",
        "supprimes",
        "supprimer",
        "supprimez",
        "suppression",
        "enleve",
        "enlever",
        "retire",
        "retirer",
    }
)
# Dutch separable verbs: "zeg mijn plek af", "ik meld me af".
CANCEL_SEPARABLE_STEMS = frozenset({"zeg", "meld", "geef"})
# "drop my booking", "mijn plek mag weg": a verb that cancels only with one of these words.
CANCEL_PAIRS: tuple[tuple[str, frozenset[str]], ...] = (
    ("drop", frozenset({"my", "the", "it", "that", "this"})),
    ("weg", frozenset({"mag", "kan", "moet", "mogen", "mijn"})),
    ("free", frozenset({"up"})),
)
CANCEL_SEPARABLE_PARTICLE = "af"
NEGATIONS = frozenset(
    {
        "not",
        "dont",
        "doesnt",
        "wont",
        "cant",
        "cannot",
        "never",
        "longer",
        "anymore",
        "niet",
        "geen",
        "nooit",
        "ne",
        "n",
        "pas",
        "plus",
        "jamais",
    }
)
# "don't" folds to "don t": these stems followed by "t" are a negation.
NEGATED_STEMS = frozenset({"don", "doesn", "won", "can", "didn", "isn", "aren", "wasn", "shan"})
# With a negation nearby these mean "I won't be there": cancel.
NEEDED_WORDS = frozenset(
    {
        "need",
        "needs",
        "needed",
        "want",
        "nodig",
        "besoin",
        "come",
        "coming",
        "komen",
        "kom",
        "komt",
        "viens",
        "venir",
        "viendrai",
        "be",
        "office",
        "kantoor",
        "serai",
    }
)

BOOK_VERBS = frozenset(
    {
        "book",
        "books",
        "reserve",
        "reserving",
        "reserveer",
        "reserveren",
        "reserveert",
        "boek",
        "boeken",
        "boekt",
        "vastleggen",
        "reserver",
        "reservez",
        "reserverais",
        "claim",
        "prendre",
        "prends",
        "prenez",
    }
)
DESK_NOUNS = frozenset(
    {
        "desk",
        "desks",
        "spot",
        "spots",
        "place",
        "places",
        "seat",
        "seats",
        "workplace",
        "workplaces",
        "workspace",
        "workstation",
        "werkplek",
        "werkplekken",
        "werkplaats",
        "werkplaatsen",
        "bureau",
        "bureaus",
        "bureaux",
        "plek",
        "plekken",
        "plekje",
        "plaats",
        "plaatsen",
        "plaatsje",
        "flexplek",
        "flexplekken",
        "flexdesk",
        "zitplaats",
        "poste",
        "postes",
    }
)
OFFICE_WORDS = frozenset({"office", "kantoor", "bureau", "campus"})
COME_WORDS = frozenset({"come", "coming", "komen", "kom", "komt", "viens", "venir", "viendrai"})
MAKE_WORDS = frozenset(
    {"make", "maak", "maken", "faire", "fais", "faites", "new", "nieuwe", "nouvelle", "nouveau"}
)
LIST_NOUNS_SINGULAR = frozenset({"booking", "reservation", "reservatie", "reservering", "boeking"})
LIST_NOUNS_PLURAL = frozenset(
    {"bookings", "reservations", "reservaties", "reserveringen", "boekingen"}
)
LIST_NOUNS = LIST_NOUNS_SINGULAR | LIST_NOUNS_PLURAL
LIST_VERBS = frozenset(
    {
        "show",
        "list",
        "view",
        "see",
        "display",
        "check",
        "toon",
        "tonen",
        "bekijk",
        "bekijken",
        "zien",
        "voir",
        "affiche",
        "afficher",
        "montre",
        "montrer",
        "consulter",
        "consulte",
        "liste",
        "lijst",
    }
)
OVERVIEW_WORDS = frozenset(
    {"overview", "overzicht", "apercu", "recap", "recapitulatif", "summary", "agenda"}
)
PAST_BOOKED = frozenset(
    {"booked", "geboekt", "gereserveerd", "reserved", "reservee", "reservees", "vastgelegd"}
)
# French "réservé" folds to "reserve": a past participle after these auxiliaries.
FRENCH_AUXILIARIES = frozenset({"ai", "as", "avez", "avons", "ont"})
POSSESSIVES = frozenset({"my", "mine", "mijn", "mes", "mon", "ma"})
QUESTION_WORDS = frozenset(
    {
        "what",
        "whats",
        "which",
        "when",
        "where",
        "wat",
        "welke",
        "wanneer",
        "waar",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "quoi",
        "quand",
        "ou",
        "qu",
    }
)
# Inverted word order asks about what exists: "do I have a desk", "heb ik morgen een plek".
INVERSIONS: tuple[tuple[str, ...], ...] = (
    ("do", "i", "have"),
    ("am", "i"),
    ("ben", "ik"),
    ("suis", "je"),
    ("have", "i"),
    ("did", "i"),
    ("heb", "ik"),
    ("ai", "je"),
)
SIT_WORDS = frozenset({"sit", "sitting", "zit", "zitten", "assis", "assise"})
# Without a booking word these suggest another errand (telework, leave): not a booking.
NOT_IN_OFFICE_WORDS = frozenset(
    {
        "home",
        "thuis",
        "maison",
        "remote",
        "telework",
        "teletravail",
        "thuiswerk",
        "thuiswerken",
        "homeoffice",
        "sick",
        "ziek",
        "malade",
        "verlof",
        "conge",
        "vacation",
        "holiday",
        "weather",
        "wfh",
        "chez",
        "weer",
        "meteo",
    }
)

# --- telework -------------------------------------------------------------------------------

# Words that name working from home on their own ("wfh", "thuiswerk", "télétravail").
TELEWORK_STRONG = _words(
    """
    wfh telework teleworks teleworking teleworked telecommute telecommuting homeoffice
    homeworking thuiswerk thuiswerken thuiswerkt thuiswerkte thuiswerkdag thuiswerkdagen
    telewerk telewerken telewerkt telewerkdag telewerkdagen teletravail teletravaille
    teletravailles teletravaillent teletravailler teletravaillerai teletravaillons
    teletravaillez
    """
)
# Words that say "at home" but may mean something else without a day or a work verb.
TELEWORK_WEAK = _words("home thuis remote remotely maison domicile")
# Phrases that say where one works, and whether they are as clear as a strong word
# ("je rentre à la maison" is going home, "je travaille à la maison" is telework).
TELEWORK_PHRASES: tuple[tuple[tuple[str, ...], bool], ...] = (
    (("home", "office"), True),
    (("from", "home"), True),
    (("van", "thuis"), True),
    (("vanuit", "huis"), True),
    (("chez", "moi"), False),
    (("a", "la", "maison"), False),
    (("a", "domicile"), False),
)
TELEWORK_WORDS = TELEWORK_STRONG | TELEWORK_WEAK
# Dutch compounds with a weekday: "thuiswerkvrijdag", "telewerkdonderdagnamiddag".
TELEWORK_COMPOUND_HEADS = ("thuiswerk", "telewerk")
WORK_VERBS = _words(
    "work works working worked werk werken werkt werkte travaille travailles travailler "
    "travaillerai travaillerais bosse"
)
# Negations that make a telework word not count ("niet thuis", "no home office").
TELEWORK_NEGATIONS = (NEGATIONS | {"no"}) - {"plus", "longer", "anymore"}
# A negation does not reach past these ("niet op kantoor maar thuis").
NEGATION_BARRIERS = _words("but maar mais however doch wel instead plutot rather liever")
# Another errand: with these, "thuis" is not telework ("ik ben morgen ziek thuis").
OTHER_ERRANDS = _words(
    "sick ill ziek malade verlof conge vacation vakantie vacances holiday weather meteo"
)
# "how many days did I work from home", "hoeveel thuiswerkdagen", "combien de jours".
HOW_MANY = (("how", "many"), ("how", "much"), ("hoeveel",), ("combien",))
TELEWORK_QUESTION_WORDS = frozenset(
    {"what", "whats", "which", "when", "wat", "welke", "wanneer", "quel", "quelle", "quels"}
    | {"quelles", "quand"}
)
HISTORY_WORDS = _words("history geschiedenis historiek historique total totaal")

# --- permanence -----------------------------------------------------------------------------

PERMANENCE_WORDS = _words(
    "permanence permanences permanentie permanenties permanentiedienst permanentierooster duty"
)
# "set An on permanence", "zet An op permanentie", "mets Chloé de permanence".
SET_VERBS = _words("set put place assign schedule zet plaats plan mets mettre mettez inscris")
# "An has duty", "An heeft permanentie", "Chloé est de permanence", "An is on duty".
HAS_VERBS = _words("has is heeft staat est")
# Between a name and the permanence word ("on", "op de", "à la"); never the end of a name.
NAME_PREPOSITIONS = _words("on to for op voor in de en a au sur la le the het at van du l")
# The user themselves: "zet mij op permanentie", "mets-moi de permanence".
SELF_WORDS = _words("me mij mezelf myself moi ik i je")
# Not a person's name: "who has duty", "wie heeft permanentie", "qui est de permanence".
NOT_NAMES = _words(
    """
    who whom wie qui what wat welke which quel quelle you u jij je tu we wij nous they
    zij ils elles he she hij il elle it het there er someone iemand quelqu personne nobody
    niemand everyone iedereen tout tous
    """
)
# Words in front of a name that are not part of it ("ok, An has duty", "so An is on duty").
NAME_OPENERS = _words(
    "ok okay oke so dus alors and en et also ook aussi fyi note please pls svp graag then dan puis"
)

# --- recurrence and periods -----------------------------------------------------------------

EVERY_WORDS = _words("every each all elke iedere ieder elk alle chaque tous toutes")
# "every day", "elke werkdag", "tous les jours": Monday to Friday.
ALL_WEEKDAYS_WORDS = _words(
    "day days weekday weekdays workday workdays werkdag werkdagen dag jour jours"
)
# Dutch plurals, only read after an "every" word ("alle maandagen").
NL_WEEKDAY_PLURALS: dict[str, int] = {
    name + "en": index for index, name in enumerate(n[1] for n in _WEEKDAY_NAMES)
}
UNTIL_WORDS = _words("until till til untill through thru tot jusqu jusque")
END_WORDS = _words("end eind einde fin")
MONTH_WORDS = _words("month months maand maanden mois")
YEAR_WORDS = _words("year jaar annee")
CURRENT_WORDS = _words("current huidige lopende courant")
# Full month names: a month named alone ("telework in November") must be one of these.
FULL_MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names[:3]
}
# "may" is also a verb: a month alone only after one of these ("in May").
MONTH_ALONE_OPENERS = _words("in of for during van en au de du")
# Before a month, these say it is not a period of its own ("tot eind januari").
NOT_PERIOD_BEFORE = END_WORDS | UNTIL_WORDS | _words("begin start mid midden debut half")

# --- presence, following and privacy -------------------------------------------------------

# Questions about colleagues ("who's in Thursday", "wie is er", "qui vient demain").
WHO_WORDS = _words("who whos wie qui")
WHERE_WORDS = _words("where wheres waar ou")
# After "who": what makes it a question about being at the office. Being and working
# need a presence word after them ("who is in", "wie is er"), coming and sitting do not.
BE_VERBS = _words("is s are will be zal zullen zijn est sont sera seront werkt werken works")
BE_VERBS_ALSO = _words("working travaille travaillent travaillera")
ARRIVE_VERBS = _words(
    """
    come comes coming sit sits sitting komt komen kom zit zitten vient viennent viendra
    viendront passe passent
    """
)
# Words that say someone is (or is not) at the office: "in", "er", "au bureau", "là".
PRESENCE_COMPLEMENTS = _words(
    """
    in there here around onsite er hier daar aanwezig present presente presents presentes
    la ici site plaatse available beschikbaar disponible disponibles
    """
)
# Between "who" and its verb: "who else is in", "qui d'autre vient", "wie allemaal komt".
WHO_FILLERS = _words("else d autre autres allemaal nog all er")
# Skipped once after "where"/"waar"/"où" before the name: "where is", "waar zit", "où sera".
WHERE_AUX = _words("is s are will does do did zit zat werkt zal is est sera travaille")
# "où est-ce que Chloé ...", "où se trouve Chloé".
WHERE_AUX_PHRASES: tuple[tuple[str, ...], ...] = (
    ("est", "ce", "que"),
    ("est", "ce", "qu"),
    ("se", "trouve"),
    ("se", "trouvera"),
)
# Yes/no questions that start with a verb: "is Bert in", "komt An", "zit An op kantoor".
YES_NO_VERBS = _words("is will does komt zit werkt zal")
YES_NO_ARRIVE = _words("komt")  # no presence word needed after the name
# "est-ce que Chloé vient demain", and French inversion "Bert vient-il jeudi".
FRENCH_QUESTION = ("est", "ce", "que")
FRENCH_INVERSION_VERBS = _words("vient viendra est sera travaille passe passera")
FRENCH_INVERSION_PRONOUNS = _words("il elle")
# Also named after a name when the message is a question: "An komt morgen?".
NAME_FIRST_VERBS = _words("komt zit werkt is comes will vient viendra est sera travaille")
# "where is everyone", "waar is iedereen", "où est tout le monde": who is in.
EVERYONE_WORDS = _words("everyone everybody iedereen allemaal")
# Words before "who"/"where" that still leave it a question: "tell me who is in".
QUESTION_LEAD_INS = _words(
    """
    hey hi quick question vraagje vraag btw trouwens tell me mij moi show toon zeg dis dites
    weet weten know you do does sais savez tu vous je jij u ge i ik wil wilde wou would like
    want wanted to voudrais aimerais savoir wonder wondering can could kan kun kunt peux
    pouvez please pls svp stp graag thanks bedankt merci
    """
)

# Your team ("my team this week", "ons team", "mon équipe", "de ploeg").
TEAM_WORDS = _words(
    """
    team ploeg equipe teamgenoten teamleden teammates teamoverzicht teamplanning teamweek
    teamoverview
    """
)
# Colleagues: your team after "my"/"mijn"/"mes", everyone otherwise.
COLLEAGUE_WORDS = _words("colleagues colleague collegas collega collegues collegue")

# Following a colleague: "follow Bert", "volg An", "suivre Chloé".
FOLLOW_VERBS = _words("follow following volg volgen suivre suivez")
UNFOLLOW_VERBS = _words("unfollow ontvolg ontvolgen")
# Any of these near a follow verb turns it around: "stop following", "volg An niet meer".
UNFOLLOW_MARKERS = _words(
    "stop stoppen stopping arrete arreter arretez not longer anymore niet nooit never jamais "
    "plus dont"
)
FAVOURITE_WORDS = _words(
    """
    favourite favourites favorite favorites fave faves favs favoriet favorieten favori
    favoris favorite favorites
    """
)
ADD_VERBS = _words("add voeg ajoute ajouter ajoutez mark markeer marque zet put mets")
REMOVE_VERBS = _words(
    """
    remove delete verwijder haal schrap retire retirer retirez supprime supprimer enleve
    enlever
    """
)

# Who sees my plans: "show my plans to my team", "verberg mijn planning", "qui voit".
PRIVACY_WORDS = _words(
    """
    privacy privacyinstellingen privacysettings privacyinstelling confidentialite visibility
    zichtbaarheid visibilite
    """
)
PRIVACY_PHRASES: tuple[tuple[str, ...], ...] = (("vie", "privee"),)
PLAN_NOUNS = _words(
    """
    plans plan planning plannen planningen schedule schedules agenda presence presences
    aanwezigheid aanwezigheden whereabouts calendar kalender location locatie
    """
)
SHOW_VERBS = _words(
    """
    show share toon tonen deel delen montrer montre montrez partager partage partagez
    afficher visible visibles zichtbaar
    """
)
HIDE_VERBS = _words("hide verberg verbergen verstop cacher cache cachez masquer masque masquez")
SEE_VERBS = _words("see sees ziet zien voit voient voir")
# Before an audience: "to my team", "aan iedereen", "à personne", "with everyone".
AUDIENCE_PREPOSITIONS = _words("to with for from aan met voor a avec pour par au aux")
NOBODY_WORDS = _words("nobody noone niemand personne")
EVERYONE_AUDIENCE = _words(
    """
    everyone everybody all iedereen allen allemaal tous toutes company organisation
    organization organisatie bedrijf entreprise
    """
)
PUBLIC_WORDS = _words("public publiek openbaar")
PRIVATE_WORDS = _words("private prive privee")
ONLY_WORDS = _words("only alleen enkel seulement que seul")
EXCEPT_WORDS = _words("except but behalve buiten sauf excepte hormis")

# Booking next to someone: "next to Bert", "naast An", "à côté de Chloé", "près de Bert".
NEAR_PHRASES: tuple[tuple[str, ...], ...] = (
    ("in", "de", "buurt", "van"),
    ("a", "cote", "de"),
    ("a", "cote", "d"),
    ("a", "proximite", "de"),
    ("a", "proximite", "d"),
    ("en", "face", "de"),
    ("en", "face", "d"),
    ("next", "to"),
    ("close", "to"),
    ("near", "to"),
    ("dicht", "bij"),
    ("vlak", "bij"),
    ("pres", "de"),
    ("pres", "d"),
    ("aupres", "de"),
    ("aupres", "d"),
    ("proche", "de"),
    ("proche", "d"),
    ("near",),
    ("beside",),
    ("naast",),
    ("tegenover",),
    ("dichtbij",),
    ("vlakbij",),
)

# Never the (first word of a) colleague's name: pronouns, articles, prepositions, verbs.
NOT_A_NAME = _words(
    """
    the a de het een le la les l un une des du d this that these those dit dat deze die ce cet
    cette ces ca cela your his her their our jouw uw zijn haar hun ons onze ton ta tes son sa
    ses notre nos votre vos leur leurs any some iets something anything nothing niets rien all
    alle tout toute toutes tous him them hem hen ze men jullie lui eux se zich on elles ils
    anyone anybody somebody someone everyone everybody
    in at to for with from by of off up out about into op aan naar bij met van voor over uit
    onder toe au aux en sur dans avec pour chez par sous
    am are was were be been being do does did have has had can could would should shall must
    might will ben bent is zijn was waren heb hebt heeft hebben kan kun kunt kunnen mag moet
    moeten wil wilt zal zou gaat ga gaan doe doet suis es est sommes etes sont ai as avons
    avez ont peux peut pouvez veux veut vais va fait
    not no niet geen ne pas plus er hier daar here there ici y ok okay yes ja nee oui non
    please graag svp stp thanks merci bedankt also ook aussi just even nog still toch
    """
)
PRESENCE_VOCABULARY: frozenset[str] = frozenset(
    {
        *NOT_A_NAME,
        *WHO_WORDS,
        *WHERE_WORDS,
        *BE_VERBS,
        *BE_VERBS_ALSO,
        *ARRIVE_VERBS,
        *PRESENCE_COMPLEMENTS,
        *WHO_FILLERS,
        *WHERE_AUX,
        *(word for phrase in WHERE_AUX_PHRASES for word in phrase),
        *FRENCH_INVERSION_VERBS,
        *FRENCH_INVERSION_PRONOUNS,
        *EVERYONE_WORDS,
        *TEAM_WORDS,
        *COLLEAGUE_WORDS,
        *FOLLOW_VERBS,
        *UNFOLLOW_VERBS,
        *UNFOLLOW_MARKERS,
        *FAVOURITE_WORDS,
        *ADD_VERBS,
        *REMOVE_VERBS,
        *PRIVACY_WORDS,
        *(word for phrase in PRIVACY_PHRASES for word in phrase),
        *PLAN_NOUNS,
        *SHOW_VERBS,
        *HIDE_VERBS,
        *SEE_VERBS,
        *AUDIENCE_PREPOSITIONS,
        *NOBODY_WORDS,
        *EVERYONE_AUDIENCE,
        *PUBLIC_WORDS,
        *PRIVATE_WORDS,
        *ONLY_WORDS,
        *EXCEPT_WORDS,
        *(word for phrase in NEAR_PHRASES for word in phrase),
        "monde",
        "one",
    }
)

# --- reminders ------------------------------------------------------------------------------

# The bot's proactive reminders, named as a noun: "reminders", "herinneringen", "rappels".
REMINDER_NOUNS = _words(
    """
    reminder reminders notification notifications notif notifs pushnotifications
    herinnering herinneringen melding meldingen notificatie notificaties pushmelding
    pushmeldingen herinneringsinstellingen herinneringinstellingen meldingsinstellingen
    meldingeninstellingen notificatieinstellingen
    reminderinstellingen rappel rappels
    """
)
# Verbs that name reminders only after a stop or start verb: "stop reminding me",
# "stop met herinneren", "arrête de me rappeler" ("ik herinner me niet" is "I don't
# remember", "rappelle-moi" a call back).
REMIND_VERBS = _words(
    "remind reminding reminded notify notifying notified herinneren herinnerd rappeler notifier"
)
# Verbs that a negation turns into a stop: "don't remind me", "never notify me", "I don't
# want to be reminded", "ik wil niet meer herinnerd worden".
NEGATED_REMIND_VERBS = _words("remind reminded notify notified herinnerd")
# Words of their own for "no more reminders": "unsubscribe", "désabonner", "opt out".
UNSUBSCRIBE_WORDS = _words(
    "unsubscribe unsub uitschrijven desabonner desabonne desabonnez desinscrire desinscris"
)
UNSUBSCRIBE_PHRASES: tuple[tuple[str, ...], ...] = (("opt", "out"), ("schrijf", "me", "uit"))
STOP_REMINDER_VERBS = _words(
    """
    stop stopping stoppen stopzetten disable deactivate mute silence pause suspend
    uitzetten uitschakelen afzetten uitdoen deactiveer deactiveren dempen demp pauzeer
    pauzeren arrete arreter arretez arretes stoppe stopper stoppez desactive desactiver
    desactivez desactives coupe couper coupez suspendre suspends suspendez
    """
)
# "stop by the office", "stop at the desk": not a stop.
STOP_NOT_BEFORE = _words("by at bij langs")
START_REMINDER_VERBS = _words(
    """
    start starten restart resume enable reenable activate reactivate unmute subscribe
    resubscribe aanzetten inschakelen aandoen activeer activeren heractiveer heractiveren
    hervat hervatten herstart herstarten active activer activez actives reactive reactiver
    reactivez reprendre reprends reprenez relance relancer relancez remets remettre
    remettez rallume rallumer allume allumer abonner reabonner
    """
)
# Particles that switch, with a verb before them or at the end of a clause: "turn off
# reminders", "zet de herinneringen uit", "zet de meldingen af", "reminders off";
# "turn reminders back on", "zet de herinneringen weer aan", "schakel de meldingen in".
OFF_PARTICLES = _words("off uit af")
ON_PARTICLES = _words("on aan in")
TURN_VERBS = _words("turn switch shut set put toggle zet zetten schakel schakelen doe draai")
IN_AFTER = _words("schakel schakelen")  # "in" only switches on after these
BACK_WORDS = _words("back again weer terug opnieuw nouveau")
# Directly before the noun they make a stop: "no more reminders", "geen meldingen",
# "plus de rappels", "pas de rappels", "zonder herinneringen".
NO_WORDS = _words("no geen aucun aucune zonder without sans")
NO_BEFORE_DE = _words("plus pas")  # "plus de rappels", "pas de rappels"
REMINDER_NEGATIONS = _words("not no dont never niet nooit ne n jamais")
# A negation stops reminders with a wish or "more": "I don't want reminders", "stuur
# me niet meer", "je ne veux plus de rappels".
WISH_WORDS = _words(
    """
    want wants wanna need like wish send sending wil wilt willen hoef hoeft wens stuur
    sturen stuurt veux voulez voudrais souhaite aimerais besoin envoie envoyer envoyez
    envoies
    """
)
MORE_WORDS = _words("more meer anymore longer plus")
# Complaints, not requests: "ik krijg geen herinneringen meer", "I'm not getting
# notifications", "je n'ai pas reçu de rappel".
RECEIVED_WORDS = _words(
    """
    receive received receiving get gets got gotten getting krijg krijgt krijgen gekregen
    kreeg ontvang ontvangt ontvangen ontving gehad recois recoit recu recus recue recevoir
    arrive arrived came kwam kwamen
    """
)
# The bot as the subject of a negated "remind": a complaint ("you never remind me").
COMPLAINING_SUBJECTS = _words("you u jij je it het he she they")
# A question about reminders gets the settings card: "how do I stop the reminders?".
REMINDER_QUESTION_WORDS = _words("why waarom pourquoi hoezo")
QUESTION_OPENERS = _words("are is am do does did zijn staan staat ben krijg sont")
# One kind of reminder: switching it is done on the card ("stop the daily reminder").
REMINDER_KIND_WORDS = _words(
    """
    week weekly wekelijks wekelijkse weekplanning weekplan weekoverzicht hebdomadaire
    hebdomadaires daily dagelijks dagelijkse quotidien quotidiens quotidienne quotidiennes
    approval approvals goedkeuring goedkeuringen aanvraag aanvragen request requests demande
    demandes approbation approbations validation validations gap gaps tekort tekorten veille
    evening avond soir manager managers
    """
)
# Politeness at the end of a clause: "zet de meldingen uit graag", "reminders off please".
TRAILING_POLITENESS = _words("please pls plz graag aub svp stp thanks merci bedankt dank")
REMINDER_SETTINGS_WORDS = _words(
    """
    settings setting preferences preference options instellingen instelling voorkeuren
    parametres parametre reglages reglage configuration config change wijzig wijzigen
    aanpassen modifier modifie change changer
    """
)
REMINDER_VOCABULARY: frozenset[str] = frozenset(
    {
        *REMINDER_NOUNS,
        *REMIND_VERBS,
        *UNSUBSCRIBE_WORDS,
        *(word for phrase in UNSUBSCRIBE_PHRASES for word in phrase),
        *STOP_REMINDER_VERBS,
        *START_REMINDER_VERBS,
        *OFF_PARTICLES,
        *ON_PARTICLES,
        *TURN_VERBS,
        *BACK_WORDS,
        *NO_WORDS,
        *WISH_WORDS,
        *MORE_WORDS,
        *REMINDER_QUESTION_WORDS,
        *REMINDER_KIND_WORDS,
        *REMINDER_SETTINGS_WORDS,
    }
)

# --- everything else we know ----------------------------------------------------------------

# Function words and politeness: they explain a message without changing what it asks.
FILLERS = _words(
    """
    i me my mine you your we us our it its a an the to for on at in of and or please pls plz
    thanks thank thx ty can could would will shall should might must do does did have has had
    be is am are was were been ll d s m t ve re get got want wanna need needs like just also too
    again some one that this there here ok okay yes yeah sure great about with so then now still
    only all any anything something free available as well kindly lets let bot maybe really
    hmm hello cheers if not no by up from
    ik je jij u ge mij me mijn we wij ons onze het de een dat dit die deze voor op in naar aan met
    van te om en of graag alsjeblieft alstublieft aub bedankt dank dankje dankjewel merci kan kun
    kunt kunnen wil wilt willen zou zouden mag moet moeten heb hebt heeft hebben ben is zijn was
    nodig ook nog even eens toch dan nu er hier daar ja nee oke hoor zeker svp beschikbaar doen
    iets
    je j tu il elle on nous vous me moi m te mon ma mes le la les l un une des du de d au aux a en
    pour sur dans avec et ou s plait svp stp est c ce ca que qu qui peux pouvez peut pourrais
    pourriez voudrais veux voulez aimerais besoin avoir ai as avez suis serai sera etre faire fais
    encore aussi oui non bien va si y libre disponible merci travail
    """
)

# Real words that are one typo away from a lexicon word: never "corrected" into it.
REAL_LOOKALIKES = _words(
    """
    domain remain martin latin satin mating mourning moaning sundae cancer remote preserve
    plate plane officer match marsh midday morgan salute weight height sight keken tours jello
    where these those mondial plates reverse service serve deserve reservoir
    remainder remainders appel appels
    """
)

# Words long enough (5+) to be recognised with one typo.
TYPO_TOLERANT: frozenset[str] = frozenset(
    word
    for word in (
        *(name for names in _WEEKDAY_NAMES for name in names),
        *(names[0] for names in _MONTH_NAMES),
        *(names[1] for names in _MONTH_NAMES),
        *(names[2] for names in _MONTH_NAMES),
        *RELATIVE_DAYS,
        *NEXT_WORDS,
        *LAST_WORDS,
        *MORNING_WORDS,
        *AFTERNOON_WORDS,
        *GREETING_WORDS,
        *HELP_WORDS,
        *CANCEL_WORDS,
        *BOOK_VERBS,
        *DESK_NOUNS,
        *OFFICE_WORDS,
        *LIST_NOUNS,
        *LIST_VERBS,
        *OVERVIEW_WORDS,
        *PAST_BOOKED,
        *TELEWORK_STRONG,
        *REMINDER_NOUNS,
        *UNSUBSCRIBE_WORDS,
        "thuis",
        "permanence",
        "permanentie",
        "semaine",
        "semaines",
        "dagen",
        "weken",
        "journee",
    )
    if len(word) >= 5
)

_KNOWN_BESIDES_REMINDERS: frozenset[str] = frozenset(
    {
        *WEEKDAYS,
        *WEAK_WEEKDAYS,
        *MONTHS,
        *NUMBER_WORDS,
        *ORDINAL_WORDS,
        *RELATIVE_DAYS,
        *(word for phrase, _ in RELATIVE_PHRASES for word in phrase),
        *NEXT_WORDS,
        *THIS_WORDS,
        *LAST_WORDS,
        *WEEK_WORDS,
        *DAY_UNIT_WORDS,
        *COUNT_PREPOSITIONS,
        *GAP_WORDS,
        *CONNECTORS,
        *DAY_MARKERS,
        *NOT_AFTER_DAY,
        *TIME_MARKERS,
        *MORNING_WORDS,
        *AFTERNOON_WORDS,
        *(word for phrase in AFTERNOON_PHRASES for word in phrase),
        *(word for phrase in FULL_DAY_PHRASES for word in phrase),
        *EXPANSIONS,
        *GREETING_WORDS,
        *GREETING_OPENERS,
        *GREETING_CLOSERS,
        *HELP_WORDS,
        *ABILITY_WORDS,
        *ABILITY_QUESTIONS,
        *HOW_WORDS,
        *WORKS_WORDS,
        *CANCEL_WORDS,
        *CANCEL_SEPARABLE_STEMS,
        CANCEL_SEPARABLE_PARTICLE,
        *NEGATIONS,
        *NEGATED_STEMS,
        *NEEDED_WORDS,
        *BOOK_VERBS,
        *DESK_NOUNS,
        *OFFICE_WORDS,
        *COME_WORDS,
        *MAKE_WORDS,
        *LIST_NOUNS,
        *LIST_VERBS,
        *OVERVIEW_WORDS,
        *PAST_BOOKED,
        *FRENCH_AUXILIARIES,
        *POSSESSIVES,
        *QUESTION_WORDS,
        *(word for phrase in INVERSIONS for word in phrase),
        *SIT_WORDS,
        *TELEWORK_WORDS,
        *WORK_VERBS,
        *PERMANENCE_WORDS,
        *EVERY_WORDS,
        *ALL_WEEKDAYS_WORDS,
        *NL_WEEKDAY_PLURALS,
        *UNTIL_WORDS,
        *END_WORDS,
        *MONTH_WORDS,
        *YEAR_WORDS,
        *HISTORY_WORDS,
        "hoeveel",
        "combien",
        "many",
        "ci",
        *FILLERS,
        *REAL_LOOKALIKES,
        *PRESENCE_VOCABULARY,
        "s",
        "t",
        "midi",
        "noon",
        "avond",
        "soir",
        "evening",
    }
)
KNOWN_WORDS: frozenset[str] = _KNOWN_BESIDES_REMINDERS | REMINDER_VOCABULARY
# Known only because of reminders ("remind", "notifications", "more", "stop"): they do
# not explain a message about something else ("2 more people needed on site").
REMINDER_ONLY_WORDS: frozenset[str] = REMINDER_VOCABULARY - _KNOWN_BESIDES_REMINDERS
