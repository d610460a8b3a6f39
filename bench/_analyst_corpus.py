"""An analyst's corpus for the learning curve: short news items in a workspace convention the
built-in tagger does not share.

The imagined workspace studies *euphemism and official doublespeak*: its codebook tags wording
that softens harm ("collateral damage", "workforce rebalancing", "passed away") and nothing
else. The built-in tagger knows few of these phrases and tags loaded words this workspace does
not code ("slammed", "reckless"), so there is something to learn: new phrases, their
boundaries, their literal twins ("the surgeon's operation", "she let go of the rope") as
negatives, and that the built-in's words are not tagged here.

Every sentence and phrase below was written for Parallax (places and people invented). Items
are composed deterministically from these pools: 4–8 sentences each; phrases are drawn with a
long-tailed frequency, so held-out items hold phrases the training items rarely or never had.
This is a constructed benchmark (the README says so beside its figures): it shows whether the
app's training path learns a new convention, not how well it does on real news.
"""

from __future__ import annotations

import random
import re


def _pipes(listing: str) -> list[str]:
    return [" ".join(p.split()) for p in listing.split("|")]


# Noun-phrase euphemisms (the tagged span is the phrase itself).
NOUNS = _pipes("""
collateral damage | special military operation | kinetic action | enhanced interrogation
surgical strikes | friendly fire | pacification campaign | regrettable incident
workforce rebalancing | voluntary separation programme | negative growth | revenue enhancement
price adjustment | efficiency savings | temporary liquidity challenges | fiscal consolidation
relocation centres | irregular arrivals | population transfer | vocational training centres
voluntary return | processing centres | excess mortality | adverse events | managed decline
alternative facts | misstatement | produced water | clean coal | managed retreat
right-sizing | downsizing | restructuring | redeployment of resources | involuntary attrition
limited incursion | security operation | targeted operation | boundary adjustment
protective custody | administrative detention | re-education facilities | rendition
service reprioritisation | demand management | energy-saving measures | rolling outages
quality assurance review | performance improvement plan | career transition
customer service optimisation | dynamic pricing | convenience fee | service charge adjustment
controlled demolition | soft targets | neutralisation | decommissioning of personnel""")

# Verb-phrase euphemisms, used in past tense after a subject.
VERBS = _pipes("""let go | passed away | was neutralised | were released from their duties
were relocated | were transitioned out | was economical with the truth | misspoke
were encouraged to leave | were invited to resign | were redeployed | was put to sleep
were moved on | were processed | was decommissioned""")

NOUN_FRAMES = [
    "Officials described the episode as {E} in a short statement.",
    "The ministry's report refers to {E} in {city} twice.",
    "A spokesperson for {agency} said {E} had been unavoidable.",
    "The briefing notes mention {E} without giving figures.",
    "Residents of {city} were told to expect further {E} this month.",
    "{official} defended the {E} at a press conference on {day}.",
    "According to the memo, {E} would continue until the end of the quarter.",
    "The board approved what it called {E} after a two-hour meeting.",
    "Documents seen by reporters list {E} among the year's priorities.",
    "{agency} said the {E} affected about {n} people.",
    "In a letter to staff, the director announced {E}.",
    "The term {E} appeared in the minister's written answer.",
    "Critics asked what {E} meant in practice for families in {city}.",
    "The council's budget counts {E} as a saving of {n} thousand.",
]
VERB_FRAMES = [
    "About {n} workers {V} last week, the company confirmed.",
    "The statement said two detainees {V} in custody on {day}.",
    "{official} said the staff who {V} had been offered support.",
    "Several families in {city} {V}, according to local officials.",
    "Union leaders said {n} nurses {V} without notice.",
]
NEUTRAL = [
    "The meeting in {city} lasted about three hours.",
    "{official} arrived on {day} morning and left before noon.",
    "The agency published its annual figures on its website.",
    "Traffic on the ring road was heavier than usual.",
    "The committee will meet again next month.",
    "A local school reopened after the summer repairs.",
    "Rain is expected across the region until the weekend.",
    "The report runs to {n} pages and includes several tables.",
    "{agency} has offices in {city} and two other towns.",
    "Journalists were allowed into the hall for the first ten minutes.",
    "The train service between {city} and the coast resumed on {day}.",
    "Officials did not say when the next update would be released.",
    "The hearing was adjourned until {day}.",
    "A spokesperson declined to comment on the figures.",
    "Local newspapers carried the story on their front pages.",
    "The new bridge is due to open in the spring.",
    "{official} was appointed to the post two years ago.",
    "The museum in {city} extended its opening hours.",
    "Prices at the market were little changed from last week.",
    "The vote is scheduled for the end of the month.",
]
# Words the built-in tagger treats as loaded; this workspace does not code them.
LOADED_UNCODED = [
    "The opposition slammed the reckless plan as a disaster for {city}.",
    "Critics called the decision a shameful betrayal of voters.",
    "{official} dismissed the radical proposal as absurd.",
    "Protesters accused the government of a brutal crackdown.",
    "The tabloid described the deal as an outrageous giveaway.",
    "Campaigners condemned the cruel and callous cuts.",
    "The minister blasted the extremist rhetoric of his rivals.",
    "Opponents warned of a catastrophic collapse in services.",
    "A columnist called the bill a draconian assault on freedoms.",
    "Local leaders decried the chaotic and disastrous rollout.",
]
# Literal twins of the coded phrases' words: never tagged in this convention.
LITERAL = [
    "The surgeon said the operation on {day} had gone well.",
    "She let go of the rope when the boat reached the pier.",
    "The bill passed the upper house by {n} votes.",
    "A screening of the documentary was held at the library in {city}.",
    "Flood relief arrived in {city} on {day}.",
    "The engineers made a small adjustment to the valve.",
    "The old power station was demolished in a controlled way last year.",
    "Water produced by the new plant meets the drinking standard.",
    "The team's security guard checked every ticket.",
    "The dog was put on a lead before the walk.",
    "Staff moved the archive to a new building in {city}.",
    "The price of bread rose by five cents.",
]
CITIES = ["Norvale", "Kestrin", "Aldmoor", "Tessany", "Brightwick", "Orlan", "Vessel", "Bay"]
CITIES += ["Carrow", "Dunmere", "Lowick"]
OFFICIALS = [
    "Minister Ilse Varga", "Mayor Tomas Brell", "Director Ana Quell", "Senator Joss Hale",
    "Chief Executive Mira Osk", "Governor Pell Durant", "Commissioner Rhea Tamm",
]  # fmt: skip
AGENCIES = [
    "the interior ministry", "the city council", "the port authority", "the health board",
    "the regional army command", "the national rail company", "the water utility",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

MARK = re.compile(r"\[\[(.+?)\]\]")
MISSED, BOUNDARY = 0.12, 0.10  # the analyst's slip rates (see ``_unmark``)


def _weights(n: int) -> list[float]:
    return [1.0 / (i + 1) ** 0.8 for i in range(n)]  # long tail: some phrases are rare


def _fill(rng: random.Random, frame: str, phrase: str = "") -> str:
    return frame.format(
        E=f"[[{phrase}]]",
        V=f"[[{phrase}]]",
        city=rng.choice(CITIES),
        official=rng.choice(OFFICIALS),
        agency=rng.choice(AGENCIES),
        day=rng.choice(DAYS),
        n=rng.choice([12, 40, 85, 140, 300, 1200]),
    )


def _sentence(rng: random.Random, nouns: list[str], verbs: list[str]) -> str:
    kind = rng.choices(["noun", "verb", "neutral", "loaded", "literal"], [4, 1.5, 6, 2, 2])[0]
    if kind == "noun":
        phrase = rng.choices(nouns, _weights(len(nouns)))[0]
        return _fill(rng, rng.choice(NOUN_FRAMES), phrase)
    if kind == "verb":
        return _fill(rng, rng.choice(VERB_FRAMES), rng.choices(verbs, _weights(len(verbs)))[0])
    pool = {"neutral": NEUTRAL, "loaded": LOADED_UNCODED, "literal": LITERAL}[kind]
    return _fill(rng, rng.choice(pool))


def _unmark(marked: str, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and the analyst's spans, with an analyst's slips: a phrase now and then
    left untagged, or tagged a word short or a word long (real layers are not clean)."""
    text, spans, last = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[last : m.start()]
        start, end = len(text), len(text) + len(m.group(1))
        text += m.group(1)
        last = m.end()
        slip = rng.random()
        if slip < MISSED:
            continue
        if slip < MISSED + BOUNDARY / 2 and " " in m.group(1):
            start += m.group(1).index(" ") + 1  # a word short
        elif slip < MISSED + BOUNDARY and start > 1:
            start = text.rfind(" ", 0, start - 1) + 1  # a word long (the one before)
        spans.append((start, end))
    return text + marked[last:], spans


def analyst_docs(n: int = 420, seed: int = 11) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(key, text, spans) of ``n`` items; the same list for the same arguments."""
    rng = random.Random(seed)
    # The phrase order (and so which are frequent) is fixed by the seed, not by the listing.
    nouns, verbs = NOUNS[:], VERBS[:]
    rng.shuffle(nouns)
    rng.shuffle(verbs)
    out = []
    for i in range(n):
        sentences = [_sentence(rng, nouns, verbs) for _ in range(rng.randint(4, 8))]
        text, spans = _unmark(" ".join(s[0].upper() + s[1:] for s in sentences), rng)
        out.append((f"a{i:03d}", text, spans))
    return out
