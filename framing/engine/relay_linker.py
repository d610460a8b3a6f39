"""A learned relay link: which name in a speaker's sentence passed the words on.

The rules (``attribution``, ``relay_roles``) link a medium to a speaker when the medium is one
the engine knows (``data/media.tsv``) or names itself by a kind word ("news agency",
"broadcaster"), in a formula they read whole. Real copy names media the list lacks ("told the
Kestrel Herald", "in an interview with Rappler", "per Semafor") in forms no rule wrote down.
This component scores every name in the sentence of a tag the rules left without a relay:
each candidate (a capitalised name, or a medium named by its kind: "state television", "the
paper") gets features of its shape (its words, initials, a digit, whether the media list knows
it) and of its role (the words right before and after it, where it stands against the speaker
and the words attributed, the speaker's verb), and a logistic regression fitted on the
development relay sets (``framing/eval/train_relay_linker.py``) says whether it relays the
speaker. Candidates above the model's threshold join the chain as ``relay_roles`` adds links:
after the clause outermost, before it in the order written — but only where the context rules
of ``speaker_context`` linked nothing either, and before the relay is carried to the speaker's
later statements.

The weights live in ``data/relay_linker.json``: a plain mapping from feature to weight, so
the engine reads it without scikit-learn; ``RelayLinker`` is the estimator (``fit``,
``predict_proba``) that writes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import attribution as att
from . import medium_names
from .dict_model import DictLogisticRegression, ModelSlot
from .text import wordlist

if TYPE_CHECKING:
    from .quotes import QuoteFound

MODEL_FILE = Path(__file__).parent / "data" / "relay_linker.json"

_TOKEN = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*(?:['’][A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*)?"
    r"|[a-z]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*|\d[\w.]*)"
)
_JOIN = r"(?:of|de|del|della|di|la|le|du|des|al|el|and|&|for|y|e|van|von|der|den|am|im)"
# "the Interfax news agency", "BBC Radio 4", "Nigeria's NAN", "Radio Free Asia", "ABC News Live"
_NAME = re.compile(
    rf"(?<![\w’'\-]){_TOKEN}(?:\s+(?:{_JOIN}\s+)*{_TOKEN})*(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž][\w.]{{1,8}}\))?"
)
# A medium named by its kind alone: "state television", "the paper", "local media"
_KIND = re.compile(
    r"\b(?:(?:state|local|official|national|public|pro-government|government|independent|"
    r"foreign|regional|Chinese|Russian|Iranian|Western|North\s+Korean|Turkish|Israeli)"
    r"(?:-run|-owned|-controlled)?\s+"
    r"(?:media|television|TV|radio|broadcaster|news\s+agency|news\s+outlets?|press|newspapers?)"
    r"|the\s+(?:newspaper|paper|daily|broadcaster|agency|news\s+agency|channel|website|tabloid|"
    r"outlet|station|magazine|programme|program|podcast|network|weekly|news\s+site|wire\s+service)"
    r")\b"
)
_WORD = re.compile(r"[\w’'\-]+")
# Capitalised words that open a sentence or a clause without naming anything
_COMMON = frozenset(
    wordlist(
        "the a an in on at for with by from to as after before but and or if when while "
        "speaking asked according citing quoting writing appearing in this that these those per "
        "he she it they we i you his her its their our my there here however meanwhile also "
        "mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january "
        "february march april may june july august september october november december"
    )
)
_CAP_COMMON = frozenset(w.capitalize() for w in _COMMON)
_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))
# Words media put in their names, in many languages ("Daily Kestrel", "Radio Nacional", "Die
# Zeit"): a feature of the candidate's shape, whatever medium it is
_MEDIUM_WORDS = frozenset(
    wordlist(
        "news times post herald tribune journal gazette daily radio tv television broadcasting "
        "broadcaster press agency express telegraph mail star sun observer guardian standard "
        "chronicle courier dispatch monitor review record register bulletin inquirer examiner "
        "sentinel reporter voice globe nation insider wire media fm am online weekly magazine "
        "channel network today tonight hour report live morning evening world week leader "
        "zeitung kurier allgemeine tageblatt nachrichten rundschau diario diário periódico "
        "gazeta gazzetta giornale corriere journal quotidien figaro monde libération mundo "
        "país nación clarín tiempo prensa noticias jornal folha estado repubblica stampa "
        "pravda izvestia vedomosti kommersant sabah hürriyet yeni shimbun shinbun ilbo "
        "nippon ribao xinwen dawn tribune hindu mint punch vanguard thisday premium "
        "bbc cnn cbs nbc abc rtl ard zdf rai rte rté tvn nhk kbs mbc sbs ndtv cctv cgtn"
    )
)
_MAX_CANDIDATES = 12
_PLURAL_CAPS = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,5}s")
_PERSON_TITLES = frozenset(
    wordlist(
        "president minister prime deputy vice secretary admiral spokesperson spokesman "
        "spokeswoman ambassador senator chancellor premier mr mrs ms dr chairman chairwoman "
        "governor mayor director professor prof king queen prince colonel lieutenant captain "
        "councillor envoy representative rep sen gen adm col lt capt sgt sergeant marshal judge "
        "justice sheikh bishop pope commissioner inspector superintendent detective"
    )
)
_FORUMS = frozenset(
    wordlist(
        "assembly parliament senate congress court tribunal council committee commission cabinet "
        "bundestag bundesrat duma knesset majlis sejm riksdag storting conference summit forum "
        "meeting rally briefing hearing inquiry "
        # ("told the House", "told the Verkhovna Rada", "the Australian Securities Exchange")
        "house lords commons chamber legislature rada exchange representatives deputies"
    )
)
_CALENDAR_WORDS = frozenset(
    wordlist(
        "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
        "july august september october november december monday tuesday wednesday thursday "
        "friday saturday sunday"
    )
)
_COURT_TITLES = frozenset(
    wordlist("judge justice magistrate minister senator governor mayor commissioner secretary")
)
# What lies between a medium and the speaker it employs: "'s managing editor, "
_AFFILIATION = re.compile(r"['’]s?\s+(?:[a-z][\w\-]*\s+){0,4}?[a-z][\w\-]*,?\s+|['’]s\s+")
_SPEECH_BETWEEN = re.compile(
    r"\b(?:told|said|says|tells|according|citing|quoting|quoted|interview|speaking|wrote|"
    r"writes|published|carried|reported|broadcast|aired)\b"
)
# ", a local councillor" / ", a news site": what an apposition says the name is
_APPOSITION = re.compile(r",\s+(?:a|an|the|its|their)\s+((?:[a-z][\w\-]*\s*){1,4})")
_APPOSITION_MEDIA = frozenset(
    wordlist(
        "site newspaper paper daily weekly broadcaster outlet portal magazine channel station "
        "programme program podcast show agency tabloid network radio television news website "
        "newsletter wire publication"
    )
)

# Lower-case nouns that say what the name right after them is: "the firm Sentinel Grid",
# "broadcaster RTL Nieuws", "the daily Hospodářské noviny" (the model reads the class)
_ORG_NOUNS = frozenset(
    wordlist(
        "firm company consultancy group bank party ministry university institute think-tank "
        "organisation organization association union federation charity lobby body watchdog "
        "regulator developer operator maker manufacturer carrier airline insurer fund club "
        "alliance coalition movement campaign"
    )
)
# A person's role after a name: "A CNN spokeswoman, Alison Reyes" (the speaker's employer)
_ROLE_NOUNS = _PERSON_TITLES | frozenset(
    wordlist(
        "correspondent editor reporter host anchor columnist presenter executive chief head "
        "analyst economist official officials spokesperson spokesman spokeswoman source sources "
        "staff employee worker lawyer adviser advisor founder owner boss manager producer"
    )
)
# What the speaker's words were part of: "on his weekly programme on", "in his column for",
# "in an interview with", "in remarks carried by"
_PROGRAMME = frozenset(
    wordlist(
        "programme program show column article op-ed interview broadcast appearance remarks "
        "comments podcast edition bulletin segment letter piece essay episode documentary"
    )
)
_VERB_CLASS = {
    **dict.fromkeys(("told", "tells", "tell"), "tell"),
    **dict.fromkeys(("said", "says", "added", "stated", "explained", "insisted"), "say"),
    **dict.fromkeys(("wrote", "writes", "argued", "argues", "warned", "warns"), "write"),
    **dict.fromkeys(("reported", "reports", "according to", "citing", "cited"), "report"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str  # without a leading "the"
    kind_only: bool  # named by its kind ("state television"), not by a name


def candidates(text: str, a: int, b: int, q: QuoteFound, floor: int = 0) -> list[Candidate]:
    """Names and kind-named media in sentence [a, b), outside the speaker's name, the words
    attributed (a direct quote's marks or a reported clause) and the dateline (``floor``: its
    end; the agency credited there is the copy's origin, not a link), in text order."""
    sp = q.speaker
    out: dict[int, Candidate] = {}
    a = max(a, floor)
    for rx, kind_only in ((_NAME, False), (_KIND, True)):
        for m in rx.finditer(text, a, b):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".,":
                e -= 1
            name = text[s:e]
            # "Per Premium Times", "The Daily Kestrel", "In Kano": the opening word is no name
            while not kind_only and " " in name and name.split(" ", 1)[0].lower() in _COMMON:
                head = name.split(" ", 1)[0]
                s, name = s + len(head) + 1, name[len(head) + 1 :].lstrip()
            if not name or (sp is not None and sp.start < e and s < sp.end):
                continue
            if q.start <= s < q.end:
                continue
            if not kind_only and (name.lower() in _COMMON or _PLURAL_CAPS.fullmatch(name)):
                continue  # "In", "Speaking"; "told MPs", "NGOs said": people, not a medium
            if (
                not kind_only
                and re.fullmatch(r"\d[\d,.]*", name)
                and (nxt := re.match(r"\s+([a-z]+)", text[e : e + 24])) is not None
                and nxt.group(1) != "that"
            ):
                continue  # "told 40 people that": a count, where "told 702 that" names a station
            if not kind_only and att.NATION_WORDS.fullmatch(name):
                continue  # "U.S.-South Korean drills": nation words before a noun, no medium
            if not kind_only and name.split()[0].lower().rstrip(".") in _PERSON_TITLES:
                continue  # "read out by Deputy Minister Ali Hassan": a titled person
            if not kind_only and (
                name.split()[0].lower().rstrip(".,") in _CALENDAR_WORDS or ". " in name
            ):
                continue  # "said on Dec 3", "on Wednesday. The …": a date, two sentences
            if not kind_only and _COURT_TITLES.intersection(name.lower().split()[1:-1]):
                continue  # "told U.S. District Judge Zachary Quinlan": a titled person too
            if not kind_only and name.split()[-1].lower() in _FORUMS:
                continue  # "told the National Assembly": where it was said, not who relayed it
            appos = None if kind_only else _APPOSITION.match(text, e, b)
            if (
                appos is not None
                and not _APPOSITION_MEDIA.intersection(appos.group(1).lower().split())
                and not _describes_speaker(text, e, sp)
            ):
                continue  # "told Carlos Mendes, a local councillor,": the apposition says who
            if sp is not None and e <= sp.start and _AFFILIATION.fullmatch(text, e, sp.start):
                continue  # "Kilele TV's managing editor, Joseph Ouma, said": the speaker's own
            out.setdefault(s, Candidate(s, e, name, kind_only))
    return [out[k] for k in sorted(out)][:_MAX_CANDIDATES]


_PLAIN_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)?")
PERSONAL_BELOW = 0.05  # medium_names' probability under which a plain name is a person's


def _personal_name(name: str) -> bool:
    """One to three plain capitalised words, none a medium's word ("Herald", "Wire"), that the
    medium-name reader (trained on media and on people, bodies and places) all but rules out
    as a medium's: "Maria Lopez", "Smith" ("told Smith that": the role alone would make any
    name told a medium), not "Rappler" or "Joy FM"."""
    words = name.split()
    if not 1 <= len(words) <= 3 or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return False
    if any(w.lower() in _MEDIUM_WORDS for w in words):
        return False  # "Harbour Wire", "Valley Courier": a medium's word the reader may miss
    model = medium_names.packaged()
    return model is not None and model.predict_proba([name])[0] < PERSONAL_BELOW


def _describes_speaker(text: str, e: int, sp: att.SpeakerHit | None) -> bool:
    """Whether what follows a name up to the speaker is the speaker's own apposition ("Per
    Premium Times, a spokesman for the refinery, Femi Oyewole, said"): the name opens the
    sentence before the speaker, and no speech verb stands between."""
    if sp is None or sp.start < e:
        return False
    between = text[e : sp.start]
    return (
        between.lstrip().startswith(",")
        and between.rstrip().endswith(",")
        and len(_WORD.findall(between)) <= 14
        and _SPEECH_BETWEEN.search(between) is None
    )


def _shape(word: str) -> str:
    """A context word as the model reads it: lower-case words as they are, names as "<C>"
    (a person's name before "told" says nothing about the medium after it); a capitalised
    common word ("Per", "In", "On" opening the sentence) is the word."""
    if word[:1].isupper() and word.lower() not in _COMMON:
        return "<C>"
    return word.lower()


def _words_before(text: str, pos: int, lo: int, n: int) -> list[str]:
    return [_shape(w) for w in _WORD.findall(text, max(lo, pos - 80), pos)[-n:]]


def _words_after(text: str, pos: int, hi: int, n: int) -> list[str]:
    return [_shape(w) for w in _WORD.findall(text, pos, min(hi, pos + 80))[:n]]


def speaker_words(found: Iterable[QuoteFound]) -> frozenset[str]:
    """Capitalised words of the text's speakers: a name that speaks is a person or a source,
    not the medium that relays one ("Ruiz told Mendes … Mendes said")."""
    return frozenset(
        w
        for q in found
        if q.speaker is not None
        for w in q.speaker.text.split()
        if w[:1].isupper() and w.lower() not in _COMMON
    )


def relay_words(found: Iterable[QuoteFound]) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """(start, end, capitalised words) of the relays the rules linked anywhere in the text: a
    name that relays one speaker likely relays another ("told 9News" after "9News reported")."""
    return tuple(
        (h.start, h.end, frozenset(w for w in h.text.split() if w[:1].isupper()) - _CAP_COMMON)
        for q in found
        for h in q.chain[:-1]
    )


def features(
    text: str,
    a: int,
    b: int,
    q: QuoteFound,
    c: Candidate,
    speakers: frozenset[str] = frozenset(),
    relays: tuple[tuple[int, int, frozenset[str]], ...] = (),
) -> dict[str, float]:
    """What the model reads about candidate ``c`` for the tag of quote ``q`` (sentence [a, b));
    ``speakers``: ``speaker_words`` of the text; ``relays``: ``relay_words`` of the text."""
    from .speaker_context import is_media

    sp = q.speaker
    f: dict[str, float] = {"bias": 1.0}
    toks = c.text.split()
    if c.kind_only:
        f["kind_only"] = 1.0
        f["kind=" + toks[-1].lower()] = 1.0
    else:
        f[f"ntok={min(len(toks), 4)}"] = 1.0
        # Words that make a name a medium's ("Herald", "Radio", "TV"), not the names
        # themselves: the model must judge media it never saw
        heads = [t.lower().strip(".,") for t in toks if t.lower().strip(".,") in _MEDIUM_WORDS]
        for t in heads:
            f["mw=" + t] = 1.0
        if heads:
            f["medium_word"] = 1.0
            if toks[-1].lower().strip(".,") in _MEDIUM_WORDS:
                f["medium_word_last"] = 1.0
        elif all(t[:1].isupper() and t[1:].islower() and t.isalpha() for t in toks):
            f["plain_name"] = 1.0  # "Maria Lopez" or "Rappler": the role must decide
        if _personal_name(c.text):
            # "told Maria Lopez that" but also "told Astro Awani that": the name reader all but
            # rules out a medium, the model weighs that against the name's place
            f["personal_name"] = 1.0
        if re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}", c.text):
            f["acronym"] = 1.0
        if re.search(r"\d", c.text):
            f["digit"] = 1.0
        if re.search(r"\.[a-z]{2,3}\Z", c.text):
            f["web"] = 1.0
        if c.start == a or text[a : c.start].strip() in ("The", "the", ""):
            f["opens_sentence"] = 1.0
        if text[c.end : c.end + 2] in ("'s", "’s"):
            f["possessive"] = 1.0
    if not c.kind_only and any(t in speakers for t in toks):
        f["speaks_elsewhere"] = 1.0
    appos = _APPOSITION.match(text, c.end, b)
    if appos is not None:
        words = appos.group(1).lower().split()
        if any(w in _APPOSITION_MEDIA for w in words):
            f["appos_medium"] = 1.0
    if is_media(c.text) or is_media("the " + c.text):
        f["known_medium"] = 1.0
    before = _words_before(text, c.start, a, 3)
    after = _words_after(text, c.end, b, 3)
    if before and before[-1] == "the":
        f["the"] = 1.0
        before = _words_before(text, c.start - 4, a, 3)
    if before:
        f["p1=" + before[-1]] = 1.0
    if len(before) >= 2:
        f["p2=" + " ".join(before[-2:])] = 1.0
    if after:
        f["n1=" + after[0]] = 1.0
    if len(after) >= 2:
        f["n2=" + " ".join(after[:2])] = 1.0
    gap = text[c.end : c.end + 3]
    if gap.startswith(","):
        f["comma_after"] = 1.0
    if text[max(a, c.start - 2) : c.start].strip() == ",":
        f["comma_before"] = 1.0
    if sp is not None:
        f["verb=" + (sp.verb or "none").lower()] = 1.0
        if att._is_media_hit(sp):
            f["speaker_medium"] = 1.0
        if c.end <= sp.start:
            f["before_speaker"] = 1.0
            dist = len(_WORD.findall(text, c.end, sp.start))
            if f.get("possessive") and dist <= 6:
                f["affiliation"] = 1.0  # "Kilele TV's managing editor, Joseph Ouma, said"
        else:
            f["after_speaker"] = 1.0
            dist = len(_WORD.findall(text, sp.end, c.start))
            between = text[sp.end : c.start]
            if between.lstrip().startswith(",") and _SPEECH_BETWEEN.search(between) is None:
                # "said Tom Adebayo, a threat analyst at the firm Sentinel Grid": the name
                # describes the speaker, it did not pass the words on
                f["speaker_apposition"] = 1.0
        f[f"dist={min(dist, 8) // 2}"] = 1.0
    if c.start >= q.end:
        f["after_clause"] = 1.0
    elif c.end <= q.start:
        f["before_clause"] = 1.0
    f["kind=" + q.kind] = 1.0
    # Classes of the words around the name, which generalise where the words themselves are
    # rare: a noun saying what it is, a role that makes it the speaker's employer, what the
    # words were part of
    raw_before = [w.lower() for w in _WORD.findall(text, max(a, c.start - 60), c.start)[-4:]]
    near = [w for w in raw_before[-2:] if w != "the"]
    if near and near[-1] in _APPOSITION_MEDIA:
        f["p1_medium_noun"] = 1.0
    if near and near[-1] in _ORG_NOUNS:
        f["p1_org_noun"] = 1.0
    if _PROGRAMME.intersection(raw_before):
        f["programme_before"] = 1.0
    raw_after = [w.lower() for w in _WORD.findall(text, c.end, min(b, c.end + 40))[:2]]
    if raw_after and raw_after[0] in _ROLE_NOUNS:
        f["n1_role"] = 1.0
    if raw_after and raw_after[0] in _APPOSITION_MEDIA | {"news", "newspaper"}:
        f["n1_medium_noun"] = 1.0
    if sp is not None:
        vc = _VERB_CLASS.get((sp.verb or "").lower(), "other")
        f["vclass=" + vc] = 1.0
        side = "bs" if c.end <= sp.start else "as"
        if before:
            f[f"p1={before[-1]}&{side}"] = 1.0
            f[f"p1={before[-1]}&v={vc}"] = 1.0
        if _describes_speaker(text, c.end, sp):
            f["appos_to_speaker"] = 1.0
    if not c.kind_only and any(
        (e <= c.start or c.end <= s) and ws.intersection(toks) for s, e, ws in relays
    ):
        f["relays_elsewhere"] = 1.0  # a link elsewhere, not this very name
    return f


class RelayLinker(DictLogisticRegression):
    """Logistic regression over ``features`` (``dict_model``); ``threshold`` is the
    probability from which a candidate is linked."""

    fit_intercept = False


_SLOT = ModelSlot(RelayLinker, MODEL_FILE)
# The model ``link`` uses; ``framing/eval/train_relay_linker.py`` swaps in one fitted without
# the set it scores (leave one set out), or none for the rules alone.
packaged = _SLOT.packaged
use = _SLOT.use
use_packaged = _SLOT.use_packaged
current = _SLOT.current


def tags(
    text: str, sentences: list[tuple[int, int]], found: list[QuoteFound], *, linked: bool = False
) -> list[tuple]:
    """(quote, sentence start, sentence end) for each tag the rules left without a relay (with
    ``linked``, every tag: the examples the model learns from) whose speaker stands in a
    sentence the words share. A pronoun's own links survive its resolution (``_resolve_pronoun``
    keeps "he told BBC Sport"'s medium)."""
    starts = [s for s, _ in sentences]
    out = []
    for q in found:
        sp = q.speaker
        if q.kind == "scare" or sp is None or (len(q.chain) != 1 and not linked):
            continue
        si = bisect_right(starts, sp.start) - 1
        if si < 0:
            continue
        a, b = sentences[si]
        if q.start < b and q.end > a:
            out.append((q, a, b))
    return out


def propose(
    text: str, sentences: list[tuple[int, int]], found: list[QuoteFound]
) -> dict[int, tuple[att.SpeakerHit, ...]]:
    """The links the model makes for each tag the rules left without a relay, keyed by the
    quote's id, outermost first. Read where the model was trained (right after the relay
    roles, speakers as their own sentence names them) but applied by ``apply`` after the
    context rules, which know more when they link anything."""
    model = current()
    if model is None:
        return {}
    out: dict[int, tuple[att.SpeakerHit, ...]] = {}
    speakers = speaker_words(found)
    relays = relay_words(found)
    floor = att.dateline(text)[0]
    for q, a, b in tags(text, sentences, found):
        cands = candidates(text, a, b, q, floor)
        if not cands:
            continue
        probs = model.predict_proba(features(text, a, b, q, c, speakers, relays) for c in cands)
        after: list[att.SpeakerHit] = []
        before: list[att.SpeakerHit] = []
        for c, p in zip(cands, probs, strict=True):
            if p >= model.threshold:
                hit = att.SpeakerHit(c.start, c.end, c.text, "relayed")
                # as ``relay_roles`` adds them: after the clause outermost (the last one
                # written first), before it in the order written
                if c.start >= q.end:
                    after.insert(0, hit)
                else:
                    before.append(hit)
        if after or before:
            out[id(q)] = (*after, *before)
    return out


def apply(found: list[QuoteFound], proposed: dict[int, tuple[att.SpeakerHit, ...]]) -> None:
    """Give each quote still without a relay (no context rule linked one) the links
    ``propose`` made for it."""
    if not proposed:
        return
    for q in found:
        links = proposed.get(id(q))
        if links and q.speaker is not None and len(q.chain) == 1:
            q.chain = (*links, q.chain[-1])
