"""Relays an article makes visible: the wire credit of its dateline and the relay chains of
its quotes, summed up as "relays KCNA via TASS".

A wire credit ("HELSINKI (AP) —", "COLUMBUS, Ohio, Oct. 7 (UPI) —", "(Reuters) -") names the
agency whose copy the article is; it is the article's origin, not a speaker. Relay chains come
from ``quotes`` ("TASS reported, citing KCNA", "according to the Associated Press"), outermost
first, ending with the speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import credit_detector, media
from .text import CALENDAR as _CALENDAR
from .text import DEMONYM, wordlist
from .text import countries as _countries

# Agencies usually credited by their short form; the name is what the origin is called
# (data/media.tsv, rows marked "credit").
AGENCIES = {m.name.upper().replace(".", ""): m.usual for m in media.media() if m.credit}
# Names known only in a credit's slot resolve there alone: "(MAP)" closing the text is the
# Maghreb Arabe Presse, while a chain keeps the text's "MAP"
_SLOT_AGENCIES = {
    m.name.upper(): m.usual for m in media.media(slots=True) if m.credit and m not in media.media()
}
# Long forms written out in prose ("carried by the Korean Central News Agency") and the
# usual name the rest of the article (and the analyst) knows them by.
LONG_FORMS = {
    m.name.lower(): m.usual
    for m in media.media()
    if (" " in m.name or "-" in m.name) and m.usual != m.name
}
LONG_FORMS["the associated press"] = "Associated Press"
# Agencies a credit may name without brackets ("BEIJING, Xinhua —", "— dpa", "By X,
# Associated Press"): a bare name is an agency only when the list knows it as one.
_WIRES = media.alternation(media.names(frozenset(("agency", "state_agency"))))
# ... and where only a credit can stand (a byline, a dateline's slot, a closing line), also the
# agencies whose names are words or names elsewhere ("By X, PA Political Correspondent", "(MAP)")
_SLOT_WIRES = media.alternation(media.names(frozenset(("agency", "state_agency")), slots=True))
# ... and any medium, for a closing line that credits a broadcaster or a paper ("- RNZ", "- Stuff")
_SLOT_MEDIA = media.alternation(media.names(slots=True))
# A desk's sign-off after a closing credit: "AAP dh/jm", "PAP mw/ kar/", "dpa ks yymm n1 kf",
# "Lusa/Fim"
# ("CMC/sc/ir/2026": CMC's editors' initials and the year after the agency)
# (each set of initials ends at a space or a slash, so a lower-case sentence after a name,
# "Reuters reported that the …", is not split into initials in every possible way: that took
# 22 s on a 110-character closing line, twice as long for each further two letters)
_SIGN_OFF = (
    r"(?:(?:[ ]+[a-z][a-z0-9]{1,3}(?:(?:/[ ]*|[ ]+)[a-z][a-z0-9]{1,3})*/?)|/Fim"
    r"|(?:/[a-z]{2,4}){1,3}/\d{4})?"
)
_DASH = r"(?:--|[-–—])"
# A dateline: a place (a city in capitals or title case, a region or country after commas)
# and an optional date ("Jan 9", "March 3,", "Mar. 3, 2026"). Every part is bounded, so the
# match stays linear.
_PLACE = (  # ("Gdańsk": any letter after the first)
    r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[^\W\d_]|[.'\-])*(?:[ ](?:[^\W\d_]|[.'\-])+){0,3}"
    # "Gaza/Tel Aviv (dpa) -": two places the story is datelined from
    r"(?:/[A-ZÀ-ÖØ-ÞĀ-Ž](?:[^\W\d_]|[.'\-])*(?:[ ](?:[^\W\d_]|[.'\-])+){0,2})?"
    r"(?:,[ ]*[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*(?:[ ][A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*){0,2}){0,2}"
    # "DUBAI, United Arab Emirates"
    r"(?:[ ]\[[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*(?:[ ][A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*)?\])?"  # "New Delhi [India]"
)
# "Jan 9", "March 3, 2026", "6th May, 2026"
# "DECEMBER 3" (Armenpress), "December 3/2026" (ENA), "03 dez 2026" (Lusa: the month in its
# language and lower case after the day), "03 DECEMBER 2026" (PACNEWS)
_DATE = (
    r",?[ ]+(?:[A-Z](?:[a-z]{2,8}|[A-Z]{2,8})\.?[ ]+\d{1,2}(?:/\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?[ ]+[A-Za-z](?:[a-z]{2,8}|[A-Z]{2,8})\.?)"
    r"(?:,?[ ]*\d{4})?"
)
# A dateline that is a date alone: "Dec 2 (Reuters) -", "2 December (dpa) -"
_MONTH_DAY = r"(?:[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}|\d{1,2}[ ]+[A-Z][a-z]{2,8})(?:,[ ]*\d{4})?"
# At a line start within the first lines: an optional dateline then the credit in brackets
# and a dash ("HELSINKI (AP) —", "MADRID, Jan 9 (EFE).-"); or a dateline with its date and
# the bracketed credit with no dash before the story ("Amaravati, Mar 3 (PTI) The …", "Lima,
# Dec. 3 (ANDINA). Mudslides …": a full stop may close it).
_CREDIT = re.compile(
    # "APA-Dakar (Senegal) –": the agency, a hyphen and the place (its country in brackets)
    rf"(?m)^[ \t]*(?P<hyphened>{_SLOT_WIRES})-{_PLACE}[ ]*(?:\([^()\n]{{2,30}}\))?[ ]*"
    rf"{_DASH}[ ]"
    # "AKP Phnom Penh, December 3, 2026 --": the agency, a space, the place and its date (AKP's
    # style); the date is required, so a sentence opening with an agency's name is not one
    rf"|^[ \t]*(?P<leading>{_SLOT_WIRES})[ ]+{_PLACE}{_DATE}[ ]*{_DASH}[ ]"
    # "NNA - Lebanese army units …": the agency alone and a dash opening the story (NNA's style)
    # (not a picture's credit: "AFP - Getty Images")
    rf"|\A\s*(?P<opening>{_SLOT_WIRES})[ ]+{_DASH}[ ]+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])(?![^\n]{{0,20}}\bImages\b)"
    rf"|^[ \t]*(?:(?:{_PLACE}(?:{_DATE})?|{_MONTH_DAY}),?[ ]*)?"
    # "SOUTH SAN FRANCISCO, Calif.--(BUSINESS WIRE)--": a press-release wire's dash before it
    r"(?:--)?"
    # "(dpa) -": a lower-case credit is one the media list knows as written (_is_credit)
    # ("(ČTK) –": any letter may open it)
    r"\((?P<agency>[^\W\d_][\w.&' \-]{1,40})\)[ ]*\.?[ ]*(?:--|[-–—:])"
    rf"|^[ \t]*{_PLACE}(?:{_DATE})?[ ]*\((?P<dated>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&' \-]{{1,40}})\)\.?[ ]+"
    rf"(?=[A-Z“\"])"
    # "MOSCOW, May 6. /ITAR-TASS/.", "AUSTIN, Texas, May 6, 2026 /PRNewswire/ --"
    rf"|^[ \t]*{_PLACE}(?:{_DATE})?\.?[ ]*/(?P<slash>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]{{1,30}})/"
    # "Vancouver, British Columbia--(Newsfile Corp. - December 3, 2026) -": the wire and the
    # date in one bracket
    rf"|^[ \t]*{_PLACE}[ ]*--[ ]*\((?P<release>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&' ]{{1,30}}?)[ ]+{_DASH}[ ]+"
    rf"{_MONTH_DAY}\)[ ]*{_DASH}"
)
# Agencies sign off in capitals too ("-- BERNAMA")
_WIRES_CAPS = media.alternation(
    sorted({n.upper() for n in media.names(frozenset(("agency", "state_agency"))) if len(n) >= 4})
)
# "BEIJING, Xinhua —", "SYDNEY, AAP —": a dateline, a comma and a known agency, no brackets
# "MOSCOW, May 6 – RIA Novosti. The launch …": the agency after the dash, then a full stop
# "Accra, Dec. 3, GNA -": after a dated dateline, an agency's initials the list lacks (names
# like GNA are left out of it, as they stand for other bodies in running text)
# "TOKYO, Dec. 3 Kyodo -", "SYDNEY, Dec 3 AAP -": the agency right after the date, then a dash
# "YEREVAN, DECEMBER 3, ARMENPRESS. Armenian …": after the date and a comma, then a full stop
_BARE_CREDIT = re.compile(
    rf"(?m)^[ \t]*{_PLACE}(?:{_DATE})?(?:[,.][ ]*(?P<agency>{_SLOT_WIRES}|{_WIRES_CAPS})[ ]*{_DASH}"
    rf"|(?<=\d)[ ]+(?P<spaced>{_SLOT_WIRES}|{_WIRES_CAPS})[ ]+{_DASH}"
    rf"|(?<=\d),[ ]*(?P<dotted>{_SLOT_WIRES}|{_WIRES_CAPS})\.[ ]+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"
    rf"|(?<=\d)[,.][ ]*(?P<initials>[A-ZÀ-ÖØ-ÞĀ-Ž]{{3,5}})[ ]+{_DASH}[ ]"
    rf"|[ ]*{_DASH}[ ]*(?P<dashed>{_WIRES})\.[ ]+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"
    # "Phnom Penh, December 3, 2026 – AKP – Cambodia will …": the agency between two dashes
    rf"|(?<=\d)[ ]*{_DASH}[ ]*(?P<between>{_SLOT_WIRES}|{_WIRES_CAPS})[ ]*{_DASH}[ ]+"
    r"(?=[A-ZÀ-ÖØ-ÞĀ-Ž]))"
)
# Any medium the list knows, as written ("ProPublica", "Xinhua", "the Austin …" is not one)
_MEDIA = media.alternation(media.names())
_END = r"(?![\w\-])"
# More agencies after the first in one credit ("— AFP, Reuters", "AFP-JIJI", "Reuters/AFP")
_JOINED = rf"(?!\w)(?:(?:[ ]*[,/&][ ]*|[ ]+and[ ]+|-)(?:{_WIRES}|{_WIRES_CAPS})(?!\w))*{_END}"
# A byline naming the agency the reporter writes for: "By Maria Jensen, Associated Press",
# "By JANE DOE / AP", "By Tom Lee | Reuters", "By Jane Doe (AFP)", "By JANE DOE AP Business
# Writer" (AP's style: the name in capitals, then the agency and the reporter's beat); "By Ella
# Pickering, PA Business Reporter", "By Tom Lee, PA Political Staff", "By Ann Roe, PA Scotland"
# (PA's style: the agency, then the desk or the nation it covers); "by Xinhua writers Wang Lei,
# Li Na" (Xinhua's: the agency, then its writers); "By Ellen Ward, PA, and Staff
# Reporter", "By Rural Affairs Reporter, with AAP" (a paper's reporter writing with the agency)
_BYLINE = re.compile(
    r"(?m)^[ \t]*By[ ]+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][^\n]{1,80}?"
    r"(?:,?[ ]+with[ ]+|,[ ]*|[ ]/[ ]*|[ ]\|[ ]*|[ ]of[ ]+|[ ]\()"
    r"|[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž.'\-]+(?:[ ][A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž.'\-]+){1,3}[ ]+)"
    rf"(?:[Tt]he[ ]+)?(?P<agency>{_SLOT_WIRES}){_END}\)?"
    r"(?:[ ]+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+[ ]+){0,2}(?:Writer|Correspondent|Reporter|Editor|Staff)s?"
    r"|[ ]+(?:Scotland|Wales|Northern[ ]Ireland|Ireland|Sport|Business|Political[ ]Staff)"
    # "By Ellen Ward, PA, and Staff Reporter": the agency's reporter and the paper's
    r"|,?[ ]+and[ ]+(?:[Ss]taff|[A-ZÀ-ÖØ-ÞĀ-Ž][^\n,]{1,40}))?[ ]*$"
    # "By Morgan LeBlanc The Canadian Press": the name in title case, then the agency, alone
    # on the line (The Canadian Press's style)
    rf"|^[ \t]*By[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+(?:[ ][A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+){{1,2}}[ ]+"
    rf"(?:[Tt]he[ ]+)?(?P<titled>{_SLOT_WIRES}){_END}[ ]*$"
    # "by Xinhua writers Wang Lei, Li Na": the agency, then its writers (Xinhua's style)
    rf"|^[ \t]*[Bb]y[ ]+(?P<writer>{_WIRES})[ ]+(?:staff[ ]+)?"
    r"(?:writers?|correspondents?|reporters?|journalists?)[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž][^\n]{0,80}$"
)
# "Story courtesy of", "Article courtesy of": a republished piece's credit (not "Photo courtesy
# of", a picture's)
_COURTESY = (
    r"(?:(?:This|The)[ ]+)?(?:[Ss]tory|[Aa]rticle|[Rr]eport|[Cc]ontent|[Tt]ext)[ ]+courtesy[ ]+of"
)
# A word of a masthead ("Kestria", "American-Statesman", "O'Brien's", "24.kg")
# ("RFE/RL": initials joined by a slash)
_MASTHEAD_WORD = (
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w&\-]*(?:['’][A-Za-z][\w\-]*)?(?:\.[A-Za-z][\w\-]*)*"
    r"(?:/[A-ZÀ-ÖØ-ÞĀ-Ž]{2,})?"
)
# A line that is the credit alone, in the first lines ("By Reuters", "AFP", "Reuters Staff",
# "AFP | Dec 2, 2026", "KYODO NEWS - Dec 3, 2026 - 12:34", "Source: Xinhua | Updated: 2026-12-02",
# CGTN's "Source(s): Xinhua News Agency"), or a dateline whose date ends
# in a full stop and the agency's name and a colon ("BAKU, Azerbaijan, December 2. Trend:")
_HEAD_LINE = re.compile(
    # (not a picture's credit: "AFP - Getty Images", "Reuters/Stringer", "AP Photo")
    rf"(?m)^[ \t]*(?![^\n]*\b(?:Getty|Images|Photos?|Pool|Stringer)\b)"
    rf"(?:(?:By|From|Via|{_COURTESY})[ ]+)?(?:[Tt]he[ ]+)?(?P<line>{_WIRES}|{_WIRES_CAPS}){_JOINED}"
    r"(?:[ ]+(?:Staff|staff|Wire|wire))?[ ]*(?:(?:[|·]|[ ]-[ ](?=[A-Z\d]))[^\n]{0,60})?[ ]*$"
    rf"|^[ \t]*Sources?(?:\(s\))?[ ]*:[ ]*(?:[Tt]he[ ]+)?(?P<source>{_MEDIA}){_END}"
    r"[ ]*(?=$|[|·]|[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+:)"
    # "Source: FBC News", "Source: Thai PBS World" alone over the story: a masthead the longer
    # list knows, one whose words say it is a medium, or a known one with its edition's name
    # (not "Source: World Bank", "Source: Ministry of Health")
    rf"|^[ \t]*Sources?[ ]*:[ ]*(?:[Tt]he[ ]+)?(?P<source_masthead>{_MASTHEAD_WORD}"
    rf"(?:[ ]{_MASTHEAD_WORD}){{0,4}})[ ]*$"
    # "With AFP" over the story: a paper's text written with the agency's copy
    rf"|^[ \t]*[Ww]ith[ ]+(?P<with_head>{_WIRES}){_JOINED}[ ]*$"
    # "Staff and MTI" over the story: the paper's staff with the agency's copy
    rf"|^[ \t]*Staff(?:[ ]+(?:reporters?|writers?))?[ ]+(?:and|&)[ ]+(?:[Tt]he[ ]+)?"
    rf"(?P<staff_and>{_WIRES}){_JOINED}[ ]*$"
    rf"|^[ \t]*{_PLACE}{_DATE}\.[ ]+(?P<colon>[A-ZÀ-ÖØ-ÞĀ-Ž][\w&\-]*(?:[ ][A-ZÀ-ÖØ-ÞĀ-Ž][\w&\-]*"
    rf"){{0,2}}):[ ]"
)
# Closing credits: "— dpa" on its own line, "(c) 2026 The Associated Press. All rights
# reserved.", "Copyright 2026 The Canadian Press", "This report by The Canadian Press was first
# published …", "— with AFP", "(With inputs from PTI)", "Source: Xinhua", "Ukrinform" or
# "(AFP)" alone on the last line, "The Associated Press contributed to this report."
_CLOSING = re.compile(
    rf"(?m)^[ \t]*(?:(?:{_DASH}|==)[ ]*(?P<dash>{_SLOT_MEDIA}|{_WIRES_CAPS}){_JOINED}"
    # "– African News Agency (ANA)": the name, then its initials
    r"(?:[ ]*\([A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}\))?(?:/[a-z]{1,4})*[ ]*$"
    rf"|(?:ALL[ ]RIGHTS[ ]RESERVED\.?[ ]+|All[ ]rights[ ]reserved\.?[ ]+)?"
    rf"(?:\([cC]\)|©|Copyright)(?:[ ]*(?:\([cC]\)|©|Copyright))*[ ]*(?:\d{{4}}[ ]*)?,?[ ]*"
    rf"(?:[Tt]he[ ]+)?(?:Thomson[ ]+)?(?P<copy>{_WIRES}){_END}"
    rf"|This[ ]+(?:report|story|article)[ ]+by[ ]+(?:[Tt]he[ ]+)?(?P<report>{_WIRES})[ ]+was\b"
    # "— with AFP", "(With AFP)", "With inputs from PTI", "With additional reporting by Reuters",
    # "— With files from The Canadian Press"
    rf"|(?:{_DASH}[ ]*)?\(?[Ww]ith[ ]+(?:(?:additional[ ]+)?(?:inputs?|reporting|material|files)"
    rf"[ ]+(?:from|by)[ ]+)?(?:[Tt]he[ ]+)?(?P<with>{_MEDIA}|{_WIRES_CAPS}){_END}"
    r"(?:(?:,[ ]*|[ ]+and[ ]+|[ ]*&[ ]*)[^\n]{1,40}?)?\)?\.?[ ]*$"
    # "Additional reporting by Reuters", "Material from AFP was used in this report", "(Additional
    # reporting by Reuters; editing by …)"
    # ("– Additional reporting: PA")
    rf"|(?:{_DASH}[ ]*)?\(?(?:Additional[ ]+reporting|Material)(?:[ ]+(?:by|from)|[ ]*:)[ ]+"
    rf"(?:[Tt]he[ ]+)?"
    rf"(?P<additional>{_SLOT_MEDIA}|{_WIRES_CAPS}){_END}"
    # "Source: Xinhua", "Source: Xinhua Editor: Zhang Rui", "Source: Reuters/fh" (the editor's
    # initials after it): a source line names a medium
    rf"|Sources?(?:\(s\))?[ ]*:[ ]*(?:[Tt]he[ ]+)?(?P<source>{_MEDIA}){_END}"
    rf"(?:/[a-z]{{1,4}})*\.?[ ]*(?=$|[|·]|[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+:)"
    # "Ukrinform", "(AFP)", "(©NTB)", "PA" alone on a line; "AAP dh/jm", "dpa ab xx": with the
    # desk's sign-off initials
    # "....PACNEWS": after a row of dots ("….PACNEWS": or an ellipsis and a dot)
    # "via AAP", "Story courtesy of Reuters", "(Courtesy: ANI)": the medium the copy came through
    rf"|(?:(?:\.{{3,}}|…\.*)[ ]*)?[(\[]?©?[ ]*"
    rf"(?:(?:[Vv]ia|{_COURTESY}|[Cc]ourtesy(?:[ ]+of|[ ]*:))[ ]+"
    rf"(?:[Tt]he[ ]+)?)?(?P<alone>{_SLOT_MEDIA}|{_WIRES_CAPS}){_JOINED}[)\]]?\.?"
    rf"{_SIGN_OFF}[ ]*$"
    # "(FRANCE 24 with AFP)": a broadcaster's site rewriting an agency's copy; "ab/tj (AFP,
    # Reuters)": the editors' initials, then the agencies (DW's style)
    rf"|\([A-ZÀ-ÖØ-ÞĀ-Ž][^()\n]{{0,30}}?[ ]with[ ]+(?P<rewritten>{_SLOT_WIRES}|{_WIRES_CAPS})"
    rf"{_JOINED}\)[ ]*$"
    rf"|[a-z]{{2,4}}(?:/[a-z]{{2,4}})+[ ]+\((?P<initialled>{_SLOT_WIRES}|{_WIRES_CAPS})"
    rf"{_JOINED}\)[ ]*$"
    # "The Associated Press contributed to this report.", "Reuters contributed reporting.",
    # "Associated Press writer Jane Doe in Paris contributed to this report.", "Reuters' Tom
    # Balmforth contributed reporting."
    rf"|(?:[Tt]he[ ]+)?(?P<contributed>{_MEDIA}|{_WIRES_CAPS}){_END}"
    r"(?:[ ]+(?:writers?|reporters?|correspondents?|journalists?|staff)\b[^\n]{0,80}?"
    r"|['’]s?[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž][^\n]{0,80}?)?"
    r"[ ]+contributed[ ]+(?:reporting|to[ ]+this[ ]+(?:report|story|article))\b)"
)
# Syndication and partnership lines, which name the outlet whose reporting the article is
# (known to the media list or not): "Adapted from a report by the Austin American-Statesman.",
# "This story was produced in partnership with ProPublica, a nonprofit newsroom …", "This
# article was originally published by The Conversation", "Republished with permission from X"
_MASTHEAD = rf"(?:[Tt]he[ ]+)?{_MASTHEAD_WORD}(?:[ ](?:{_MASTHEAD_WORD}|of|on|for|and|de|&)){{0,6}}"
_SYNDICATED = re.compile(
    # (at a line's start or a sentence's: "… a 501c(3) public charity. This article first
    # appeared in Oklahoma Voice …")
    r"(?m)(?:^|(?<=[.!?][ ]))[ \t]*[(*_]*(?:"
    r"(?:Adapted|Excerpted|Condensed)[ ]+from[ ]+(?:an?[ ]+)?(?:report|story|article|piece)"
    r"[ ]+(?:by|in|from)"
    # "This story|article …" is the article itself; "This report …" may be a report the
    # article is about ("This report was produced by the climate service")
    # ("This article first appeared in Kazinform.": "was" may be left out)
    r"|(?:This|The[ ]+following)[ ]+(?:story|article|piece|content)[ ]+(?:(?:was|is)[ ]+)?"
    r"(?:(?:originally|first|jointly)[ ]+)?"
    r"(?:(?:published|produced|reported|written|co-published|republished|reprinted|adapted|"
    r"distributed|appeared|ran)[ ]+)?"
    r"(?:(?:in[ ]+(?:partnership|collaboration|association)[ ]+with)|by|from|in|on|with)"
    r"|(?:Originally|First)[ ]+(?:published|appeared)[ ]+(?:by|in|on)"
    # ("Reproduced with kind permission from Nikkei Asia.", "Syndicated from Bernama.")
    r"|(?:Republished|Reproduced|Reprinted|Syndicated)[ ]+(?:with[ ]+(?:kind[ ]+)?permission[ ]+)?"
    r"(?:from|of|by)"
    r"|Based[ ]+on[ ]+(?:a[ ]+)?(?:report|reporting)[ ]+(?:by|from)"
    r"|(?:Produced|Published)[ ]+in[ ]+(?:partnership|collaboration)[ ]+with"
    # "This report is sourced from Kyodo News.": here "report" is the piece itself
    r"|(?:This|The)[ ]+(?:story|article|report|piece|content)[ ]+(?:is|was|has[ ]+been)[ ]+"
    r"sourced[ ]+from"
    # "This content was provided by Xinhua.", "Content provided by Yonhap."
    r"|(?:(?:This|The)[ ]+)?(?:[Cc]ontent|[Ss]tory|[Aa]rticle)[ ]+(?:(?:is|was)[ ]+)?"
    r"(?:provided|supplied)[ ]+by|"
    + _COURTESY
    # "This article is published under a content-sharing agreement with Asia News Network."
    + r"|(?:This|The)[ ]+(?:story|article|report|piece|content)[^\n.]{0,40}?[ ](?:under|through|"
    r"as[ ]+part[ ]+of|in)[ ]+an?[ ]+content[- ](?:sharing|exchange|syndication)[ ]+"
    r"(?:agreement|arrangement|partnership|deal)[ ]+with"
    # ("Republished with permission from the Kenya News Agency (KNA).": its initials after it)
    # ("originally published by our news partners at KXAN")
    rf")[ ]+(?:our[ ]+(?:news[ ]+|media[ ]+)?partners?[ ]+(?:at|from)[ ]+)?"
    # ("Republished with permission from Notes from Poland.": "from" inside a name that ends
    # the sentence)
    rf"(?P<syndicated>{_MASTHEAD}(?:[ ]from[ ]{_MASTHEAD_WORD}(?=\.?[ ]*$))?)"
    rf"(?=[ ]*(?:[.,;:()*_]|[ ]+(?:and|under|as|for|on)[ ]|$))"
)
# A newsroom's line about itself closing its republished copy: "KFF Health News is a national
# newsroom that produces …", "Stateline is part of States Newsroom, a nonprofit news network …"
_ABOUT_US = re.compile(
    rf"(?m)^[ \t]*(?P<about>{_MASTHEAD})[ ]+is[ ]+(?:an?[ ]+|part[ ]+of[ ]+)[^\n]{{0,80}}?"
    r"(?:\bnewsroom|\bnews[ ]+(?:organi[sz]ation|network|service|outlet|site|nonprofit)"
    r"|\bnonprofit[ ]+news)\b"
)
# A desk's unnamed signature that only one agency uses: Reuters' closing "(Reporting by …;
# Editing by …)" and its "Thomson Reuters Trust Principles" line, Bloomberg's "To contact the
# reporter on this story:". It names no one else, so it counts only when no credit is named.
_SIGNATURES = (
    (
        re.compile(
            r"(?m)^[ \t]*\(?(?:Reporting|Reported|Writing)[ ]+by[ ]+[^\n;]{2,120};"
            r"[^\n]{0,300}?\b(?:Editing|Edited)[ ]+by[ ]+[^\n]{2,120}$"
            r"|^[^\n]{0,40}\bThomson[ ]Reuters[ ]Trust[ ]Principles\b"
        ),
        "Reuters",
    ),
    (re.compile(r"(?m)^[ \t]*To[ ]contact[ ]the[ ]reporters?[ ]on[ ]this[ ]story\b"), "Bloomberg"),
    # Bloomberg's closing "--With assistance from Jane Doe."
    (re.compile(r"(?m)^[ \t]*--[ ]?With[ ]assistance[ ]from[ ][A-ZÀ-ÖØ-ÞĀ-Ž]"), "Bloomberg"),
    # Anadolu's closing "*Writing by Jane Doe" (the asterisk is its house style)
    (
        re.compile(
            r"(?m)^[ \t]*\*[ ]?(?:Writing|Contribution|Contributions)[ ]+by[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž]"
        ),
        "Anadolu",
    ),
    # Xinhua's closing "Enditem"; the Central News Agency's "Enditem/AW" (its editor's initials);
    # Yonhap's "(END)"
    (re.compile(r"(?m)^[ \t]*Enditem[ ]*$"), "Xinhua"),
    (re.compile(r"(?m)^[ \t]*Enditem/[A-Za-z]{1,4}[ ]*$"), "CNA"),
    (re.compile(r"(?m)^[ \t]*\(END\)[ ]*$"), "Yonhap"),
    # the reporter's address at the paper's own domain closing the copy: Caixin's "Contact
    # reporter Liu Yang (yangliu@caixin.com)", Dow Jones' "Write to Jane Doe at jane.doe@wsj.com"
    (
        re.compile(r"(?m)^[ \t]*(?:Contact[ ]reporter|Write[ ]to)[ ][^\n@]{2,80}@caixin\.com\b"),
        "Caixin",
    ),
    (
        re.compile(r"(?m)^[ \t]*Write[ ]to[ ][^\n@]{2,80}@(?:wsj|dowjones)\.com\b"),
        "Dow Jones Newswires",
    ),
    # Ukrinform's own back-reference, "As Ukrinform reported, …", which no other outlet writes
    # of it
    # ("As reported by Ukrinform, …": the same, the other way round)
    (
        re.compile(
            r"(?m)(?:^|(?<=[.!?”\"’][ ]))As[ ](?:Ukrinform[ ]reported|reported[ ]by[ ]Ukrinform)\b"
        ),
        "Ukrinform",
    ),
    # Anadolu's closing notice: "Anadolu Agency website contains only a portion of the news
    # stories offered to subscribers in the AA News Broadcasting System (HAS), …"
    (
        re.compile(r"(?m)^[ \t]*Anadolu[ ]Agency[ ]website[ ]contains[ ]only[ ]a[ ]portion\b"),
        "Anadolu",
    ),
    # Ritzau's closing "/ritzau/"; Agerpres' closing "AGERPRES (RO - author: …; EN - author: …)"
    (re.compile(r"(?m)^[ \t]*/ritzau/[ ]*$", re.IGNORECASE), "Ritzau"),
    (re.compile(r"(?m)^[ \t]*AGERPRES[ ]*\((?:RO|EN)[ ]*-[ ]*author\b"), "Agerpres"),
    # AFP's closing desk line: the bureau ("bur"), then the editors' initials ("bur/gd",
    # "bur-mlm/jj", "burs-ach/sst")
    (
        re.compile(r"(?m)^[ \t]*(?:[a-z]{2,4}[-/])*burs?(?:[-/][a-z]{2,4})+[ ]*$"),
        "AFP",
    ),
)
# "… the ministry said. (PNA)": an agency's name in brackets closing the text's last sentence;
# "… the ministry said. — Reuters", "… said.—AFP": after a dash on the last sentence's line
# "… since early 2024. ANSA.": the agency's name as the last sentence
_TRAILING = re.compile(
    rf"[.!?”\"’][ ]*(?:\((?P<trailing>{_SLOT_WIRES}|{_WIRES_CAPS}){_END}\)\.?"
    rf"|{_DASH}[ ]*(?P<dashed_end>{_SLOT_WIRES}|{_WIRES_CAPS}){_JOINED}\.?"
    rf"|(?<=[.!?”\"’])[ ]+(?P<final>{_WIRES}|{_WIRES_CAPS}){_JOINED}\.)[ \t]*(?:\n[ \t]*)*\Z"
)
# An agency crediting itself at the end of the first paragraph, as Ukrinform does: "… has said.
# Ukrinform reports.", "…, an Ukrinform correspondent reports.", "…, a 24.kg news agency
# correspondent reports from a meeting of the city council." (present tense, the sentence's
# end: "…, Interfax reported" is a relay, not a credit)
# "This was stated by the prosecutor's office, Ukrinform reports.": its line of who said it,
# closing the first or second paragraph; "Ukrinform reports with reference to the press service."
_LEDE_REPORTS = re.compile(
    rf"(?:(?<=[.!?”\"’])[ ]+(?P<reports>{_WIRES})[ ]+reports"
    rf"(?:[ ]+with[ ]+reference[ ]+to[ ][^.\n]{{3,120}})?"
    rf"|,[ ]+an?[ ]+(?P<correspondent>{_WIRES})(?:[ ]+news[ ]+agency)?[ ]+correspondent[ ]+reports"
    rf"(?:[ ]+from[ ][^.\n]{{3,120}})?"
    rf"|(?:^|(?<=[.!?”\"’][ ]))This[ ]+was[ ]+[a-z]+[ ]+by[ ][^\n]{{3,200}}?,[ ]+"
    rf"(?P<this_was>{_WIRES})[ ]+reports)\.[ ]*(?=\n|\Z)",
    re.M,
)
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
_HEAD = 400  # a credit sits in the first lines (after a headline or a byline at most)
# A dateline's bracketed credit may come later, after a page's head (``_before_the_dateline``);
# the app reads this many characters of a text's start
HEAD_CHARS = 1000
_TAIL = 300  # a closing credit sits in the last lines


@dataclass(frozen=True, slots=True)
class WireOrigin:
    name: str  # "Associated Press"
    credit: str  # as written: "AP"
    start: int
    end: int


def wire_origin(text: str, outlet: str | None = None) -> WireOrigin | None:
    """The agency whose copy the article is, if it credits one. A credit stands in one of two
    slots: the first lines (the dateline: "WASHINGTON (AP) —" -> Associated Press, "BEIJING,
    Xinhua —", "BAKU, Azerbaijan, December 2. Trend:"; a byline: "By X, Associated Press"; a
    line that is the credit alone: "By Reuters", "Source: Xinhua | Updated …") or the last lines
    ("— dpa", "— with AFP", "(c) 2026 The Associated Press", "Source: Xinhua", "Ukrinform"
    alone, "The Associated Press contributed to this report.", "Adapted from a report by the
    Austin American-Statesman.", "This story was produced in partnership with ProPublica").
    A name said anywhere else in the text is no credit ("Reuters reported on Tuesday"), and a
    source or contribution line credits a medium only: "Source: the ministry", "Source: World
    Bank", "With inputs from agencies" or "Staff writer X contributed" say where figures or
    help came from, not whose copy the text is, so they give no origin. Failing
    a named credit, a desk signature only one agency uses ("(Reporting by …; Editing by …)" ->
    Reuters) names it. A credit naming the article's own ``outlet`` ("LONDON (Reuters) -" in
    Reuters' copy, "(CNN) —" on CNN) is the outlet's own copy, not a relay, and is passed
    over."""
    # Pages copied from the web space their datelines with no-break and thin spaces
    # ("LONDON,\u00a0June 3 (Reuters) -"): read them as spaces (the offsets do not move)
    text = text.translate(_SPACES)
    head = min(len(text), _HEAD)
    tail = max(0, len(text) - _TAIL)

    def own(name: str) -> bool:
        return bool(outlet) and is_own_outlet(name, outlet or "")

    # the outlet's own credit in the dateline ("SEOUL, Dec. 4 (Hanbit) --" on Hanbit): a desk's
    # unnamed signature then is its own sign-off, not another agency's
    own_credit = False
    for pattern in (_CREDIT, _BARE_CREDIT, _BYLINE):
        for m in pattern.finditer(text, 0, head):
            if _is_credit(text, m):
                if not own(_credit_of(m)):
                    return _origin(m)
                own_credit = True
    # A page copied whole may put a headline, a standfirst, a picture's caption and a byline
    # before the dateline: a bracketed credit with its dash opening the first paragraph of the
    # story still credits it, up to HEAD_CHARS
    for m in _CREDIT.finditer(text, 0, min(len(text), HEAD_CHARS)):
        if m.group("agency") is None or not _before_the_dateline(text, m.start()):
            continue
        if _is_credit(text, m) and not own(_credit_of(m)):
            return _origin(m)
    # a line in the first lines, up to its own end (not the end of the first 400 characters)
    line_end = text.find("\n", head)
    for m in _HEAD_LINE.finditer(text, 0, len(text) if line_end < 0 else line_end):
        if (
            m.start() < head
            and _before_the_story(text, m.start())
            and _is_credit(text, m)
            and not own(_credit_of(m))
        ):
            return _origin(m)
    # "… President Zelensky has said. Ukrinform reports.": the agency's own line closing the
    # first paragraph (a sentence of its own, or its correspondent's)
    lede_end = text.find("\n\n")
    second = text.find("\n\n", lede_end + 2) if lede_end >= 0 else -1
    m = _LEDE_REPORTS.search(text, 0, head if lede_end < 0 else min(head, lede_end))
    if m is None and second >= 0:
        m = _LEDE_REPORTS.search(text, lede_end, min(second, lede_end + _HEAD))
        m = m if m is not None and m.group("this_was") else None
    if m and not own(_credit_of(m)):
        return _origin(m)
    for pattern in (_CLOSING, _SYNDICATED, _ABOUT_US, _TRAILING):
        for m in pattern.finditer(text, tail):
            if _is_credit(text, m) and not own(_credit_of(m)):
                return _origin(m)
    for pattern, credit in _SIGNATURES if not own_credit else ():
        m = pattern.search(text, tail)
        if m and not own(credit):
            return WireOrigin(agency_name(credit), credit, m.start(), m.end())
    # "…, AAP reports.", "…, the PA news agency reports.": the agency the paper's copy is
    # from, named in the tag closing the story's first paragraph (the rewrite desk's formula)
    m = _LEDE_TAG.search(text, 0, head if lede_end < 0 else min(head, lede_end))
    if m is None and lede_end >= 0:
        # "…, the IPN news agency reports. Several …" after the lede, closing a sentence of a
        # later paragraph: only with "news agency" vouching for the name (a paper relaying an
        # agency writes "reported")
        m = _AGENCY_TAG_LATER.search(text, lede_end)
    # (present tense only: "…, TASS reported on Thursday" is a paper's relay of the agency)
    if m is not None and not own(_credit_of(m)):
        return _origin(m)
    # None of the forms above: the learned detector reads the same slots for a credit's form
    # they lack ("Additional reporting: PA", "Staff and MTI" were such forms before rules
    # named them); its threshold keeps false credits to about one in a thousand articles
    found = credit_detector.detect(text, skip=own)
    if found is not None:
        c = found[0]
        return WireOrigin(agency_name(c.name), re.sub(r"^[Tt]he\s+", "", c.name), c.start, c.end)
    return None


_WEEKDAY_TAG = r"(?:[ ]+(?:on[ ]+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
# "…, the IPN news agency reports. Several …": the tag after the lede, closing a sentence of a
# later paragraph, with "news agency" before or after the name ("…, the news agency NTB
# reports."): the rewrite desk's formula still
_AGENCY_TAG_LATER = re.compile(
    rf",[ ]+(?:[Tt]he[ ]+)?(?:[\w’'\-]+[ ]+){{0,3}}?"
    rf"(?:(?P<later_tag>{_SLOT_WIRES}|[A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}})[ ]+news[ ]+agency"
    rf"|news[ ]+agency[ ]+(?P<later_named>{_SLOT_WIRES}|[A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}))"
    rf"[ ]+reports{_WEEKDAY_TAG}\.(?=[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž]|[ ]*(?:\n|\Z))"
)
_LEDE_TAG = re.compile(
    # ("the state-run news agency BSS", "Nepal's national news agency RSS", "the Portuguese
    # news agency Lusa": a descriptor before the name; "Kyodo News", "the Bahrain News Agency
    # (BNA)", "the ANP news agency": after it)
    # ("…, the Guatemalan government news agency AGN reports.": initials the list lacks, which
    # "news agency" before them vouches for)
    rf",[ ]+(?:[Tt]he[ ]+)?(?:(?:[\w’'\-]+[ ]+){{0,4}}?(?P<lede_tag>{_SLOT_WIRES})(?:[ ]+News)?"
    r"|(?:[\w’'\-]+[ ]+){0,4}?news[ ]+agency[ ]+(?P<lede_initials>[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}))"
    # ("…, the Prime business news agency reports.")
    rf"(?:[ ]+\([A-ZÀ-ÖØ-ÞĀ-Ž]{{2,6}}\))?(?:[ ]+(?:business|economic|financial))?"
    rf"(?:[ ]+news[ ]+agency)?"
    # ("…, the ČTK news agency says.")
    rf"[ ]+(?:reports|says){_WEEKDAY_TAG}"
    rf"(?:[ ]+from[ ]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]+)?{_WEEKDAY_TAG}"
    # ("…, Reuters reports, citing the union.")
    r"(?:,[ ]+(?:citing|quoting|ruling|adding|saying)[ ][^.\n]{0,200})?\.[ ]*(?=\n|\Z)"
)


def _before_the_dateline(text: str, start: int) -> bool:
    """Whether the lines before ``start`` read as a page's head (a headline, one standfirst,
    captions, a byline, a date) rather than the story: at most one line of more than 20 words,
    none of more than 60."""
    lines = text[:start].splitlines()
    long = [len(line.split()) for line in lines if len(line.split()) > 20]
    return len(long) <= 1 and all(n <= 60 for n in long)


def _before_the_story(text: str, start: int) -> bool:
    """Whether only a headline, a kicker or a byline comes before ``start``: no line of the
    story's prose (a paragraph of more than 20 words), after which a medium's name alone on a
    line is a subheading or a picture's credit, not the article's."""
    return all(len(line.split()) <= 20 for line in text[:start].splitlines())


def credit_excerpt(head: str, tail: str) -> str:
    """What ``wire_origin`` reads of an article known only by its first ``HEAD_CHARS`` and last
    ``_TAIL`` characters (the app fetches no more): a line cut off at either end is marked as
    cut, so that its remnant ("… AFP." from "… told AFP.") reads as no line of its own."""
    if len(head) >= HEAD_CHARS:
        head += " …"
    if len(tail) >= _TAIL:
        tail = "… " + tail
    return f"{head}\n\n{tail}"


# Wire-desk tags that stand in brackets where a credit would ("(LEAD) —", "(UPDATE 2) -")
_TAGS = frozenset(
    wordlist(
        "LEAD UPDATE UPDATED URGENT FLASH EXCLUSIVE CORRECTED REFILE RPT VIDEO PHOTOS PHOTO AUDIO "
        "WATCH LIVE BREAKING ANALYSIS OPINION FILE EDITORIAL FEATURE"
    )
)
# Opening words of a time or circumstance phrase, never of a dateline ("On Tuesday, Xinhua —
# China's state news agency — opened …")
_NOT_PLACE = frozenset(
    wordlist(
        "On In At By For From After Before During Since Until When While Earlier Later Last This "
        "Next Meanwhile Also But And Yesterday Today Tonight"
    )
)


def _credit_of(m: re.Match[str]) -> str:
    return next(v for v in m.groupdict().values() if v).strip()


def is_staff_credit(name: str) -> bool:
    """Whether a name in a credit's slot is a paper's own staff, not a medium: "KATHMANDU, Dec 3
    (Post Report) —", "(Staff Report)", "(Web Desk)", "(Our Correspondent)" ("(Reuters Staff)"
    names Reuters)."""
    staff = credit_detector.STAFF_WORDS
    words = name.split()
    return (
        bool(words)
        and words[-1].lower() in staff
        and name not in media.names()
        and " ".join(w for w in words if w.lower() not in staff) not in media.names()
    )


def _is_credit(text: str, m: re.Match[str]) -> bool:
    """Whether a credit-shaped match names a medium: not a wire-desk tag ("(Video) —",
    "(UPDATE 2) -"), not an organisation's short form after its long one ("The World Food
    Programme (WFP) — which …"), not a time phrase before a named agency ("On Tuesday, Xinhua
    — …")."""
    name = _credit_of(m)
    line = text[m.start() : m.start(_group_of(m))]
    if m.re is _SYNDICATED:
        return _reads_as_masthead(name, m.group(0))
    if m.re is _ABOUT_US:
        # the newsroom's own name, one the list knows or one whose words say it is a medium
        return _reads_as_masthead(name, "")
    if m.re is _HEAD_LINE and m.group("source_masthead") is not None:
        words = name.split()
        edition = len(words) > 1 and words[-1].lower() in _SECTIONS | {"world"}
        return _reads_as_masthead(name, "") or (
            edition and " ".join(words[:-1]) in media.names(slots=True)
        )
    if m.re in (_CLOSING, _TRAILING) or (m.re is _HEAD_LINE and m.group("colon") is None):
        return True  # a known medium, alone in its line or in a credit's formula
    if m.re is _HEAD_LINE:
        # "BAKU, Azerbaijan, December 2. Trend:": a name after a dated dateline, not a tag
        # ("LONDON, May 6. Analysis:") nor a time phrase
        return name.upper() not in _TAGS and name not in _NOT_PLACE and name not in _CALENDAR
    if not name[:1].isupper() and name not in media.names():
        return False  # "(dpa) -" is a credit, "(photo) -" is not
    if name in _countries() and name not in media.names():
        return False  # "SAN JOSE (Costa Rica) —", "KYIV (Ukraine) —": the place's country
    if m.groupdict().get("dated") is not None:
        # with no dash after the bracket, a dated or capitalised dateline must come before it
        # ("Amman, May 6 (Petra) --", "GÖTEBORG (TT) A 15-year-old …")
        return _known_credit(name) and bool(re.search(r"\d|^\s*[A-ZÀ-ÖØ-ÞĀ-Ž]{3,}", line))
    if m.groupdict().get("slash") is not None:
        return not re.search(r"\d", name)
    if any(m.groupdict().get(g) is not None for g in ("hyphened", "leading", "opening")):
        # "APA-Dakar (Senegal) –", "AKP Phnom Penh, December 3, 2026 --": an agency's name in a
        # credit's slot only
        return True
    if m.re is _BYLINE:
        return True
    if line.split()[:1] and line.split()[0].strip(",") in _NOT_PLACE:
        return False
    if m.re is _BARE_CREDIT:
        return True  # a known agency by name: the pattern has checked it
    if is_staff_credit(name):
        return False
    if re.search(r"\d", name) or name.upper() in _TAGS:
        return False
    if _known_credit(name):
        return not (name.isupper() and _abbreviates(name, line))
    words = name.split()
    if len(words) >= 2:
        return all(w[:1].isupper() or w in ("of", "de", "the", "and") for w in words)
    # one unknown word ("AMMAN (Petra) --", "Amman, May 6 (Petra) --"): a credit only after a
    # dateline's capitals or date
    return bool(re.search(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{3,}|\d", line))


# Words a medium's name is made of ("Austin American-Statesman", "KFF Health News",
# "The Conversation"); a person's name ("Jane Doe") has none of them
_MEDIUM_WORDS = frozenset(
    wordlist(
        "news press agency times post journal herald tribune daily gazette wire wires radio tv "
        "television network media chronicle observer statesman telegraph guardian magazine "
        "review monitor inquirer courier ledger standard sentinel mail express star bulletin "
        "examiner dispatch globe independent mirror insider conversation "
        "reporter report newsroom newspaper broadcasting broadcaster"
    )
)
_PARTNERSHIP = re.compile(
    r"\b(?:partnership|collaboration|association|agreement|arrangement|deal)[ ]+with\b"
    r"|\b(?:[Rr]epublished|[Rr]eproduced|[Rr]eprinted|[Ss]yndicated|courtesy)\b"
)
# "This article was originally published by Euractiv.", "This story first appeared on
# Mongabay-India.": whoever first published the piece is its newsroom, whatever its name
_REPUBLISHED = re.compile(r"\b(?:Republished|Reproduced|Reprinted|Syndicated)[ ]")
_FIRST_PUBLISHED = re.compile(
    r"\b(?:[Oo]riginally|[Ff]irst)[ ]+(?:published|appeared|ran)[ ]+(?:by|in|on)\b"
)


def _reads_as_masthead(name: str, line: str) -> bool:
    """Whether a syndication line's name is an outlet: one the media list knows, or one whose
    words say it is a medium ("the Austin American-Statesman", "KFF Health News"); after "in
    partnership with" or "Republished from" any organisation's name ("the Pulitzer Center"),
    never a date ("first published in March") or a place alone."""
    bare = re.sub(r"^(?:the|The)\s+", "", name)
    words = re.findall(r"[\w'’&]+", bare)
    if not words or words[0] in _CALENDAR or words[0] in _NOT_PLACE:
        return False
    if re.search(r"['’]s\Z", bare):
        return False  # "by the Kestria Ledger's investigations team": a part of it, not it
    if (
        bare in media.names(slots=True)
        or bare in media.more_names()  # ("Originally published by BusinessDay.")
        or any(w.lower() in _MEDIUM_WORDS for w in words)
    ):
        return True  # ("originally published on Stuff": a credit's slot, where "Stuff" is one)
    if bare in _countries():
        return False  # "first published in Kenya": a place, not a newsroom
    if _FIRST_PUBLISHED.search(line) or _REPUBLISHED.search(line):
        return True  # ("Republished with permission from The Narwhal.": any newsroom's name)
    return bool(_PARTNERSHIP.search(line)) and (
        len(words) >= 2 or bare in media.names() or bool(re.search(r"[a-z][A-ZÀ-ÖØ-ÞĀ-Ž]", bare))
    )


def _group_of(m: re.Match[str]) -> str:
    return next(g for g, v in m.groupdict().items() if v)


def _abbreviates(short: str, before: str) -> bool:
    """Is ``short`` made of the starts of the capitalised words right before it, in order
    ("WFP" after "The World Food Programme")? Then it names that organisation, not a medium."""
    words = [w.upper() for w in re.findall(r"[\w\-]+", before) if w[:1].isupper() and w != "The"]

    def fits(i: int, k: int) -> bool:
        if i == len(short):
            return k == len(words)
        if k == len(words):
            return False
        w = words[k]
        return any(
            short[i : i + n] == w[:n] and fits(i + n, k + 1)
            for n in range(1, min(len(w), len(short) - i) + 1)
        )

    # the short form abbreviates the last few capitalised words
    return any(fits(0, k) for k in range(max(0, len(words) - len(short)), len(words) - 1))


def _known_credit(name: str) -> bool:
    """A bracketed name with no dash after it ("Mar 3 (PTI) The …") is a credit only when it
    is a known medium or an agency's initials, not "(Tuesday)"."""
    # ("(MONTSAME).": a credit form of the list in capitals)
    return (
        name in media.names()
        or name.upper() in AGENCIES
        or bool(re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}", name))
    )


# Section names a medium puts after its own ("CNN Business", "BBC Sport", "Bloomberg Opinion")
_SECTIONS = frozenset(
    wordlist(
        "business opinion sport sports news politics money markets tech technology health world "
        "digital international live travel science culture"
    )
)
_WORD = re.compile(r"\w+")


def is_own_outlet(link: str, outlet: str) -> bool:
    """Whether a credit or relay link names the article's own outlet: by name, initials,
    masthead word ("the Ledger" in The Kestria Ledger) or the outlet's name with a section
    after it ("Bloomberg Opinion" on Bloomberg)."""
    if not outlet:
        return False
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
    words = set(_WORD.findall(link.lower())) - {"the"}
    own = set(_WORD.findall(outlet.lower())) - {"the"}
    return (
        same_source(link, outlet)
        or (len(initials) >= 2 and link.upper() == initials)
        or bool(words and words <= own)
        or bool(own and own < words and words - own <= _SECTIONS)
    )


def _origin(m: re.Match[str]) -> WireOrigin:
    group = next(g for g, v in m.groupdict().items() if v)
    credit = m.group(group).strip()
    name = _SLOT_AGENCIES.get(credit.upper()) or agency_name(credit)
    shared = _SHARED_INITIALS.get(credit)
    if shared is not None and shared[0].search(m.string, max(0, m.start() - 80), m.start(group)):
        # "YANGON, Dec 3 (MNA) -": two agencies write the same initials; the dateline's place
        # tells them apart (Iran's Mehr is the list's MNA)
        name = shared[1]
    if name == credit and credit.isupper() and len(credit) >= 4:
        # "-- BERNAMA", "INTERFAX -": an agency signing off in capitals keeps its usual name
        name = _CAPS_NAMES.get(credit, credit)
    return WireOrigin(name, credit, m.start(group), m.end(group))


_SHARED_INITIALS = {
    "MNA": (
        re.compile(r"Yangon|YANGON|Nay[ ]?Pyi[ ]?Taw|NAY[ ]?PYI[ ]?TAW|Mandalay|MANDALAY"),
        "Myanmar News Agency",
    ),
}
_CAPS_NAMES = {m.name.upper(): m.usual for m in media.media() if not m.name.isupper()}


def agency_name(name: str) -> str:
    """The usual name for an agency's short form or long form; other names without a
    leading "the"."""
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return AGENCIES.get(bare.upper().replace(".", "")) or LONG_FORMS.get(bare.lower(), bare)


# Media whose names start in lower case ("the German news agency dpa", "broadcaster franceinfo")
_LOWER_MEDIA = media.alternation([n for n in media.names() if n[:1].islower()]) + r"(?![\w\-])"
# "the public broadcaster Yle", "the newspaper Le Monde": the kind before the name
# ("the business daily Nikkei", "the sports daily AS": the paper's field before its kind)
_FIELD = rf"(?:(?:{media.FIELDS})\s+)?"
_KIND_FIRST = re.compile(
    # ("the local channel Canal 8", "private station Rádio Capital FM" -> the name)
    r"^(?:the\s+|The\s+)?(?:(?:state|state-run|state-owned|official|public|semi-official|local|"
    r"regional|national|independent|private|commercial|online|community)\s+){0,2}"
    + _FIELD
    + r"(?:news\s+agency|broadcaster|newspaper|daily|channel|website|(?:trade\s+)?publication|"
    r"news\s+portal|news\s+site|portal|wire\s+service|news\s+service|"
    r"magazine|weekly|tabloid|(?:radio\s+|television\s+)?station|television|radio)\s+"
    # ("the news portal bdnews24.com": a site's address in lower case)
    rf"(?=[A-ZÀ-ÖØ-ÞĀ-Ž]|{_LOWER_MEDIA}|[a-z][a-z\d\-]*\.[a-z]{{2,4}}\b)"
)


_KNOWN_AGENCY = re.compile(
    r"(?:the\s+|The\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]*['’]s\s+)?(?:(?:state|state-run|official)\s+)?"
    r"(?:news\s+agency\s+)?(?P<n>[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*)(?:\s+(?:news\s+agency|agency))?"
)


_SHORT_FORM = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}")
_BRACKETED = re.compile(r"\(([A-ZÀ-ÖØ-ÞĀ-Ž]{2,6})\)")


# "the official Korean Central News Agency", "the state-run Anadolu": words saying whose or
# what kind of medium it is, not part of its name
_STATUS = re.compile(r"^(?:(?:state|state-run|state-owned|official|semi-official|public)\s+)+")
# "Belgian broadcaster RTBF", "the Russian news outlet RBC", "the news website Politico
# Europe": a nationality and a kind before the name
_NATIONAL_KIND = re.compile(
    r"^(?:the\s+|The\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-z]+\s+)?(?:(?:state|state-run|official|public|online)"
    r"\s+)?"
    + _FIELD
    + r"(?:news\s+agency|news\s+outlet|news\s+website|news\s+site|outlet|broadcaster|newspaper|"
    rf"daily|channel|website|tabloid|radio\s+station|television)\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž]"
    rf"|{_LOWER_MEDIA})"
)
# A short form the rest of the article may spell out ("told the AP", "according to the
# Associated Press"): one link under one name, the agency's usual long name
_SPELLED_OUT = frozenset(("AP",))
_NAME_THEN_AGENCY = re.compile(
    r"((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*\s+){0,2}[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*)\s+(?:news\s+)?agenc"
    r"y"
)


def usual_relay_name(name: str) -> str:
    """A relay link as the analyst knows it: "the Korean Central News Agency" -> "KCNA",
    "the public broadcaster Yle" -> "Yle", "the AP" -> "Associated Press"; any other name as
    written, and a nation's medium by its kind ("the Palestinian news agency") whole."""
    usual = _usual_relay_name(name)
    if usual != name and re.fullmatch(DEMONYM, usual) and usual.lower() not in LONG_FORMS:
        return name  # not "Palestinian": no name to keep
    if usual != name and usual.lower() in ("tv", "television", "radio", "media"):
        return name  # "state TV" is not "TV": a kind alone names no medium
    if usual != name and usual.lower() in _WORD_NAMES:
        return name  # "the sports daily AS": a name that reads as a word keeps its kind
    return usual


# Media whose names are function words in lower case ("AS", "ONE", "I"): shown with their kind
_WORD_NAMES = frozenset(
    ("as", "at", "in", "on", "it", "i", "is", "we", "us", "one", "now", "so", "the", "an", "a")
)


def _usual_relay_name(name: str) -> str:
    bare = _STATUS.sub("", re.sub(r"^(?:the|The)\s+", "", name.strip()))
    short = _BRACKETED.search(bare)
    if short:
        return short.group(1)  # "Maghreb Arabe Presse (MAP) agency" -> "MAP"
    if bare.lower() in LONG_FORMS:
        return LONG_FORMS[bare.lower()]
    named = _NAME_THEN_AGENCY.fullmatch(bare)
    if named:
        return named.group(1)  # "RIA Novosti agency", "Interfax news agency"
    if bare.upper().replace(".", "") in _SPELLED_OUT:
        return AGENCIES[bare.upper().replace(".", "")]
    kind = _KIND_FIRST.match(name.strip()) or _NATIONAL_KIND.match(name.strip())
    if kind:
        return name.strip()[kind.end() :]
    if bare != re.sub(r"^(?:the|The)\s+", "", name.strip()) and bare[:1].isupper():
        name = bare  # "state-run Anadolu" -> "Anadolu"
    known = _KNOWN_AGENCY.fullmatch(name.strip())
    if known and (
        known.group("n").upper().replace(".", "") in AGENCIES
        or (known.group("n") != name.strip() and _SHORT_FORM.fullmatch(known.group("n")))
        # "the Interfax news agency", "the Belga news agency" -> "Interfax", "Belga"
        or name.strip().endswith(" news agency")
    ):
        # "the official VCNA news agency" -> "VCNA": a short form keeps its usual name
        # "Russia's TASS news agency", "the state news agency KCNA" -> "TASS", "KCNA"
        return known.group("n")
    return name


def same_source(a: str, b: str) -> bool:
    """Whether two names are one medium: "AFP" and "Agence France-Presse"; also an agency
    known by its short form only in a credit's slot ("told PAP" in copy republished from "the
    Polish Press Agency (PAP)")."""

    def usual(name: str) -> str:
        bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
        return _SLOT_AGENCIES.get(bare.upper()) or agency_name(name)

    return usual(a).lower() == usual(b).lower()


def relay_path(chains: Iterable[Sequence[str]], origin: str | None = None) -> list[str]:
    """The article's relay path, outermost first, without the speakers: the most frequent
    relay prefix of its quotes' chains (two links or more), under the dateline's credit."""
    prefixes = Counter(
        tuple(agency_name(x) for x in chain[:-1]) for chain in chains if len(chain) >= 2
    )
    path = list(max(prefixes, key=lambda p: (prefixes[p], len(p)))) if prefixes else []
    if origin and not any(same_source(origin, x) for x in path):
        path.insert(0, agency_name(origin))
    return path


def describe(path: Sequence[str]) -> str:
    """ "relays KCNA via TASS" for ["TASS", "KCNA"]; "" for no relay."""
    if not path:
        return ""
    inner, *outer = reversed(path)
    return " via ".join([f"relays {inner}", *outer])
