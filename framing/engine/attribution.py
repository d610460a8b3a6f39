"""Who says what: speaker phrases, speech verbs, reported speech and relay chains.

Regexes run on the original text (capitalisation matters for names). They are compiled once
and only ever applied to one sentence or a short window around a quote, so they stay cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from . import media as media_names
from . import medium_names
from .text import DEMONYM, wordlist

# Capital letters a name may open with: Latin-1 and the capitals of Latin Extended-A and -B
# ("Šimek", "Łódź", "Şahin", "İlker", "Ștefan")
CAPS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
# "al-Dhafiri", "el-Sayed": an Arabic article joined to a name is part of it
# ("AT&T", "Ipsos I&O": an ampersand between capitals)
_NAME_WORD = rf"(?:(?:al|el|ad|ash|as|az)-)?[{CAPS}][\w’'.\-]*(?:&[{CAPS}][\w’'.\-]*)?"
_CONNECT = r"(?:of|for|and|the|de|del|da|von|van|al|bin|on)"
# Name particles that may follow one another ("Ursula von der Leyen", "Charles de la Fuente")
_PARTICLE = r"(?:von|van|der|den|de|la|le|du|dos|das|di|ter|ibn|bint)"
# "Professor Halden Russ of the Velmar Academy": a connector may be followed by "the".
# "Suez Canal Authority (SCA) Chairman Hatem Fawzy": a bracketed short form may stand between
# two words of a name.
_PROPER = (
    rf"(?:the\s+)?{_NAME_WORD}(?:(?:\s+\([{CAPS}][{CAPS}\-]{{1,7}}\))?"
    rf"\s+(?:{_CONNECT}\s+(?:the\s+)?|(?:{_PARTICLE}\s+){{1,2}})?{_NAME_WORD}){{0,6}}"
)
SPEAKER_NOUNS = (
    "ministry ministries spokesperson spokesman spokeswoman spokespeople official officials "
    "complaint lawsuit filing indictment poll survey study audit review inquiry "
    "investigation document letter ruling verdict judge court affidavit coach manager captain "
    "player striker goalkeeper referee chairman chairwoman chair founder head teacher nurse "
    "doctor surgeon scientist economist lawyer attorney prosecutor sheriff deputy detective "
    "inspector firefighter pilot passenger survivor victim organiser organizer activist "
    "campaigner executive ceo banker trader strategist forecaster historian engineer "
    "superintendent commissioner trustee principal landlord tenant shopkeeper neighbour "
    "neighbor friend relative son daughter wife husband brother sister coroner medic "
    "service authority company firm bank board commission union association hospital school "
    "university club team party campaign organisation organization institute centre center "
    "foundation charity operator airline utility regulator tribunal police watchdog "
    "statement statements agency commentary editorial report minister president leader envoy "
    "ambassador diplomat diplomats analyst analysts expert experts source sources commander "
    "general admiral military army navy command department office committee council government "
    "secretary chief premier chancellor senator lawmaker lawmakers legislator observer observers "
    "researcher researchers professor scholar newspaper daily outlet broadcaster media resident "
    "residents witness witnesses citizen citizens veteran mother father woman man student worker "
    "fisherman farmer vendor driver owner officer officers soldier spokesmen representative "
    "delegate delegation mission embassy consulate white house kremlin pentagon blue house "
    "communique communiqué release readout note memorandum bulletin article piece column "
    "columnist commentator host anchor correspondent reporter journalist paper tabloid mayor "
    "governor guard councillor clerk developer barrister solicitor defender midfielder "
    "pharmacist candidate parent group trust force federation confederation league family "
    "uncle aunt cousin grandmother grandfather niece nephew consultation observatory fleet "
    "television channel network station website author email lodge dispatch person "
    "cabinet memo transcript draft presidency administrator adviser advisor junta director "
    "granddaughter grandson grandchild widow widower fiancee fiancée stepson stepdaughter "
    "stepmother stepfather son-in-law daughter-in-law"
)
# "the 54-year-old said": an age stands for the person named before it.
_NOUN_ALT = (
    "|".join(sorted((re.escape(w) for w in SPEAKER_NOUNS.split()), key=len, reverse=True))
    + r"|\d{1,3}-year-old"
)
_DET = (
    r"(?:the|a|an|one|another|its|his|her|their|this|that|"
    r"The|A|An|One|Another|Its|His|Her|Their|This|That)"
)
# The object of "a spokeswoman for …", "figures from …": a name, or a short lower-case
# noun phrase ("for the corps", "from the regional health authority", "at the Ghent plant").
_POBJ = rf"(?:{_PROPER}|the\s+(?:[\w’'\-]+\s+){{0,2}}?[a-z][\w’'\-]*(?:\s+of\s+[a-z][\w’'\-]*)?)"
# "people familiar with the matter", "a source close to the talks": a short post-modifier.
_FAMILIAR = (
    r"(?:\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of|aware\s+of|"
    r"privy\s+to|knowledgeable\s+about|"
    # "close to the grid operator's board", "with insight into the investigation"
    r"with\s+insight\s+into|with\s+access\s+to|involved\s+in|"
    # "a lawyer representing several wind companies", "a consultant working for the city"
    r"representing|working\s+for|acting\s+for|advising)\s+(?:the\s+)?[\w\-’']+"
    r"(?:\s+[\w\-’']+){0,2}?)?"
)
# "minister of state for foreign affairs", "secretary for trade and industry": an office's
# lower-case "of"/"for" phrases (at most two, of up to three words each) belong to the title
_OFFICE_OF = (
    # (never a gerund: "accused the government of breaking international law")
    r"(?:\s+(?:of|for)\s+(?!(?:the|a|an|his|her|their|its|this|that|whom|which)\s)(?![a-z]+ing\b)"
    r"[a-z][\w\-]*(?:\s+(?:and\s+)?[a-z][\w\-]*){0,2}(?![\w’'\-])){1,2}"
)
_COMMON = (
    rf"(?:{_DET}\s+|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}['’]s\s+)"
    # "a senior U.S. defence official", "the state-run Anadolu Agency", "France's main trade
    # unions": modifiers may hold dots, the head may be capitalised or plural
    # (a head noun is never a possessive: "the party's foreign affairs spokesperson")
    # ("…, that the ministers had agreed": an article never follows the determiner)
    rf"(?:(?!(?:the|a|an)\s)[\w’'.\-]+\s+(?:[\w’'.\-]+\s+){{0,3}}?)??"
    rf"(?i:{_NOUN_ALT})s?\b(?!['’]s\b){_FAMILIAR}"
    # "a senior adviser to the Turkish president, Kemal Öztürk"
    rf"(?:\s+(?:of|for|at|in|by|from|to)\s+{_POBJ}|{_OFFICE_OF})?"
    rf"(?:,?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})?"
)
_PRONOUN = r"(?:he|she|they|it|He|She|They|It)"
_PLURAL = (
    r"officials|analysts|experts|diplomats|residents|sources|observers|lawmakers|critics|"
    r"officers|witnesses|scholars|researchers|commentators|authorities|leaders|ministers|"
    r"spokespeople|activists|protesters|villagers|fishermen|farmers|citizens|people|"
    r"prosecutors|investigators|police|detectives|doctors|nurses|scientists|economists|"
    r"organisers|organizers|aides|negotiators|lawyers|attorneys|regulators|inspectors|"
    r"firefighters|paramedics|campaigners|teachers|workers|employees|executives|managers|"
    r"forecasters|meteorologists|historians|engineers|staff|rescuers|survivors|parents|"
    r"students|supporters|opponents|members|insiders|agencies|groups|records|documents|"
    r"filings|figures|statistics|polls|surveys|studies|agents|voters|fans|unions|companies|"
    # "according to data from the statistics bureau", "estimates published by the council"
    r"data|estimates|projections|"
    r"airlines|retailers|landlords|tenants|commuters|passengers|shopkeepers|traders|guards|"
    r"families|authors|pundits|marchers|demonstrators|crews|troops|soldiers|militants|rebels|"
    r"medics|physicians|locals|investors|shareholders|bankers|brokers|consumers|shoppers|"
    r"motorists|drivers|pilots|federations|relatives|neighbours|neighbors|emails|messages|"
    # "Immigrant advocates said", "Defence lawyers argued", "Mourners chanted"
    r"advocates|defenders|backers|allies|donors|critics|monitors|auditors|pollsters|"
    r"strategists|academics|clinicians|epidemiologists|physicists|biologists|geologists|"
    r"seismologists|climatologists|environmentalists|conservationists|unionists|mourners|"
    r"worshippers|clerics|judges|jurors|plaintiffs|defendants|mayors|governors|senators|"
    r"legislators|congressmen|delegates|envoys|ambassadors|commanders|generals|coaches|"
    r"players|colleagues|classmates|friends|owners|operators|developers|contractors|planners|"
    r"officers|spokesmen|spokeswomen|representatives|participants|attendees|organizations|"
    r"organisations|charities|hospitals|schools|universities|broadcasters|outlets|newspapers|"
    r"insurers|lenders|manufacturers|carmakers|exporters|importers|growers|ranchers|"
    r"miners|dockers|nurses|midwives|paramedics|pharmacists|dentists|vets|veterans|"
    r"historians|economists|bloggers|reporters|journalists|correspondents|editors|publishers|"
    r"media|television|radio"
)
# 'US officials', 'defence officials in Seoul': plural speaker nouns need no determiner.
_BARE = (
    # "two of the people", "France's main trade unions": up to three words before the noun
    # ("according to media reports": "according to" opens no speaker)
    rf"(?:(?!(?:and|or|but|that|while|as|said|says|say|told|according|to)\s)[\w’'.\-]+\s+){{0,3}}?"
    rf"(?i:{_PLURAL})\b{_FAMILIAR}"
    rf"(?:\s+(?:of|for|at|in|from|along|near|across|behind|outside|inside|"
    # "figures published by the council", "data released by the central bank"
    rf"(?:published|released|compiled|issued)\s+by)\s+{_POBJ})?"
)
# "…, dpa reported, citing court documents": a medium the list knows by a lower-case name
_LOWER_MEDIA = media_names.alternation(
    [n for n in media_names.names() if n[:1].islower() and len(n) >= 3]
)
SPEAKER = rf"(?:{_COMMON}|{_PROPER}|{_BARE}|{_PRONOUN}|{_LOWER_MEDIA}(?![\w’'\-]))"
# After "according to" any short noun phrase up to the comma names a source.
_SOURCE = (
    rf"(?:{SPEAKER}|(?:the|a|an|The|A|An)\s+(?:[\w’'\-]+\s+){{0,4}}?[\w’'\-]+(?=\s*,)"
    # "according to Kyiv's military administration, quoted by Ukrinform, …"
    rf"|[{CAPS}][\w\-]*['’]s\s+(?:[\w’'\-]+\s+){{0,3}}?[a-z][\w’'\-]*(?=\s*,))"
)

VERBS = (
    "said says say told tells stated states added adds noted notes stressed stresses emphasised "
    "emphasized emphasises emphasizes declared declares announced announces warned warns argued "
    "argues claimed claims insisted insists asserted asserts alleged alleges admitted admits "
    "acknowledged acknowledges conceded concedes explained explains wrote writes reported reports "
    "replied replies responded responds commented comments continued urged urges asked asks "
    "denied denies maintained maintains confirmed confirms boasted boasts tweeted posted "
    "suggested suggests recalled concluded charged countered retorted lamented laments "
    "complained complains vowed vows pledged pledges promised promises threatened threatens "
    "slammed blasted criticised criticized condemned condemns denounced denounces accused "
    "accuses called calls described describes labelled labeled termed dubbed branded hailed "
    "hails praised praises quipped observed observes remarked underlined "
    "underscored reiterated reiterates demanded demands predicted believes believed thinks "
    "cautioned announced found finds showed shows show testified estimated estimates "
    # tags after a quote: '"…," Duarte joked.', '"…!" Lopez shouted.', 'A banner read: "…"'
    "joked jokes recounted recounts agreed agrees answered pleaded texted emailed shouted "
    "yelled exclaimed whispered muttered wondered read reads revealed disclosed "
    # a court's decision: "A judge ruled that …", "…, the appeals court ruled Tuesday."
    "ruled "
    # what a court was told: "The High Court in Inverness heard that …", "…, the inquest heard."
    "heard"
)
_VERB_ALT = "|".join(sorted(set(VERBS.split()), key=len, reverse=True)).replace(" ", r"\s+")
VERB = rf"(?:{_VERB_ALT})"
# Verbs that introduce a reported clause on their own ("X said the drills…"); others
# ("announced", "confirmed", "told reporters") only do so with an explicit "that".
SAY_VERBS = frozenset(
    wordlist(
        "said says stated states claimed claims warned warns argued argues insisted insists "
        "asserted asserts alleged alleges added adds noted notes stressed stresses emphasised "
        "emphasized declared declares believes believed thinks suggested suggests maintained "
        "maintains reiterated reiterates predicted cautioned contended contends say "
        "reported reports report alleges alleged found finds showed shows show acknowledged "
        "acknowledges admitted admits conceded concedes explained explains "
        "testified estimated estimates accused accuses condemned condemns denounced denounces "
        "criticised criticized urged urges demanded demands described describes branded dubbed "
        "labelled labeled"
    )
)
_KNOWN_MEDIA = media_names.alternation(media_names.names())
# the media list's names in capitals ("TASR", "MAP"): a short alternation for lookaheads
_KNOWN_CAPS = media_names.alternation(
    [n for n in media_names.names(slots=True) if n.isupper() and 2 <= len(n) <= 8]
)
# News media named as the object of "told" ("a source told CNN") or as a wire credit: the
# medium relays the speaker's words.
# A capitalised word of a name: a dot only inside it ("Detik.com") or after an initial
_NAME_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[\w’'\-]|\.(?=\w))*(?:(?<![\w’'\-][\w’'\-])\.)?"
_NAMED_MEDIA = (
    # "the public broadcaster Yle", "the newspaper Le Monde": the kind of medium names it
    # "Belgian broadcaster RTBF", "the Russian news outlet RBC": a nationality may come first
    r"(?:(?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+(?:-based)?\s+(?=[a-z]))?"
    # "local radio station Onda Sur", "the independent news site Meduza"
    r"(?:(?:state|state-run|state-owned|official|public|semi-official|local|regional|national|"
    r"independent|private|commercial|online|opposition|community|satellite|"
    # "the Spanish sports daily AS", "the business daily Nikkei"
    + media_names.FIELDS
    + r")\s+){0,2}"
    r"(?:news\s+agency|broadcaster|newspaper|(?<=local\s)paper|daily|"
    # ("the Slovak agency TASR": "agency" alone, before a medium the list knows)
    rf"agency(?=\s+(?:{_KNOWN_CAPS})(?![\w’'\-]))|"
    r"(?:television\s+|TV\s+|news\s+)?channel|"
    r"website|news\s+outlet|"
    # "the news portal Detik.com", "the wire service UPI", "the tabloid Bild"
    r"news\s+portal|news\s+site|portal|tabloid|weekly|wire\s+service|news\s+service|"
    # "the trade publication Airline Weekly", "the public radio station WKPR"
    r"news\s+website|(?:trade\s+)?publication|magazine|(?:radio\s+|television\s+|TV\s+)?station|"
    # "the news server Seznam Zpravy", "the official gazette El Peruano"
    r"news\s+server|(?:official\s+)?gazette|journal|newsletter|podcast|"
    # "state television RTB"
    r"television|radio)\s+"
    # "regional newspaper the Northern Echo": the paper's own "the"; "the German news agency
    # dpa": a name the media list knows as written (in lower case)
    # ("local station P4 Västernorrland. The council …": a full stop after a word ends the name)
    # ("the local channel Canal 8": a number may close the name)
    rf"(?:the\s+)?(?:{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}(?:\s+\d{{1,3}}(?![\w’'\-]|[.,]\d))?"
    # ("the news portal bdnews24.com": a site's address in lower case is its name)
    r"|[a-z][a-z\d\-]*\.(?:com|net|org|info|news|co\.[a-z]{2}|[a-z]{2})(?![\w’'\-]|\.\w)"
    rf"|{_KNOWN_MEDIA})"
    rf"(?![\w’'\-])|"
    r"(?:the\s+)?(?:(?:state|state-run|state-owned|official|public|semi-official)\s+)?"
    r"(?:(?:news\s+agency|broadcaster|newspaper|daily|television|radio|agency)\s+)?"
    # agencies, broadcasters and papers known by name (data/media.tsv)
    # "CNN affiliate WXIA": the network's affiliate station
    rf"(?:(?:{_KNOWN_MEDIA})\s+affiliate\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*"
    rf"){{0,2}}|"
    rf"{_KNOWN_MEDIA}|"
    # "Radio Nacional", "Channel 9", "TV Rain": a name opening with its kind of medium
    r"(?:Radio|Radiotelevisión|Televisión|Television|TV|Channel|Canal|Kanal|Daily)"
    r"(?:\s+[A-Z0-9À-ÖØ-ÞĀ-Ž][\w’'.\-]*){1,3}(?![\w’'\-])|"
    # "DZBB radio", "Ö1 radio", "the Rossiya 1 channel": call signs and numbered channels
    # before their kind of medium
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Z0-9À-ÖØ-ÞĀ-Ž]{1,5}(?=\s+(?:radio|television|TV|channel|station|newspaper)\b"
    r")|"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*\s+\d{1,2}(?=\s+(?:channel|television|radio)\b)|"
    # "WBNS-TV", "KQED", "WTOP-FM": broadcast call letters (K… or W… west and east of the
    # Mississippi) name a station, with or without the band
    r"[KW][A-ZÀ-ÖØ-ÞĀ-Ž]{2,3}(?:-(?:TV|FM|AM|DT))?(?![\w’'\-])|[A-ZÀ-ÖØ-ÞĀ-Ž]{2,5}-(?:TV|FM)(?![\w’"
    r"'\-])|"
    # "the Dispatch", "the Times": a paper's short name after "the" is its masthead word
    r"(?<=the\s)(?:Dispatch|Times|Post|Journal|Herald|Telegraph|Guardian|Tribune|Gazette|"
    r"Chronicle|Examiner|Inquirer|Enquirer|Courier|Observer|Independent|Globe|Star|Sun|Mirror|"
    r"Express|Sentinel|Ledger|Register|Bulletin|Courant|Plain\s+Dealer|Oregonian|Economist|"
    r"Atlantic|Spectator|Intercept|Punch|Nation|Hindu|Vanguard)(?![\w’'\-])"
    # "the Herald Sun": a masthead word that opens a longer name is read by the rules below
    r"(?!\s+[A-ZÀ-ÖØ-ÞĀ-Ž])|"
    # "on KCNA's website": the medium before its website
    r"(?<=on\s)[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*(?=['’]s\s+website)|(?<=on\sthe\s)[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*(?=\s+"
    r"website)|"
    # "the Funke media group", "the Bild tabloid": a one-word name its kind of medium follows
    # "DZBB radio", "Rustavi television"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?=\s+(?:media\s+group|newspaper|tabloid|weekly|magazine|broadcaster|n"
    r"ewsletter|"
    r"channel|website|news\s+site|news\s+portal|news\s+agency|radio|television|TV)\b)|"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){0,3}\s+(?:News|Times|Post|Press|Radio"
    r"|Television|"
    r"TV|Sports|Sport|Agency|Journal|Herald|Telegraph|Guardian|Tribune|Gazette|Daily|Wire|Network|"
    r"Broadcasting|Service|Dispatch|Chronicle|Examiner|Inquirer|Enquirer|Courier|Observer|"
    r"Independent|Globe|Star|Sun|Mirror|Express|Sentinel|Ledger|Register|Bulletin|Courant|"
    r"Zeitung|Ilbo|Sinmun|Shimbun|Pravda|Gazeta|Nyheter|Posten|Dagbladet|Kurier|Allgemeine|"
    r"Standard|Today|Insider|Monitor|Mail|Record|Reporter|"
    # "the Al Arabiya channel", "the Ukrainska Pravda website": any name the kind of medium
    # follows
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){0,2}(?=\s+(?:channel|website|newspape"
    r"r|broadcaster|"
    r"newsletter|podcast|"
    r"news\s+agency|network|magazine|television|radio|station|media\s+group|news\s+site|"
    r"news\s+portal|tabloid|weekly)\b)"
    r"))(?:\s+(?:Sport|News|Radio|TV|Television))?"
    # "the TASS news agency", "Yonhap news agency": the kind of medium may follow its name
    # ("the Punchbowl News newsletter")
    r"(?:\s+(?:news\s+agency|agency|newspaper|daily|broadcaster|news\s+service|channel|"
    r"newsletter|podcast|"
    r"website|network|magazine|television|radio|station|media\s+group|news\s+site|"
    r"news\s+portal|tabloid|weekly))?\b)"
)
# "state media", "North Korean state television", "Iran's official news agency": a state
# medium named by its kind alone
_STATE_MEDIA = (
    r"(?:(?:the\s+|The\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)?(?:['’]s)?\s+)?"
    r"(?:(?:[Ss]tate|[Oo]fficial|[Ss]tate-run|[Ss]tate-owned|[Ss]tate-controlled|[Gg]overnment)"
    r"(?:\s+(?:news|television|TV))?\s+(?:media|television|TV|radio|broadcaster|news\s+agency|"
    r"agency|newspaper)"
    # "said on national television": a nation's own broadcaster, by its kind ("told local
    # radio": an unnamed station, by its kind)
    r"|(?:[Nn]ational|[Pp]ublic|[Ll]ocal|[Rr]egional)\s+(?:television|TV|radio))(?![\w’'\-]))"
)
# "the BBC's Today programme", "CBS's Face the Nation programme"
_PROGRAMME = (
    r"(?:(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*['’]s\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\s+){1,3}"
    # "the BBC's Persian service"
    r"(?:programme|program|show|podcast|service)(?![\w’'\-]))"
)
# "according to Russian news agencies", "speaking to Indonesian media", "told Lebanese
# television": media named by their nation and kind alone, the whole phrase the link (a lone
# "Russian" is no medium)
_NATIONAL_MEDIA = (
    rf"(?:(?:the\s+|The\s+)?{DEMONYM}"
    r"\s+(?:(?:local|private|opposition|independent|online|pro-government|regional|national)\s+)?"
    r"(?:media|news\s+agenc(?:y|ies)|agencies|news\s+outlets|news\s+media|outlets|newspapers|"
    r"dailies|"
    r"broadcasters|channels|press|television|TV|radio)(?![\w’'\-]))"
)
MEDIA = rf"(?:{_NATIONAL_MEDIA}|{_PROGRAMME}|{_NAMED_MEDIA}|{_STATE_MEDIA})"
_TELL = frozenset(wordlist("told tells tell"))
# "told the agency", "told the news agency": a medium named by its kind alone, after the
# article named it ("… told Reuters. … told the agency"); speaker_context names it
_KIND_MEDIUM = (
    # ("he told the media group", "she told the business daily")
    r"the\s+(?:news\s+agency|wire\s+service|news\s+service|agency|media\s+(?:group|outlet)|"
    r"publication|(?:business\s+|financial\s+)?(?:newspaper|paper|daily|weekly|magazine)|"
    r"broadcaster|station|channel|network|outlet|website|tabloid|site|portal|programme|"
    r"program)(?![\w’'\-])"
)
_TOLD_OBJECT = re.compile(
    # "told CNN's Jake Tapper": the medium's presenter or programme
    rf"\s+(?:(?P<media>{MEDIA})(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}\)|['’]s\s+[\"“]?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'"
    rf"\-]*\s+){{0,3}}"
    # ("told ABC's 7.30 that": a programme named by its time)
    rf"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*|\d{{1,2}}[.:]\d\d)[\"”]?)?|(?P<kind>{_KIND_MEDIUM})(?!\s+(?:of|for|in|on)\s)|reporters|"
    rf"journalists|lawmakers|legislators|parliament|"
    r"Parliament|Congress|investigators|the\s+(?:court|jury|council|committee|hearing|panel|"
    r"press|meeting|crowd|audience|assembly|newspaper|paper|station|broadcaster|agency)"
    r"|(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:news|press)\s+(?:conference|briefing)"
    # "told the television programme Mesa Redonda": a programme by its name, a medium
    # (not "the Deutschlandfunk programme Informationen": a broadcaster's programme is its own)
    r"|(?:the|a)\s+(?:[a-z][\w\-]*\s+){0,2}(?:programme|program|show|podcast|newscast)\s+"
    r"(?P<prog>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*|de|del|la|el)){0,3}"
    r"(?<![\s\-]))"
    # "told a party meeting", "told the annual conference of the union"
    r"|(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}(?:meeting|conference|rally|gathering|session|summit|"
    r"forum|congress|plenum|briefing|audience|delegation|convention|programme|program|show|"
    r"podcast)"
    r"(?:\s+(?:of|in|at)\s+(?:the\s+)?[\w\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*){0,2})?"
    r"|(?:a|the)\s+(?:regular|weekly|daily)\s+(?:briefing|news\s+conference)|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-"
    r"]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){0,2}"
    # ("told Cork’s 96FM": a station whose name starts with a digit, after its city)
    r"(?:(?<=['’]s)\s+\d{1,3}[A-Z]{2,}\w*)?"
    # ("told coalition leaders at a dinner on Monday that …": whom, where and when)
    r"|(?:[\w’'.\-]+\s+){0,7}[\w’'.\-]+(?=\s+that\b))"
)
_TAIL = (
    # ("said in its 11 a.m. bulletin": a time's dots end no tag)
    # ("said following talks with X", "said amid protests")
    # ("said at least three …": "at least" opens the clause said, not a place)
    r"(?:\s+(?:in|on|at(?!\s+(?:least|most)\b)|during|to|via|after|before|through|by|following|"
    r"amid|ahead\s+of)\s+"
    r"(?:[ap]\.m\.|[^,.;:!?\"“”]){1,60}?"
    # "said late on Monday"
    r"|\s+(?:last|this|next)\s+[a-z]+|\s+(?:late|early)(?=\s+(?:on|in|last|this)\s)"
    # "the ministry said Wednesday", "said today": a bare day after the verb (news style)
    r"|\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight)(?![\w’'\-])"
    # "…, the minister said here on Thursday": the dateline's city (agency style)
    r"|\s+here(?![\w’'\-])"
    r"){0,3}"
)
# Whom a speaker told in a tag: a medium, reporters, a press conference, lawmakers.
_TOLD_WHOM = (
    # "told ENA": initials, whoever they name (speaker_context decides if it is a medium)
    rf"(?:{MEDIA}|{_KIND_MEDIUM}|[A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}(?![\w’'\-])|reporters|journalists|lawmakers|"
    rf"legislators|parliament|Parliament|Congress|"
    r"investigators|(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:news|press)\s+(?:conference|briefing)"
    r"|(?:a|the)\s+(?:regular|weekly|daily)\s+(?:briefing|news\s+conference)"
    # "he told viewers", "told shareholders", "told a briefing": an audience
    r"|(?:viewers|listeners|readers|staff|shareholders|employees|supporters|delegates|"
    r"students|workers|residents|voters|senators|MPs|lawmakers|the\s+audience)(?![\w’'\-])"
    r"|(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:briefing|meeting|rally|gathering|summit|forum|"
    r"hearing|session|congress|convention)(?![\w’'\-]))"
)
# Whom a speaker told in a closing tag ("…, Energy Minister X told Thai PBS on Wednesday.",
# "…, she told the station's Hoy por Hoy programme."): anyone named — the tag closes the
# clause whoever was told; ``relay_linker`` and speaker_context decide whether it relayed it
_TOLD_WHOM_TAIL = (
    rf"(?:{_TOLD_WHOM}|(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&\-]*(?:\s+(?:of\s+|de\s+)?[A-Z0-9À-ÖØ-ÞĀ-Ž]["
    rf"\w’'.&\-]*){{0,4}}"
    r"(?:['’]s\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\s+){0,4}(?:programme|program|show|podcast))?"
    r"|(?:the|a|an)\s+(?:[\w\-]+['’]s\s+)?(?:[\w\-]+\s+){0,3}?(?:programme|program|show|podcast|"
    r"portal|site|broadcaster|station|newspaper|paper|daily|weekly|magazine|channel|outlet|"
    r"agency|radio|network|website|newsletter)"
    # ("…, X told the television programme Mesa Redonda.": the name after its kind)
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž0-9][\w’'\-]*){0,3})?"
    r"|listeners|viewers|readers)"
)
_RELAY_TOKENS = frozenset(
    wordlist("according citing quoting quoted cited carried published relayed reported relaying")
)
# Verbs that characterise someone else's claim ("dismissed the report as “…”"): they name the
# speaker of a quoted phrase, but "dismissed claims that …" is not the subject's own clause,
# so they never introduce reported speech and stay out of the speech-verb regexes.
_CHARACTERISING = frozenset(wordlist("dismissed dismisses"))
SPEECH_TOKENS = frozenset(VERBS.split()) | _RELAY_TOKENS | _CHARACTERISING
_RELAY_ONLY = _RELAY_TOKENS - frozenset(VERBS.split())
_NOT_LEAD = _RELAY_ONLY | _CHARACTERISING
_SPEAKER_FULL = re.compile(SPEAKER)
_WORD_START = re.compile(r"(?<![\w’'.\-])[\w’'.\-]+")
_OPENERS = frozenset(wordlist("the a an one another its his her their this that he she they it"))
_PLURAL_SET = frozenset(_PLURAL.split("|"))
_ADVERBS = frozenset(wordlist("also further has had have later earlier then again once long"))
_CLAUSE_PUNCT = re.compile(r"[,;:()\"“”][^,;:()\"“”]*\Z")
_SPEAKER_REACH = 90  # characters a speaker phrase may span before its verb

# '"…," said the minister.' / '"…," the minister said on Monday.' (anchored after the quote)
# A lower-case title before a name ("said county commissioner Jane Doe"), an apposition
# between a name and its verb ("Jane Doe, 54, said", "Jane Doe, a spokeswoman for X, said").
_LOWER_TITLE = (
    # (", and Beijing has pledged to …": a conjunction opens a clause, not a title; ", Minister
    # for Food Affairs X said": "for" or "of" joins a name, it opens no title)
    r"(?!(?:for|of)\s)(?:(?!(?:on|in|at|to|during|after|before|from|with|by|via|that|the|a|an|and|but|or|"
    r"while|as|when)\s)"
    rf"[a-z][\w\-]*\s+){{1,3}}(?=[{CAPS}])"
)
# ", a nurse,", ", D-Wash.,": a dot only inside an abbreviation; two in a row (", 52, who
# lives four blocks away,")
_APPOSITION_PART = r"(?:[^,.;:!?\"“”\n]|\.(?=[\w,])){1,80}"
_APPOSITION = rf"(?:,\s+{_APPOSITION_PART}(?:,\s+{_APPOSITION_PART})?,)?"
AFTER_QUOTE = re.compile(
    rf"\s*(?:[,.!?]\s*)?(?:(?P<v1>{VERB})\s+(?:{_LOWER_TITLE})?(?P<s1>{SPEAKER})"
    # '"…," chief executive Olivia Grant said.': a lower-case title before the name
    # '"…," United manager Gary Holt told Sky Sports.': an organisation before the title
    rf"|(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*\s+){{1,3}}{_LOWER_TITLE}|{_LOWER_TITLE})?"
    rf"(?P<s2>{SPEAKER})(?P<app>{_APPOSITION})\s+(?:also\s+)?(?P<v2>{VERB})"
    rf"|(?P<v3>according\s+to)\s+(?P<s3>{SPEAKER})"
    # '"…," the spokesman was quoted as saying (by KCNA).'
    # ('"…," a woman who lives opposite was quoted as saying by the Abendzeitung.')
    # ('"…," Pradip Saha, a 58-year-old resident, was quoted as saying by The Telegraph.':
    # whatever name quoted the speaker is the medium)
    rf"|(?P<s5>{SPEAKER})(?:\s+who(?:\s+[\w’'\-]+){{1,4}}?)?{_APPOSITION}\s+(?P<v5>was\s+quoted)"
    rf"\s+(?:by\s+(?P<qm>{MEDIA})\s+)?as\s+saying"
    rf"(?:\s+by\s+(?P<qm2>{MEDIA}|(?:the\s+)?[{CAPS}][\w’'.\-]*(?:\s+[{CAPS}0-9][\w’'.\-]*){{0,3}})"
    rf")?"
    # '"…," the 67-year-old said.': right after a quote any short determiner phrase will do
    rf"|(?P<s4>(?:the|a|an|The|A|An)\s+(?:[\w’'\-]+\s+){{0,2}}?[\w’'\-]+)\s+(?P<v4>{VERB}))\b"
)
# Between a speech verb and the quote it introduces: 'said:', 'said that', 'said on Monday,'.
# 'told Reuters: "…"': whom the speaker told may come first
_INTRO_GAP = re.compile(
    rf"(?:\s+(?:{_TOLD_WHOM}))?(?:\s+that|\s+(?:in|on)\s+[^,:\"“”]{{1,50}})?\s*[:,]?\s*"
)
# "a report in", "an interview he gave to", "a report published on Thursday by", "footage
# aired by", "a report on the website of": the words of a medium's own piece before its name
# (the medium is the source); a text it carried ("a transcript of the briefing carried by")
# is someone else's, whom the sentence may name
_PIECE = (
    r"report|reports|article|story|dispatch|interview|footage|video|post|broadcast|coverage|"
    r"translation|transcription"
)
_CARRIED_TEXT = r"transcript|readout|statement|excerpts?|recording|summary"


def _before_medium(kinds: str) -> str:
    return (
        rf"(?:(?:(?:a|an|the)\s+(?:[\w\-]+\s+)?)?(?:{kinds})"
        r"(?:\s+of\s+(?:the|a|an|his|her|their|its)\s+[\w\-]+(?:\s+[\w\-]+)?)?"
        r"(?:\s+(?:published|carried|released|aired|broadcast|posted|issued|run)"
        r"(?:\s+(?:on|late|early|last|this)\s+[\w\-]+)?"
        r"|\s+(?:he|she|they|it)\s+gave)?"
        r"\s+(?:in|by|from|on|to|with|through|via)\s+(?:the\s+website\s+of\s+)?)"
    )


_PIECE_BEFORE_MEDIUM = _before_medium(_PIECE)
_DOC_BEFORE_MEDIUM = _before_medium(f"{_PIECE}|{_CARRIED_TEXT}")
_DOC_OF_MEDIUM = rf"{_DOC_BEFORE_MEDIUM}?"
_ACCORDING_BEFORE = re.compile(rf"(?P<v>[Aa]ccording\s+to)\s+(?P<s>{_SOURCE})\s*,?\s*\Z")
ACCORDING = re.compile(
    rf"(?P<v>[Aa]ccording\s+to|[Aa]s\s+(?:quoted|cited|reported)\s+by|"
    # "according to local officials quoted by the Punch newspaper"
    rf"(?:quoted|cited)\s+by|"
    rf"(?:carried|published|released|relayed)\s+(?:by|through|via))\s+"
    # "according to an interview he gave to Sky News", "according to a transcript of the
    # briefing carried by TASS": the medium that ran the piece or the text relays it
    rf"(?:{_PIECE_BEFORE_MEDIUM}(?=(?:the\s+)?{MEDIA}))?(?P<s>{MEDIA}|{_SOURCE})"
)
_BARE_DOCUMENT = re.compile(
    r"(?:the|a|an|The|A|An)\s+(?:statement|report|communique|communiqué|message|commentary|"
    # "a transcript of the briefing", "a readout of the call": whose words they hold is
    # named elsewhere (the sentence's speaker), or by no one
    r"transcript|readout|recording|video|footage|excerpts?|summary)"
    r"(?:\s+of\s+(?:the|a|an|his|her|their|its)\s+[\w\-]+(?:\s+[\w\-]+)?)?"
)
_CARRIED = frozenset(
    f"{verb} {prep}"
    for verb in ("carried", "published", "released", "relayed")
    for prep in ("by", "through", "via")
) | frozenset(("quoted by", "cited by"))
_QUOTED_OR_CITED_BY = frozenset(("quoted by", "cited by"))
_DETERMINED = re.compile(r"(?:the|a|an|its|their|his|her)\s", re.IGNORECASE)
_OWNED_MEDIUM = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,2}(?:tabloid|newspaper|paper|daily|broadcaster|"
    r"channel|website|agency|outlet|magazine)\s+(?:published|carried|released|relayed)\s+by\s+\Z"
)
_CITE = r"(?:[Cc]iting|[Qq]uoting|(?:which|who|that)\s+(?:cited|quoted))"
# A medium's second mention by its kind: "the agency", "the service", "the daily"
_SECOND_MENTION_MEDIUM = re.compile(
    r"the\s+(?:news\s+)?(?:" + "|".join(media_names.KINDS) + ")", re.IGNORECASE
)
# A medium named by its kind in a name ("the Sudan Tribune news site", "Iranian state television")
_MEDIA_WORDS = re.compile(
    r"\b(?:news|site|agency|channel|daily|newspaper|paper|broadcaster|television|TV|radio|"
    r"website|portal|Times|Post|Tribune|Herald|Journal|Gazette|Press)\b"
)
_CITE_VERBS = frozenset(
    ["citing", "quoting"]
    + [f"{who} {verb}" for who in ("which", "who", "that") for verb in ("cited", "quoted")]
)
# The cited source runs to a clause boundary or its verb ("citing a command spokesman, Senior
# Colonel Li Wenbo, said"), not to the first speaker noun ("a command").
CITING = re.compile(
    # "citing internal emails and three people with knowledge of …": the last source named
    # "quoting chief scientist Wang Hanliang": a lower-case title before the name
    # ("citing Rosatom chief Alexei Likhachev": a body's name and a title before the name)
    # ("citing exporters' association Anec": a plural possessive in the lower-case title)
    rf"(?P<v>{_CITE})\s+(?:(?:[\w’'\-]+\s+){{1,3}}?and\s+(?=[a-z0-9])|{_LOWER_TITLE}|"
    rf"[a-z][\w\-]*s['’]\s+(?:[a-z][\w\-]*\s+){{1,2}}(?=[{CAPS}])|"
    # ("quoting Qulaut's producer Jean-Michel Lévesque": an owner's name and a title)
    rf"[{CAPS}][\w\-]*['’]s\s+(?:[a-z][\w\-]*\s+){{1,2}}(?=[{CAPS}])|"
    rf"(?:[{CAPS}][\w\-]*\s+){{1,2}}(?:chief|head|boss|spokesman|spokeswoman|spokesperson|"
    rf"director|chairman|chairwoman|chair|president|governor|minister|official|economist|"
    rf"analyst)\s+(?=[{CAPS}]))?(?P<s>{SPEAKER}"
    # "citing officials of the national oil company NNPC"
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}(?![\w’'\-]))?)"
    # "citing two people who have seen the revised figures"
    # ("quoting a banker who asked not to be named", "a consultant who advises energy firms")
    r"(?:\s+who\s+[a-z][^,.;:\"“”]{1,60})?"
    # ("citing emails it had seen", "citing documents the paper obtained")
    r"(?:\s+(?:that\s+)?(?:it|they|the\s+(?:paper|newspaper|agency|broadcaster|daily|outlet))"
    r"\s+(?:had\s+|has\s+)?(?:seen|obtained|reviewed|received))?"
    r"(?=\s*[,.;:]|\s+(?:said|says|told|reported|reports|as|that)\b|\s*\Z"
    # "citing a statement read on state television VTV": a participle names where it was given
    r"|\s+(?:released|carried|published|relayed|broadcast|aired|read(?:\s+out)?|posted|"
    r"issued)\s+(?:by|on)\b)"
)
# "reported, citing the minister's entourage, that …", "citing data from the industry
# ministry", "quoting a copy of the agreement": a source no speaker pattern names, up to its
# comma, when its head is a document or people
_CITED_PHRASE = re.compile(
    r"(?P<v>[Cc]iting|[Qq]uoting)\s+"
    r"(?P<s>(?:[a-z0-9][\w’'\-]*|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*['’]s?)(?:\s+[\w’'&.\-]+){0,11}?)(?=\s*,)"
)
_CITED_PEOPLE = frozenset(
    wordlist(
        "people bankers aides entourage sources executives diplomats insiders advisers "
        "advisors officials lawyers investors analysts traders residents staff employees "
        "allies associates colleagues relatives witnesses members person source official "
        "dealers banker consultant consultants manager managers adviser advisor camp "
        # ("citing a rice exporter in Yangon": people in a trade)
        "exporter exporters importer importers trader farmer farmers doctors nurses engineer "
        "engineers experts researchers negotiators mediators eyewitnesses survivors "
        # ("citing the factory's administration", "quoting a broker at Africa Tea Brokers")
        "broker brokers administration management authorities spokesperson spokesman "
        "spokeswoman representatives representative organisers organizers prosecutors "
        "investigators volunteer volunteers services"
    )
)
# ("citing the wellbeing services county's budget"): documents a medium cites besides
# ``_DOCUMENTS``
_CITED_DOCUMENTS = frozenset(wordlist("budget budgets estimates projections"))


# "citing a letter from the Ceylon Petroleum Corporation to the Energy Ministry", "citing a
# letter the shipyard sent to state officials": a document a medium cites speaks for the body
# that wrote it (the medium stays the link)
DOCUMENT_OF = re.compile(
    r"(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,2}?(?:letter|report|statement|circular|memo|memorandum|"
    r"analysis|study|survey|filing|document|email|note|notice|audit|assessment|presentation|"
    r"submission|complaint|petition)s?\s+"
    r"(?:(?:from|by|of)\s+(?P<by>(?:the\s+)?[\w’'.&\-]+(?:\s+(?!to\b|on\b|about\b|for\b|in\b|"
    r"into\b|published\b|sent\b|seen\b)[\w’'.&\-]+){0,6}?)"
    r"|(?P<subj>(?:the\s+)?[\w’'.&\-]+(?:\s+[\w’'.&\-]+){0,4}?)\s+(?:had\s+)?(?:sent|wrote|issued|"
    r"filed|submitted|prepared))"
    r"(?:\s+(?:to|on|about|for|in|into|published|sent|seen)\b.*)?",
    re.DOTALL,
)


def _cited_source(phrase: str) -> bool:
    words = phrase.lower().split()
    head = next((i for i, w in enumerate(words) if w in _POSTMOD), len(words))
    heads = set(words[:head][-2:])
    if DOCUMENT_OF.fullmatch(phrase):
        return True  # "a letter the shipyard sent to state officials": whose the document is
    return _noun_phrase(phrase.split()) and bool(
        heads & (_CITED_PEOPLE | _DOCUMENTS | _CITED_DOCUMENTS)
    )


_GIVEN_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž\d][\w.&’'\-]*"
# "gave to the Pan-African weekly Jeune Afrique", "gave to Lagos-based radio station Radio
# Continental": a capitalised word describing the medium's kind is no part of its name
_DESCRIBED = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\s+(?=(?:[a-z]+\s+){0,2}(?:weekly|daily|newspaper|paper|radio|"
    r"station|broadcaster|channel|television|magazine|site|website|portal|agency|network|"
    r"outlet)\s))?"
)
# "Global News, citing an interview the premier gave to 630 CHED, reported …", "Seneweb,
# relaying remarks the mayor made on the radio station RFM, …", "citing what the fire chief told
# Radio Cooperativa": a chain of three, the citing medium, the one given the words, the speaker
_GIVEN_TO = re.compile(
    # ("According to Punch, which cited an interview …": after an "according to")
    r"(?P<v>[Cc]iting|[Qq]uoting|[Rr]elaying|which\s+(?:cited|quoted))\s+"
    r"(?:(?:an?|the(?:\s+same)?)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:interview|remarks|comments|statements?|speech|words|what)"
    # ("citing remarks that Secretary Kamal Bhatia made on CNBC-TV18": "that" opens the clause)
    r"(?:\s+(?:that|which))?"
    # ("an interview OCP's finance chief, Nadia Alaoui, gave to …": a name apposed)
    r"\s+(?P<s>[^,;:\"“”()]{2,80}?(?:,\s+[A-ZÀ-ÖØ-ÞĀ-Ž][^,;:\"“”()]{1,40},)?)"
    r"\s+(?:had\s+)?(?:gave|given|granted|made|told)\s+"
    rf"(?:(?:to|on)\s+)?(?:(?:the\s+)?{_DESCRIBED}(?:[a-z]+\s+){{0,3}}?"
    rf"(?P<m>{_GIVEN_WORD}(?:\s+(?:{_GIVEN_WORD}|of|de|del))*)|(?P<m2>{MEDIA}))"
)
# "citing a ministry statement released by KCNA", "citing a statement read on state television
# VTV": the carrier relays the cited source
_CARRIED_AFTER = re.compile(
    r"\s+(?:released|carried|published|relayed|broadcast|aired|read(?:\s+out)?)"
    r"\s+(?:by|on|through|via)\s+"
    rf"(?P<m>{MEDIA})"
)
# ("But Japan's Kyodo News, citing …": an opening conjunction is no part of the name)
_MEDIA_SUBJECT = re.compile(rf"\s*(?:(?:But|And|Yet|So)\s+)?(?P<s>(?:The\s+)?{MEDIA})\s*,\s*")
_QUOTED_VERB = re.compile(r"\s(?:quoted|cited)\s+")


class _Span:
    """A match-like span for ``inner`` (the name apposed at the end of a loose quoted phrase)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._s, self._e, self._t = start, end, text

    def start(self, _group: str = "inner") -> int:
        return self._s

    def end(self, _group: str = "inner") -> int:
        return self._e

    def group(self, _group: str = "inner") -> str:
        return self._t[self._s : self._e]


_QUOTED_AS_REST = re.compile(
    # "cited military expert Zhang Junhui as saying": a lower-case title before the name
    rf"(?:{_LOWER_TITLE})?(?P<inner>{SPEAKER}),?(?:\s+as\s+(?:saying|stating|telling|warning|claimi"
    rf"ng|describing|"
    rf"calling)\b|\s*:)"
)
# "quoted a worker at a smelter in Morowali, Yusuf, as saying", "cited a logistics executive,
# Grace Tan of Pacific Haulage, as saying": any short phrase between the verb and "as saying"
# is who was quoted — a name in apposition at its end when there is one
_QUOTED_AS_LOOSE = re.compile(
    r"(?P<inner>(?:the|a|an|one|two|three|several|[A-ZÀ-ÖØ-ÞĀ-Ž])[^.;:\n“”\"]{1,110}?),?\s+as\s+say"
    r"ing\b"
)
_APPOSED_NAME = re.compile(
    r",\s+(?:surnamed\s+)?(?P<n>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*|de|da|van|"
    r"von|al|bin))*"
    r"(?:\s+of\s+[A-ZÀ-ÖØ-ÞĀ-Ž][^,]*)?)\Z"
)
# '… quoted the minister: "…"', '… cited the report as saying: "…"' (up to the quote mark)
_QUOTED_INTRO = re.compile(rf"\s+(?P<inner>{SPEAKER})(?:\s+as\s+saying)?\s*[:,]?\s*")
_LEAD_REST = re.compile(
    # "reported earlier on Wednesday, citing …, that …"
    r"(?:\s+(?:earlier|later|again))?"
    rf"(?:\s+(?:on|in)\s+(?:a\s+|an\s+|the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]?[\w\-]+"
    rf"(?:\s+(?!(?:carried|published|released|relayed|broadcast|aired|the|a|an|that|it|he|"
    rf"she|they|we)\b)"
    rf"[\w\-]+)?)?"
    # "… in an interview published on Sunday by Le Monde that …"
    rf"(?:\s+(?:carried|published|released|relayed|broadcast|aired)(?:\s+on\s+[A-ZÀ-ÖØ-ÞĀ-Ž]\w+)?"
    rf"\s+(?:by|on|through|via)\s+(?:[\w’'\-]+\s+){{0,4}}?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*)?"
    # ("reported, citing the minister's entourage, that …": whoever is cited)
    rf"(?:\s*,\s*(?:citing|quoting|relaying)\s+(?:{SPEAKER}|[^,;:\"“”]{{1,120}}?)\s*,)?"
    # "told a party meeting, according to a KCNA report, that …"
    rf"(?:\s*,\s*according\s+to\s+[^,;:\"“”]{{1,60}},)?"
    # "said in an exclusive interview on Sunday with Fox News that …"
    rf"(?:\s+(?:on|last|this)\s+[A-ZÀ-ÖØ-ÞĀ-Ž]\w+)?(?:\s+with\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*"
    rf"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*){{0,3}}(?=\s+that\b))?"
    # ("said at a news conference in Osaka that …": the occasion, then where and when)
    rf"(?:\s+(?:at|during|after|following)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?"
    rf"(?:conference|briefing|meeting|rally|summit|forum|ceremony|hearing|session|event)"
    rf"(?=(?:\s+[\w’'\-]+){{0,5}}?\s+that\b))?"
    # ("carried by the Korean Central News Agency (KCNA) that …": an acronym in brackets)
    rf"(?:\s+(?:[\w’'\-]+\s+|\([A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]{{1,8}}\)\s+){{0,5}}?(?P<that>that)\b|\s*,)?\s+"
)
# A medium recognised by its role rather than by name: whatever name a statement is read
# out on, carried by, published in or released through is the medium that relays it
# ("in a statement read out on Sky TG24", "in a circular, carried by the Al-Qabas daily",
# "in a report published in the official gazette El Peruano"). The name is capitalised
# words (a lower-case kind may stand before or after it); "released by" / "published by"
# name an author as often as a medium, so they are left to the media patterns.
_NOT_MEDIUM_NAME = frozenset(
    wordlist(
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december telegram facebook twitter "
        "instagram youtube wechat weibo tiktok whatsapp linkedin x vkontakte threads bluesky "
        "truth its his her their behalf"
    )
)
ROLE_NAME = (
    r"(?:the\s+)?(?:(?!(?:the|a|an|its|his|her|their|behalf)\s)[a-z][\w\-]*\s+){0,3}?"
    rf"(?P<n>[{CAPS}][\w’'.\-]*(?:\s+(?:[{CAPS}0-9][\w’'.\-]*|"
    rf"(?:de|del|di|da|do|la|el|al|per|van|von)(?=\s+[{CAPS}]))){{0,4}})"
)
# "…, the subcontractor said", "…, the dike warden told …": in a closing tag a determiner and
# up to three lower-case words before a speech verb name a speaker, listed noun or not (not a
# time: "the next day")
_DET_NOUN = (
    r"(?:the|a|an)\s+(?!(?:[\w\-]+\s+){0,2}?(?:day|days|week|weeks|month|months|year|years|"
    r"morning|evening|night|time|next|same|following|previous|other|latter|former)\b)"
    r"(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*"
    r"(?=,?\s+(?:also\s+|later\s+)?(?:said|says|told|tells|added|adds|wrote|warned)\b)"
)
# "the Vietnam News Agency (VNA)", "the National Service of Meteorology and Hydrology
# (Senamhi)": a bracketed short form, in capitals or not
_ACRONYM = r"(?:\s+\((?P<acr>[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž\-]{1,7}|[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,9})\))?"
# the same short form after a source named by "according to" ("the National Electoral Council
# (CNE)", "the Electoral Service (Servel)")
_ACRONYM_AFTER = r"(?:\s+\((?:[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž\-]{1,7}|[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]{2,9})\))?"
# "according to Reuters calculations based on shipping data", "an AFP tally based on air force
# data": what the figures rest on, after the source that computed them
_BASED_ON = r"(?:\s+based\s+on\s+[^,;:.!?\"“”]{1,60}?)?"
# ", without giving a source", ", adding that …", "said as she accepted the award": a
# lower-case afterthought closes the sentence after a tag
_AFTERTHOUGHT = (
    r"(?P<aft>\s*,\s*(?:without|but|although|though|as|after|before|when|while|speaking|adding|"
    r"saying|declining|arguing|noting|insisting|refusing|urging|blaming|warning)"
    r"\b[^.!?\"“”]{0,100}"
    r"|(?P<aft2>\s+(?:as|while|when|after|before)\s+(?!(?:well|much|many|far|long|soon|of)\b)"
    r"[^,.!?\"“”]{3,100}))"
)
_AFTERTHOUGHT_END = re.compile(rf"{_AFTERTHOUGHT}\s*[.!?]?\s*\Z")
_WHICH_END = re.compile(r"\s*,\s*which\b[^.!?\"“”]{0,100}\s*[.!?]?\s*\Z")
_MODAL = r"(?:would|will|could|should|can|may|might|must|had|has|have|was|were|is|are)"
_REPORTED_TAIL = re.compile(
    # ", spokeswoman Mao Lin said", ", a spokesperson for the ministry, Gao Minghui, told a
    # regular press conference", ", aid workers who have left the country say"
    # ", Kremlin spokesman Dmitry Arkhipov said": an organisation may stand before the title
    # (", the financial magazine Caixin reported": "the" before a lower-case title)
    rf",\s*(?:(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*\s+){{1,2}}{_LOWER_TITLE}|(?:the\s+)?{_LOWER_TITLE})?"
    rf"(?P<s1>{SPEAKER}|{_DET_NOUN}){_ACRONYM}(?:,?\s+who(?:\s+[\w’'\-]+){{1,6}}?)?"
    rf",?\s+(?:(?:also|later|earlier|then|again|has|have|had)\s+){{0,2}}(?P<v1>{VERB})"
    rf"(?:\s+(?P<tobj>{_TOLD_WHOM_TAIL}))?"
    # ", X was quoted as saying by the TASS news agency"
    # ", a source was cited by Interfax as saying"
    rf"|(?P<s5>{SPEAKER})\s+(?:was|were)\s+(?:quoted|cited)\s+(?:as\s+saying\s+)?by\s+"
    rf"(?P<m5>{MEDIA})(?:\s+as\s+saying)?"
    # ", the official Sudan News Agency quoted army spokesman X as saying"
    # (", the Saudi Press Agency quoted the minister.": "as saying" may be left out)
    # "…, RIA Novosti cited a source in the Russian government as saying."
    # ("…, the newspaper quoted him as saying.": the person the text named before)
    rf"|(?P<m6>{MEDIA}|{SPEAKER})\s+(?:quoted|cited)\s+(?:{_LOWER_TITLE})?"
    rf"(?P<s6>{SPEAKER}|him(?=\s+as\s)|her(?=\s+as\s)|them(?=\s+as\s))"
    rf"(?:\s+as\s+saying)?"
    # (", Shona, read a statement.": "read" before its object is no inverted tag; ", quoting X,
    # said the cores would help scientists.": a clause, not who said it)
    rf"|(?!reads?\s)(?P<v2>{VERB})\s+(?!(?:[\w’'\-]+\s+){{1,4}}{_MODAL}\b)(?P<s2>{SPEAKER})"
    # "according to state broadcaster NHK": a medium named by its kind
    rf"|(?P<v3>according\s+to)\s+(?:{_PIECE_BEFORE_MEDIUM}(?=(?:the\s+)?{MEDIA}))?"
    # ("according to cargo surveyor Intertek Testing Services": a lower-case kind first)
    rf"(?:(?!(?:a|an|the|local|state)\s){_LOWER_TITLE})?(?P<s3>{SPEAKER}|{MEDIA}){_ACRONYM_AFTER}"
    # "according to a ministry statement carried by IRNA", "according to local media reports"
    # ("according to Reuters calculations", "according to LSEG data", "the CME FedWatch tool")
    rf"(?:\s+(?:statement|report|reports|communique|message|commentary|calculations|data|"
    rf"figures|estimates|tally|count|analysis|survey|poll|records|statistics|tool|tracker))?"
    rf"{_BASED_ON}"
    rf"(?:\s+(?:carried|published|released|relayed|seen|reviewed|obtained|viewed|quoted|"
    rf"cited)\s+(?:by|through|via)\s+{MEDIA})?){_TAIL}"
    # ", X said on Tuesday, as quoted by the Interfax news agency"
    # ", Ilagan said, according to PNA": an agency's initials name it too
    rf"(?:\s*,\s*(?:according\s+to|as\s+(?:quoted|reported|cited)\s+by)\s+"
    # ", an official said, according to a report in the Economic Times", ", the spokeswoman
    # said, according to a transcript of the briefing carried by TASS"
    rf"{_DOC_OF_MEDIUM}"
    rf"(?:{MEDIA}|(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}(?![\w’'\-]))(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž"
    rf"\-]{{1,7}}\))?)?"
    # ("…, Caixin reported, citing people close to the matter.": whoever is cited)
    rf"(?:\s*,\s*{_CITE}\s+(?:{SPEAKER}|[^,;:\"“”.!?]{{1,60}}?))?"
    # "…, the authority said in a circular, carried by the Al-Qabas daily."
    r"(?:\s*,\s*(?:carried|published|relayed|broadcast|aired|released|read(?:\s+out)?)\s+"
    rf"(?:by|on|in|through|via)\s+{ROLE_NAME}(?:\s+[a-z]+)?)?"
    # ", without giving a source": a lower-case afterthought closes the sentence
    # (", according to Météo-France, which lifted its alert": what the source did next)
    rf"(?:{_AFTERTHOUGHT}|(?P<aft3>\s*,\s*which\b[^.!?\"“”]{{0,100}}))?\s*[.!?]?\s*\Z"
)
_CITING_TAIL = re.compile(rf",\s*{_CITE}\s")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "Velmar on Friday", "VCNA on Friday.": a date or a sentence's full stop is not the name.
_HIT_TAIL = re.compile(rf"(?:\s+(?:(?:on|this|last)\s+)?{_WEEKDAY})+\Z|(?<!\.[A-ZÀ-ÖØ-ÞĀ-Ž])\.\Z")
_WEEKDAY_WORD = re.compile(_WEEKDAY)
_PAREN_ACRONYM = re.compile(r"\s*\(([A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž\-]{1,7})\)\Z")
_ACCORDING_LEAD = re.compile(
    # "According to a report by Interfax that cited a source in the ministry, …"
    # "According to Dawn newspaper, which quoted traders at the market, …": a medium named
    # with its kind
    rf"(?P<v>[Aa]ccording\s+to)\s+(?:{_PIECE_BEFORE_MEDIUM}(?=(?:the\s+)?{MEDIA})"
    # "According to a transcript released by the Kremlin and reported by TASS, …", "According
    # to data from the World Gold Council reported by Bloomberg, …": the text's author, then
    # the medium that carried it (below)
    rf"|(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:{_CARRIED_TEXT}|data|figures|statistics|estimates)"
    rf"\s+(?:(?:released|published|issued|compiled|posted)\s+by|from)\s+(?=[^,]{{1,60}}\s+"
    rf"(?:and\s+)?(?:reported|carried|published|relayed|quoted|cited)\s+by\s))?"
    # ("According to an AFP tally based on air force data, …": a medium's own count)
    rf"(?P<s>(?:an?\s+)?{MEDIA}\s+(?:tally|count|calculations|analysis|estimates?|review)(?=[\s,])"
    rf"|{MEDIA}|{_SOURCE})(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}\))?{_BASED_ON}"
    # "According to Politico's London Playbook newsletter, …": the medium's programme
    rf"(?:['’]s\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\s+){{0,4}}(?:newsletter|programme|program|show|podcast"
    rf"|"
    rf"column|blog|website|edition|service))?"
    # "According to AFP, citing the Sudan Tribune news site, …"
    rf"(?:,?\s+{_CITE}\s+(?:the\s+)?(?P<cited>{SPEAKER}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž"
    rf"][\w’'.\-]*){{0,3}}"
    rf"(?:\s+(?:news\s+)?(?:site|agency|channel|daily|newspaper|paper|broadcaster|"
    rf"television|radio|website|portal))?))?"
    # "According to officials cited by the Hindustan Times, …", "According to the city's
    # military administration, quoted by Ukrinform, …"
    rf"(?:,?\s+(?:and\s+)?(?:quoted|cited|carried|published|released|relayed|reported)\s+"
    rf"(?:by|through|via)\s+{MEDIA})?"
    r"\s*,\s*"
)
# "According to Kommersant, which cited a source in diplomatic circles, …", "… which interviewed
# parents in Matsue, …", "… which cited data from a maritime analytics firm, …": the source the
# medium cites, up to the comma (its data, figures or report: its author)
_WHICH_CITED = re.compile(
    r"(?:which|who|that)\s+(?:cited|quoted|interviewed|spoke\s+to)\s+"
    r"(?:(?:data|figures|statistics|estimates|calculations)\s+(?:from|by)\s+)?"
    r"(?P<c>(?!an?\s+interview\b)[^,;:\"“”()]{3,80}?)\s*,\s+(?=[A-Za-z])"
)
# "The army, according to a report by Xinhua, has moved …": a source set off by commas
# between a subject and its (lower-case) verb phrase
_ACCORDING_MID = re.compile(
    rf"(?<=\w),\s+(?P<v>according\s+to)\s+(?:{_PIECE_BEFORE_MEDIUM}(?=(?:the\s+)?{MEDIA}))?"
    # (not a coordinated clause: "The fire started at dawn, according to the fire service,
    # and spread quickly")
    rf"(?P<s>{MEDIA}|{_SOURCE}),\s+(?=[a-z])"
    r"(?!(?:and|but|or|as|while|whereas|which|who|after|before|when|then|so|yet)\b)"
)
# Cheap literal checks so the speaker-heavy relay regexes run only where they can match.
_RELAY_ACC = re.compile(
    r"ccording\s+to|(?:quoted|cited|reported|carried|published|relayed|released)\s+"
    r"(?:by|through|via)"
)
_RELAY_AS = re.compile(
    r"\bas\s+(?:saying|stating|telling|warning|claiming|describing|calling)|\b(?:quoted|cited)\s+[^"
    r":.\n]{1,80}:"
)
_RELAY_HINT = re.compile(
    r"(?P<acc>ccording\s+to|(?:quoted|cited|reported|carried|published|relayed|released)\s+"
    r"(?:by|through|via))|"
    r"\bas\s+(?:saying|stating|telling|"
    r"warning|claiming|describing|calling)|[Cc]iting|[Qq]uoting|[Rr]elaying\s|"
    r"\b(?:quoted|cited)\s+[^:.\n]{1,80}:"
)
_PRONOUN_WORDS = frozenset(wordlist("he she they it"))
_HEAD_TITLES = frozenset(
    wordlist(
        "minister secretary president chairman chairwoman chair director spokesman spokeswoman "
        "spokesperson governor mayor ambassador chief commissioner leader head executive "
        "officer manager coordinator adviser advisor"
    )
)
_COUNT_HEADS = frozenset(wordlist("one another two three some many several others"))
_ONLY_WHEN = re.compile(r"(?:(?:on|last|this|late|early)\s+[\w ]{1,25}?)?[.!?]?\s*")
_QUOTED_BY = re.compile(
    rf"(?P<s>{SPEAKER}),?\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:quoted|cited)\s+"
    rf"(?:(?:on|last|this)\s+\w+\s+)?by\s+(?P<m>{MEDIA}|{SPEAKER})"
    # "the Demiroren News Agency (DHA)": the short form the article goes on with
    r"(?:\s+\((?P<acr>[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6})\))?"
    # "…, as cited by Reuters,": the medium that carried the first one's report
    rf"(?:,\s+(?:as\s+)?(?:cited|quoted|reported|carried)\s+by\s+(?P<m2>{MEDIA}|{_PROPER}),)?"
    r"\s+as\s+(?:saying|stating|warning|claiming|telling\s+(?:[\w’'\-]+\s+){1,3}?)\s*(?:that\s+)?"
)
# "Whitlock, quoted last month by the trade publication Airline Weekly, said …", "A spokesman
# for the militia, reached by telephone by the BBC's Amharic service, said …": the medium in
# the apposition relays the subject
_QUOTED_BY_BETWEEN = re.compile(
    # ("A State Department spokesperson, asked by Voice of America about the report, said")
    rf"(?P<s>{SPEAKER}),\s+(?:quoted|cited|interviewed|reached|contacted|asked)"
    r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+by\s+(?:tele)?phone)?\s+by\s+"
    # "Radio France Internationale (RFI)": any name, which a bracketed short name may follow
    rf"(?P<m>{MEDIA}|{_PROPER})(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}\))?(?:\s+(?:on|last|this)\s+\w+)?"
    r"(?:\s+about\s+[^,;:\"“”]{1,60})?,\s+"
    r"(?:also\s+)?"
    r"(?:said|says|told|added|warned)"
    r"\b(?:\s+[\w’'\-]+){0,3}?(?:\s+that)?\s+"
)
_BETWEEN_WORDS = ("quoted", "cited", "interviewed", "reached", "contacted", "asked")
# "The Emirates News Agency carried a statement from the foreign ministry saying …"
_CARRIED_SAYING = re.compile(
    # "The Emirates News Agency (WAM) carried …": the short form may follow the name
    rf"(?P<m>{MEDIA})(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}\))?\s+(?:also\s+)?(?:carried|published|released|"
    rf"ran|"
    r"relayed)\s+"
    r"(?P<s>(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,2}?(?:statement|message|communique|letter|"
    r"commentary)\s+(?:from|by|of)\s+[^,;:\"“”]{3,80}?)\s+(?:saying|which\s+said|that\s+said)"
    r"\s+(?:that\s+)?"
)
_SUBJECT_AT = re.compile(rf"(?P<s>{SPEAKER})\s+(?=[a-z])")
_AS_SAYING = re.compile(
    # ("as telling the Radio Svoboda programme Svoboda Live that": a medium's programme told)
    r"\bas\s+(?:saying|stating|warning|claiming|telling\s+(?:[\w’'\-]+\s+){1,7}?that)\s+"
    r"(?:that\s+)?"
)
# "quoted Commissioner X as telling local radio that …": the medium told, inside the quoting one
_AS_TELLING = re.compile(r",?\s+as\s+telling(?=\s)")

Verb = tuple[int, int, str]  # (start, end, lower-cased verb) of a speech-verb token


@dataclass(frozen=True, slots=True)
class SpeakerHit:
    start: int
    end: int
    text: str
    verb: str | None


@dataclass(frozen=True, slots=True)
class Reported:
    """Reported speech in one sentence: the clause attributed, its speaker, the relay chain."""

    start: int
    end: int
    speaker: SpeakerHit
    chain: tuple[SpeakerHit, ...]


def speech_verbs(starts: list[int], ends: list[int], words: list[str]) -> list[Verb]:
    """Positions of speech-verb tokens, found once per text so the speaker regexes only run
    next to a verb instead of at every character."""
    return [(starts[i], ends[i], w) for i, w in enumerate(words) if w in SPEECH_TOKENS]


def _verbs_in(verbs: list[Verb], start: int, end: int) -> list[Verb]:
    """The verbs starting in [start, end) (``verbs`` is in text order): one slice between
    two bisections. (An offset is never negative, so (pos, -1, "") sorts before every verb
    starting at pos.)"""
    lo = bisect_left(verbs, (start, -1, ""))
    return verbs[lo : max(lo, bisect_left(verbs, (end, -1, ""), lo))]


def _hit(m: re.Match[str], s: str, v: str | None) -> SpeakerHit | None:
    name = m.group(s)
    if not name:
        return None
    verb = m.group(v) if v and m.group(v) else None
    verb = " ".join(verb.split()).lower() if verb else None
    if verb == "according to" and any(f" {p} " in name for p in ("by", "in", "from", "on")):
        # "according to a report by Interfax": the medium whose report it is (its name may
        # run past a shorter speaker phrase: "a report by the state news agency WAM")
        by = _REPORT_BY.match(m.string, m.start(s))
        if by is not None and by.end() >= m.end(s) - name.endswith("."):
            return _trimmed(SpeakerHit(by.start("m"), by.end("m"), by.group("m"), verb))
    if verb == "according to" and v and m.start(s) - m.end(v) > 1 and name.startswith("the "):
        # "according to a report in the Hindustan Times" (the piece read before the name): the
        # medium as "a report by X" names it, without its article
        return _trimmed(SpeakerHit(m.start(s) + 4, m.end(s), name[4:], verb))
    if name == "TV" and (kind := _TV_KIND.search(m.string, max(0, m.start(s) - 12), m.start(s))):
        # ", state TV said": the lower-case kind belongs to the medium
        return SpeakerHit(kind.start(), m.end(s), m.string[kind.start() : m.end(s)], verb)
    return _trimmed(SpeakerHit(m.start(s), m.end(s), name, verb))


_COUNTED = re.compile(
    r"(?:more|fewer|less)\s+than\s|at\s+(?:least|most)\s|(?:nearly|almost|about|around|"
    r"roughly|over|up\s+to)\s+\d|\d",
    re.IGNORECASE,
)
# "a report by the Interfax news agency", "a dispatch from Xinhua": a medium's own report
_REPORT_BY = re.compile(
    r"(?:a|an|the|A|An|The)\s+(?:[\w\-]+\s+)?(?:report|reports|dispatch|article|story|bulletin|"
    rf"broadcast)\s+(?:by|from|on|in)\s+(?:the\s+)?(?P<m>{MEDIA})"
)


_OPENING_CONJUNCTIONS = ("But ", "And ", "Yet ", "Or ", "Nor ", "So ", "As ")


def _trimmed(hit: SpeakerHit) -> SpeakerHit:
    """Drop a trailing weekday or full stop the name regex swallowed ("on" and "." may join
    name words: "Duke of Kent", "U.S.").
    A conjunction opening the sentence is not part of the name after it: "But WalesOnline,
    citing …, said" is WalesOnline's."""
    if hit.text.startswith(_OPENING_CONJUNCTIONS) and (
        hit.text[hit.text.find(" ") + 1 :][:1].isupper()
        or hit.text[hit.text.find(" ") + 1 :].startswith("the ")
    ):
        cut = hit.text.find(" ") + 1
        hit = SpeakerHit(hit.start + cut, hit.end, hit.text[cut:], hit.verb)
    if not hit.text.endswith(("day", ".")):
        return hit  # the common case, without a regex
    cut = _HIT_TAIL.search(hit.text)
    if cut is None or cut.start() == 0:
        return hit
    return SpeakerHit(hit.start, hit.start + cut.start(), hit.text[: cut.start()], hit.verb)


def speaker_ending_at(text: str, end: int, floor: int, verb: str | None) -> SpeakerHit | None:
    """The longest speaker phrase ending right before ``end`` (a verb position)."""
    stop = _skip_adverbials(text, end, floor)
    acronym = (
        _PAREN_ACRONYM.search(text, max(floor, stop - 12), stop)
        if stop > floor and text[stop - 1] == ")"
        else None
    )
    if acronym:
        # "the Oskarn Telegraph Agency (OTA) reported": the article's short form names it.
        named = speaker_ending_at(text, acronym.start(), floor, verb)
        if named is not None:
            return SpeakerHit(acronym.start(1), acronym.end(1), acronym.group(1), verb)
    lo = max(floor, stop - _SPEAKER_REACH)
    # A speaker phrase never spans clause punctuation, so start after the last one.
    cut = _CLAUSE_PUNCT.search(text, lo, stop)
    if cut:
        lo = cut.start() + 1
    words = list(_WORD_START.finditer(text, lo, stop))
    lowers = [w.group().lower() for w in words]
    for i, w in enumerate(words):
        # Only a capitalised word, a determiner/pronoun, or a word shortly before a plural
        # speaker noun can open a speaker phrase; skipping the rest saves most regex work.
        first = w.group()
        if not (
            first[0].isupper()
            or lowers[i] in _OPENERS
            or _PLURAL_SET.intersection(lowers[i : i + 4])
        ):
            continue
        m = _SPEAKER_FULL.fullmatch(text, w.start(), stop)
        if m is not None and _SUBORDINATE.search(m.group()):
            # "Residents of the town fled when Superintendent Levi said": a clause of its own
            # before the speaker; the speaker phrase starts after it
            m = None
        if (
            m is None
            and first[0].isupper()
            and (_DIGIT.search(text, w.start(), stop) or _TV_END.search(text, w.start(), stop))
        ):
            # "Channel 4 News reported", "France 24 said": a medium's name with a number in
            # it, which the speaker phrases (names of words) would cut after the number
            # ("Iranian state TV said": the kind before "TV", never "TV" alone)
            m = _MEDIA_RE.fullmatch(text, w.start(), stop)
        if m:
            if m.start() - lo > 4 and text[m.start() - 4 : m.start()] in (" in ", " at "):
                # "Professor X of the Marine Institute in Galway, who …, said": the place
                # closes a longer name, it is not the speaker.
                longer = speaker_ending_at(text, m.start() - 4, floor, verb)
                if longer is not None:
                    return longer
            if m.start() - lo > 6 and text[m.start() - 6 : m.start()] == " from ":
                # "Farmer Jasur Ergashev from Samarkand told": where the person is from closes
                # the name, it is not the speaker
                name = speaker_ending_at(text, m.start() - 6, floor, verb)
                if name is not None and _is_name(name.text):
                    return name
            if m.start() - lo > 4 and text[m.start() - 4 : m.start()] == " of ":
                # "Professor X of the Marine Institute in Galway": the institute is the
                # affiliation of the name before it, without the place closing it
                name = speaker_ending_at(text, m.start() - 4, floor, verb)
                if name is not None and _is_name(name.text):
                    cut = _PLACE_TAIL.search(text, m.start(), m.end())
                    end = cut.start() if cut else m.end()
                    return SpeakerHit(name.start, end, text[name.start : end], verb)
            if m.group() == "TV" and (kind := _TV_KIND.search(text, lo, m.start())):
                # ", state TV said": the lower-case kind belongs to the medium
                return SpeakerHit(kind.start(), m.end(), text[kind.start() : m.end()], verb)
            return _trimmed(SpeakerHit(m.start(), m.end(), m.group(), verb))
    origin = text.rfind(" from ", lo, stop)
    if origin != -1 and _FROM_PLACE.fullmatch(text, origin, stop):
        # "Farmer Jasur Ergashev from Samarkand region told": the place is no speaker phrase
        name = speaker_ending_at(text, origin, floor, verb)
        if name is not None and _is_name(name.text):
            return name
    who = text.rfind(" who ", lo, stop)
    if who != -1 and not _CLAUSE_PUNCT.search(text, who, stop):
        # "Residents who packed a board meeting in August chanted": the relative clause
        # between the speaker and its verb
        head = speaker_ending_at(text, who, floor, verb)
        if head is not None and head.text.lower() not in _PRONOUN_WORDS:
            return head
    that = _RELATIVE_THAT.search(text, lo, stop)
    if that is not None:
        # "The union that represents deputies said": a short relative clause after a noun
        # with its determiner (never "a sign that police said", a clause with its own verb)
        head = speaker_ending_at(text, that.start(), floor, verb)
        if head is not None and _DET_HEAD.match(head.text) and head.start <= that.start():
            return head
    if stop > floor and text[stop - 1] == ",":
        # "The ministry, in a statement carried by KCNA, said": skip one parenthetical.
        # "X, who spoke on condition of anonymity because …, said": a relative clause may
        # run longer than a speaker phrase.
        opening = text.rfind(",", max(floor, stop - 1 - 2 * _SPEAKER_REACH), stop - 1)
        if opening != -1:
            head = speaker_ending_at(text, opening, floor, verb)
            if head is None and (age := _AGE_BEFORE.search(text, max(floor, opening - 6), opening)):
                # "Pedro Alvarado, 34, a bricklayer from X, said": an age before the apposition
                head = speaker_ending_at(text, age.start(), floor, verb)
            # "Its chief executive, Harald Voss, said": the name in the apposition is the
            # speaker; "Jane Doe, 54, said" and "Jane Doe, a nurse, said" keep the name.
            named = _APPOSITIVE_NAME.fullmatch(text, opening + 1, stop - 1)
            # ("the chief executive of the Ghana Cocoa Board (COCOBOD), Dr Kwabena Asante,
            # said": the body's short form before the apposition is no person's name)
            # ("One, retired teacher Mary Lund, said": "One" counts, it names no one)
            # ("a herder from Kakuma, Mr Ekai Lokol, said": the place closing a description)
            if named and (
                head is None
                or not _is_name(head.text)
                or head.text.isupper()
                or head.text.lower() in _COUNT_HEADS
                or text[max(floor, head.start - 6) : head.start].endswith((" from ", " in "))
                # ("Australia's Environment Minister, Mara Collins, said": a title, then who)
                or head.text.split()[-1].lower() in _HEAD_TITLES
            ):
                return SpeakerHit(named.start("n"), named.end("n"), named.group("n"), verb)
            return head
    return None


_SUBORDINATE = re.compile(r"\s(?:when|while|because|although|though|unless|whereas)\s")
# " from Samarkand region", " from the Bago region": where a person is from, after the name
_FROM_PLACE = re.compile(
    r" from (?:the )?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?: [A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)?"
    r"(?: (?:region|province|district|county|state|village|town|city|oblast))?\s*"
)
# " that represents deputies", " which runs the port": a relative clause of up to five words
# whose verb (an -s or -ed form) comes first, closing right before the speech verb
_RELATIVE_THAT = re.compile(r"\s(?:that|which)\s+[a-z][\w\-]*(?:s|ed)(?:\s+[\w’'\-]+){0,4}\s*\Z")
_DET_HEAD = re.compile(r"(?:the|The|a|A|an|An|its|Its|their|Their)\s")
_DIGIT = re.compile(r"\d")
# "Iranian state TV said", "Al-Ahram newspaper said": a name or nation before a medium's kind
_TV_END = re.compile(
    r"\s(?:TV|newspaper|daily|weekly|paper|magazine|broadcaster|channel|radio|television|"
    r"agency|website|tabloid)\s*\Z"
)
_TV_KIND = re.compile(r"(?<![\w\-])(?:state|state-run|state-owned|public|national|local)\s+\Z")
_PLACE_TAIL = re.compile(
    r"\s+(?:in|at)\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*)?\Z"
)
_AGE_BEFORE = re.compile(r",\s*\d{1,3}\s*\Z")
# participles that are titles before a name ("retired teacher Mary Lund", "jailed activist X")
_ED_TITLES = (
    r"retired|unemployed|self-employed|registered|licensed|qualified|trained|renowned|acclaimed|"
    r"celebrated|respected|disabled|displaced|injured|wounded|bereaved|detained|jailed|exiled|"
    r"ousted|embattled|elected|appointed|indicted|convicted|accused|unnamed"
)
_APPOSITIVE_NAME = re.compile(
    # up to three lower-case title words ("businessman Victor Lam", "activist investor Paul R.
    # DeMarco"), never a preposition or a participle ("speaking in Seoul", "in Seoul" are not
    # names); or a title phrase after "the" ("the UN special rapporteur Elena Marchetti")
    # ("the flagship newspaper of the Communist Party" describes; its last word is no title)
    r"\s*(?:the\s+(?:[A-Za-z][\w\-]*\s+){0,3}(?!(?:of|for|at|in|to|from|by|with|and|on|the|a|an)\s)"
    r"[a-z][\w\-]*(?<!ing)(?<!ed)\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž]\S*\s+[A-ZÀ-ÖØ-ÞĀ-Ž])|"
    r"(?:(?!(?:in|at|on|from|to|for|of|by|with|near|after|before|during|a|an|and|or|but|who|"
    r"which|that)\s)(?:"
    rf"(?:{_ED_TITLES})"
    r"|[a-z][\w\-]*(?<!ing)(?<!ed))\s+){1,3})?"
    # "Anneke de Vries": name particles between capitalised words
    # ("Nasser al-Otaibi", "Jean de la Croix": an Arabic article, particles one after another)
    rf"(?P<n>(?:{_NAME_WORD}\s+|(?:{_PARTICLE}\s+){{1,2}}(?=[{CAPS}])){{0,4}}{_NAME_WORD})\s*"
)


def _is_name(phrase: str) -> bool:
    """Every word capitalised ("Jane Doe", "Healthway"): a name, not a description."""
    words = phrase.split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0] not in _DET_WORDS


_DET_WORDS = frozenset(_DET.strip("(?:)").split("|"))


# "A state audit published in March found …": a document's participle modifier sits between
# the document and its verb.
_PUBLISHED = re.compile(
    # "Text messages reviewed by The Washington Post show …": a medium that saw it relays it
    r"(?P<doc>[\w’'\-]+)\s+(?:published|released|issued|conducted|commissioned|seen|reviewed|"
    r"obtained|viewed|carried|relayed|broadcast)"
    # "… published last week by the University of Texas": a "by" phrase may follow
    r"(?:\s+[\w’'\-]+){0,3}(?:\s+(?:by|through|via)(?:\s+[\w’'\-]+){1,5})?\s*\Z"
)


# Kind words of print media that end like adverbs: "The weekly quoted …", "The Gdańsk daily
# quoted …" name a paper, they do not modify the verb
_PERIODICALS = frozenset(wordlist("daily weekly fortnightly monthly quarterly"))


def _skip_adverbials(text: str, end: int, floor: int) -> int:
    """Move back over "also", "strongly", "on Friday" … between a speaker and its verb."""
    stop = end
    if (
        text.find("ed ", max(floor, end - 50), end) != -1
        or "carried out" in text[max(floor, end - 50) : end]
    ):
        m = _PUBLISHED.search(text, max(floor, end - 90), end)
        head = text[max(floor, m.start() - 40) : m.end("doc")].lower().split() if m else []
        # "a survey by the local university published last week": the document may head a
        # short post-modifier before the participle
        if m and _DOCUMENTS.intersection(w.strip(",") for w in head[-6:]):
            stop = m.end("doc")
    while True:
        while stop > floor and text[stop - 1].isspace():
            stop -= 1
        space = text.rfind(" ", floor, stop)
        word = text[space + 1 : stop]
        low = word.lower()
        if low in _ADVERBS or (
            word.islower() and len(word) > 4 and low.endswith("ly") and low not in _PERIODICALS
        ):
            stop = space + 1
            continue
        if _WEEKDAY_WORD.fullmatch(word):
            prev = text.rfind(" ", floor, max(floor, space))
            if text[prev + 1 : space].lower() in ("on", "this", "last"):
                stop = prev + 1
                continue
        return stop


def speaker_after(text: str, pos: int, limit: int) -> SpeakerHit | None:
    """Speaker and verb right after a closing quote mark at ``pos``."""
    m = AFTER_QUOTE.match(text, pos, min(limit, pos + 160))
    if not m:
        return None
    if m.group("s4") and _NOT_DESCRIPTION.intersection(m.group("s4").lower().split()[1:]):
        return None  # '"…" a day after Aldmere said': a time phrase, not a speaker
    if m.group("s2") and m.group("app") and not _is_name(m.group("s2")):
        # '"…," its chairman, Lars Engqvist, told …': the name in the apposition is the
        # speaker the description stands for
        named = _APPOSITIVE_NAME.fullmatch(text, m.start("app") + 1, m.end("app") - 1)
        if named and _is_name(named.group("n")) and " " in named.group("n"):
            verb = " ".join(m.group("v2").split()).lower()
            return SpeakerHit(named.start("n"), named.end("n"), named.group("n"), verb)
    return (
        _hit(m, "s1", "v1")
        or _hit(m, "s2", "v2")
        or _hit(m, "s3", "v3")
        or _hit(m, "s5", "v5")
        or _hit(m, "s4", "v4")
    )


_NOT_DESCRIPTION = frozenset(
    wordlist(
        "after before when as since while until in on at of for to from with by day week "
        "and or but"  # '"…" the activity and called on …': a clause, not a speaker
    )
)


def colon_speaker(text: str, start: int, colon: int) -> SpeakerHit | None:
    """'Ruiz was blunt: "We are broke."': the subject opening the sentence introduces a
    quote after a colon even without a speech verb."""
    m = _SUBJECT_AT.match(text, start, colon)
    if m is None:
        return None
    words = m.group("s").lower().split()
    if len(words) == 1 and words[0] in _OPENERS - _PRONOUN_WORDS:
        return None  # "The message was simple:" names no one
    return _trimmed(SpeakerHit(m.start("s"), m.end("s"), m.group("s"), None))


# '"…," TASS quoted him as saying.': the agency relays the person it quotes.
_QUOTED_AFTER = re.compile(
    rf"\s*(?:[,.!?]\s*)?(?P<r>{MEDIA}|{SPEAKER})\s+quoted\s+(?:{_LOWER_TITLE})?"
    rf"(?P<s>{SPEAKER}|him|her|them)\s+as\s+saying\b"
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def quoted_after(text: str, pos: int, limit: int) -> tuple[SpeakerHit, SpeakerHit] | None:
    """(relay, speaker) of '"…," IRNA quoted Karimzadeh as saying' right after a quote."""
    if text.find(" quoted ", pos, min(limit, pos + 120)) == -1:
        return None  # the common case, without a regex
    m = _QUOTED_AFTER.match(text, pos, min(limit, pos + 200))
    if m is None:
        return None
    name = m.group("s")
    name = _OBJECT_PRONOUNS.get(name, name)
    relay = _trimmed(SpeakerHit(m.start("r"), m.end("r"), m.group("r"), "quoted"))
    return relay, SpeakerHit(m.start("s"), m.end("s"), name, "quoted as saying")


def media_after_quote(text: str, pos: int, limit: int) -> SpeakerHit | None:
    """The medium a speaker told right after a quote ('"…," a resident told The AP.')."""
    m = AFTER_QUOTE.match(text, pos, min(limit, pos + 160))
    if m is not None and m.group("v5") and (m.group("qm") or m.group("qm2")):
        # '"…," the spokesman was quoted as saying by KCNA.'
        group = "qm" if m.group("qm") else "qm2"
        name = m.group(group)
        skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
        return SpeakerHit(m.start(group) + skip, m.end(group), name[skip:], "quoted")
    if m is None or (m.group("v2") or "").lower() not in _TELL:
        return None
    return told_after(text, m.end(), min(limit, m.end() + 80))


def speaker_before(text: str, pos: int, floor: int, verbs: list[Verb]) -> SpeakerHit | None:
    """Speaker and verb introducing a quote that opens at ``pos``."""
    lo = max(floor, pos - 200)
    if text.find("ccording to", lo, pos) != -1:
        m = _ACCORDING_BEFORE.search(text, lo, pos)
        if m:
            return _hit(m, "s", "v")
    for v_start, v_end, word in reversed(_verbs_in(verbs, lo, pos)):
        gap = _INTRO_GAP.match(text, v_end, pos)
        if gap and gap.end() == pos:
            return speaker_ending_at(text, v_start, floor, word)
        if word in ("quoted", "cited"):
            # 'The agency quoted the minister: "…"': the words are the minister's.
            m = _QUOTED_INTRO.match(text, v_end, pos)
            if m and m.end() == pos and speaker_ending_at(text, v_start, floor, word):
                return _hit(m, "inner", None)
        break
    return None


def leading_speaker(text: str, start: int, end: int, verbs: list[Verb]) -> SpeakerHit | None:
    """First speaker + speech verb inside a sentence span (for partial quotes)."""
    for v_start, _, word in _verbs_in(verbs, start, end):
        hit = speaker_ending_at(text, v_start, start, word)
        if hit:
            return hit
    return None


# "NBC's Meet the Press", "CNN's State of the Union": a medium and its programme
_MEDIUM_SHOW = (
    rf"(?:{MEDIA})(?:['’]s\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+(?:the\s+|of\s+|and\s+)?[A-Z0-9À-ÖØ-ÞĀ-Ž]"
    rf"[\w’'\-]*){{0,4}}"
    r"(?:\s+(?:programme|program|show))?)?"
)
_INTERVIEW = re.compile(
    r"(?:[Ii]n\s+an?\s+(?:[\w\-]+\s+){0,2}interview\s+(?:(?:on|last|this)\s+\w+\s+)?with|"
    # "Officials, who spoke to Reuters on condition of anonymity, said"
    r"(?:[Ss]peaking|[Tt]alking|spoke|talked)\s+(?:to|with)|"
    # "published on KCNA's website", "posted on the KCNA website"
    r"(?:published|posted|carried)\s+on(?=\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*(?:['’]s)?\s+website)"
    r"|"
    r"[Ii]n\s+comments\s+to|"
    # "said on Channel 4 News", "Speaking on national broadcaster RTE", "appearing on NBC's
    # Meet the Press": the medium that broadcast the words relays them
    # (a named one: "said on state television" names the channel, not a relay)
    r"(?:[Ss]peaking|[Aa]ppearing|[Tt]alking|said|says|spoke|appeared|added|told\s+viewers)"
    rf"\s+(?:live\s+)?on(?=\s)(?!\s+{_STATE_MEDIA}(?!\s+[A-ZÀ-ÖØ-ÞĀ-Ž]))|"
    # "said in SVT's Agenda": in a medium's programme
    rf"(?:said|says|spoke|appeared)\s+in(?=\s+(?:the\s+)?{MEDIA}['’]s\s)|"
    # "in a statement to AFP", "in an email to The Associated Press"
    # "in an emailed statement to Reuters"
    r"[Ii]n\s+(?:a|an)\s+(?:[\w\-]+\s+)?(?:statement|email|e-mail|response|reply)\s+to|"
    # "in an interview published on Sunday by Le Monde", "in remarks broadcast by state
    # television", "in comments carried by Xinhua"
    r"[Ii]n\s+(?:(?:a|an)\s+)?(?:[\w\-]+\s+)?(?:interview|remarks|comments|statement|article|"
    r"op-ed|letter|speech|address|message|communique|video)\s+(?:published|broadcast|aired|"
    r"carried|released|relayed|reported|quoted|cited|read(?:\s+out)?)"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?\s+(?:by|on|through|via))"
    # "in a message cited by SITE": initials the text does not spell out
    rf"\s+(?P<m>{_MEDIUM_SHOW}|[A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}(?![\w’'\-]))"
)
_INTERVIEW_WORDS = (
    "nterview",
    "peaking with",
    "alking to",
    "alking with",
    "website",
    "peaking to",
    "poke to",
    "poke with",
    "omments to",
    "tatement to",
    "mail to",
    "esponse to",
    "eply to",
    "remarks ",
    "published",
    "broadcast",
    "aired",
    "carried",
    "reported by",
    "quoted by",
    "cited by",
    " read ",
    "released",
    "peaking on",
    "ppearing on",
    "alking on",
    "said on",
    "says on",
    "spoke on",
    "appeared on",
    "added on",
    "viewers on",
    "said in",
    "says in",
    "spoke in",
)


_MEDIA_APPOSITION = re.compile(rf"\s*(?P<s>{MEDIA}),\s+(?:a|an|the)\s[^,;:\"“”]{{1,100}},\s*")
_MEDIA_ALONE = re.compile(rf"\s*(?:(?:But|And|Yet|So)\s+)?(?P<s>{MEDIA})\s*")
_CARRIER_ROLE = re.compile(
    r"(?<![\w’'\-])(?:statement|statements|report|circular|communique|communiqué|message|notice|"
    r"letter|video|remarks|comments|address|speech|bulletin|announcement|decree|note|interview)"
    r"\s*,?\s+(?:(?:read(?:\s+out)?|broadcast|aired|carried|published)\s+on|"
    r"(?:carried|relayed|broadcast|aired)\s+by|"
    r"(?:released|carried|published|relayed|distributed)\s+(?:through|via)|"
    r"(?:published|carried|printed)\s+in)"
    rf"\s+{ROLE_NAME}"
)

# "In an interview with Diario Libre, …", "speaking to Ekho Kavkaza", "said on Nova
# Televizija's Sunday debate show": whom a speaker gave an interview or spoke to, and whose
# programme they spoke on, is a medium when it is a name and not a person's (below)
_INTERVIEW_ROLE = re.compile(
    r"(?:(?:[Ii]n\s+an?\s+(?:[\w\-]+\s+){0,2}interview\s+(?:(?:on|last|this)\s+\w+\s+)?with|"
    r"[Ss]peaking\s+(?:to|with)|[Tt]alking\s+to|spoke\s+to|[Ii]n\s+comments\s+to|"
    r"[Cc]alling\s+in\s+to|"
    r"[Ii]n\s+(?:a|an)\s+(?:[\w\-]+\s+)?(?:statement|email|response|reply)\s+to|"
    r"[Ii]n\s+(?:remarks|comments)\s+to|"
    # "wrote in an op-ed for the daily O Estado", "in a column for Les Echos": the medium that
    # published the piece relays it
    r"[Ii]n\s+(?:a|an)\s+(?:[\w\-]+\s+)?(?:op-ed|opinion\s+piece|column|article|commentary|essay|"
    r"editorial|letter)\s+(?:for|in|published\s+(?:by|in))"
    r"(?:\s+(?:the\s+)?(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*(?=\s+[A-ZÀ-ÖØ-ÞĀ-Ž])|(?=\s+(?:the\s+)?[A-ZÀ"
    r"-ÖØ-ÞĀ-Ž])))"
    # ("Speaking to 4BC's breakfast program", "Calling in to 630 CHED's show": a call sign)
    rf"\s+(?:the\s+)?(?P<n>(?:[{CAPS}]|\d{{1,4}}(?=[ ]?[A-Z]{{2}}))[\w’'.\-]*"
    rf"(?:\s+(?:[{CAPS}0-9][\w’'.\-]*|"
    rf"(?:de|del|di|da|do|la|el|al|per|van|von)(?=\s+[{CAPS}]))){{0,4}})(?![’'\w])|"
    r"(?:said|says|saying|spoke|speaking|[Ss]peaking|appearing|[Aa]ppearing|appeared)\s+on\s+"
    r"(?:the\s+)?"
    rf"(?P<p>[{CAPS}][\w.\-]*(?:\s+[{CAPS}0-9][\w.\-]*){{0,3}})(?:['’]s|(?<=s)['’])\s+"
    r"(?:(?:[\w\-]+\s+){0,4}?(?:programme|program|show|debate|bulletin|podcast|broadcast|"
    r"newscast)\b|[\"“][A-ZÀ-ÖØ-ÞĀ-Ž]))"
)
_PERSON_TITLES = frozenset(
    wordlist(
        "mr mrs ms dr prof sir president minister prime secretary senator governor mayor "
        "sheriff chief judge general colonel captain councillor commissioner director professor "
        "king queen prince princess pope bishop imam rabbi sheikh ambassador chancellor premier "
        "deputy envoy rep sen gov gen col capt lt sgt"
    )
)


def _person_named(text: str, start: int, end: int) -> bool:
    """A title opens the name ("Prime Minister Ana Ruiz"), or its last word stands alone
    elsewhere in the text as a surname does ("… with Maria Lopez. Lopez said …")."""
    words = text[start:end].split()
    if any(w.lower().strip(".") in _PERSON_TITLES for w in words):
        return True
    if len(words) < 2:
        return False
    last = re.escape(words[-1])
    before = re.escape(words[-2])
    return any(
        not text[max(0, m.start() - len(words[-2]) - 1) : m.start()].startswith(words[-2])
        for m in re.finditer(rf"(?<![\w’'\-]){last}(?![\w’'\-])", text)
        if not (start <= m.start() < end) and not re.search(rf"{before}\s+\Z", text[: m.start()])
    )


def role_medium(m: re.Match[str]) -> SpeakerHit | None:
    """The medium named in group ``n`` of a ``ROLE_NAME`` match, unless the name is a date,
    a platform or a pronoun ("released on Monday", "posted on Telegram")."""
    name = m.group("n")
    if name.endswith(".") and not _INITIALS_END.search(name):
        name = name[:-1]
    words = name.lower().split()
    if not words or words[0] in _NOT_MEDIUM_NAME or len(name) < 2:
        return None
    return SpeakerHit(m.start("n"), m.start("n") + len(name), name, "carried by")


_SEEN_BY = re.compile(
    r"(?<![\w’'\-])(?:memo|memos|memorandum|letter|letters|email|e-mail|emails|document|documents|"
    r"draft|transcript|recording|messages|minutes|note|report|filing|records|copy|plan|"
    r"presentation|proposal|contract|agreement|cable|notice|assessment|audit)"
    r"(?:\s+[\w’'\-]+){0,5}?\s+(?:seen|reviewed|obtained|viewed)\s+by\s+"
    rf"(?P<m>{MEDIA})"
)


# "South Korean", "Japanese and South Korean", "U.S.-South Korean": nation words alone, which
# name no medium ("relayed by South Korean media" is relayed by the media)
_NATION_WORD = rf"(?:(?:North|South|East|West|Sri|New)\s+)?{DEMONYM}|U\.S\.|US|American"
NATION_WORDS = re.compile(
    rf"(?:{_NATION_WORD})(?:(?:\s+and\s+|\s*[-–/]\s*|,\s+)(?:{_NATION_WORD}))*"
)
_MEDIA_NOUN_AFTER = re.compile(
    r"\s+(?:(?:state|state-run|official|public|private|local|national)\s+)?(?:media|press|"
    r"outlets|television|TV|radio|newspapers|papers|broadcasters|news\s+agencies|news\s+outlets)"
    r"(?![\w\-])"
)

_NAME_FOLLOWS = re.compile(r"(?:\s+[a-z]+){0,2}\s+[A-ZÀ-ÖØ-ÞĀ-Ž0-9]")
_NAME_AFTER_KIND = re.compile(
    r"(?:\s+(?:television|TV|radio|news|channel|station|broadcaster|network|agency|daily|"
    r"newspaper|paper|weekly|outlet|website|portal|service)){1,3}"
    r"\s+(?P<n>[A-ZÀ-ÖØ-ÞĀ-Ž0-9][\w’'.+&\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&\-]*){0,3})"
)
_NATION_MEDIA = re.compile(rf"(?:{NATION_WORDS.pattern}){_MEDIA_NOUN_AFTER.pattern}")


def relay_sources(text: str, start: int, end: int, verbs: list[Verb]) -> list[SpeakerHit]:
    """Relaying sources named in a sentence, outermost first ("according to TASS", "citing
    KCNA", "KCNA quoted the ministry as saying")."""
    out = []
    for hit in _relay_sources(text, start, end, verbs):
        if (
            NATION_WORDS.fullmatch(hit.text)
            and (noun := _MEDIA_NOUN_AFTER.match(text, hit.end, end))
            # (not "the Ukrainian television channel 1+1": its name follows)
            and not _NAME_FOLLOWS.match(text, noun.end(), end)
        ):
            # "relayed by South Korean media": the nation word with the media noun after it
            # is the link ("the Flemish broadcaster VRT" is read whole later, by speaker_context)
            hit = SpeakerHit(hit.start, noun.end(), text[hit.start : noun.end()], hit.verb)
        elif (NATION_WORDS.fullmatch(hit.text) or _NATION_MEDIA.fullmatch(hit.text)) and (
            named := _NAME_AFTER_KIND.match(text, hit.end, end)
        ):
            # "aired by Saudi television channel Al Arabiya": the name after the kind
            name = named.group("n").rstrip(".,")
            hit = SpeakerHit(named.start("n"), named.start("n") + len(name), name, hit.verb)
        out.append(hit)
    return out


def _relay_sources(text: str, start: int, end: int, verbs: list[Verb]) -> list[SpeakerHit]:
    out: list[SpeakerHit] = []
    if text.find("ed by ", start, end) != -1 or text.find("seen by ", start, end) != -1:
        # "according to an internal memo seen by the Financial Times", "In a letter obtained
        # by Sky News, …": the medium that saw the document relays what it says
        for m in _SEEN_BY.finditer(text, start, end):
            name = m.group("m")
            skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
            out.append(SpeakerHit(m.start("m") + skip, m.end("m"), name[skip:], "seen by"))
    if any(text.find(w, start, end) != -1 for w in _INTERVIEW_WORDS):
        # "said in an interview with CNBC", "Speaking to BBC Sport, …": the medium relays
        for m in _INTERVIEW.finditer(text, start, end):
            name = m.group("m")
            skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
            # "Appearing on TV Tokyo's evening programme": the medium without its possessive
            cut = 2 if name.endswith(("'s", "’s")) else 0
            name = name[skip : len(name) - cut]
            out.append(SpeakerHit(m.start("m") + skip, m.end("m") - cut, name, "told"))
    out += _carriers_by_role(text, start, end, out)
    if _RELAY_TOKENS.isdisjoint([w for _, _, w in _verbs_in(verbs, start, end)]) and (
        text.find("released ", start, end) == -1
    ):
        return out  # no relaying word in the sentence: skip the regexes entirely
    hint = _RELAY_HINT.search(text, start, end)
    if hint is None:
        return out
    if hint.group("acc") or _RELAY_ACC.search(text, hint.start(), end):
        acc = [
            h
            for m in ACCORDING.finditer(text, start, end)
            if (h := _hit(m, "s", "v"))
            # only a medium or a name carries, publishes or releases words: "the photographs
            # released by the Aldmeran side" relay nothing ("carried by VCNA" does)
            and (
                h.verb not in _CARRIED
                or h.verb in _QUOTED_OR_CITED_BY
                or not _DETERMINED.match(h.text)
                or _MEDIA_RE.search(h.text)
            )
        ]
        for k in range(1, len(acc)):
            # "according to a ministry statement carried by IRNA": the carrier is outer.
            if acc[k].verb in _CARRIED and acc[k].start - acc[k - 1].end < 30:
                acc[k - 1], acc[k] = acc[k], acc[k - 1]
        # "according to a statement carried by KCNA": a bare "a statement" names no one; the
        # statement's author is the sentence's speaker
        out += [
            h
            for h in acc
            if not _BARE_DOCUMENT.fullmatch(h.text)
            # "The Global Times, a tabloid published by the People's Daily, quoted …": who
            # publishes the medium relays nothing
            and not (
                h.verb in _CARRIED and _OWNED_MEDIUM.search(text, max(start, h.start - 60), h.start)
            )
        ]
    if _RELAY_AS.search(text, start, end):
        for q in _QUOTED_VERB.finditer(text, start, end):
            rest = _QUOTED_AS_REST.match(text, q.end(), end) or _QUOTED_AS_LOOSE.match(
                text, q.end(), end
            )
            if rest is not None and rest.re is _QUOTED_AS_LOOSE:
                named = _APPOSED_NAME.search(rest.group("inner"))
                if named is not None:
                    base = rest.start("inner")
                    rest = _Span(base + named.start("n"), base + named.end("n"), text)
            outer = speaker_ending_at(text, q.start(), start, "quoted") if rest else None
            if rest and outer is None:
                # "The Global Times, a tabloid published by …, cited X as saying": the
                # medium before its apposition
                # "Public broadcaster NHK quoted …": a medium named by its kind
                media = _MEDIA_APPOSITION.fullmatch(text, start, q.start()) or (
                    _MEDIA_ALONE.fullmatch(text, start, q.start())
                )
                if media:
                    outer = SpeakerHit(media.start("s"), media.end("s"), media.group("s"), None)
            if rest and outer:
                out.append(outer)
                out.append(
                    SpeakerHit(
                        rest.start("inner"),
                        rest.end("inner"),
                        rest.group("inner"),
                        "quoted as saying",
                    )
                )
                telling = _AS_TELLING.match(text, rest.end("inner"), end)
                told = told_media(_TOLD_OBJECT.match(text, telling.end(), end)) if telling else None
                if told is not None:
                    # ("quoted X as telling Japanese broadcaster NHK that …": NHK had the words)
                    out.insert(len(out) - 1, told)
    if any(
        text.find(w, start, end) != -1
        for w in ("citing", "quoting", "cited", "quoted", "Citing", "Quoting", "elaying ")
    ):
        cited_at = {m.start() for m in CITING.finditer(text, start, end)}
        loose = [
            m
            for m in _CITED_PHRASE.finditer(text, start, end)
            if m.start() not in cited_at and _cited_source(m.group("s"))
        ]
        given = list(_GIVEN_TO.finditer(text, start, end))
        for m in sorted(
            [
                *CITING.finditer(text, start, end),
                *loose,
                *given,
            ],
            key=lambda m: m.start(),
        ):
            if m.re is not _GIVEN_TO and any(g.start() <= m.start() < g.end() for g in given):
                continue  # read whole below: "citing an interview the premier gave to …"
            if text[max(start, m.start() - 8) : m.start()].rstrip().endswith("without"):
                continue  # "…, without citing a source": no one is cited
            # the relay is the subject of the speech verb right before "citing" ("…, the
            # ministry denounced X, TASS reported, citing KCNA": TASS, not the ministry)
            subj = next(
                (
                    h
                    for v_start, _, w in reversed(_verbs_in(verbs, start, m.start()))
                    if (h := speaker_ending_at(text, v_start, start, w)) is not None
                ),
                None,
            )
            if subj is None and (media := _MEDIA_SUBJECT.fullmatch(text, start, m.start())):
                # "Xinhua, citing a command spokesman, said …": the agency relays the source.
                subj = SpeakerHit(media.start("s"), media.end("s"), media.group("s"), None)
            if subj:
                out.append(subj)
            carrier = _CARRIED_AFTER.match(text, m.end(), end) if m.re is not _GIVEN_TO else None
            if m.re is _GIVEN_TO:
                # the medium the interview was given to stands between the citing medium and
                # the one who gave it
                g = "m" if m.group("m") else "m2"
                name = m.group(g)
                skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
                out.append(SpeakerHit(m.start(g) + skip, m.end(g), name[skip:], "carried by"))
            elif carrier:
                name = carrier.group("m")
                skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
                out.append(
                    SpeakerHit(
                        carrier.start("m") + skip, carrier.end("m"), name[skip:], "carried by"
                    )
                )
            h = _hit(m, "s", "v")
            if h is not None and m.re is _GIVEN_TO and h.text.endswith(","):
                h = SpeakerHit(h.start, h.end - 1, h.text[:-1], h.verb)  # its apposition's comma
            if h is not None and m.re is _GIVEN_TO and h.text.lower() in _PRONOUN_WORDS:
                h = None  # "citing remarks he made on KBS": the sentence's subject is "he"
            if h is not None and h.verb == "relaying":
                h = SpeakerHit(h.start, h.end, h.text, "citing")  # as "citing" reads it
            if h is not None and m.group("v")[:1] in "CQR":
                # "Citing a source in the presidency, Tass said": the source cited opening the
                # sentence ends at its comma; the name after it is the subject
                cut = h.text.find(", ")
                cut = len(h.text) if cut == -1 else cut
                h = SpeakerHit(h.start, h.start + cut, h.text[:cut], _OPENING_CITE)
            if h:
                out.append(h)
    return _dedupe(out)


_ROLE_WORDS = (" on ", " by ", " through ", " via ", " in ", " to ", " with ", " for ")


def _carriers_by_role(text: str, start: int, end: int, found: list[SpeakerHit]) -> list[SpeakerHit]:
    """Media a statement was read out on, carried by, published in or released through,
    whatever their name (``_CARRIER_ROLE``), unless another rule already named them."""
    if not any(text.find(w, start, end) != -1 for w in _ROLE_WORDS):
        return []
    out = []
    for m in _CARRIER_ROLE.finditer(text, start, end):
        hit = role_medium(m)
        if hit is not None and not any(h.start < hit.end and hit.start < h.end for h in found):
            out.append(hit)
    for m in _INTERVIEW_ROLE.finditer(text, start, end):
        group = "n" if m.group("n") else "p"
        name = m.group(group).rstrip(".")
        a, b = m.start(group), m.start(group) + len(name)
        if len(name) < 2 or name.lower().split()[0] in _NOT_MEDIUM_NAME:
            continue
        if name.split()[-1] in _BODY_HEADS:
            continue  # "in a statement to the Australian Securities Exchange": a filing
        if _person_named(text, a, b):
            continue
        if not any(h.start < b and a < h.end for h in (*found, *out)):
            out.append(SpeakerHit(a, b, name, "told"))
    return out


# The last word of a body that hears statements and is no medium
_BODY_HEADS = frozenset(
    wordlist(
        "Exchange Commission Court Parliament House Senate Assembly Council Committee Ministry "
        "Board Regulator Authority Tribunal Congress"
    )
)
_OPENING_CITE = "citing first"  # the verb of a source cited at the start of its sentence


def _dedupe(hits: list[SpeakerHit]) -> list[SpeakerHit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        key = h.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def reported_in_sentence(text: str, start: int, end: int, verbs: list[Verb]) -> Reported | None:
    """Reported speech in one sentence, e.g. 'The ministry said (that) …', '…, KCNA said.',
    'According to TASS, …'. Returns the attributed clause span."""
    in_sentence = _verbs_in(verbs, start, end)
    if not in_sentence:
        # a speech act is marked only as a relayed one ("X, speaking to Y TV, called on …"):
        # unrelayed, gold conventions differ on whether it is reported speech
        act = act_clause(text, start, end)
        relays = relay_sources(text, start, end, verbs) if act is not None else []
        if act is None or not relays:
            return None
        tail = _RELAY_PHRASE_END.search(text, act[1], end)
        return _reported(act[1], tail.start() if tail else end, act[0], relays)
    if text.find(" quoted by ", start, end) != -1 or text.find(" cited by ", start, end) != -1:
        # "Kim was quoted by KCNA as saying (that) …": the medium relays the subject
        m = _QUOTED_BY.search(text, start, end)
        if m is not None and end - m.end() >= 12 and not _ONLY_WHEN.fullmatch(text, m.end(), end):
            # (with nothing after "as saying", the tag closes the clause: read below)
            speaker = _trimmed(SpeakerHit(m.start("s"), m.end("s"), m.group("s"), "quoted"))
            medium = _trimmed(SpeakerHit(m.start("m"), m.end("m"), m.group("m"), "quoted"))
            if m.group("acr"):
                medium = SpeakerHit(m.start("acr"), m.end("acr"), m.group("acr"), "quoted")
            chain = [medium, speaker]
            if m.group("m2"):
                chain.insert(0, SpeakerHit(m.start("m2"), m.end("m2"), m.group("m2"), "cited"))
            return _reported(m.end(), end, speaker, chain)
    if text.find(" by ", start, end) != -1 and any(
        text.find(w, start, end) != -1 for w in _BETWEEN_WORDS
    ):
        m = _QUOTED_BY_BETWEEN.search(text, start, end)
        if m is not None:
            speaker = _trimmed(SpeakerHit(m.start("s"), m.end("s"), m.group("s"), "said"))
            medium = _trimmed(SpeakerHit(m.start("m"), m.end("m"), m.group("m"), "quoted"))
            return _reported(m.end(), end, speaker, [medium, speaker])
    if text.find(" saying ", start, end) != -1 or text.find(" said ", start, end) != -1:
        m = _CARRIED_SAYING.match(text, start, end)
        if m is not None:
            speaker = _trimmed(SpeakerHit(m.start("s"), m.end("s"), m.group("s"), "said"))
            medium = _trimmed(SpeakerHit(m.start("m"), m.end("m"), m.group("m"), "carried"))
            return _reported(m.end(), end, speaker, [medium, speaker])
    relays = relay_sources(text, start, end, verbs)
    said = _AS_SAYING.search(text, start, end) if relays else None
    if said and not _ONLY_WHEN.fullmatch(text, said.end(), end):
        # "Anadolu, citing SANA, quoted the ministry as saying that …": whoever is quoted as
        # saying is the innermost source, whatever order the relays were read in
        inner = [h for h in relays if h.verb == "quoted as saying"]
        if inner:
            relays = [h for h in relays if h is not inner[-1]] + [inner[-1]]
        clause_end = end
        comma = text.rfind(",", said.end(), end)
        tail = _REPORTED_TAIL.match(text, comma, end) if comma - said.end() >= 12 else None
        outer = tail and (_hit(tail, "s1", "v1") or _hit(tail, "s3", "v3"))
        if outer and (tail.group("v3") or _is_media_hit(outer)):  # type: ignore[union-attr]
            # "KCNA quoted the ministry as saying …, Xinhua reported.": the agency that took
            # the words from KCNA closes the clause and is the outermost link
            clause_end = comma
            if not any(h.text.lower() == outer.text.lower() for h in relays):
                relays = [outer, *relays]
        elif outer and _DETERMINED.match(outer.text) and _MEDIA_WORDS.search(outer.text):
            # "Anadolu quoted the minister as saying …, the agency said.": the quoting
            # medium again, by its kind; it closes the clause and adds no link
            clause_end = comma
        return _reported(said.end(), clause_end, relays[-1], relays)
    # "…, IRNA quoted the minister as saying on Monday.": only a date follows; the tag
    # closes the sentence and the clause is before it
    m = _ACCORDING_LEAD.match(text, start, end)
    if m:
        w = _WHICH_CITED.match(text, m.end(), end) if m.group("cited") is None else None
        source = _hit(m, "s", "v")
        if (
            w is not None
            and source is not None
            and not _is_media_hit(SpeakerHit(w.start("c"), w.end("c"), w.group("c"), None))
        ):
            # "According to Kommersant, which cited a source in diplomatic circles, …": the
            # cited source speaks, the medium relays it ("which cited TASS" is read above)
            cited = SpeakerHit(w.start("c"), w.end("c"), w.group("c"), "citing")
            return _reported(w.end(), end, cited, [source, cited])
        inner = _lead(text, m.end(), end, verbs)
        if inner:
            chain = _with_media(relays, inner[2])
            cited = _hit(m, "cited", None)
            if (
                cited is not None
                and (_is_media_hit(cited) or _MEDIA_WORDS.search(cited.text))
                and not any(h.start == cited.start for h in chain)
            ):
                # "According to AFP, citing the Sudan Tribune news site, the governor said …":
                # the medium AFP cites carried the governor's words; it stands inside AFP
                k = next((i for i, h in enumerate(chain) if h.start > cited.start), len(chain))
                chain = [*chain[:k], cited, *chain[k:]]
            return _reported(inner[1], end, inner[0], chain)
        who = _who_said(text, m.end(), end)
        if who is not None:
            # "According to Sudan TV, the delegation is headed by General X, who said …": the
            # medium carries the words of the person the relative clause is about
            return _reported(who[1], end, who[0], relays)
        return _reported(m.end(), end, _hit(m, "s", "v"), relays)  # type: ignore[arg-type]
    if all(w == "according" for _, _, w in in_sentence):
        # "The army, according to a report by Xinhua, has moved two brigades …": the source
        # between the subject and its verb holds the whole sentence
        m = _ACCORDING_MID.search(text, start, end)
        if m is not None and (hit := _hit(m, "s", "v")) is not None:
            if start < 120:
                start = max(start, clause_start(text))
            return _reported(start, end, hit, relays)
    comma = text.rfind(",", start, end)
    # The trailing "…, KCNA said." form needs a speech verb after the last comma.
    if (
        comma != -1
        and text[comma + 1 : comma + 3] in (" c", " q", " w")
        and _CITING_TAIL.match(text, comma, end)
    ):
        # "…, OTA reported, citing the ministry.": the attribution starts one comma earlier.
        comma = text.rfind(",", start, comma)
    before = [v for v in in_sentence if v[0] < comma] if comma != -1 else []
    if before and _AFTERTHOUGHT_END.match(text, comma, end) is not None:
        # "…, the agency said in a statement, adding that …": the tag is before the
        # afterthought's comma ("…, a poll found, though most also said …": whatever
        # verbs the afterthought holds)
        comma = text.rfind(",", start, before[-1][0])
    elif (
        before
        and all(w == "according" for _, _, w in in_sentence)
        and _WHICH_END.match(text, comma, end) is not None
    ):
        # "…, according to weather service Météo-France, which lifted its alert.": what the
        # source did next closes the sentence; the tag is the "according to" before it
        comma = text.rfind(",", start, before[-1][0])
    if comma != -1 and in_sentence[-1][0] > comma:
        m = _REPORTED_TAIL.match(text, comma, end)
        if m is None or m.group("v3") or (m.group("v2") or "").lower() in _TELL:
            # ", a spokesperson for the ministry, Gao Lihua, told …" and ", the emails show,
            # according to Reuters.": the tag starts one comma earlier
            # (", told the newspaper El Sur": whom the speaker told, never the speaker)
            # (", Title, Jane Doe, said on Monday, according to NAN.": two commas earlier)
            earlier = comma
            for step in range(2):
                earlier = text.rfind(",", start, earlier)
                if earlier == -1:
                    break
                m_earlier = _REPORTED_TAIL.match(text, earlier, end)
                if (
                    m_earlier
                    # "…, KCNA quoted a spokesman as saying, according to Yonhap."
                    and (m is None or m_earlier.group("s1") or m_earlier.group("s6"))
                    # (two commas back, only a name before a tag ending "according to …")
                    and (
                        step == 0
                        or (m is not None and m.group("v3") and _is_name(m_earlier["s1"] or ""))
                    )
                    # "…, Liu Jian, told a briefing in Beijing that …" opens a clause
                    and " that "
                    not in text[
                        m_earlier.end("v1") if m_earlier.group("v1") else earlier : _aft_start(
                            m_earlier, end
                        )
                    ]
                ):
                    m = m_earlier
                    break
        if (
            m is not None
            and m.group("v1")
            and m.start() - start <= 40
            and text.find(" that ", m.end("v1"), _aft_start(m, end)) != -1
        ):
            # "In Washington, spokesman X said in a statement that …": a short opening phrase
            # and a tag going on with "that" introduce the clause; they do not close one
            m = None
        if (
            m is not None
            and m.group("tobj")
            and m.group("tobj")[:1].islower()
            and m.group("v1").lower() not in _TELL
        ):
            # ", Tesfaye Alemu, said listeners in the north had …": an audience follows only
            # "told"; after "said" the words are the clause, and the tag opens it
            m = None
        if (
            m is not None
            and m.group("s2")
            and _COUNTED.match(m.group("s2"))
            and m.end() - m.end("s2") > 2
        ):
            # "…, said more than 300 families in Okun Ajah had received nothing": after the
            # verb, a counted noun with words after it opens the clause said; it is no
            # inverted speaker ("…, said more than a dozen workers." is one)
            m = None
        if (
            m is not None
            and m.group("v2")
            and text.find(" that ", m.end("v2") - 1, _aft_start(m, end)) != -1
        ):
            # "…, reported that Lenz had told party leaders at a dinner that …": a verb
            # going on with "that" opens a clause; it does not close the one before it
            m = None
        if m is not None and (m.group("v2") or "").lower() in _TELL:
            # "…, told Reuters in an interview that …": what follows "told" is whom the
            # speaker told, never the speaker ("said the minister" is; "told the minister" not)
            m = None
        if m and m.start() - start > 12:
            hit = _hit(m, "s1", "v1") or _hit(m, "s2", "v2") or _hit(m, "s3", "v3")
            for s_group, m_group in (("s5", "m5"), ("s6", "m6")):
                if m.group(s_group):
                    # "X was quoted as saying by TASS", "SUNA quoted spokesman X as saying"
                    hit = _hit(m, s_group, None)
                    if hit is not None and hit.text in _OBJECT_PRONOUNS:
                        hit = SpeakerHit(hit.start, hit.end, _OBJECT_PRONOUNS[hit.text], None)
                    relays = _with_media(relays, _hit(m, m_group, None))
            # "…, the police said, according to the service.": a medium named before, by its
            # kind (speaker_context names it)
            by_kind = bool(
                m.group("v3")
                and hit is not None
                and _SECOND_MENTION_MEDIUM.fullmatch(hit.text) is not None
            )
            inner = (
                _inner_tag(text, start, m.start(), by_kind=by_kind)
                if by_kind or _is_media_hit(hit)
                else None
            )
            if inner is not None:
                # "…, Premier Ri told a conference, Xinhua reported, citing KCNA.": the tag
                # before the agency's names the speaker; the agencies relay it
                if start < 120:
                    start = max(start, clause_start(text))
                clause_end, speaker = inner
                chain = [r for r in relays if r.text.lower() != speaker.text.lower()]
                if not any(r.text.lower() == hit.text.lower() for r in chain):  # type: ignore[union-attr]
                    chain.insert(0, hit)  # type: ignore[arg-type]
                verb = speaker.verb or ""
                told = (
                    told_after(text, text.index(verb, speaker.end) + len(verb), m.start())
                    if verb.lower() == "told"
                    else None
                )
                if told is not None and not any(r.text.lower() == told.text.lower() for r in chain):
                    # "…, Governor X told the public broadcaster Suspilne, the Kyiv Independent
                    # reported": the medium told stands inside the one that reported it
                    chain.append(told)
                if clause_end - start >= 12:
                    return Reported(start, clause_end, speaker, (*chain, speaker))
            medium = (
                hit is not None
                and (
                    _is_media_hit(hit)
                    # "Oskarn's state news agency OTA", "the Kapital daily": a kind phrase
                    # and a name
                    or _kind_and_name(hit.text)
                    # "…, news portal Telex reported": the kind read as a lower-case title
                    or _MEDIA_RE.fullmatch(text[m.start() : hit.end].lstrip(", ")) is not None
                    # "…, according to South Korean media": media named by their nation
                    or _NATION_MEDIA.fullmatch(hit.text) is not None
                    # "…, Dagens Naeringsliv reported": a name reporting what a speaker said
                    # is a medium by its role, known or not (unless a person's name)
                    or (
                        hit.verb in ("reported", "reports", "according to")
                        and _is_name(hit.text)
                        and not _person_named(text, hit.start, hit.end)
                    )
                )
            )
            # (not when the medium cites a source of its own: "…, TASS reported, citing KCNA")
            cites = any(r.verb in _CITE_VERBS for r in relays)
            lead = _lead(text, start, m.start(), verbs) if medium and not cites else None
            act = (
                act_clause(text, start, m.start(), relayed=True)
                if medium and lead is None and m.start() - start > 12
                else None
            )
            if medium and not cites and lead is None and act is None:
                joined = _subject_and_said(text, start, m.start())
                if joined is not None and m.start() - joined[1] >= 12:
                    # "Premier Li met the minister on Thursday and said China was willing …,
                    # according to Xinhua": the sentence's subject said it, the medium relays
                    chain = [r for r in relays if r.text.lower() != joined[0].text.lower()]
                    if not any(r.text.lower() == hit.text.lower() for r in chain):  # type: ignore[union-attr]
                        chain.insert(0, hit)  # type: ignore[arg-type]
                    return _reported(joined[1], m.start(), joined[0], chain)
            if act is not None and not _is_media_hit(act[0]) and m.start() - act[1] >= 12:
                # "Prosecutor X declined to comment …, according to Expressen", "The embassy
                # called the expulsion a provocation, Czech Radio reported, citing Interfax":
                # the medium (and whom it cites) relays the subject's speech act
                if m.group("acr"):
                    hit = SpeakerHit(m.start("acr"), m.end("acr"), m.group("acr"), hit.verb)  # type: ignore[union-attr]
                chain = [r for r in relays if r.text.lower() != act[0].text.lower()]
                if not any(r.text.lower() == hit.text.lower() for r in chain):  # type: ignore[union-attr]
                    chain.insert(0, hit)  # type: ignore[arg-type]
                return Reported(act[1], m.start(), act[0], (*chain, act[0]))
            if lead is not None and not _is_media_hit(lead[0]) and m.start() - lead[1] >= 12:
                # "The Tisza party said the plan was …, news portal Telex reported.": the
                # medium relays the speaker opening the clause
                if m.group("acr"):  # "the Vietnam News Agency (VNA)": its short form
                    hit = SpeakerHit(m.start("acr"), m.end("acr"), m.group("acr"), hit.verb)  # type: ignore[union-attr]
                chain = [r for r in relays if r.text.lower() != lead[0].text.lower()]
                if not any(r.text.lower() == hit.text.lower() for r in chain):  # type: ignore[union-attr]
                    chain.insert(0, hit)  # type: ignore[arg-type]
                if lead[2] is not None and not any(
                    r.text.lower() == lead[2].text.lower() for r in chain
                ):
                    # "A spokesman told KCNA that …, TASS reported": the medium told is inside
                    chain.append(lead[2])
                return _reported(lead[1], m.start(), lead[0], chain)
            if hit is not None and not _can_say(hit, hit.verb):
                return None
            if hit is not None and _BARE_DOCUMENT.fullmatch(hit.text):
                # "The ministry said X, according to a statement carried by KCNA": the
                # statement is the ministry's; its carrier is the relay
                lead = _lead(text, start, m.start(), verbs)
                if lead:
                    return _reported(lead[1], m.start(), lead[0], _with_media(relays, lead[2]))
            if m.group("acr"):
                hit = SpeakerHit(m.start("acr"), m.end("acr"), m.group("acr"), hit.verb)  # type: ignore[union-attr]
            if start < 120:
                start = max(start, clause_start(text))
            if m.group("tobj"):
                relays = _with_media(relays, told_after(text, m.end("v1"), end))
            stop = m.start()
            if m.group("s1") and _is_name(m.group("s1")):
                # "…, the head of the water board, Aguas, Ana Ruiz, said": the title the name
                # stands for is part of the tag, not of what was said
                stop = _title_apposition_start(text, start, stop)
            return _reported(start, stop, hit, relays)  # type: ignore[arg-type]
    if comma != -1 and comma - start > 12:
        tag = _closing_tag(text, comma, end, in_sentence)
        if tag is not None:
            hit, told = tag
            found = _reported(
                max(start, clause_start(text)) if start < 120 else start,
                comma,
                hit,
                _with_media(relays, told),
            )
            if found is not None:
                return found
    lead = _lead(text, start, end, verbs)
    if lead:
        # "…, in comments reported by Interfax.": the relay phrase closing the sentence is
        # not part of what was said
        # (", without citing a source", ", without giving details": the outlet's narration)
        tail = _RELAY_PHRASE_END.search(text, lead[1], end) or _WITHOUT.search(text, lead[1], end)
        stop = tail.start() if tail else end
        return _reported(lead[1], stop, lead[0], _with_media(relays, lead[2]))
    found = _mid_tag(text, start, end, in_sentence, relays)
    if found is None and relays and (act := act_clause(text, start, end)) is not None:
        tail = _RELAY_PHRASE_END.search(text, act[1], end)
        return _reported(act[1], tail.start() if tail else end, act[0], relays)
    if found is None and (subject := _subject_lead(text, start, end, in_sentence)) is not None:
        hit, clause, told = subject
        tail = _RELAY_PHRASE_END.search(text, clause, end) or _WITHOUT.search(text, clause, end)
        stop = tail.start() if tail else end
        # (", without citing a source" cites no one)
        relays = [r for r in relays if r.start < stop]
        return _reported(clause, stop, hit, _with_media(relays, told))
    if found is None:
        found = _coordinated_lead(text, start, end, in_sentence, verbs, relays)
    if found is None and (who := _who_said(text, start, end)) is not None:
        # "Among them was retired teacher Mary Lund, who said …": the relative clause's
        # person says the words
        found = _reported(who[1], end, who[0], relays)
    return found


# "… and said (that)": a second verb of saying whose subject opens the sentence
_AND_SAID = re.compile(
    r"\s+and\s+(?:also\s+|later\s+)?(?P<v>said|says|added|warned|stressed|insisted)\s+"
    r"(?:that\s+)?(?=\S)"
)


_NEXT_WORD = re.compile(r"\s(?=([\w\-]+))")
_PAST_VERBS = frozenset(
    wordlist(
        "met held spoke took made gave went came saw sent led won lost hit left began ran set "
        "put paid sold bought brought kept told wrote became"
    )
)


def _subject_and_said(text: str, start: int, end: int) -> tuple[SpeakerHit, int] | None:
    """(speaker, where the words said begin) of "<subject> met … and said …" in
    ``text[start:end]``: the subject opening the sentence before its first verb."""
    joined = _AND_SAID.search(text, start, end)
    if joined is None or joined.start() - start > 200:
        return None
    # the sentence's first verb: a past tense after the subject ("met", "visited", "held")
    first = next(
        (
            w
            for w in _NEXT_WORD.finditer(text, start, joined.start())
            if w.group(1).islower() and (w.group(1).endswith("ed") or w.group(1) in _PAST_VERBS)
        ),
        None,
    )
    if first is None:
        return None
    subject = speaker_ending_at(text, first.start(), start, joined.group("v"))
    if subject is None or subject.start - start > 4 or _is_media_hit(subject):
        return None
    if subject.text.lower() in _PRONOUN_WORDS:
        return None
    return subject, joined.end()


# ", who said …", ", who told the channel that …": a relative clause of saying after a name
_WHO_SAID = re.compile(
    r",\s+who\s+(?:also\s+|later\s+)?(?P<v>said|says|added|warned|stressed|insisted|told)\s+"
    rf"(?:(?P<tobj>{_TOLD_WHOM}|the\s+(?:[\w\-]+\s+){{0,2}}?(?:channel|station|broadcaster|agency|"
    r"paper|newspaper|daily))\s+)?(?P<that>that\s+)?"
)


def _who_said(text: str, start: int, end: int) -> tuple[SpeakerHit, int] | None:
    """The named person a ", who said …" clause is about and where the words said begin."""
    m = _WHO_SAID.search(text, start, end)
    if m is None or (m.group("v") == "told") != bool(m.group("tobj")):
        return None
    if m.group("v") != "said" and m.group("v") != "says" and not m.group("that"):
        return None
    # the name closing the phrase before the comma, with the capitalised title before it
    stop = m.start()
    for w in _WORD_START.finditer(text, max(start, stop - _SPEAKER_REACH), stop):
        if w.group()[:1].isupper() and _PROPER_FULL.fullmatch(text, w.start(), stop):
            name = text[w.start() : stop]
            if len(name.split()) >= 2 and _is_name(name.split(" ", 1)[1]):
                return SpeakerHit(w.start(), stop, name, m.group("v")), m.end()
            return None
    return None


_PROPER_FULL = re.compile(_PROPER)


# "…, and the city's water utility said on Thursday that …": a second main clause whose
# subject opens after the conjunction
_AND_THEN = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=\S)")


def _coordinated_lead(
    text: str, start: int, end: int, in_sentence: list[Verb], verbs: list[Verb], relays
) -> Reported | None:
    verb = next((v for v in in_sentence if v[2] not in _NOT_LEAD), None)
    if verb is None:
        return None
    joins = list(_AND_THEN.finditer(text, start, verb[0]))
    if not joins or verb[0] - joins[-1].end() > _SPEAKER_REACH:
        return None
    at = joins[-1].end()
    lead = _lead(text, at, end, verbs)
    if lead is None or lead[0].start != at:
        return None  # the subject opens the second clause
    tail = _RELAY_PHRASE_END.search(text, lead[1], end) or _WITHOUT.search(text, lead[1], end)
    stop = tail.start() if tail else end
    return _reported(
        lead[1], stop, lead[0], _with_media([r for r in relays if r.start >= at], lead[2])
    )


# A closing tag's subject the speaker lists do not know ("…, the data provider Moneyfacts
# said", "…, the regional branch of the Emergencies Ministry said", "…, emergency services
# said"): the slot ", <noun phrase> <speech verb> [when, where].", closing the sentence, is
# a speech tag whatever the noun. The phrase has no verb, no pronoun, no conjunction.
_TAG_VERBS = frozenset(
    wordlist(
        "said says told tells added adds wrote writes reported reports noted notes stated states "
        "announced explained estimated estimates found finds showed shows show confirmed "
        "argued insisted predicted concluded revealed disclosed warned ruled heard"
    )
)
_NOT_IN_NP = frozenset(
    wordlist(
        "is was were are be been being had has have will would could should can may might must "
        "do does did not never no nor which who whom whose what when where why how if than "
        "because as while but or that this these those there here it he she they we i you "
        "him them us me so then yet also only just even still although though since until "
        "unless whether after before according said says told"
    )
)
# "and" and "of the" join words inside a name or a title ("the labour and employment
# ministry", "the regional branch of the Emergencies Ministry"), never at its edges
# nouns ending like an adverb ("The Nikkei business daily said", "the regional assembly said")
_LY_NOUNS = frozenset(
    wordlist("daily weekly monthly quarterly fortnightly biweekly ally assembly family")
)
_NP_JOINS = frozenset(wordlist("and of for at in from on with by near within"))
_NP_DETS = frozenset(wordlist("the a an"))
_TIME_HEADS = frozenset(
    wordlist(
        "day days week weeks month months year years morning evening night time times hour "
        "hours minute minutes moment decade decades period"
    )
)
_TAG_REST = re.compile(
    rf"(?:\s+(?P<tobj>{_TOLD_WHOM}|[{CAPS}][\w’'.\-]*(?:\s+[{CAPS}][\w’'.\-]*){{0,3}}))?"
    rf"{_TAIL}{_AFTERTHOUGHT}?\s*[.!?]?\s*\Z"
)


def _closing_tag(
    text: str, comma: int, end: int, in_sentence: list[Verb]
) -> tuple[SpeakerHit, SpeakerHit | None] | None:
    """(speaker, medium told) of ", <noun phrase> said …" closing a sentence at ``comma``."""
    for v_start, v_end, word in in_sentence:
        if v_start <= comma or word not in _TAG_VERBS:
            continue
        rest = _TAG_REST.match(text, v_end, end)
        if rest is None or text.find(" that ", v_end, _aft_start(rest, end)) != -1:
            # "In Washington, spokesman X said in a statement that …" opens a clause
            continue
        if (rest.group("tobj") or "A")[:1].islower() and word not in _TELL:
            # "Speaking to News18, legislator X said voters in the city had …": an audience
            # follows only "told"; after "said" the words open the clause
            continue
        phrase = text[comma + 1 : v_start]
        if any(c in phrase for c in ',;:()"“”!?'):
            return None
        words = phrase.split()
        low = [w.lower() for w in words]
        # ("a move the opposition condemned" is a relative clause, not a speaker)
        if not _noun_phrase(words):
            return None
        if len(words) == 1 and not (words[0][:1].isupper() or low[0].endswith("s")):
            return None  # "…, police said" is listed; a lone lower-case singular is no subject
        h_start = comma + 1 + len(phrase) - len(phrase.lstrip())
        h_end = v_start - (len(phrase) - len(phrase.rstrip()))
        hit = SpeakerHit(h_start, h_end, text[h_start:h_end], word)
        if not _can_say(hit, word):
            return None
        told = None
        if word in _TELL:
            if rest.group("tobj") is None:
                return None
            told = told_media(_TOLD_OBJECT.match(text, v_end, end))
        return _trimmed(hit), told
    return None


# a title before a name may be long: "the chief executive of the industry group Australian
# Energy Producers, Grant Kelso, said"
_TITLE_WORDS = 13
_POSSESSIVE = re.compile(r"[\w.\-]+['’]s?\Z")


def _title_phrase(words: list[str]) -> bool:
    """A title or description a name stands for: a noun phrase opening with a determiner or
    a possessive ("the head of the national water commission", "Chile's central bank
    governor", "a nurse at a clinic in Tartu")."""
    if not words or not _noun_phrase(words, _TITLE_WORDS):
        return False
    first = words[0]
    return first.lower() in _NP_DETS or (
        bool(_POSSESSIVE.match(first)) and first[:1].isupper() and len(words) > 1
    )


def _title_apposition_start(text: str, start: int, pos: int) -> int:
    """Where the title before a name in a closing tag begins (", the chairman of the X
    Union, Jane Doe, said": the comma before "the chairman"; with a short name between
    them, ", the head of the water commission, Aguas, Jane Doe, told"), else ``pos``."""
    prev = text.rfind(",", start, pos)
    if prev == -1 or prev - start <= 12:
        return pos
    seg = text[prev + 1 : pos].split()
    if _title_phrase(seg):
        return prev
    if not (1 <= len(seg) <= 3 and _is_name(" ".join(seg))):
        return pos
    prev2 = text.rfind(",", start, prev)
    if prev2 == -1 or prev2 - start <= 12:
        return pos
    if _title_phrase(text[prev2 + 1 : prev].split()):
        return prev2
    return pos


def _appositive_named(hit: SpeakerHit) -> SpeakerHit:
    """The name of "a union spokesman, Jordi Puig" (a title, then the name it stands for)."""
    cut = hit.text.rfind(", ")
    name = hit.text[cut + 2 :].rstrip(", ")
    # (a person's name, two words or more: "a member of the regulator, OGRA" names the
    # regulator; "according to the club, Ó Briain, who …" is no apposition)
    if hit.verb == "according to" or not (_is_name(name) and 2 <= len(name.split()) <= 4):
        return hit
    if any(w.isupper() for w in name.split()):
        return hit
    if not _title_phrase(hit.text[:cut].split()):
        return hit
    at = hit.start + cut + 2
    return SpeakerHit(at, at + len(name), name, hit.verb)


def _noun_phrase(words: list[str], longest: int = 9) -> bool:
    """Whether ``words`` read as a short noun phrase: no verb, pronoun or conjunction, no
    joining word at an edge, a determiner only first or after a joining word."""
    low = [w.lower() for w in words]
    if not 1 <= len(words) <= longest or _NOT_IN_NP.intersection(low):
        return False
    if low[0] in _NP_JOINS or low[-1] in _NP_JOINS or low[-1] in _NP_DETS:
        return False
    if low[-1] in _TIME_HEADS or (low[-1].endswith("ly") and low[-1] not in _LY_NOUNS):
        return False
    return not any(
        w in _NP_DETS and i > 0 and low[i - 1] not in _NP_JOINS for i, w in enumerate(low)
    )


# "Speaking on …, X said that …", "In Washington, X said …": an opening phrase before the
# subject
_SUBJECT_OPENING = re.compile(
    r"(?:(?:In|On|At|During|Speaking|Talking|Writing|Asked|Appearing|Interviewed|Calling)\s"
    r"[^,;:\"“”]{0,140},\s*)?"
)
# what a verb of saying may have between it and "that": whom it told, where, in what
# ("told staff at a meeting in the newsroom that …", "said in a video posted on X that …")
# ("reported, citing residents, that …": the source cited stands between them)
_TO_THAT = re.compile(
    # ("told Kompas.com that": a site's address is no sentence's end)
    r"(?:\s+(?:[^,;:\"“”.!?]|\.(?=[a-z]{2,}\b)){1,100}?)?"
    r"(?:\s*,\s*(?:citing|quoting|relaying)\s+[^,;:\"“”]{1,120},)?"
    r"\s+that\s+(?=\S)"
)
_NOT_CLAUSE_START = frozenset(
    wordlist(
        "in on at during to via after before through by with for from late early last this "
        "next today yesterday tonight monday tuesday wednesday thursday friday saturday sunday "
        "and or but as when while so nothing following amid ahead"
    )
)
_MODIFIER_DETS = frozenset(wordlist("the a an its his her their this that"))


_WITHOUT = re.compile(r",\s*without\s[^,;:\"“”]{1,80}\Z")
_SEEN_BY_END = re.compile(
    r"(?P<doc>[\w’'\-]+)\s+(?:seen|reviewed|obtained|viewed)\s+by\s+[^,;:\"“”]{1,60}\Z"
)


def _subject_lead(
    text: str, start: int, end: int, in_sentence: list[Verb]
) -> tuple[SpeakerHit, int, SpeakerHit | None] | None:
    """(speaker, where the clause starts, medium told) of "<subject> said (that) …" whose
    subject the speaker lists do not know: a short noun phrase opening the sentence,
    perhaps with a name or a relative clause in apposition ("The film's co-producer, the
    Danish broadcaster DR, said it would …", "A doctor at a clinic in X, Jane Doe, told
    broadcaster Y that …", "Calder, whose grandfather …, told staff … that …")."""
    opening = _SUBJECT_OPENING.match(text, start, end)
    s0 = opening.end() if opening else start
    verb = next((v for v in in_sentence if v[0] > s0 and v[2] not in _NOT_LEAD), None)
    if verb is None or verb[2] not in _TAG_VERBS or verb[2] == "ruled":
        return None
    v_start, v_end, word = verb
    parts = text[s0:v_start].split(",")
    if len(parts) == 1:
        phrases = [parts[0]]
    elif len(parts) in (3, 4) and not parts[-1].strip():
        phrases = [p for p in parts[:-1]]
    else:
        return None
    if len(phrases) == 3 or (
        len(phrases) == 2 and phrases[1].split()[:1] in (["who"], ["whose"], ["which"])
    ):
        if phrases[-1].split()[:1] not in (["who"], ["whose"], ["which"]):
            return None
        phrases = phrases[:-1]  # a relative clause on the subject
    words = [p.split() for p in phrases]
    longest = _TITLE_WORDS if len(words) == 2 and _is_name(phrases[1].strip()) else 9
    if any(not _noun_phrase(w, longest) for w in words) or not words[0][0][:1].isupper():
        return None
    for ws in words:
        for i, w in enumerate(ws):
            if i and w.islower() and w.endswith("ed") and ws[i - 1].lower() not in _MODIFIER_DETS:
                return None  # "Protesters marched and police said …": a verb, not a modifier
    pick = phrases[-1] if len(phrases) == 2 and not _is_name(phrases[0].strip()) else phrases[0]
    if len(phrases) == 2 and _is_name(phrases[1].strip()):
        pick = phrases[1]
    p_start = text.index(pick, s0)
    h_start = p_start + len(pick) - len(pick.lstrip())
    h_end = p_start + len(pick.rstrip())
    hit = _trimmed(SpeakerHit(h_start, h_end, text[h_start:h_end], word))
    seen = _SEEN_BY_END.search(hit.text)
    if seen and _DOCUMENTS.intersection(hit.text[: seen.end("doc")].lower().split()):
        # "A copy of the contract seen by Reuters shows": the document speaks; whoever saw
        # it relays it
        cut = seen.end("doc")
        hit = SpeakerHit(hit.start, hit.start + cut, hit.text[:cut], word)
    acronym = _PAREN_ACRONYM.search(hit.text)
    if acronym:  # "The X Association (XA) said": its short form names it, as elsewhere
        hit = SpeakerHit(h_start + acronym.start(1), h_start + acronym.end(1), acronym[1], word)
    if not _can_say(hit, word):
        return None
    told = None
    if word in _TELL:
        told = told_media(_TOLD_OBJECT.match(text, v_end, end))
    that = _TO_THAT.match(text, v_end, end)
    if that is not None:
        return hit, that.end(), told
    if word in SAY_VERBS:
        first = text[v_end:end].split()[:1]
        if first and first[0][:1].isalnum() and first[0].lower() not in _NOT_CLAUSE_START:
            return hit, v_end + len(text[v_end:end]) - len(text[v_end:end].lstrip()), None
    return None


def _aft_start(m: re.Match[str], end: int) -> int:
    """Where a closing tag's afterthought (", adding that …") begins, else ``end``."""
    for group in ("aft", "aft2", "aft3"):
        if m.re.groupindex.get(group) and m.group(group):
            return m.start(group)
    return end


_RELAY_PHRASE_END = re.compile(
    r",\s+(?:in|during)\s+(?:(?:a|an)\s+)?(?:[\w\-]+\s+)?(?:interview|remarks|comments|"
    r"statement|speech)\s+(?:published|broadcast|aired|carried|released|relayed|reported|"
    r"quoted|with|to)\b[^,;:\"“”]{0,80}?[.!?]?\s*\Z"
)


_MEDIA_RE = re.compile(MEDIA)
# "…, North Korean Premier Ri Song Chol told a farming conference in Pyongyang" (before an
# agency's own tag): a speaker, a speech verb, whom it told and where, ending the segment.
_INNER_TAG = re.compile(
    rf",\s*(?:{_LOWER_TITLE})?(?P<s>{SPEAKER})\s+(?P<v>{VERB})"
    # "…, the army said on Monday, the Ethiopian News Agency reported.": whom it told may be
    # left out
    rf"(?:\s+(?:{_TOLD_WHOM}|(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?[a-z]+))?{_TAIL}\s*\Z"
)


_KIND_THEN_NAME = re.compile(
    r"(?P<kind>.+?)\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*){0,2}"
)
_NAME_THEN_KIND = re.compile(
    r"(?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*){0,2}\s+"
    r"(?:daily|newspaper|weekly|tabloid|magazine|broadcaster|channel|news\s+site|website)"
)


def _kind_and_name(name: str) -> bool:
    """ "Oskarn's state news agency OTA" (a medium's kind phrase, then its name), "the Kapital
    daily" (a name, then its kind)."""
    if _NAME_THEN_KIND.fullmatch(name):
        return True
    m = _KIND_THEN_NAME.fullmatch(name)
    return m is not None and _MEDIA_RE.fullmatch(m.group("kind")) is not None


def _is_media_hit(hit: SpeakerHit | None) -> bool:
    return hit is not None and _MEDIA_RE.fullmatch(hit.text) is not None


def _inner_tag(
    text: str, start: int, end: int, *, by_kind: bool = False
) -> tuple[int, SpeakerHit] | None:
    """(end of the clause, speaker) when a speech tag closes ``text[start:end]``; with
    ``by_kind`` (the tag closing it is "according to the agency") a medium may be that speaker
    ("…, state television said, according to the agency.")."""
    comma = text.rfind(",", start, end)
    if comma == -1 or comma - start <= 12:
        return None
    m = _INNER_TAG.match(text, comma, end)
    if (
        m is None
        or (not by_kind and _MEDIA_RE.fullmatch(m.group("s")))
        or m.group("s").lower() in _PRONOUN_WORDS
    ):
        return None
    return comma, _trimmed(SpeakerHit(m.start("s"), m.end("s"), m.group("s"), m.group("v")))


# "The fire started at 3 a.m., the fire service said, and spread quickly.": a speech tag
# between commas inside the sentence attributes the clause before it.
_MID_TAG = re.compile(
    rf",\s*(?:(?:{_LOWER_TITLE})?(?P<s1>{SPEAKER})(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-z\-]{{1,9}}\))?"
    rf"\s+(?P<v1>{VERB})(?:\s+{_TOLD_WHOM})?"
    rf"|(?P<v2>{VERB})\s+(?P<s2>{SPEAKER})"
    # "…, according to an internal memo seen by the Financial Times, as …"
    rf"|(?P<v3>according\s+to)\s+(?P<s3>{SPEAKER})"
    rf"(?:\s+(?:carried|published|released|seen|reviewed|obtained|viewed)\s+by\s+{MEDIA})?"
    rf"){_TAIL}\s*,"
)


def _mid_tag(
    text: str, start: int, end: int, in_sentence: list[Verb], relays: list[SpeakerHit]
) -> Reported | None:
    for v_start, _, word in in_sentence:
        if word in _NOT_LEAD and word != "according":
            continue
        comma = text.rfind(",", start, v_start)
        if comma == -1 or comma - start <= 12:
            continue
        m = _MID_TAG.match(text, comma, end)
        if m is None:
            continue
        hit = _hit(m, "s1", "v1") or _hit(m, "s2", "v2") or _hit(m, "s3", "v3")
        if hit is not None and _can_say(hit, hit.verb):
            if start < 120:
                start = max(start, clause_start(text))
            return _reported(start, m.start(), hit, relays)
    return None


def _with_media(relays: list[SpeakerHit], media: SpeakerHit | None) -> list[SpeakerHit]:
    if media is None or media.text.lower() in {r.text.lower() for r in relays}:
        return relays
    return [media, *relays]


# "In an interview broadcast on Sunday by the public radio station WKPR, …": a long opening
# phrase before the clause's subject
_OPENING_PHRASE = re.compile(
    # ("But in comments to the newspapers of the Funke media group, Lenz said")
    r"(?:(?:But|And|Yet|Still)\s+(?:in|on|at|during|speaking|talking|writing|asked|after|before|"
    r"appearing|interviewed)|In|On|At|During|Speaking|Talking|Writing|Asked|After|Before|Calling|"
    r"Appearing|Interviewed)"
    r"\s[^,;:\"“”]{0,140},\s*"
    # "…, the country's foreign minister, Amal Haddad, said": a title apposition before the name
    # ("a Ukrainian military spokesman, Oleh Kravets,", "Silesia's regional governor, Marta
    # Kubica,")
    r"(?:(?:the|The|a|an|its|his|her|their|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*['’]s)\s[^,;:\"“”]{1,90},\s*)?"
    # "…, Naftogaz chief executive Olena Kravets said": a title before the name
    # ("…, a Lieyu resident surnamed Hung said": a description with its article)
    r"(?:(?:a|an)\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž]))?"
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*\s+){0,2}(?:[a-z][\w\-]*\s+){0,3}"
)


# A long title before the speaker's name, opening the clause: "Association of Marine Park
# Tourism Operators executive director Col McKenzie told", "But the general secretary of the
# Fiji Cane Growers Association, Bala Dass, told" (no verb in it: "Residents fled when" has one)
_TITLE_BEFORE_NAME = re.compile(
    r"(?:(?:But|And|Yet|Still|Meanwhile)\s+)?(?:"
    r"(?:the|The|a|A|its|Its|his|His|her|Her|their|Their)\s[^,;:\"“”]{1,100},\s*"
    r"|(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&\-]*\s+(?:(?:of|for|and|the|on|de)\s+)*){1,8}"
    r"(?:(?!(?:who|which|that|when|while|as|after|before|because|since|and|but)\s)"
    r"[a-z][\w\-]*(?<!ed)\s+){1,3}"
    r")"
)


def _lead(
    text: str, start: int, end: int, verbs: list[Verb]
) -> tuple[SpeakerHit, int, SpeakerHit | None] | None:
    """'<speaker> said (that) …' near the start of a clause: the speaker and where the
    reported clause begins."""
    citing = cited_at = -1
    for v_start, v_end, word in _verbs_in(verbs, start, min(end, start + 200)):
        if word == "ruled":
            # "In 2021 the Supreme Court ruled that …" is mostly background; a ruling is
            # reported speech in a closing tag (", a judge ruled Tuesday.")
            continue
        if word in _NOT_LEAD:
            # "carried by", "citing": part of a relay, not the main speech verb; "dismissed
            # claims that": the clause is not the subject's own.
            if word in ("citing", "quoting"):
                citing, cited_at = v_end, v_start
            continue
        if citing != -1 and text.find(",", citing, v_start) == -1:
            # "Prensa Latina, citing a statement read on state television VTV, said …": a verb
            # inside the citing phrase describes the source cited, it is not the main verb
            continue
        hit = speaker_ending_at(text, v_start, start, word)
        if (
            cited_at != -1
            and text[start:v_start].rstrip().endswith(",")
            and (media := _MEDIA_SUBJECT.fullmatch(text, start, cited_at))
        ):
            # "Le Monde, citing an interview OCP's finance chief, Nadia Alaoui, gave to
            # Challenge, reported that …": the medium before a citing phrase with commas in it
            hit = SpeakerHit(media.start("s"), media.end("s"), media.group("s"), word)
        if hit is None or (
            hit.start - start >= 60
            and not _OPENING_PHRASE.fullmatch(text, start, hit.start)
            and not _TITLE_BEFORE_NAME.fullmatch(text, start, hit.start)
            and not _after_then_that(text, hit, v_end, end)
        ):
            continue
        if hit.text in _OPENING_WORDS:
            continue  # "In comments carried by Xinhua, the president said": a noun, no subject
        if hit.start > start and hit.text[:5].lower() == "that ":
            continue  # "…, that the utility had warned …": "that" opens a clause, it is no subject
        if _IN_PHRASE.search(text, max(start, hit.start - 6), hit.start):
            # "In a statement posted on Telegram, the RSF said": the phrase after a
            # preposition is no subject; the clause's speaker comes after it
            continue
        if not _can_say(hit, word):
            return None
        if (
            text[start : hit.start].rstrip().endswith(",")
            and text[v_end : v_end + 1] == ","
            # ("Separately, the Maeil Business Newspaper reported, citing financial
            # authorities, that …": the comma opens the source cited, then the clause)
            and not _CITED_THEN_THAT.match(text, v_end)
        ):
            return None  # "…, the fire service said, and …": a tag inside the sentence
        if word in _TELL:
            # "sources told reporters the talks had stalled", "told CNN that …"
            obj = _TOLD_OBJECT.match(text, v_end, end)
            rest = _LEAD_REST.match(text, obj.end(), end) if obj else None
            if obj is None or rest is None or _continued_tag(text, start, hit, rest, end):
                return None
            return hit, rest.end(), told_media(obj)
        rest = _LEAD_REST.match(text, v_end, end)
        if rest and _continued_tag(text, start, hit, rest, end):
            return None
        if rest and (rest.group("that") or word in SAY_VERBS):
            return hit, rest.end(), None
        return None
    return None


_CONTINUATION = re.compile(r"\s*(?:and|but|while|whereas|although|though)\s")
_AFTER_BEFORE = re.compile(r"\s(?:after|when|since|as)\s+\Z")
# ("after Reuters reported, citing two government sources, that …": the source cited, then
# "that")
_CITED_THEN_THAT = re.compile(r"\s*,\s*(?:citing|quoting)\s[^,;:\"“”]{2,120},\s*that\s")


def _after_then_that(text: str, hit: SpeakerHit, v_end: int, end: int) -> bool:
    """ "Shares fell on Thursday after Reuters reported, citing two government sources, that
    …": a medium's report late in the sentence, in a clause of time, whose "that" clause is
    the words it reported (the sentence's own subject says nothing)."""
    return (
        _AFTER_BEFORE.search(text, max(0, hit.start - 8), hit.start) is not None
        and hit.verb in ("reported", "reports")
        and _CITED_THEN_THAT.match(text, v_end, end) is not None
    )


def _continued_tag(text: str, start: int, hit: SpeakerHit, rest: re.Match[str], end: int) -> bool:
    """ "…, grain traders told Reuters, and a cap would …": a tag between commas, the
    sentence going on after it; the tag attributes the clause before it (``_mid_tag``)."""
    return (
        not rest.group("that")
        and text[start : hit.start].rstrip().endswith(",")
        and text[rest.start() : rest.end()].rstrip().endswith(",")
        and _CONTINUATION.match(text, rest.end() - 1, end) is not None
        # (only when the tag reads as one: "seed dealers" is no speaker ``_MID_TAG`` knows)
        and _MID_TAG.match(text, text.rfind(",", start, hit.start), end) is not None
    )


# Speech acts whose words are not quoted or reported after "that": "X called on the
# government to …", "X called for an inquiry", "X urged restraint", "X declined to comment",
# "X welcomed the decision". The clause runs from the verb; its speaker opens the sentence.
_ACT = (
    r"(?:called\s+(?:on|for)|urged|appealed\s+(?:to|for)|thanked|welcomed|"
    r"(?:declined|refused)\s+to\s+(?:comment|say|confirm|discuss|elaborate))"
)
# After a medium's closing tag ("…, Dagens Naeringsliv reported", "…, according to
# Expressen") more verbs tell what the subject said: the medium reports the subject's words.
_ACT_RELAYED = (
    rf"(?:{_ACT}|called|warned|praised|condemned|criticised|criticized|rejected|denied|"
    r"promised|pledged|vowed|threatened|accused|demanded|hailed|blamed|dismissed|announced|"
    r"confirmed|insisted|said|says|told|stressed|expressed)"
)
_ACT_AT = re.compile(rf"(?<![\w’'\-])(?P<v>{_ACT})(?![\w’'\-])")
_ACT_RELAYED_AT = re.compile(rf"(?<![\w’'\-])(?P<v>{_ACT_RELAYED})(?![\w’'\-])")
_ACT_OPENING = re.compile(
    r"(?:(?:In|At|On)\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)?,\s*)?"
)


def act_clause(
    text: str, start: int, end: int, relayed: bool = False
) -> tuple[SpeakerHit, int] | None:
    """(speaker, clause start) of a speech act opening the sentence ("Opposition lawmakers
    called for an inquiry"; with ``relayed``, any verb of saying after the subject)."""
    pattern = _ACT_RELAYED_AT if relayed else _ACT_AT
    m = pattern.search(text, start, min(end, start + 260))
    if m is None:
        return None
    floor = _ACT_OPENING.match(text, start, m.start()).end()  # type: ignore[union-attr]
    stop = m.start()
    while stop > floor and text[stop - 1] == " ":
        stop -= 1
    for adverb in (" also", " later", " has", " had", " on Monday", " on Tuesday"):
        if text.endswith(adverb, floor, stop):
            stop -= len(adverb)
    hit = speaker_ending_at(text, stop, floor, m.group("v").split()[0].lower())
    if hit is None or hit.start - floor > 3 or end - m.start() < 12:
        return None
    if hit.text.split()[0] in _OPENING_WORDS or _MEDIA_RE.fullmatch(hit.text):
        return None
    return hit, m.start()


_OPENING_WORDS = frozenset(wordlist("In On At During After Before With From By Through Via As"))
_IN_PHRASE = re.compile(r"(?<![\w’'])(?:[Ii]n|[Oo]n|[Aa]t|[Ww]ith|[Ff]rom|[Bb]y|[Tt]o)\s+\Z")
_FINDING = frozenset(wordlist("found finds showed shows show"))
_DOCUMENTS = frozenset(
    wordlist(
        "report reports poll polls survey surveys study studies audit review inquiry "
        "investigation records documents data figures statistics complaint filing analysis "
        "tests census assessment consultation emails memo memos messages letter letters "
        "transcript draft minutes statement communique communiqué message commentary "
        # "court papers show", "a copy of the agreement seen by X shows", "filings showed"
        "papers filings copy contract agreement files cables accounts forecast forecasts "
        "indictment affidavit ruling judgment judgement"
    )
)


def _can_say(hit: SpeakerHit, verb: str | None) -> bool:
    """ "found"/"showed" report speech only for documents ("a poll found", "the audit
    showed"); "police found the car" is not a statement."""
    if verb == "ruled":
        # a court rules; "the minister ruled out a tax rise" is no ruling
        return bool(_RULERS.intersection(hit.text.lower().split()))
    if verb == "heard":
        # "the court heard that …" is what the court was told; "she heard that …" is no speech
        return bool(_HEARERS.intersection(hit.text.lower().split()))
    if verb not in _FINDING:
        return True
    words = hit.text.lower().split()
    # "a survey by the parents' association found": the head comes before its post-modifier;
    # "a poll published last week by …": a participle phrase may stand between them
    head = next((i for i, w in enumerate(words) if w in _POSTMOD), len(words))
    return head > 0 and (
        words[head - 1] in _DOCUMENTS or bool(_DOCUMENTS.intersection(words[: min(head, 3)]))
    )


_POSTMOD = frozenset(wordlist("by of from for at in within close"))  # "sources close to …"
_HEARERS = frozenset(
    wordlist("court courts tribunal jury inquest inquiry hearing trial magistrates committee")
)
_RULERS = frozenset(
    wordlist(
        "judge judges court courts justice justices tribunal magistrate arbitrator arbitrators "
        "panel jury regulator commission ombudsman"
    )
)


def told_media(m: re.Match[str] | None) -> SpeakerHit | None:
    """The news medium a speaker told (a relay), from a ``_TOLD_OBJECT`` match."""
    if m is not None and m.group("kind"):
        # "told the agency": kept with its "the" so the medium the article named is found
        return SpeakerHit(m.start("kind"), m.end("kind"), m.group("kind"), "told")
    if m is None:
        return None
    if m.group("prog"):
        return SpeakerHit(m.start("prog"), m.end("prog"), m.group("prog"), "told")
    if not m.group("media"):
        mast = _MASTHEAD_TOLD.fullmatch(m.string, m.start(), m.end())
        if mast is not None and mast.group("n").split()[1] not in ("Hague",):
            # "told The Peninsula that": a capital "The" inside a sentence opens a title, a
            # paper's name (the article calls organisations "the council", "the court")
            return SpeakerHit(mast.start("n"), mast.end("n"), mast.group("n"), "told")
        owned = _owned_title(m.string, m.start() + 1, m.end())
        if owned is not None:
            return owned
        # "told Joy FM's Super Morning Show that", "told 702 that": a name no list knows,
        # read as a medium's by its shape (``medium_names``)
        named = medium_names.name_at(m.string, m.start(), m.end())
        place = _PLACE_OWNED.match(m.string, m.start(), m.end()) if named is None else None
        if place is not None:
            # "told Dublin’s FM104", "told Cork’s 96FM": a local station after its city
            named = medium_names.name_at(m.string, place.end() - 1, m.end())
        return SpeakerHit(named[0], named[1], named[2], "told") if named else None
    name = m.group("media")
    skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
    end = m.end("media")
    affiliate = _AFFILIATE.match(m.string, end)
    if skip and affiliate is not None:
        # "she told the NBC affiliate": the local station named before, by the network it
        # carries (speaker_context names it), not the network
        return SpeakerHit(m.start("media"), affiliate.end(), name + affiliate.group(), "told")
    joined = _HYPHENED.match(m.string, end) or _DOMAIN.match(m.string, end)
    if joined is not None:
        # ("told Kompas.com that": the site's address is its name)
        # "told The Courier-Mail": the name goes on past a kind word the list knows
        name, end = name + joined.group(), joined.end()
    if name.endswith(".") and not _INITIALS_END.search(name):
        # "told the daily Dagens Nyheter.": the sentence's full stop is not the name's
        name, end = name[:-1], end - 1
    start = m.start("media") + skip
    return _owned_title(m.string, start, m.end()) or SpeakerHit(start, end, name[skip:], "told")


def _owned_title(text: str, start: int, end: int) -> SpeakerHit | None:
    """ "told Dougall Media's TBnewswatch", "told Postmedia's Sudbury Star": a media group's
    title is the medium, the group only owns it (a broadcaster's programme, "NPR's Morning
    Edition", stays the broadcaster's)."""
    owned = _GROUP_OWNS.match(text, start, end)
    title = medium_names.name_at(text, owned.end(), end) if owned else None
    if owned is None or title is None or title[0] != owned.end():
        return None
    return SpeakerHit(title[0], title[1], title[2], "told")


# A media group before the title it owns: "Dougall Media's", "Postmedia's", "Gannett's"
_GROUP_OWNS = re.compile(
    r"(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w&\-]*\s+){1,3}(?:Media|Group|Communications|Newspapers|"
    r"Publishing|Publications|Holdings)|Postmedia|Gannett|Torstar|Nexstar|Sinclair|Tegna|"
    r"Newsquest|McClatchy|Hearst|Scripps|News\s+Corp|Lee\s+Enterprises|Axel\s+Springer)"
    r"['’]s\s+"
)


_AFFILIATE = re.compile(r"\s+(?:local\s+)?(?:affiliate|member\s+station)(?![\w\-])(?!\s+[A-Z])")
_INITIALS_END = re.compile(r"(?:^|[\s.])[A-ZÀ-ÖØ-ÞĀ-Ž]\.\Z")
_PLACE_OWNED = re.compile(r"\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*['’]s\s")
_MASTHEAD_TOLD = re.compile(
    r"\s+(?P<n>The\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*){0,2})"
)
_DOMAIN = re.compile(r"\.(?:com|net|org|co\.[a-z]{2}|[a-z]{2})(?![\w\-])")
_HYPHENED = re.compile(r"-[A-ZÀ-ÖØ-ÞĀ-Ž][\w’']*")


def told_after(text: str, pos: int, end: int) -> SpeakerHit | None:
    """The medium right after "told" ending at ``pos`` ('"…," a source told CNN.')."""
    return told_media(_TOLD_OBJECT.match(text, pos, end))


def _inside(hit: SpeakerHit, other: SpeakerHit) -> bool:
    """Whether ``hit`` is a shorter reading of words ``other`` covers (not ``other`` itself)."""
    return (
        hit is not other
        and other.start <= hit.start
        and hit.end <= other.end
        and other.end - other.start > hit.end - hit.start
    )


def _reported(
    start: int, end: int, speaker: SpeakerHit, relays: list[SpeakerHit]
) -> Reported | None:
    if end - start < 12:
        return None
    if ", " in speaker.text:
        # "quoted a tenants' union spokesman, Jordi Puig, as saying": the name speaks
        named = _appositive_named(speaker)
        relays = [named if r is speaker else r for r in relays]
        speaker = named
    # "according to Border Service officers at the scene": a relay read inside the speaker's
    # own phrase ("Border Service") is the speaker, not someone relaying it
    # "according to a report in the Financial Times": two readings of one name, the
    # speaker's ("Financial Times") and a relay's ("the Financial Times"), are one source
    relays = [
        r
        for r in relays
        if r is speaker
        or not (speaker.start <= r.start < speaker.end or r.start <= speaker.start < r.end)
    ]
    # "according to the state-run Anadolu Agency": two rules may read one medium, one of them
    # only in part ("the state-run Anadolu"); the longer reading names it once
    relays = [r for r in relays if not any(_inside(r, o) for o in relays)]
    names = [r.text.lower() for r in relays]
    cited = [
        r
        for r in relays
        # "Citing a source in the presidency, Tass said …": the phrase may open the sentence
        if (r.verb in _CITE_VERBS and r.start > speaker.start) or r.verb == _OPENING_CITE
    ]
    told_by = [r for r in relays if r.verb == "according to" and r.start > speaker.start]
    if (
        cited
        and told_by
        and told_by[0].start < cited[0].start
        and speaker.text.lower() not in names
        # "…, citing a statement carried by KCNA": the statement's carrier is read elsewhere
        and not any(_BARE_DOCUMENT.fullmatch(r.text) for r in relays)
    ):
        # "…, Oil Minister X said, according to Al Jazeera, citing state television": the
        # speaker is X; Al Jazeera cites the channel that carried X's words
        inner = [r for r in cited if r.start > told_by[0].start]
        return Reported(start, end, speaker, (told_by[0], *inner, speaker))
    if cited and speaker.text.lower() not in names:
        # "Yonhap, citing the intelligence service, said …": the subject relays the source.
        return Reported(start, end, relays[-1], (speaker, *relays))
    if speaker.text.lower() in names:
        # The grammatical subject relays someone else ("TASS reported, citing KCNA"): the
        # clause belongs to the innermost source.
        return Reported(start, end, relays[-1], tuple(relays))
    return Reported(start, end, speaker, (*relays, speaker))


# "VELMARA, June 26 (VCNA) —", "PORT HALLORAN, Aldmere, June 26 (Meridian Wire) - "
_DATELINE = re.compile(
    r"\s*[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž .'\-]{2,30}?(?:,\s*[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    # "MOSCOW — " (no credit) is a dateline too: the clause after it starts the text
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?\s*(?:--|[-–—])\s*"
)


# "Seoul, May 6 (Yonhap) --", "Taipei, Dec. 2 (CNA)", "Tokyo, Dec. 2 (Jiji Press)--": a
# dateline in title case needs a date, then a credit in brackets or a dash
_TITLE_DATELINE = re.compile(
    rf"\s*[{CAPS}][a-z]+(?:[ \-][{CAPS}][a-z]+){{0,2}}(?:\s*\[[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+\])?"
    rf"(?:,\s*[{CAPS}][a-z]+(?:\s+[{CAPS}][a-z]+)?)?,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b"
    r"(?:\s*\([^()\n]{2,40}\)\s*(?:--|[-–—:])?|\s*(?:--|[-–—]))\s*"
)


def clause_start(text: str) -> int:
    """Where the first sentence's own words begin after a dateline, in capitals ("MOSCOW,
    Dec 2 -") or in title case ("Seoul, May 6 (Yonhap) --"); 0 without one."""
    end = dateline(text)[0]
    if end:
        return end
    m = _TITLE_DATELINE.match(text[:120])
    return m.end() if m else 0


def dateline(text: str) -> tuple[int, SpeakerHit | None]:
    """Where an all-caps dateline ends, and the agency it names in parentheses (if any)."""
    m = _DATELINE.match(text[:120])
    if m is None:
        return 0, None
    if m.group("agency") is None:
        return m.end(), None
    return m.end(), SpeakerHit(m.start("agency"), m.end("agency"), m.group("agency"), None)
