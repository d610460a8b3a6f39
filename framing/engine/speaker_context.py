"""Speakers that only the surrounding sentences reveal.

Run once over all quotes of a text (in text order) after each was attributed on its own.
Rules, in order, each deliberately small so every result can be explained:

1. **Pronouns.** A "he"/"she" speaker becomes the most recent *person* named in the same or
   the three preceding sentences (a quote's speaker, or a titled name opening a sentence:
   "Defence Minister Rafael Ostend rejected the call."); "it" takes the most recent
   organisation or country (a speaker, or the subject opening a sentence: "Aldmere released
   photographs that it said…"), "they" a plural or an organisation. No match: "he", "she"
   and "they" stay; "it" leaves the speaker unknown (None), since it names nobody.
2. **Neighbouring attribution.** A direct quote with no speaker takes the speaker of (a) a
   bare attribution sentence right before it ("Minister Trell said in a statement. “…”"), or
   (b) the previous paragraph, when that paragraph ends with a direct quote of a known speaker
   and this paragraph opens with the quote (the speaker talking on).
3. **Relay chains across sentences.** After a sentence that relays a source ("…, OTA
   reported, citing the foreign ministry."), a later speaker within three sentences that is a
   definite description with the same head noun as one of the relayed links ("The ministry
   said …") is that link again: its chain is the relay chain up to that link, ending with the
   new mention.
4. **Dateline agency.** When a text opens with an agency dateline ("VELMARA, June 26 (VCNA)
   —") and a quote's chain relays someone (two links or more), the agency is the outermost
   link: the article relays the relay. Single-speaker quotes are left alone, since the
   agency writing the article is not relaying its own interviewee.
5. **Agency reports.** A clause a news agency reports ("North Korea's foreign ministry
   denounced the drills, KCNA reported.") that opens with a speaker and a speech verb is that
   speaker's, relayed by the agency; rule 3 then carries the chain to "The ministry said".
6. **One speaker per person and per relay.** After the rules above: a surname ("Flores",
   "Mr. Flores") becomes the full name named elsewhere in the text; a speaker first heard
   through a relay keeps that relay later in the article; a quoted phrase with no speaker
   takes the speaker attributed earlier in its sentence or in the previous one (same
   paragraph). Pronouns that resolve to nobody leave the speaker unknown: never shown.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from . import attribution as att
from . import media as media_names
from . import relays as relays_mod
from .actors import _TITLE_WORDS as _ACTOR_TITLES
from .documents import documents_to_issuers
from .media_descriptors import display_name as medium_display_name
from .media_descriptors import name_descriptors
from .relay_linker import apply as apply_learned_relays
from .relay_linker import propose as propose_relays
from .relay_roles import interviews_cited, relay_roles
from .text import DEMONYM, wordlist

if TYPE_CHECKING:
    from .quotes import QuoteFound

_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "group"}
_PERSON_WORDS = frozenset(
    wordlist(
        "spokesperson spokesman spokeswoman minister president leader envoy ambassador "
        "diplomat analyst expert commander general admiral secretary chief premier "
        "chancellor senator lawmaker legislator professor scholar researcher mr ms mrs dr "
        "councillor governor mayor captain colonel resident witness fisherman farmer vendor "
        "driver owner officer soldier columnist commentator correspondent reporter "
        "journalist woman man mother father prosecutor attorney lawyer judge sheriff "
        "detective director coach manager chairman chairwoman executive founder inspector "
        "superintendent commissioner midfielder striker defender goalkeeper pharmacist nurse "
        "doctor surgeon economist scientist historian engineer teacher principal "
        # "National Security Adviser Eduardo Año"
        "adviser advisor aide negotiator campaigner activist ceo chairperson treasurer dean "
        "rector lecturer epidemiologist virologist physicist biologist chemist geologist "
        "meteorologist seismologist psychologist sociologist architect photographer "
        "filmmaker novelist poet singer actor actress athlete cardinal bishop imam rabbi priest"
    )
)
_ORG_WORDS = frozenset(
    wordlist(
        "ministry agency government office department administration authority navy army "
        "military statement newspaper daily council committee embassy command chamber "
        "cooperative commentary report broadcaster outlet house kremlin pentagon coast guard "
        "company firm bank board service commission hospital school university club team "
        "airline operator regulator court police "
        "union party"
    )
)
_ORG_SUFFIXES = frozenset(
    wordlist(
        "group holdings partners securities airlines airways motors systems energy media labs "
        "inc ltd plc corp llc alliance league institute centre center foundation trust "
        "society network services industries technologies terminals foods mobile association "
        "federation matters works"
    )
)
_PLURAL_WORDS = frozenset(att._PLURAL.split("|"))
# Function words that open a sentence capitalised and so run into a name match ("After
# Tuesday's", "But WalesOnline", "During Monday's"): never the first word of a speaker
_OPENING_WORDS = frozenset(
    wordlist(
        "after before but and yet or nor so when while since during until though although "
        "if as because despite without unlike following meanwhile however still"
    )
)
_WINDOW = 3  # sentences looked back for an antecedent or a relay
# quotes looked back for a relay to carry (keeps every rule linear on a hostile text of
# thousands of quotes; an article has a few dozen)
_LOOKBACK = 40
_BARE_ATTRIBUTION = re.compile(
    rf"(?P<s>{att.SPEAKER})\s+(?:also\s+)?(?P<v>{att.VERB})"
    r"(?:\s+(?:in|on|at|during|to|via)\s+[^.!?:\"“”]{1,60}?)?\s*[.:]\s*\Z"
)
_TITLED_SUBJECT = re.compile(rf"{att._PROPER}")
# A full name anywhere in a sentence ("filed by Maria Lopez, a retired nurse. She said …"):
# apostrophes, hyphens, inner capitals and accents ("Conor O'Sullivan", "Aaliyah Brooks-Mensah",
# "Paul R. DeMarco", "J.P. McAteer", "Mette Kjærsgaard-Holm"), initials inside it, and never
# cut before a further capitalised word ("Deputy Foreign Minister Andrei" + "Volkonsky").
_CAP = att.CAPS
_NAME_PART = rf"[{_CAP}](?:[’'][{_CAP}])?[^\W\d_{_CAP}][\w’'\-]*"
_FULL_NAME = re.compile(
    rf"(?<![\w’'.\-])(?:{_NAME_PART}|[A-ZÀ-ÖØ-ÞĀ-Ž]\.[ ]?[A-ZÀ-ÖØ-ÞĀ-Ž]\."
    r"(?![ ](?:He|She|It|They|The|A|An|In|On|At|We|But|And|This|That)\b))"
    rf"(?:[ ](?:{_NAME_PART}|[A-ZÀ-ÖØ-ÞĀ-Ž]\.(?:[ ]?[A-ZÀ-ÖØ-ÞĀ-Ž]\.)?)){{0,4}}[ ]{_NAME_PART}"
    rf"(?![\w’'\-]|[ ][{_CAP}][\w’'\-])"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of|into|across)\s*\Z")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'\-])(?:a|an)\s+\Z")
# "Minister of Energy and Mines Raúl Fonseca Prieto", "Secretary for Trade and Industry Jane
# Doe": a capitalised name right after "of/for X and" opens with the office's last noun
_OFFICE_AND = re.compile(
    rf"\b(?:of|for)\s+(?:the\s+)?[{_CAP}][\w’'\-]*(?:,?\s+[{_CAP}][\w’'\-]*){{0,2}},?\s+(?:and|&)\s*\Z"
)


def _office_lead(text: str, m: re.Match[str]) -> int:
    """Where the person's name starts in a full-name match: after an office noun the match
    took from "… of Energy and Mines Raúl Fonseca Prieto" (else the match's start)."""
    if " " in m.group() and _OFFICE_AND.search(text, max(0, m.start() - 60), m.start()):
        first = m.group().split(" ", 1)
        if len(first[1].split()) >= 2:
            return m.start() + len(first[0]) + 1
    return m.start()


# "Orvane, meanwhile, is trying …": a connective between commas still leaves the subject
_SUBJECT = re.compile(
    rf"(?P<s>{att.SPEAKER})"
    r"(?:,[ ](?:meanwhile|however|too|though|for its part|for their part|in turn|instead|"
    r"by contrast|in contrast|in response|in a statement|for now),)?"
    # "Oskarn, which has close ties to Velmar, also criticised …": a relative clause between
    r"(?:,[ ](?:which|who)[ ][^,;:.!?\"“”]{1,80},)?\s+(?=[a-z])"
)
_NOT_SUBJECT = frozenset(
    wordlist(
        "the a an we i you however but and yet still meanwhile instead also then so now "
        "later earlier separately last next this that these those there here in on at for "
        "after before when while since if as one another its his her their our some many "
        "most all both each no other such monday tuesday wednesday thursday friday saturday "
        "sunday"
    )
)


# "Jane Doe of the X Institute", "Jane Doe at Carver & Holt": a name with its affiliation.
_NAME_OF = re.compile(
    r"((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*[ ]){1,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)[ ](?:of|at|from)[ ]"
)


def speaker_kind(hit_text: str, surnames: set[str] | frozenset[str] = frozenset()) -> str:
    """'person', 'org', 'group' or '' (unknown) for a speaker phrase."""
    if surnames:
        return _speaker_kind(hit_text, surnames)
    return _speaker_kind_cached(hit_text)


# A pure function of the phrase, asked ~70 times per article of which ~70 % repeat a phrase
# the same article already asked about (a speaker is checked by several rules).
@lru_cache(maxsize=4096)
def _speaker_kind_cached(hit_text: str) -> str:
    return _speaker_kind(hit_text)


def _speaker_kind(hit_text: str, surnames: set[str] | frozenset[str] = frozenset()) -> str:
    words = [w.strip(".,’'").lower() for w in hit_text.replace("’s", " ").split()]
    if not words:
        return ""
    if words[0] in _PRONOUNS:
        return _PRONOUNS[words[0]]
    if words[0] in _OPENING_WORDS or hit_text.rstrip().endswith(("'s", "’s")):
        # "After Tuesday's match he told …", "But WalesOnline": a capitalised function word
        # opening a sentence, or a possessive modifying the noun after it ("North Korea's
        # claims"), is a fragment of the sentence, never who a pronoun stands for
        return ""
    if _PERSON_WORDS.intersection(words) or words[-1].endswith("-year-old"):
        return "person"
    if _PLURAL_WORDS.intersection(words):
        return "group"
    if _ORG_WORDS.intersection(words) or hit_text.isupper():
        return "org"
    # "Khalid al-Suwaidi", "Ahmed el-Sayed": a particle joined to a capitalised name
    caps = [w for w in hit_text.split() if w[:1].isupper() or _JOINED_PARTICLE.match(w)]
    head = _NAME_OF.match(hit_text)
    if head is not None and speaker_kind(head.group(1), surnames) == "person":
        return "person"  # "Gloria M. Ashby of the Heart Patients Alliance": the name heads it
    if len(caps) >= 2 and is_media(hit_text):
        return "org"  # "China's Xinhua", "Le Parisien": a medium, never a "he"
    if words[-1] in _ORG_SUFFIXES:
        return "org"  # "Holmhaven Terminals", "Crane Partners": a company, not a person
    names = hit_text.split()
    if _REGION_DEMONYM.fullmatch(hit_text.strip()):
        return ""  # "South Korean", "Sri Lankan": an adjective before a noun, no one's name
    # "Anneke de Vries", "Ursula von der Leyen": particles between capitalised names
    particles = sum(1 for w in names[1:-1] if w in _NAME_PARTICLES)
    if (
        len(caps) + particles == len(names)
        and 2 <= len(caps) <= 4
        and not any(w.endswith(("'s", "’s")) for w in caps[:-1])
    ):
        return "person"  # "Dara Kostell": a speaking first + last name ("China's Xinhua" is not)
    if len(caps) == 1 and words[-1] in surnames:
        # "Kostell" after "Dara Kostell" ("Harding" after "Lee Harding": a surname the text
        # gave a full name is a person even when it ends like a participle)
        return "person"
    if len(caps) == 1 and words[0].endswith("ing") and len(words) == 1:
        return ""  # "Carrying banners, …": a participle opening a sentence names no one
    return "org" if len(caps) == 1 else ""


_JOINED_PARTICLE = re.compile(
    r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|bin|ibn|abu|abd)-[A-ZÀ-ÖØ-ÞĀ-Ž"
    r"]"
)
_NAME_PARTICLES = frozenset(
    wordlist("von van der den de la le du dos das di da del ter ibn bint bin al")
)


def resolve(text: str, sentences: list[tuple[int, int]], found: list[QuoteFound]) -> None:
    """Apply the module's rules in place to ``found`` (sorted by start)."""
    starts = [s for s, _ in sentences]
    agency = att.dateline(text)[1]
    relays: list[tuple[int, tuple[att.SpeakerHit, ...]]] = []  # (sentence index, chain)
    people = _text_surnames(text)
    genders: dict[str, str] = {}  # surname -> "he"/"she", from pronouns already resolved
    # '"…," he told BBC Sport. "…"': the second quote shares the first one's "he"; it is
    # resolved once, so both show the same person
    resolved: dict[tuple[int, int], tuple] = {}
    relay_roles(text, sentences, found)
    learned = propose_relays(text, sentences, found)
    for i, q in enumerate(found):
        if q.kind == "scare":
            continue
        si = max(0, bisect_right(starts, q.start) - 1)
        if q.speaker is not None and q.speaker.text.lower() in _PRONOUNS:
            pronoun = q.speaker.text.lower()
            key = (q.speaker.start, q.speaker.end)
            if key in resolved:
                q.speaker, q.chain = resolved[key]
                continue
            _resolve_pronoun(text, sentences, si, found[:i], q, people, genders)
            resolved[key] = (q.speaker, q.chain)
            if q.speaker is not None and pronoun in ("he", "she"):
                genders.setdefault(_gender_key(q.speaker.text), pronoun)
        elif q.speaker is None and q.kind == "direct":
            _neighbour(text, sentences, si, found[:i], q)
            if q.speaker is None:
                _continued_paragraph(text, sentences, si, found[:i], q)
        elif q.speaker is not None and q.speaker.text[:4] in ("its ", "Its "):
            _possessive(text, sentences, si, found[:i], q, people, genders)
        elif q.speaker is not None and _DESCRIPTION.fullmatch(q.speaker.text):
            _description(text, sentences, si, found[:i], q)
        if (
            q.speaker is not None
            and q.kind != "scare"
            and text.find("gency", q.start, q.end + 120) != -1
        ):
            _the_agency(text, found[:i], q)
        if (
            q.kind == "reported"
            and q.speaker is not None
            and all(is_media(h.text) for h in q.chain)
        ):
            _agency_reported(text, q)
        if q.speaker is not None and len(q.chain) == 1 and q.speaker.verb == "was quoted":
            _quoted_by_last_relay(text, found[:i], q)
        if q.speaker is not None:
            _continue_relay(q, si, relays, text, sentences, found[i - 1] if i else None)
            _extend_outward(q, si, relays)
            if len(q.chain) >= 2:
                relays.append((si, q.chain))
    documents_to_issuers(text, sentences, found)
    _canonical_names(text, sentences, found)
    _told_initials(text, found)
    _spoke_to_medium(text, sentences, found)
    _heard_through_agency_report(text, sentences, found)
    _relayed_afterwards(text, sentences, found)
    apply_learned_relays(found, learned)
    # again, now that "X reported that Y said …" has Y as the speaker
    interviews_cited(text, sentences, found)
    _carry_chains(found, text, sentences)
    _carry_office_chains(text, sentences, found)
    _lede_relay(text, found)
    _relayed_antecedents(found)
    _partials_from_context(text, sentences, found)
    _partials_inside_clauses(found)
    name_descriptors(text, sentences, found)
    if agency is not None and not relays_mod.is_staff_credit(agency.text):
        # (not "KATHMANDU, Dec 3 (Post Report) —": the paper's own staff relays nothing)
        _prepend_agency(found, agency)
    _whole_links(text, found)
    _usual_names(text, found)
    _one_name_per_agency(text, found)
    _state_media_named(text, found)
    _whole_speakers(text, found)
    for q in found:
        if len(q.chain) >= 2:
            merge_short_forms(text, q)
    _document_authors(found)
    _no_echo(found)


def _document_authors(found: list[QuoteFound]) -> None:
    """ "The Seattle Times, citing a letter the shipyard sent to state officials, reported …": a
    relayed document's writer is the speaker (``att.DOCUMENT_OF``); the medium stays the link."""
    for q in found:
        if q.speaker is None or len(q.chain) < 2 or q.chain[-1] is not q.speaker:
            continue
        m = att.DOCUMENT_OF.fullmatch(q.speaker.text)
        if m is None:
            continue
        group = "by" if m.group("by") else "subj"
        who = att.SpeakerHit(
            q.speaker.start + m.start(group),
            q.speaker.start + m.end(group),
            m.group(group),
            q.speaker.verb,
        )
        q.speaker = who
        q.chain = (*q.chain[:-1], who)


def _no_echo(found: list[QuoteFound]) -> None:
    """ "The weekly Savana reported that …": a medium speaking in its own voice relays no one,
    so a last link naming the speaker itself ("Savana" before "Savana", "Kan" before "Israeli
    public broadcaster Kan") is dropped: no one relays their own words."""
    for q in found:
        if len(q.chain) < 2:
            continue
        link, speaker = q.chain[-2].text, q.chain[-1].text
        if (
            relays_mod.same_source(link, speaker)
            or speaker.endswith(" " + link)
            or link.endswith(" " + speaker)
        ):
            q.chain = (*q.chain[:-2], q.chain[-1])


_STATE_MEDIUM = re.compile(att._STATE_MEDIA)
_STATE_AGENCIES = re.compile(
    r"\b(?:KCNA|TASS|RIA\s+Novosti|IRNA|Tasnim|Xinhua|SANA|BelTA|Saudi\s+Press\s+Agency|"
    r"Korean\s+Central\s+News\s+Agency|Islamic\s+Republic\s+News\s+Agency)\b"
)


def _state_media_named(text: str, found: list[QuoteFound]) -> None:
    """ "state media reported" in an article that names one state agency ("KCNA said …") is
    that agency: the relay shows under the name the analyst can confirm as an origin."""
    if not any(
        len(q.chain) >= 2 and any(_STATE_MEDIUM.fullmatch(h.text) for h in q.chain[:-1])
        for q in found
    ):
        return  # the common case, without a scan of the text
    named = {relays_mod.usual_relay_name(m.group()) for m in _STATE_AGENCIES.finditer(text)}
    if len(named) != 1:
        return  # none, or two agencies: "state media" may be either
    (agency,) = named
    nations = _AGENCY_NATIONS.get(agency, ())
    for q in found:
        if len(q.chain) < 2:
            continue
        q.chain = (
            *(
                att.SpeakerHit(h.start, h.end, agency, h.verb)
                if _STATE_MEDIUM.fullmatch(h.text) and _same_nation(h.text, nations)
                else h
                for h in q.chain[:-1]
            ),
            q.chain[-1],
        )


# The nation each state agency speaks for: "Ukrainian national television" in an article that
# also quotes RIA Novosti is Ukraine's broadcaster, never Russia's agency
_AGENCY_NATIONS = {
    "KCNA": ("North Korea",),
    "TASS": ("Russia",),
    "RIA Novosti": ("Russia",),
    "IRNA": ("Iran",),
    "Tasnim": ("Iran",),
    "Xinhua": ("China", "Chinese"),
    "SANA": ("Syria",),
    "BelTA": ("Belarus",),
    "SPA": ("Saudi",),
    "Saudi Press Agency": ("Saudi",),
}
_NATION_NAMED = re.compile(r"(?:^|\s)(?!(?:The|State|Official|National|Public|Government)\b)[A-Z]")


def _same_nation(link: str, nations: tuple[str, ...]) -> bool:
    """Whether a state medium named by its kind may be the agency of ``nations``: not a
    broadcaster, and naming no nation ("state media") or one of them ("North Korean state
    media")."""
    if link.endswith(("TV", "television", "radio", "broadcaster")):
        return False  # a broadcaster is no news agency ("Iranian state TV" is not Tasnim)
    if not _NATION_NAMED.search(link):
        return True
    return any(n in link for n in nations)


# Quantifiers standing alone ("Many told the Ledger …") name no one either.
_SHOWN_PRONOUNS = frozenset(
    wordlist(
        "he she it they i we you him her them his its their us me many some most others few "
        "several both all"
    )
)
# "the Ministry of", "the head of," : a connector (and any punctuation after it) ends no name
_TRAILING_CONNECTOR = re.compile(
    r"(?:\s+(?:of|for|and|the|a|an|to|in|on|at|by|with))+[\s.,;:]*\Z", re.I
)
_FUNCTION_ONLY = re.compile(
    r"(?:(?:of|for|and|the|a|an|to|in|on|at|by|with|this|that|these|those|one|another|some|"
    r"any|who|which|what)\b[\s.,;:]*)+",
    re.I,
)
_NEXT_CAPITALS = re.compile(
    r"(?:[ ](?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|He|She|It|They|The|A|An|In|On|"
    r"At|But|And|I|We)\b)[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*){1,3}"
)


def _whole_speakers(text: str, found: list[QuoteFound]) -> None:
    """Pages never show a pronoun or a cut phrase as a speaker: a bare pronoun left over is no
    speaker, a phrase ending in a connector ("the Ministry of") loses it, and a name cut
    before its next capitalised word ("the United" + "States") takes the whole name."""
    for q in found:
        sp = q.speaker
        if sp is None:
            continue
        if sp.text.endswith(("'s", "’s")):
            # "… “discrepancies” between North Korea's claims and …": a possessive before a
            # noun is no speaker; a partial inside a clause is that clause's speaker's
            outer = next(
                (
                    o
                    for o in found
                    if o is not q and o.start <= q.start and q.end <= o.end and o.speaker
                ),
                None,
            )
            q.speaker = outer.speaker if outer is not None else None
            q.chain = outer.chain if outer is not None else ()
            continue
        if sp.text.lower() in _SHOWN_PRONOUNS or _FUNCTION_ONLY.fullmatch(sp.text):
            # a bare pronoun, or "A" / "The" alone: no one the page can name
            q.chain = tuple(h for h in q.chain if h != sp)
            q.speaker = None
            continue
        new = sp
        cut = _TRAILING_CONNECTOR.search(sp.text)
        if cut is not None and cut.start() > 0:
            new = att.SpeakerHit(sp.start, sp.start + cut.start(), sp.text[: cut.start()], sp.verb)
        elif sp.text[-1:].isalpha() and sp.text.split()[-1][:1].isupper():
            more = _NEXT_CAPITALS.match(text, sp.end)
            if more is not None and text[sp.start : sp.end] == sp.text:
                end = more.end()
                new = att.SpeakerHit(sp.start, end, text[sp.start : end], sp.verb)
        if new is not sp:
            q.chain = tuple(new if h == sp else h for h in q.chain) or (new,)
            q.speaker = new


_INITIAL_END = re.compile(r"(?:^|[\s.])[A-ZÀ-ÖØ-ÞĀ-Ž]\.\Z")


# A relay link that is only a nation's word or possessive ("in an interview with Armenian public
# television" -> "Armenian", "with Israel's public broadcaster Kan" -> "Israel's") is cut short:
# the medium is the name after the kind words, or the whole phrase when no name follows
_NATION_ONLY = re.compile(
    rf"(?:[Tt]he\s+)?(?:{DEMONYM}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*)?['’]s)"
)
_LINK_NAME = (
    r"[A-ZÀ-ÖØ-ÞĀ-Ž\d][\w.&’'\-]*(?<![.’'])"
    r"(?:\s+(?:(?:della|del|de|di|du|des|la|le|el)\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž\d][\w.&’'\-]*(?<![.’']))*"
)
_KIND_RUN = (
    r"(?:(?:public|state|state-run|state-owned|private|commercial|national|local|regional|"
    r"official|independent|opposition|pro-government|online|news|radio|television|TV|daily|"
    r"business|public-service)\s+){0,3}"
    r"(?:broadcaster|television|TV|radio|channel|station|network|newspaper|daily|paper|weekly|"
    r"tabloid|agency|media|outlet|site|website|magazine|service|press)"
)
_NAMED_INSIDE = re.compile(
    r"\s+(?:(?:official|state|state-run|state-owned|public|private|national)\s+)+"
    rf"(?P<name>{_LINK_NAME})\s+{_KIND_RUN}"
)
_AFTER_NATION = re.compile(
    rf"\s+(?:(?P<kind>{_KIND_RUN})(?![\w’'\-]))?(?:\s*(?P<name>{_LINK_NAME}))?"
)
# "Corriere" cut before "della Sera"; "Guardian" before "Australia's politics podcast"
_NAME_TAIL = re.compile(
    r"\s+(?:della|del|de|di|du|des|la|le|el)\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*"
    r"|\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’])"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž\d][\w\-]*(?=['’]s\s)"
)


def _whole_link(text: str, h: att.SpeakerHit) -> att.SpeakerHit:
    """``h`` made whole when it is a nation's word cut from its medium ("Armenian" + " public
    television"; "Israel's" + " public broadcaster Kan" -> "Kan"), a nation and kind before a
    name ("Polish private broadcaster TVN24" -> "TVN24") or a name cut before its "della" or
    its next word's possessive ("Guardian" + " Australia's politics podcast")."""
    if text[h.start : h.end] != h.text:
        return h
    h = _nation_link(text, h)
    if h.text.endswith(("'s", "’s")) and len(h.text) > 2:
        # "TV Tokyo's": the broadcaster of a programme, without its possessive
        return att.SpeakerHit(h.start, h.end - 2, h.text[:-2], h.verb)
    tail = _NAME_TAIL.match(text, h.end)
    if tail is None or not h.text[:1].isupper():
        return h
    return att.SpeakerHit(h.start, tail.end(), text[h.start : tail.end()], h.verb)


def _nation_link(text: str, h: att.SpeakerHit) -> att.SpeakerHit:
    lead = _NATION_ONLY.match(h.text)
    if lead is None:
        return h
    possessive = lead.group().endswith(("'s", "’s"))
    if possessive and lead.group()[:-2].removeprefix("the ").removeprefix("The ") not in (
        relays_mod._countries()
    ):
        return h  # "CBC's Metro Morning": a broadcaster's programme, not a nation's medium
    alone = lead.end() == len(h.text)  # "Armenian", "Israel's"; else "Polish … TVN24"
    if not alone and (inner := _NAMED_INSIDE.fullmatch(h.text, lead.end())) is not None:
        # "North Korea's official KCNA news agency": the name between the nation and the kind
        s, e = h.start + inner.start("name"), h.start + inner.end("name")
        return att.SpeakerHit(s, e, text[s:e], h.verb)
    after = _AFTER_NATION.match(text, h.end) if alone else _AFTER_NATION.match(h.text, lead.end())
    if after is None or (after.group("kind") is None and after.group("name") is None):
        return h
    if not alone:
        if (
            after.group("name") is None
            or (after.group("kind") is None and not possessive)
            or after.end() != len(h.text)
        ):
            return h  # already whole ("Armenian public television"), or not this shape
        s, e = h.start + after.start("name"), h.start + after.end("name")
        return att.SpeakerHit(s, e, text[s:e], h.verb)
    if after.group("name"):
        if after.group("kind") is None and not possessive:
            return h  # "Guardian Australia", "Armenian Deputy Foreign Minister": no kind between
        s, e = after.start("name"), after.end("name")
        return att.SpeakerHit(s, e, text[s:e], h.verb)
    e = after.end("kind")
    return att.SpeakerHit(h.start, e, text[h.start : e], h.verb)


def _whole_links(text: str, found: list[QuoteFound]) -> None:
    floor = att.dateline(text)[0]
    for q in found:
        if len(q.chain) < 2:
            continue
        # a pronoun no rule resolved to a medium ("…, it said, according to AFP") is no link
        links = [
            _whole_link(text, h) for h in q.chain[:-1] if h.text.lower() not in _SHOWN_PRONOUNS
        ]
        _later_carrier_outside(text, floor, links)
        if tuple(links) != q.chain[:-1]:
            q.chain = (*links, q.chain[-1])


# What names a medium that carried the words of one named before it: "…, the KCNA reported,
# according to Yonhap", "according to KCNA, as cited by TASS", "carried by KCNA and relayed by
# TASS", "…, Xinhua reported" after "in a statement carried by KCNA"
_CARRIER_BEFORE = re.compile(
    r"(?:(?:[Aa]ccording\s+to|(?:cited|quoted|reported|relayed|carried)\s+by)\s+(?:the\s+)?"
    r"(?:[\w’'\-]+\s+){0,4}|,\s+(?:the\s+)?)\Z"
)
# (after a comma, only a closing tag: "…, Xinhua reported", not "According to TASS, KCNA quoted")
_REPORTED_AFTER = re.compile(r"\s+(?:also\s+)?(?:reported|reports)\b")
# ... unless the later one is the source cited: "Xinhua, citing KCNA", "according to TASS,
# which cited KCNA", "TASS reported, citing a statement carried by KCNA"
_CITED_BETWEEN = re.compile(
    r"\b(?:citing|quoting|(?:which|who|that)\s+(?:cited|quoted))\b", re.IGNORECASE
)


def _later_carrier_outside(text: str, floor: int, links: list[att.SpeakerHit]) -> None:
    """In place: a medium named after another as the one that carried its report is the
    outer link ("…, the KCNA reported, according to Yonhap": Yonhap > KCNA)."""
    for i in range(len(links) - 1):
        a, b = links[i], links[i + 1]
        if not (floor <= a.start < b.start and b.start - a.end < 200):
            continue  # (the copy's own credit, or links apart, stay as they are)
        if text[a.start : a.end] != a.text or text[b.start : b.end] != b.text:
            continue
        if _CITED_BETWEEN.search(text, a.end, b.start):
            continue
        before = _CARRIER_BEFORE.search(text, max(a.end, b.start - 80), b.start)
        if before is None:
            continue
        if before.group().startswith(",") and not _REPORTED_AFTER.match(text, b.end):
            continue
        links[i], links[i + 1] = b, a


def _usual_names(text: str, found: list[QuoteFound]) -> None:
    """Relay links by the name the analyst knows ("the Korean Central News Agency" ->
    "KCNA"); the speaker itself stays as written."""
    for q in found:
        if len(q.chain) < 2:
            continue
        links: list[att.SpeakerHit] = []
        for h in q.chain[:-1]:
            # "The Star newspaper" -> "The Star": the kind word is no part of the name
            name = medium_display_name(relays_mod.usual_relay_name(h.text))
            if re.fullmatch(DEMONYM, name) and f"The {name}" in text:
                name = f"The {name}"  # "writing in The Australian": a paper, not a nation word
            if name.endswith(".") and not _INITIAL_END.search(name):
                name = name[:-1]  # "WAM." at the end of a sentence is "WAM"
            if links and relays_mod.same_source(links[-1].text, name):
                continue  # "in a statement carried by the official KCNA news agency" twice
            links.append(h if name == h.text else att.SpeakerHit(h.start, h.end, name, h.verb))
        q.chain = (*links, q.chain[-1])


# "the state-run Kuwait News Agency (KUNA)": a short name in brackets after the long one
_BRACKETED_SHORT = re.compile(
    r"(?P<long>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+(?:of\s+|de\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*){1,5})\s+\((?P<"
    r"short>[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6})\)"
)


def _initials_of(short: str, name: str) -> bool:
    """Is ``short`` ("KUNA", "SPA") made of the starts of ``name``'s capitalised words in
    order ("Kuwait News Agency": Ku + N + A; "Saudi Press Agency": S + P + A)?"""
    words = [w.upper() for w in _WORD_AT.findall(name) if w[:1].isupper() and w != "The"]
    if len(words) < 2 or not 2 <= len(short) <= 6:
        return False

    def fits(i: int, k: int) -> bool:
        if k == len(words):
            return i == len(short)
        w = words[k]
        return any(
            short[i : i + n] == w[:n] and fits(i + n, k + 1)
            for n in range(1, min(len(w), len(short) - i) + 1)
        )

    return fits(0, 0)


_SPOKE_WORD = re.compile(r"\b(?:spoke|talked)\s+(?:to|with)\s")
_SPOKE_TO = re.compile(
    rf"(?P<s>{att.SPEAKER})\s+(?:spoke|talked)\s+(?:to|with)\s+(?P<m>{att.MEDIA})"
)


def _spoke_to_medium(text: str, sentences, found: list[QuoteFound]) -> None:
    """ "Port director Lena Brandt spoke to Reuters by telephone. “…,” she said.": the
    medium she spoke to relays what she says in the next two sentences of the paragraph."""
    if "spoke " not in text and "talked " not in text:
        return
    starts = [a for a, _ in sentences]
    q_starts = [q.start for q in found]
    opened: set[int] = set()
    for verb in _SPOKE_WORD.finditer(text):
        # the subject stands just before the verb: a bounded window, never a scan of the text
        si = max(0, bisect_right(starts, verb.start()) - 1)
        if si in opened:
            continue
        opened.add(si)
        a, b = sentences[si]
        m = _SPOKE_TO.search(text, max(a, verb.start() - 100), min(b, verb.end() + 100))
        if m is None:
            continue
        keys = set(_person_keys(m.group("s"))) | {_speaker_key(m.group("s"))}
        si = max(0, bisect_right(starts, m.start()) - 1)
        stop = sentences[min(len(sentences) - 1, si + 2)][1]
        para = text.find("\n", m.end())
        stop = stop if para == -1 else min(stop, para)
        name = m.group("m")
        skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
        medium = att.SpeakerHit(m.start("m") + skip, m.end("m"), name[skip:], "told")
        for q in found[bisect_left(q_starts, m.end()) :]:
            if q.start >= stop:
                break
            sp = q.speaker
            if sp is None or len(q.chain) != 1 or q.kind == "scare":
                continue
            if keys & ({_speaker_key(sp.text)} | set(_person_keys(sp.text))):
                q.chain = (medium, sp)


def _heard_through_agency_report(text: str, sentences, found: list[QuoteFound]) -> None:
    """ "Kim Jong Un oversaw a missile test, KCNA reported. … “…,” Kim said.": a person or
    office an agency reported on is heard through that agency when the article quotes them
    later (unless that sentence names a channel of its own)."""
    reported: list[tuple[list[str], tuple | None, att.SpeakerHit, int]] = []
    for q in found:
        sp = q.speaker
        if (
            sp is None
            or q.kind != "reported"
            or len(q.chain) != 1
            or sp.start < q.end
            or not is_media(sp.text)
        ):
            continue
        m = _SUBJECT.match(text, q.start, q.end)
        if m is None or m.group("s").lower() in _PRONOUNS:
            continue
        subject = m.group("s")
        # "North Korean leader Kim Jong Un oversaw …": the name after the title words
        words: list[str] = []
        for w in text[q.start : min(q.end, q.start + 80)].split():
            if w.islower() and w not in _BEFORE_A_SUBJECT:
                break
            words.append(w)
        lower = [i for i, w in enumerate(words) if w.islower()]
        name = " ".join(words[lower[-1] + 1 :]) if lower else " ".join(words)
        reported.append((_person_keys(name), _office_key(subject), sp, q.end))
    if not reported:
        return  # the common case
    starts = [a for a, _ in sentences]
    for q in found:
        sp = q.speaker
        if sp is None or len(q.chain) != 1 or q.kind == "scare" or is_media(sp.text):
            continue
        names, office = _person_keys(sp.text), _office_key(sp.text)
        for keys, key, agency, end in reversed(reported[-_LOOKBACK:]):
            if end > q.start:
                continue
            same = bool(names) and set(names) <= set(keys)
            if not same and office is not None and key is not None:
                (h, m, o), (h2, m2, o2) = office, key
                same = h == h2 and m <= m2 and _same_owners(o, o2)
            if same:
                if not _own_channel(text, sentences, starts, q.start):
                    name = relays_mod.usual_relay_name(agency.text)
                    q.chain = (att.SpeakerHit(agency.start, agency.end, name, "reported"), sp)
                break


_TOLD_SHORT = re.compile(r"\b(?:told|tells)\s+(?:the\s+)?(?P<s>[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6})(?![\w’'\-])")


def _told_initials(text: str, found: list[QuoteFound]) -> None:
    """ "the Oman News Agency reported … A port official told ONA that …": initials the
    article spells out as a medium it relays through (or in brackets after one) are that
    medium when a speaker tells them something."""
    if "told " not in text and "tells " not in text:
        return
    hits = list(_TOLD_SHORT.finditer(text))
    if not hits:
        return
    longs = {h.text for q in found if len(q.chain) >= 2 for h in q.chain[:-1]}
    if "(" in text:
        longs |= {m.group("long") for m in _BRACKETED_SHORT.finditer(text)}
    for m in hits:
        short = m.group("s")
        if not any(_initials_of(short, n) or f"{n} ({short})" in text for n in longs):
            continue
        for q in found:
            sp = q.speaker
            if sp is not None and len(q.chain) == 1 and 0 <= m.start() - sp.end <= 20:
                q.chain = (att.SpeakerHit(m.start("s"), m.end("s"), short, "told"), sp)


def _one_name_per_agency(text: str, found: list[QuoteFound]) -> None:
    """One agency, one link name: "the Kuwait News Agency" and "KUNA" (or "the Emirates News
    Agency (WAM)" and "WAM") in one article are one relay, shown by its short name."""
    links = {h.text for q in found if len(q.chain) >= 2 for h in q.chain[:-1]}
    if len(links) < 2 and "(" not in text:
        return  # the common case, without a scan of the text
    short_of: dict[str, str] = {}
    if "(" in text:
        for m in _BRACKETED_SHORT.finditer(text):
            short_of[m.group("long").lower()] = m.group("short")
    # "AP", "AFP": agencies whose usual name is their long one keep it (relays.AGENCIES)
    shorts = {
        n for n in links | set(short_of.values()) if _ACRONYM.fullmatch(n)
    } - relays_mod.AGENCIES.keys()
    named: dict[str, str] = {}
    for name in links:
        if _ACRONYM.fullmatch(name):
            continue
        bare = _STATUS_WORDS.sub("", name).strip()
        short = short_of.get(bare.lower())
        if short in relays_mod.AGENCIES:
            continue
        short = short or next((s for s in sorted(shorts) if _initials_of(s, bare)), None)
        if short is not None:
            named[name] = short
    if not named:
        return
    for q in found:
        if len(q.chain) < 2:
            continue
        chain: list[att.SpeakerHit] = []
        for h in q.chain[:-1]:
            if h.text in named:
                h = att.SpeakerHit(h.start, h.end, named[h.text], h.verb)
            if not chain or chain[-1].text != h.text:
                chain.append(h)
        q.chain = (*chain, q.chain[-1])


# "the state-run Kuwait News Agency": words before the agency's own name
_STATUS_WORDS = re.compile(
    r"^(?:(?:the|The|state|state-run|state-owned|official|semi-official|public)\s+)+"
)


def _extend_outward(q, si, relays) -> None:
    """ "TASS reported, citing KCNA. … KCNA quoted Kim as saying …": a chain whose outermost
    link was itself heard through a relay a few sentences earlier keeps that relay."""
    if len(q.chain) < 2 or not relays:
        return
    outer = relays_mod.agency_name(q.chain[0].text).lower()
    for r_si, chain in reversed(relays):
        if si - r_si > _WINDOW:
            break  # relays are in text order: every one before this is older still
        if r_si == si:
            continue
        for k, link in enumerate(chain[:-1]):
            if k > 0 and relays_mod.agency_name(link.text).lower() == outer:
                q.chain = (*chain[:k], *q.chain)
                return
        # the earlier chain's speaker relayed onward ("…, citing KCNA." ends the chain)
        if len(chain) >= 2 and relays_mod.agency_name(chain[-1].text).lower() == outer:
            q.chain = (*chain[:-1], *q.chain)
            return


def _gender_key(name: str) -> str:
    words = _name_words(name) or name.split()
    return words[-1].strip(".,").lower() if words else ""


_FEMININE = frozenset(wordlist("she her ms mrs miss spokeswoman chairwoman congresswoman madam"))
_MASCULINE = frozenset(wordlist("he his mr spokesman chairman congressman sir"))


def _gender_of(name: str, genders: dict[str, str]) -> str | None:
    """ "he"/"she" when the article has told us (a pronoun already resolved to this person, or
    a gendered title in the phrase), else None."""
    words = {w.strip(".,").lower() for w in name.split()}
    if words & _FEMININE:
        return "she"
    if words & _MASCULINE:
        return "he"
    return genders.get(_gender_key(name))


def _resolve_pronoun(text, sentences, si, earlier, q, people=frozenset(), genders=None) -> None:
    pronoun = q.speaker.text.lower()
    want = _PRONOUNS[pronoun]
    genders = genders if genders is not None else {}

    def compatible(name: str) -> bool:
        # "she" is never the man the article called "he" a sentence ago
        if want != "person":
            return True
        gender = _gender_of(name, genders)
        return gender is None or gender == pronoun

    def own_clause(pos: int) -> bool:
        # "Seoul would keep working with partners, it said": the clause's own subject is
        # what was said, not who said it ('The Innu would "look at every option," he told
        # the broadcaster': the subject before a partial quote whose tag follows it is part
        # of the words reported too)
        if q.kind == "partial" and q.end <= q.speaker.start:
            return sentences[si][0] <= pos < q.start
        return q.kind == "reported" and q.start <= pos < q.end

    surnames = _surnames(earlier) | people
    floor = sentences[max(0, si - _WINDOW)][0]
    best: tuple[int, att.SpeakerHit, tuple] | None = None
    for prev in earlier:
        sp = prev.speaker
        if sp is None or sp.start < floor or sp.start >= q.speaker.start:
            continue
        if (
            _matches(want, speaker_kind(sp.text, surnames))
            and compatible(sp.text)
            and (best is None or sp.start > best[0])
        ):
            best = (sp.start, sp, prev.chain)
    for s_start, s_end in sentences[max(0, si - _WINDOW) : si + 1]:
        m = _TITLED_SUBJECT.match(text, s_start, s_end)
        if m is None or m.start() >= q.speaker.start or (best and m.start() <= best[0]):
            continue
        after = text[m.end() : m.end() + 12].split()
        if own_clause(m.start()) and not (after and after[0].lower() in att.SPEECH_TOKENS):
            continue
        if want == "person" and (
            _PERSON_WORDS.intersection(m.group().lower().split())
            or (
                m.group().lower() not in _PRONOUNS and speaker_kind(m.group(), surnames) == "person"
            )
        ):
            if not compatible(m.group()):
                continue
            best = (m.start(), att.SpeakerHit(m.start(), m.end(), m.group(), None), ())
        elif (
            want == "org"
            and (subject := _org_subject(text, s_start, s_end)) is not None
            and subject.start < q.speaker.start
        ):
            best = (subject.start, subject, ())
    if want == "person":
        # "Roads to the regional capital, Bahir Dar, would reopen, he said": a name inside
        # the words reported is what was said, not who said it
        until = q.start if q.kind in ("reported", "mixed") and q.start < q.speaker.start else None
        until = until if until is not None else q.speaker.start
        # "In an interview with the Austin American-Statesman, she said": the medium the
        # pronoun spoke to is never who "she" is, so look for a name before it
        until = min([until, *(h.start for h in q.chain if h != q.speaker and floor <= h.start)])
        named = _last_named_person(text, floor, until)
        if named is not None and _object_of(text, sentences, named):
            named = _last_named_person(text, floor, until, sentences) or (
                named if best is None else None
            )
        if named is not None and (best is None or named.start > best[0]) and compatible(named.text):
            # "After meeting club president Maria Lopez, he said": a name the sentence met,
            # thanked or asked about is not who "he" is when a subject or speaker was named
            best = (named.start, named, ())
    if best is None:
        # A pronoun with no antecedent names nobody: an unknown speaker is more honest than
        # showing "he" or "it" as a source.
        q.chain = tuple(h for h in q.chain if h != q.speaker)
        q.speaker = None
        return
    hit = att.SpeakerHit(best[1].start, best[1].end, best[1].text, q.speaker.verb)
    chain = best[2]
    if len(chain) < 2:
        # '“…,” Lin told a briefing, as quoted by Xinhua. …, he said.': "he" is the full name
        # named earlier, and the relay of the quote that called him "Lin" is still his
        words = set(hit.text.split())
        relayed = next(
            (
                p.chain
                for p in reversed(earlier[-_LOOKBACK:])
                if p.speaker is not None
                and p.speaker.start >= floor
                and len(p.chain) >= 2
                and set(p.speaker.text.split()) <= words
            ),
            (),
        )
        chain = (*relayed[:-1], hit) if relayed else chain
    # '"…," he told BBC Sport.': the medium the pronoun spoke to stays its relay
    # ('"…," the news portal Detik.com quoted him as saying.': the quote's own medium wins
    # over the relay of the sentence that named him)
    own = tuple(h for h in q.chain if h != q.speaker)
    q.speaker = hit
    named_own = any(is_media(h.text) and not _kind_link(h.text) for h in own)
    if chain and chain[-1].text == hit.text and len(chain) >= 2 and not named_own:
        q.chain = (*chain[:-1], hit)
    else:
        q.chain = (*own, hit)


def _possessive(text, sentences, si, earlier, q, people, genders) -> None:
    """ "…, its foreign ministry said": the office of the organisation or country "it" stands
    for ("Orvane's foreign ministry"); unresolved, the phrase stays as written."""
    sp = q.speaker
    probe = att.SpeakerHit(sp.start, sp.start + 2, "it", sp.verb)
    trial = copy.copy(q)
    trial.speaker, trial.chain = probe, (probe,)
    _resolve_pronoun(text, sentences, si, earlier, trial, people, genders)
    if trial.speaker is None:
        return
    owner = re.sub(r"^(?:the|The)\s+", "", trial.speaker.text)
    owner = re.sub(r"['’]s\s.*\Z", "", owner)  # "Orvane's foreign ministry" -> "Orvane"
    hit = att.SpeakerHit(sp.start, sp.end, f"{owner}'s {sp.text[4:]}", sp.verb)
    q.chain = tuple(hit if h == sp else h for h in q.chain) or (hit,)
    q.speaker = hit


def _org_subject(text: str, start: int, end: int) -> att.SpeakerHit | None:
    """An organisation or country opening a sentence as its subject ("Aldmere released…",
    "The ministry said…"): the phrase must be followed by a lower-case word (its verb), which
    rules out datelines and "However,"; a lone capitalised word must not be a function word."""
    m = _SUBJECT.match(text, start, end)
    if m is None or speaker_kind(m.group("s")) != "org":
        return None
    following = text[m.end() : m.end() + 20].split()[:1]
    if following and following[0].strip(".,").lower() in _PLURAL_WORDS:
        return None  # "Political scientists say": an adjective, not the subject
    words = m.group("s").split()
    if words[0].lower() in _PRONOUNS or (len(words) == 1 and words[0].lower() in _NOT_SUBJECT):
        return None  # a pronoun, or a connective or determiner on its own
    return att.SpeakerHit(m.start("s"), m.end("s"), m.group("s"), None)


def _text_surnames(text: str) -> set[str]:
    """Last words of people's full names anywhere in the text, so a later bare "Mehra" is a
    person even when the full name ("Anil Mehra") never spoke."""
    out: set[str] = set()
    for m in _FULL_NAME.finditer(text):
        words = m.group().split()
        if words[0].lower() in _NOT_SUBJECT or speaker_kind(m.group()) != "person":
            continue
        if _PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        out.add(words[-1].lower())
    return out


# "the minister", "the 54-year-old", "The spokeswoman": a description that stands for a person
# the article has named.
_DESCRIPTION = re.compile(
    # "the 31-year-old midfielder": an age with its noun is still any person of that age
    r"(?:the|The)\s+(?:(?P<age>\d{1,3}-year-old)(?:\s+[a-z][\w\-]*)?|"
    # "the former minister", "the veteran striker": a modifier before the title
    r"(?:(?:former|deputy|veteran|new|outgoing|interim|acting|senior|assistant|vice|head)\s+)?"
    r"(?P<title>midfielder|forward|goalkeeper|lawmaker|congressman|congresswoman|"
    r"commander|general|colonel|inspector|attorney|engineer|historian|author|"
    r"minister|detective|captain|"
    r"spokesman|spokeswoman|spokesperson|chief|defender|striker|prosecutor|judge|chairman|"
    r"chairwoman|chair|mayor|governor|senator|coach|manager|president|clerk|pharmacist|"
    r"barrister|lawyer|doctor|superintendent|sheriff|commissioner|director|professor|"
    r"secretary|executive|ambassador|envoy|premier|chancellor|researcher|scientist|"
    r"economist|analyst|candidate|councillor|owner|founder))"
)
_TITLE_REACH = 60  # characters before a name in which its title may stand


def _description(text, sentences, si, earlier, q) -> None:
    """ "the minister said" / "the 61-year-old said": the most recent person named in the
    last few sentences whose mention carries that title ("Finance Minister Rutger Valk",
    "a spokeswoman for the corps, Lena Ortiz"); any person for an age. Further back, the one
    person the text has given that title ("ministry spokesperson Dara Kostell", paragraphs
    before "the spokesperson said"), when only one has it. Nobody compatible: the
    description stays (it is still an honest speaker)."""
    m = _DESCRIPTION.fullmatch(q.speaker.text)
    floor = sentences[max(0, si - _WINDOW - 1)][0]
    title = (m.group("title") or "").lower()
    recent = _titled_people(text, floor, q.speaker.start, title)
    if recent:
        best = recent[-1]
    elif title:
        # further back only a name the title stands right before: "spokesperson Dara Kostell"
        named = [
            hit
            for hit in _titled_people(text, 0, floor, title)
            if text[: hit.start].rstrip().lower().endswith(title)
        ]
        if len({hit.text for hit in named}) != 1:
            return
        best = named[-1]
    else:
        return
    old = q.speaker
    q.speaker = best = att.SpeakerHit(best.start, best.end, best.text, old.verb)
    q.chain = tuple(best if h == old else h for h in q.chain) or (best,)


def _titled_people(text: str, lo: int, hi: int, title: str) -> list[att.SpeakerHit]:
    """Full names of people in [lo, hi), in order, that carry ``title`` (any, if "")."""
    out = []
    for n in _FULL_NAME.finditer(text, lo, hi):
        start = _office_lead(text, n)
        name = text[start : n.end()]
        words = _name_words(name)
        if len(words) < 2 or speaker_kind(name) != "person":
            continue
        if _PLACE_BEFORE.search(text, max(0, n.start() - 8), n.start()):
            continue
        if title and not _titled(text, words[-1], title, hi):
            continue
        lead = name.find(words[0])
        out.append(att.SpeakerHit(start + lead, n.end(), " ".join(words), None))
    return out


def _titled(text: str, surname: str, title: str, end: int) -> bool:
    """Does ``title`` stand within reach before some mention of ``surname`` before ``end``?"""
    pos = text.find(surname, 0, end)
    while pos != -1:
        window = text[max(0, pos - _TITLE_REACH) : pos]
        at = window.lower().rfind(title)
        # the title belongs to this mention only within its sentence ("Finance Minister X",
        # "a spokeswoman for the corps, X"), never across a full stop
        if at != -1 and not any(c in window[at:] for c in ".!?;"):
            return True
        pos = text.find(surname, pos + 1, end)
    return False


def _continued_paragraph(text, sentences, si, earlier, q) -> None:
    """News convention: a quote with no tag continues the person the paragraph has just
    named ("The pharmacist, Anil Mehra, described the raid. “…”"), or, when it opens its
    paragraph, the last speaker of the previous paragraph."""
    if q.open_mark is None:
        return
    para = text.rfind("\n", 0, q.open_mark) + 1
    if si > 0 and sentences[si - 1][0] >= para:
        p_start, p_end = sentences[si - 1]
        named = _last_named_person(text, p_start, p_end)
        if named is not None:
            words = _name_words(named.text)
            if len(words) >= 2:
                lead = named.text.find(words[0])
                hit = att.SpeakerHit(named.start + lead, named.end, " ".join(words), None)
                q.speaker, q.chain = hit, (hit,)
                return
    if text[para : q.open_mark].strip() or not earlier:
        return
    prev = next((e for e in reversed(earlier) if e.speaker is not None and e.kind != "scare"), None)
    if prev is None or si == 0:
        return
    # The previous paragraph must end on that speaker's words or tag: after narration
    # ("The ferry left at noon.") an untagged quote could be anyone's.
    l_start, l_end = sentences[si - 1]
    if not (prev.start < l_end and max(prev.end, prev.speaker.end) > l_start):
        return
    q.speaker, q.chain = prev.speaker, prev.chain


def _surnames(earlier) -> set[str]:
    """Last words of full names already seen speaking, so a later "Kostell" is a person."""
    out: set[str] = set()
    for prev in earlier:
        if prev.speaker is not None and speaker_kind(prev.speaker.text) == "person":
            out.add(prev.speaker.text.split()[-1].strip(".,").lower())
    return out


def _matches(want: str, kind: str) -> bool:
    return kind == want or (want == "group" and kind == "org")


def _neighbour(text, sentences, si, earlier, q) -> None:
    if q.open_mark is None or si == 0:
        return
    p_start, p_end = sentences[si - 1]
    between = text[p_end : q.open_mark]
    if between.strip():
        return
    m = _BARE_ATTRIBUTION.fullmatch(text, p_start, p_end)
    if m and m.group("s").lower() not in _PRONOUNS and "\n" not in between:
        hit = att.SpeakerHit(m.start("s"), m.end("s"), m.group("s"), m.group("v").lower())
        q.speaker, q.chain = hit, (hit,)
        return
    if "\n" not in between or not earlier:
        return
    prev = earlier[-1]
    if (
        prev.kind == "direct"
        and prev.speaker is not None
        and prev.close_mark is not None
        and "\n" not in text[prev.close_mark : p_end]
        and p_end - prev.close_mark < 80
        and p_start <= prev.start
    ):
        q.speaker, q.chain = prev.speaker, prev.chain


def _head(hit_text: str) -> str | None:
    """Head noun of a definite description ("The ministry" -> "ministry"), else None."""
    spokes = _SPOKESPERSON_FOR.fullmatch(hit_text)
    if spokes is not None:
        return spokes.group(1)  # "A spokesman for the ministry" speaks for the ministry
    words = hit_text.split()
    # "The ministry said", "those people said": the same source as a link just relayed
    if not 2 <= len(words) <= 3 or words[0].lower() not in ("the", "those", "these"):
        return None
    return words[-1] if all(w.islower() for w in words[1:]) else None


_SPOKESPERSON_FOR = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+spokes(?:man|woman|person)\s+for\s+the\s+(?:[a-z]+\s+)?([a-z]+)"
)


_DOCUMENT_HEADS = frozenset(
    wordlist(
        "statement message communique report letter commentary memo memorandum document "
        "documents transcript draft emails messages recording minutes"
    )
)


# "IRNA carried a similar statement from the Iranian foreign ministry.": a medium carrying a
# document in a sentence of its own, before "The statement said …"
_CARRIED_DOCUMENT = re.compile(
    rf"(?P<m>{att.MEDIA})\s+(?:also\s+)?(?:carried|published|released|ran|relayed)\s+"
    r"(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,2}?(?:statement|message|communique|letter|commentary)"
    r"\s+(?:from|by|of)\s"
)


def _carried_document(q, si, text, sentences) -> None:
    """ "IRNA carried a statement from the ministry. The statement said …": the medium that
    carried the document in the sentence before relays it."""
    head = _head(q.speaker.text)
    if head is None or head.lower() not in _DOCUMENT_HEADS or si == 0:
        return
    a, b = sentences[si - 1]
    if text.find(" carried ", a, b) == -1 and text.find(" published ", a, b) == -1:
        return
    m = _CARRIED_DOCUMENT.search(text, a, b)
    if m is not None:
        name = m.group("m")
        skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
        medium = att.SpeakerHit(m.start("m") + skip, m.end("m"), name[skip:], "carried")
        q.chain = (medium, q.speaker)


def _continue_relay(q, si, relays, text="", sentences=(), prev=None) -> None:
    if len(q.chain) == 1 and sentences:
        _carried_document(q, si, text, sentences)
    if len(q.chain) != 1 or not relays:
        return
    head = _head(q.speaker.text)
    r_si, chain = relays[-1]
    if head is None or si - r_si > _WINDOW or si == r_si:
        return
    if prev is not None and _names_another(prev, head.lower()) and prev.end > chain[-1].end:
        return  # "Human Rights Watch said … the group said": the group just named
    if head.lower() in _DOCUMENT_HEADS and sentences:
        # "In a statement carried by KCNA, the ministry accused … The statement said …": the
        # statement is the relayed source's, heard through the same relay.
        r_start, r_end = sentences[r_si]
        if head.lower() in text[r_start:r_end].lower():
            q.chain = (*chain[:-1], q.speaker)
            return
    for k, link in enumerate(chain):
        if head in link.text.lower().split():
            q.chain = (*chain[:k], q.speaker)
            return


# "Her comments were carried by TASS.", "The statement, carried by KCNA, also said …", "He made
# the remarks at a factory, KCNA reported.": a sentence naming the relay of what was just said
_RELAYED_AFTER = re.compile(
    rf"(?:(?:His|Her|Their|Its|The)\s+(?:comments|remarks|statement|message|speech|interview)"
    # "Her remarks at the weekly news conference were broadcast live by IRNA"
    rf"(?:\s+(?:at|to|in|on|during)\s+[^,.!?\"“”]{{1,60}}?)?"
    rf"(?:\s+(?:was|were))?,?(?:\s+(?:also|later|first))?"
    rf"\s+(?:carried|reported|published|broadcast|aired|relayed|released)(?:\s+live)?"
    rf"\s+(?:by|on)\s+(?P<m1>{att.MEDIA})"
    # "He made the remarks at a factory, KCNA reported.", "He declined to comment on the
    # reports, the RIA Novosti agency reported.": the medium reporting the speaker's next
    # sentence relayed what the speaker had just said
    rf"|(?:He|She|They)\s+[^.!?\"“”]{{0,120}}?,"
    rf"\s+(?P<m2>{att.MEDIA})\s+(?:reported|said))"
)


def _relayed_afterwards(text: str, sentences, found: list[QuoteFound]) -> None:
    """Give the relay a sentence names afterwards to what the one or two sentences before it
    attributed without one ("… ,” spokeswoman X said. Her comments were carried by TASS.")."""
    if not any(w in text for w in ("omments", "emarks", "tatement", "essage", "peech", "eported")):
        return  # the common case, without a regex
    q_starts = [q.start for q in found]  # found is in text order
    for si, (s_start, s_end) in enumerate(sentences):
        m = _RELAYED_AFTER.match(text, s_start, s_end)
        if m is None:
            continue
        group = "m1" if m.group("m1") else "m2"
        name = m.group(group)
        skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
        medium = att.SpeakerHit(m.start(group) + skip, m.end(group), name[skip:], "carried by")
        floor = max(sentences[max(0, si - 2)][0], text.rfind("\n", 0, s_start) + 1)
        lo, hi = bisect_left(q_starts, floor), bisect_left(q_starts, s_start)
        before = [q for q in found[lo:hi] if q.speaker is not None and q.kind != "scare"]
        if not before:
            continue
        # the comments are those of whoever spoke last
        last = before[-1].speaker.text
        pronoun = text[s_start : s_start + 4].split()[0].lower()
        if group == "m2" and not _matches(_PRONOUNS[pronoun], speaker_kind(last)):
            continue  # "He …, X reported" after a quote of an organisation: not its relay
        for q in before:
            if q.speaker.text == last and len(q.chain) == 1:
                q.chain = (medium, q.speaker)


def _prepend_agency(found, agency: att.SpeakerHit) -> None:
    name = agency.text.lower()
    for q in found:
        if len(q.chain) >= 2 and q.chain[0].text.lower() != name:
            q.chain = (agency, *q.chain)


_TITLE_WORDS = frozenset(
    wordlist(
        "mr mrs ms dr prof sir president minister secretary senator governor mayor sheriff "
        "chief judge general colonel captain councillor commissioner director professor "
        "rep sen gov gen col capt lt sgt officer agent deputy spokesman spokeswoman "
        # "Opposition MP Laurynas Žemaitis": members of parliaments
        "mp mep mla mpp msp"
    )
)


def _name_words(hit_text: str) -> list[str]:
    """Capitalised words of a name without leading titles ("Sheriff Pete Flores" ->
    ["Pete", "Flores"]); [] when the phrase is not a capitalised name."""
    return list(_name_words_cached(hit_text))


@lru_cache(maxsize=4096)  # pure, and asked again and again about an article's speakers
def _name_words_cached(hit_text: str) -> tuple[str, ...]:
    return tuple(_name_words_uncached(hit_text))


def _name_words_uncached(hit_text: str) -> list[str]:
    words = [w.strip(".,") for w in hit_text.split()]
    while words and words[0].lower().rstrip(".") in _TITLE_WORDS:
        words = words[1:]
    if not words or not all(w[:1].isupper() for w in words):
        return []
    return words


def _canonical_names(text: str, sentences, found: list[QuoteFound]) -> None:
    """One person, one speaker: "Flores" and "Mr. Flores" become the full name ("Pete
    Flores") named as a speaker or as a sentence's subject elsewhere in the article."""
    single = {
        words[0].lower()
        for q in found
        if q.speaker is not None and len(words := _name_words(q.speaker.text)) == 1
    }
    if not single:
        return  # no surname-only speaker: nothing to merge (the common case, kept cheap)
    full: dict[str, att.SpeakerHit] = {}
    for q in found:
        sp = q.speaker
        if sp is not None and speaker_kind(sp.text) == "person":
            words = _name_words(sp.text)
            if len(words) >= 2 and words[-1].lower() in single:
                full.setdefault(words[-1].lower(), sp)
    for s_start, s_end in sentences:
        m = _TITLED_SUBJECT.match(text, s_start, s_end)
        if m is None or " " not in m.group():
            continue
        words = _name_words(m.group())
        last = words[-1].lower() if 2 <= len(words) <= 4 else ""
        if last in single and speaker_kind(m.group()) == "person":
            full.setdefault(last, att.SpeakerHit(m.start(), m.end(), m.group(), None))
    surnames = single - full.keys()
    if surnames:
        # "Border Patrol chief Rodney Marsh toured the crossing. … Marsh said.": the first
        # full name ending in that surname anywhere in the text.
        for m in _FULL_NAME.finditer(text):
            words = m.group().split()
            last = words[-1].lower()
            if last not in surnames:
                continue
            lead = 0  # "Minister of Defence Joanna Trell": the name starts after the titles
            while lead < len(words) - 1 and words[lead] in _ACTOR_TITLES:
                lead += 1
            start = m.start() + len(" ".join(words[:lead])) + (1 if lead else 0)
            start = max(start, _office_lead(text, m))
            name = text[start : m.end()]
            if len(name.split()) >= 2 and speaker_kind(name) == "person":
                full.setdefault(last, att.SpeakerHit(start, m.end(), name, None))
    if not full:
        return
    for q in found:
        sp = q.speaker
        if sp is None:
            continue
        words = _name_words(sp.text)
        if len(words) != 1 or words[0].lower() not in full:
            continue
        name = full[words[0].lower()]
        hit = att.SpeakerHit(name.start, name.end, name.text, sp.verb)
        q.chain = tuple(hit if h == sp else h for h in q.chain) or (hit,)
        q.speaker = hit


def _speaker_key(hit_text: str) -> str:
    words = hit_text.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return ""
    return words[-1] if len(words) <= 3 and all(w.isalpha() for w in words) else " ".join(words)


def _carry_chains(found: list[QuoteFound], text: str = "", sentences=()) -> None:
    """A speaker first heard through a relay ("KCNA quoted a spokesman as saying") is still
    heard through it later in the article ("The spokesman said", "he added"), unless the
    later sentence names a channel of its own ("said on its website", "told reporters")."""
    chains: dict[str, tuple[att.SpeakerHit, ...]] = {}
    speaking = [q for q in found if q.speaker is not None and q.kind != "scare"]
    if not any(len(q.chain) >= 2 for q in speaking):
        return  # nothing relayed: nothing to carry (the common case, kept cheap)
    keyed: list[tuple[QuoteFound, list[str], list[str]]] = []
    for q in speaking:
        names = _person_keys(q.speaker.text)  # type: ignore[union-attr]
        keyed.append((q, [_speaker_key(q.speaker.text), *names], names))  # type: ignore[union-attr]
    starts = [a for a, _ in sentences]
    # Twice: forward, then backward, giving earlier mentions the relay the nearest later one
    # names ("Speaking to BBC Sport, the captain said …" after "the captain has told his
    # team-mates …"), up to a statement in a channel of its own ('"…," she told a news
    # conference' is no interview she gave NHK later in the day)
    forward = list(enumerate(keyed))
    steps = [(False, x) for x in forward] + [(True, x) for x in reversed(forward)]
    # the word before the surname of the relayed full name stored under that surname
    given: dict[str, str] = {}
    for n, (backward, (i, (q, keys, names))) in enumerate(steps):
        if backward and n == len(forward):
            chains, given = {}, {}  # the backward pass starts afresh
        if q.reported_remark:
            continue  # a second-hand remark's relay is its own (``quotes._nested_report``)
        if len(q.chain) >= 2:
            for key in keys:
                chains[key] = q.chain
            if len(names) >= 2:
                given[names[-1]] = names[-2]
            short = _initials_key(q.speaker.text)  # type: ignore[union-attr]
            if short:
                # "the Joint Chiefs of Staff" is "the JCS" further on
                chains.setdefault(short, q.chain)
            continue
        if len(names) >= 2:
            # "Kim Soo-jin" is not "Kim Jong Un": a full name matches on its last word
            keys = [keys[0], names[-1]]
        key = next((k for k in keys if k in chains), None)
        if key is None:
            continue
        if len(names) >= 2 and key == names[-1] and given.get(key, names[-2]) != names[-2]:
            # "Chiri Babu Maharjan" after "Sita Maharjan" told a portal: another person of
            # the same surname, not heard through her relay
            continue
        if _own_channel(text, sentences, starts, q.start) or _own_channel(
            text, sentences, starts, max(q.start, q.end - 1)
        ):
            # "… told reporters at a news conference": heard directly now, so the words that
            # follow are no longer the interview's ('"…. …," she told a news conference': the
            # tag's sentence is the quote's last)
            for k in keys:
                chains.pop(k, None)
            continue
        if backward and 0 <= text.find("\n\n", 0, q.start) < q.start:
            # backward only into the lede (whose relay the next sentence names); after it, a
            # relay named once covers what follows it, not what came before
            continue
        prev = keyed[i - 1][0] if i else None
        if (
            key == keys[0]
            and q.speaker.text[:4] in ("the ", "The ")
            and prev is not None
            and _names_another(prev, key)
            and "\n" not in text[prev.end : q.start]
        ):
            # "Human Rights Watch said … the group said": a description right after a named
            # organisation is that organisation, not the group an earlier relay carried
            continue
        q.chain = (*chains[key][:-1], q.speaker)


# "A senior Republican senator", "The chief executive of …", "Senegal's finance minister",
# "its chief executive": a description, not a name
_DETERMINED_LEDE = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s|[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*)?['’]s\s+[a-z]"
)


def _lede_relay(text: str, found: list[QuoteFound]) -> None:
    """The lede's statement ("A senior Republican senator said Sunday that …") was made where
    the next paragraph says ("Sen. Dana Whitfield … told CBS's Face the Nation that …"): the
    lede takes that chain when it names no channel itself and its speaker is that person, by
    a description ("The Minister for Housing") or by the same surname."""
    floor = att.dateline(text)[0]
    end1 = text.find("\n\n", floor)
    if end1 == -1 or len(found) < 2:
        return
    lede = [q for q in found if q.start < end1 and q.speaker is not None and q.kind != "scare"]
    if not lede or len(lede[0].chain) != 1:
        return
    end2 = text.find("\n\n", end1 + 2)
    end2 = len(text) if end2 == -1 else end2
    nxt = next((q for q in found if end1 <= q.start < end2 and q.speaker is not None), None)
    if nxt is None or len(nxt.chain) != 2 or nxt.speaker is None:
        return  # (a chain of three is a remark at second hand, not where the lede was said)
    first, later = lede[0].speaker, nxt.speaker
    assert first is not None
    if (first.verb or "").lower() in att._TELL:
        return  # "told parliament that …": the lede names its own audience
    if speaker_kind(later.text) != "person":
        return
    # (a body's lede, "the petroleum division said", is not the person who spoke next)
    described = (
        _DETERMINED_LEDE.match(first.text) is not None and speaker_kind(first.text) == "person"
    )
    if not (described or _same_surname(first.text, later.text)):
        return
    for q in lede:
        if q.speaker is not None and q.speaker.text == first.text and len(q.chain) == 1:
            q.chain = (*nxt.chain[:-1], q.speaker)


def _same_surname(a: str, b: str) -> bool:
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and wa[-1] == wb[-1]


def _initials_key(hit_text: str) -> str | None:
    """ "jcs" for "the Joint Chiefs of Staff": the initials of a name of three capitalised
    words or more, the key a later short form ("the JCS") has."""
    words = [w for w in hit_text.split() if w.lower() not in ("the", "of", "and", "for")]
    if len(words) < 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def _names_another(prev: QuoteFound, key: str) -> bool:
    """Is ``prev`` heard directly from a named speaker ("Human Rights Watch") other than the
    one ``key`` stands for?"""
    sp = prev.speaker
    words = sp.text.split() if sp is not None else []
    return (
        sp is not None
        and len(prev.chain) == 1
        # a name of two capitalised words or more ("Human Rights Watch"), not "Residents"
        and len(words) >= 2
        and all(w[:1].isupper() or w in ("of", "for", "and") for w in words)
        and words[0] not in ("The", "A", "An")
        and not is_media(sp.text)
        and _speaker_key(sp.text) != key
    )


def _own_channel(text: str, sentences, starts: list[int], pos: int) -> bool:
    if not sentences:
        return False
    a, b = sentences[max(0, bisect_right(starts, pos) - 1)]
    return _OWN_CHANNEL.search(text, a, b) is not None


# "…, in a notice posted on its website", "told reporters", "at a news conference": the
# sentence names a channel of its own, so what it attributes comes through no earlier relay
_OWN_CHANNEL = re.compile(
    r"\b(?:(?:on|in)\s+(?:its|his|her|their)\s+(?:own\s+)?(?:website|account|channel|podcast|"
    r"newsletter|blog|show)|"
    r"on\s+(?:Telegram|X|Twitter|Facebook)\b|in\s+a\s+(?:post|notice|tweet|video)\b|"
    # ("Speaking to reporters in New Delhi later, Bhatia said")
    r"(?:told|[Ss]peaking\s+to|[Tt]alking\s+to)\s+(?:the\s+)?(?:reporters|journalists|the\s+press)\b|"
    r"(?:news|press)\s+(?:conference|briefing)|regular\s+briefing|"
    # "said during a conference call with analysts", "on the earnings call": a company's own
    r"(?:conference|earnings|investor|analysts['’]?)\s+call\b|\bcall\s+with\s+(?:analysts|investors)|"
    # "posted on the governor's website": an office's own site, not a medium's
    # ("on the group's Telegram channel")
    r"(?:on|in)\s+the\s+[a-z][\w\-]*['’]s\s+(?:own\s+)?(?:(?:Telegram|YouTube|WhatsApp)\s+)?"
    r"(?:website|account|channel)\b|"
    # "later told MPs on the committee", "told a Senate hearing", "testified": heard in person
    r"told\s+(?:MPs|lawmakers|legislators|senators|parliament|Parliament|Congress|the\s+Senate|"
    r"(?:the|a)\s+(?:[\w\-]+\s+){0,2}(?:committee|hearing|inquiry|court|tribunal))\b|"
    r"testified|gave\s+evidence)"
)
_OFFICE_CUT = re.compile(r"\s+(?:in|at|on|for|from)\s+")


def _office_key(hit_text: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """(head, lower-case modifiers, capitalised owner words) of an office or organisation
    phrase ("North Korea's defence ministry" -> ministry, {defence}, {north, korea}; "The
    defence ministry in Pyongyang" -> ministry, {defence}, {}); None for anything else."""
    phrase = _OFFICE_CUT.split(hit_text, maxsplit=1)[0]
    words = [w.strip(".,") for w in phrase.replace("’s", "").replace("'s", "").split()]
    if len(words) < 2 or words[-1].lower() not in _ORG_WORDS:
        return None
    head = words[-1].lower()
    body = [w for w in words[:-1] if w.lower() not in _DETERMINERS]
    mods = frozenset(w.lower() for w in body if w.islower())
    owners = frozenset(w.lower() for w in body if not w.islower())
    return head, mods, owners


def _same_owners(later: frozenset[str], first: frozenset[str]) -> bool:
    """Every owner word of the later mention is one of the first mention's, a country and its
    adjective alike ("The Chinese coast guard" after "China's coast guard")."""
    return all(
        w in first or (len(w) >= 4 and any(len(x) >= 4 and x[:4] == w[:4] for x in first))
        for w in later
    )


def _carry_office_chains(text: str, sentences, found: list[QuoteFound]) -> None:
    """An office first heard through a relay ("North Korea's defence ministry warned …, in a
    statement carried by KCNA") is still heard through it when the article comes back to it
    paragraphs later ("The defence ministry in Pyongyang also said …"), unless that sentence
    names a channel of its own ("in a notice posted on its website")."""
    if not any(len(q.chain) >= 2 for q in found):
        return  # nothing relayed (the common case, kept cheap)
    starts = [a for a, _ in sentences]
    heard: list[tuple[tuple[str, frozenset[str], frozenset[str]], tuple]] = []
    for q in found:
        if q.speaker is None or q.kind == "scare":
            continue
        key = _office_key(q.speaker.text)
        if key is None:
            continue
        if len(q.chain) >= 2:
            heard.append((key, q.chain))
            continue
        head, mods, owners = key
        match = None
        for (h, m, o), chain in reversed(heard[-_LOOKBACK:]):
            # the same office: same head, no modifier or owner the earlier mention lacks
            if h == head and (mods or owners) and mods <= m and _same_owners(owners, o):
                match = chain
                break
        if match is None:
            continue
        if _own_channel(text, sentences, starts, q.start):
            heard.append((key, q.chain))  # heard directly now: later mentions follow this
            continue
        q.chain = (*match[:-1], q.speaker)


def _relayed_antecedents(found: list[QuoteFound]) -> None:
    """ "According to OTA, the ministry said …" after "OTA reported that Oskarn's Foreign
    Ministry had described …": a definite description heard through the same relays as a
    named source with the same head noun stands for that source. The phrase stays; when it
    resolves to no actor of its own, its words carry the source's (``antecedent``)."""
    named: list[QuoteFound] = []  # relayed quotes of named sources, latest last
    for q in found:
        if q.speaker is None or q.kind == "scare" or len(q.chain) < 2:
            continue
        head = _head(q.speaker.text)
        if head is None:
            named.append(q)
            continue
        if q.issuer is not None or q.antecedent is not None:
            continue
        relays = [h.text.lower() for h in q.chain[:-1]]
        for prev in reversed(named[-_LOOKBACK:]):
            if [h.text.lower() for h in prev.chain[:-1]] != relays:
                continue
            if head.lower() in prev.speaker.text.lower().replace("’s", " ").split():
                q.antecedent = prev.issuer or prev.speaker
            break  # the latest source heard through these relays, or none


_DETERMINERS = frozenset(wordlist("the a an its his her their this that these those one another"))
_NOT_NAME_KEY = frozenset(wordlist("foreign prince senior deputy vice state chief acting"))


def _person_keys(hit_text: str) -> list[str]:
    """Name words of a person speaker ("the ministry's spokeswoman, Irina Volkova" ->
    ["irina", "volkova"]), so "Volkova" or "Li" later finds the relay "Li Wenbo" came through."""
    name = hit_text.rsplit(",", 1)[-1].strip()
    # "Sheep farmer Ulrike Brandt from Upper Lusatia": where the person is from is no name
    name = re.sub(r"\s+from\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][^,]*\Z", "", name)
    if speaker_kind(name) == "org" and " " in name:
        return []  # "North Korea's defence ministry" is no person called "Korea's"
    # "Faisal bin Farhan", "Anneke de Vries": lower-case particles are not name keys; "The
    # company" and "The president" share no name ("The" opens a description)
    words = _name_words(
        " ".join(w for w in name.split() if w[:1].isupper() and w.lower() not in _DETERMINERS)
    )
    # "Plantation and Commodities Minister Azlan Harun", "Kharkiv Mayor Ihor Bondarenko": the
    # name is what follows the last title word (the words before it name the office)
    last_title = max(
        (
            i
            for i, w in enumerate(words[:-1])
            if w.lower().rstrip(".") in _TITLE_WORDS or w in _ACTOR_TITLES
        ),
        default=-1,
    )
    words = words[last_title + 1 :]
    while words and (
        words[0].lower() in _NOT_NAME_KEY
        or words[0] in _ACTOR_TITLES
        or words[0].lower() in _TITLE_WORDS
    ):
        words = words[1:]  # "Foreign Minister Prince Faisal bin Farhan" -> Faisal, Farhan
    if len(words) > 4 and _OFFICE_AND.search(name[: name.find(words[-4])]):
        words = words[-3:]  # "Minister of Energy and Mines Raúl Fonseca Prieto"
    if not words or len(words) > 4:
        return []
    return [
        w.lower()
        for w in words
        if len(w) >= 2 and w.lower() not in _NOT_NAME_KEY and w.lower() not in _TITLE_WORDS
    ]


def _partials_from_context(text: str, sentences, found: list[QuoteFound]) -> None:
    """A quoted phrase with no speaker of its own belongs to the speaker attributed earlier
    in the same sentence, or in the previous sentence of the same paragraph ("Ruiz attacked
    the plan. It would leave families \u201cworse off than a decade ago\u201d.")."""
    starts = [s for s, _ in sentences]
    last: tuple[int, QuoteFound] | None = None  # (sentence index, quote)
    for q in found:
        si = max(0, bisect_right(starts, q.start) - 1)
        if q.kind == "partial" and q.speaker is None and last is not None:
            l_si, prev = last
            between = text[prev.end : q.start]
            if si - l_si <= 1 and "\n" not in between:
                q.speaker, q.chain = prev.speaker, prev.chain
        if q.speaker is not None and q.kind != "scare":
            last = (si, q)


def _partials_inside_clauses(found: list[QuoteFound]) -> None:
    """A quoted phrase inside a reported clause ("cited X as saying the country was trying to
    “internationalise” the dispute") is the clause's speaker's, through the clause's relays."""
    clause: QuoteFound | None = None
    for q in found:  # in text order: the clause holding a phrase starts before it
        if q.kind in ("reported", "mixed") and q.speaker is not None:
            clause = q
        elif (
            q.kind == "partial"
            and clause is not None
            and clause.start <= q.start
            and q.end <= clause.end + 1
            and q.speaker != clause.speaker
        ):
            q.speaker, q.chain = clause.speaker, clause.chain


# Words a subject's name may carry before it ("club president", "Her husband,"); anything
# else before a name in its sentence makes it an object ("meeting", "about", "met").
_BEFORE_A_SUBJECT = frozenset(
    wordlist(
        "club team party former deputy senior chief executive officer coach manager captain "
        "striker midfielder goalkeeper defender forward leader chairman chairwoman head "
        "spokesman spokeswoman spokesperson lawmaker minister foreign defence defense interior "
        "finance prime vice state federal regional local city county council member activist "
        "lawyer attorney teacher nurse doctor resident farmer owner student worker his her "
        "their its wife husband son daughter mother father brother sister partner colleague "
        "neighbour neighbor friend the a an another one retired veteran police fire general"
    )
)


def _object_of(text: str, sentences, hit: att.SpeakerHit) -> bool:
    """Is the name in ``hit`` something its sentence does to or says about someone (an
    object), rather than the sentence's subject or an apposition to it?"""
    s_start = next((a for a, b in sentences if a <= hit.start < b), 0)
    if s_start < 120:
        s_start = max(s_start, att.clause_start(text))
    words = text[s_start : hit.start].split()
    while words and (words[-1][:1].isupper() or words[-1].lower().strip(",") in _BEFORE_A_SUBJECT):
        if words[-1].endswith(","):
            break
        words.pop()
    return bool(words) and not words[-1].endswith((",", "—", "–"))


_REGION_DEMONYM = re.compile(
    rf"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Sri|New|Latin)\s+"
    rf"{DEMONYM}"
)


def _last_named_person(
    text: str, floor: int, end: int, subjects_in: list[tuple[int, int]] | None = None
) -> att.SpeakerHit | None:
    """The last first-and-last name before ``end`` (and after ``floor``) that reads as a
    person: not after a place preposition ("in New Carlow"), not an organisation; with
    ``subjects_in`` (the sentences), only a name that is not an object of its sentence."""
    last = None
    for m in _FULL_NAME.finditer(text, floor, end):
        words = m.group().split()
        if words[0].lower() in _NOT_SUBJECT or speaker_kind(m.group()) != "person":
            continue
        if _PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if _INDEFINITE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "Sabine Adler, a Social Democrat, said": a description, not a name
        if text[m.start() - 1 : m.start()] in ('"', "“") and text[m.end() : m.end() + 1] in (
            '"',
            "”",
        ):
            continue  # 'told CNBC's "Squawk Box"': a quoted title names no one
        start = _office_lead(text, m)
        hit = att.SpeakerHit(start, m.end(), text[start : m.end()], None)
        if subjects_in is not None and _object_of(text, subjects_in, hit):
            continue
        last = hit
    return last


_MEDIA = re.compile(att.MEDIA)
_ACRONYM = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}")
_WORD_AT = re.compile(r"[\w’'\-]+")


def is_media(name: str) -> bool:
    """A news agency or outlet ("KCNA", "the Associated Press", "BBC Sport")."""
    return bool(
        _MEDIA.fullmatch(name)
        or _ACRONYM.fullmatch(name)
        or name.removeprefix("the ").removeprefix("The ") in media_names.more_names()
    )


# A relay link named by its kind alone: '“…,” the newspaper quoted him as saying.'
_KIND_LINK = frozenset(media_names.KINDS)


def _kind_link(name: str) -> bool:
    """ "the newspaper", "the agency", "the news agency", "the wire service": a medium named by
    its kind alone."""
    words = name.lower().split()
    if len(words) >= 3 and words[0] == "the" and words[-1] == "affiliate":
        return True  # "the NBC affiliate", "the ABC News affiliate": the station named before
    if len(words) == 3 and words[1] in ("news", "wire"):
        words = [words[0], words[2] if words[2] == "agency" else "agency"]
    return len(words) == 2 and words[0] == "the" and words[1] in _KIND_LINK


def _kind_links_named(found: list[QuoteFound]) -> None:
    """ "The Global Times quoted an expert, Zhang Hao, as saying … “…,” the newspaper quoted
    him as saying.": a relay link named by its kind alone is the medium that last relayed a
    quote by name (the innermost named relay of the last relayed quote)."""
    last: att.SpeakerHit | None = None
    for q in found:
        if len(q.chain) < 2 or q.kind == "scare":
            continue
        links = list(q.chain[:-1])
        for k, h in enumerate(links):
            if _kind_link(h.text):
                if last is not None:
                    links[k] = att.SpeakerHit(h.start, h.end, last.text, h.verb)
                elif h.verb == "told":
                    links[k] = None  # "told the agency" with no medium named before: no one
        links = [h for h in links if h is not None]
        q.chain = (*links, q.chain[-1])
        named = [h for h in links if is_media(h.text) and h.text.lower().split()[-1:] != ["the"]]
        if named:
            last = named[-1]


def _quoted_by_last_relay(text: str, earlier: list[QuoteFound], q: QuoteFound) -> None:
    """'"…," he was quoted as saying.' names no medium: the one that relayed the paragraph's
    last relayed words quoted it ("Kim told workers that …, KCNA said. “…,” he was quoted as
    saying.")."""
    for prev in reversed(earlier[-_LOOKBACK:]):
        if "\n" in text[prev.end : q.start]:
            return
        if len(prev.chain) >= 2 and prev.kind != "scare":
            q.chain = (*prev.chain[:-1], q.speaker)
            return


# '…, the agency said.' closing a clause (after its closing quotation mark, if any)
_THE_AGENCY_TAIL = re.compile(
    r"[”\"]?(?P<cut>)\s*,\s*(?P<a>(?:the|The)\s+(?:news\s+)?agency)\s+(?:said|reported|added|"
    r"says)\b"
)
_BARE_ACRONYM = re.compile(r"(?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}")


def _the_agency(text: str, earlier: list[QuoteFound], q: QuoteFound) -> None:
    """ "KCNA said in a separate report. Kim told workers that …, the agency said.": "the
    agency" is the news agency the article last heard from, so it relays the clause (a
    government agency named last — "the EPA said … the agency added" — stays the speaker)."""
    if q.kind == "partial":
        outer = next(
            (p for p in earlier[-_LOOKBACK:] if p.start <= q.start and q.end <= p.end + 1), None
        )
        if outer is not None and outer.speaker is not None and outer.kind != "partial":
            # a quoted phrase inside the clause the tag closes is that clause's speaker's
            q.speaker, q.chain = outer.speaker, outer.chain
            return
    # the tag may close the clause or have been read into it ('… “…”, the agency said')
    tail = _THE_AGENCY_TAIL.search(text, q.start, q.end + 40)
    if (tail is None or tail.start() > q.end + 2) and q.kind in ("direct", "mixed"):
        # '"…," Peskov told reporters on a conference call, the agency reported.': the tag
        # closes the quote's own speaker tag, in the same sentence
        tail = _THE_AGENCY_TAIL.search(text, q.end, q.end + 120)
        gap = text[q.end : tail.start()].lstrip(',.!?"”’ ') if tail is not None else ""
        if tail is not None and (not gap or re.search(r"[.!?;:\"“”\n]", gap)):
            tail = None
    elif tail is not None and tail.start() > q.end + 2:
        tail = None
    if tail is None:
        return
    links = sorted(
        {h for prev in earlier[-_LOOKBACK:] for h in (*prev.chain, prev.speaker) if h is not None},
        key=lambda h: h.start,
    )
    agency = next(
        (
            h
            for h in reversed(links)
            if h.start < q.start
            and (is_media(h.text) or "gency" in h.text or _BARE_ACRONYM.fullmatch(h.text))
        ),
        None,
    )
    if agency is None or not is_media(agency.text):
        return
    if tail.start("cut") < q.end and tail.start("cut") - q.start >= 12:
        q.end = tail.start("cut")
    name = relays_mod.usual_relay_name(agency.text)
    hit = att.SpeakerHit(tail.start("a"), tail.end("a"), name, "said")
    if q.speaker.text.lower() in ("the agency", "the news agency"):
        q.chain = tuple(hit if h == q.speaker else h for h in q.chain) or (hit,)
        q.speaker = hit
    elif not any(relays_mod.same_source(h.text, hit.text) for h in q.chain):
        q.chain = (hit, *q.chain)


# Speech verbs that more often tell an act ("agreed a fund", "found a body", "showed a
# rise"): speech only with "that" after them
_ACT_READINGS = frozenset(wordlist("agreed agrees found finds showed shows show read reads heard"))
_THAT_NEXT = re.compile(r"\s+(?:on\s+\w+day\s+)?that\s")


_PLUPERFECT = re.compile(r"\s+(?:had|has|have)\s+(?:[a-z]+ly\s+|also\s+|already\s+)?")
_SAID_BEFORE = frozenset(
    wordlist(
        "said told warned stated announced declared insisted stressed vowed promised described "
        "called termed branded labelled labeled dismissed condemned denounced criticised "
        "criticized accused"
    )
)


def _agency_reported(text: str, q: QuoteFound) -> None:
    """5. **Agency reports.** "North Korea's foreign ministry denounced the drills, KCNA
    reported.": when a news agency reports a clause opening with a speaker and a speech verb,
    that speaker is the source and the agency its relay."""
    if not is_media(q.speaker.text):
        return
    for m in _WORD_AT.finditer(text, q.start, min(q.end, q.start + 120)):
        if m.group().lower() not in att.SPEECH_TOKENS:
            continue
        if m.group().lower() in _ACT_READINGS and not _THAT_NEXT.match(text, m.end(), q.end):
            # "According to Reuters, the ministers agreed a fund …": what they did, not what
            # they said; the medium's own report
            break
        hit = att.speaker_ending_at(text, m.start(), q.start, m.group().lower())
        if (
            hit is not None
            and _PLUPERFECT.fullmatch(text, hit.end, m.start())
            and m.group().lower() not in _SAID_BEFORE
        ):
            # "The Tribune reported that the mayor had estimated the cost at …": what the
            # paper found out, in its own voice; "had said" and "had warned" are words heard
            return
        if hit is not None and hit.start == q.start and speaker_kind(hit.text) != "":
            # "…, TASS reported, citing KCNA": the agencies relay, outermost first
            q.chain = (*q.chain, hit) if len(q.chain) > 1 else (q.speaker, hit)
            q.speaker = hit
            # "Russia's defence ministry said its forces …, TASS reported": what it said is
            # the clause after "said (that)", not the speaker and its verb.
            rest = att._LEAD_REST.match(text, m.end(), q.end)
            verb = m.group().lower()
            if rest and (rest.group("that") or verb in att.SAY_VERBS) and q.end - rest.end() >= 12:
                q.start = rest.end()
            return
        break
    # "Foreign ministry spokesman Reza Kazemi told a news conference that …, IRNA reported.":
    # a titled name and its own speech verb open the clause; the clause is what follows.
    verbs = [
        (m.start(), m.end(), m.group().lower())
        for m in _WORD_AT.finditer(text, q.start, min(q.end, q.start + 160))
        if m.group().lower() in att.SPEECH_TOKENS
    ]
    lead = att._lead(text, q.start, q.end, verbs) if verbs else None
    if lead is None or is_media(lead[0].text) or speaker_kind(lead[0].text) == "":
        return
    hit, content, _ = lead
    if q.end - content >= 12:
        q.chain = (*q.chain, hit) if len(q.chain) > 1 else (q.speaker, hit)
        q.speaker = hit
        q.start = content


def merge_short_forms(text: str, q: QuoteFound) -> None:
    """ "…, according to the official Angola Press agency (Angop).": the name and the short
    form in brackets right after it are one medium, which the short form names (the name the
    rest of the article uses); two rules that read each are no relay of one by the other."""
    links = list(q.chain)
    for long in links:
        short = next(
            (
                h
                for h in links
                if h is not long
                and h.start > long.end
                and re.fullmatch(r"\s*\(\s*", text[long.end : h.start])
                and text[h.end : h.end + 1] == ")"
            ),
            None,
        )
        if short is None:
            continue
        q.chain = tuple(h for h in q.chain if h is not long)
        if q.speaker is long:
            q.speaker = short
        return
