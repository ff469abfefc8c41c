"""Actor resolution cases (issue #3): text and date -> code and sector, as an analyst codes them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from eventwire.actors.resolver import ActorResolver
from eventwire.knowledge.loader import load_knowledge
from eventwire.model import Mention

D = "2022-03-30"  # the seed article's date, used where the date does not matter
Resolved = tuple[Doc, ActorResolver]


@pytest.fixture(scope="session")
def resolved(nlp) -> Callable[[str, str | None], Resolved]:
    """Parse and resolve each distinct (text, date) once per session."""
    gaz = load_knowledge().gazetteer
    cache: dict[tuple[str, str | None], Resolved] = {}

    def run(text: str, date: str | None) -> Resolved:
        if (text, date) not in cache:
            doc = nlp(text)
            day = dt.date.fromisoformat(date) if date else None
            cache[(text, date)] = (doc, ActorResolver(doc, gaz, day))
        return cache[(text, date)]

    return run


def locate(text: str, target: str, nth: int = 0, ctx: str | None = None) -> tuple[int, int]:
    """Character bounds of the nth whole-word occurrence of target (inside ctx, if given)."""
    lo, hi = 0, len(text)
    if ctx is not None:
        lo = text.index(ctx)
        hi = lo + len(ctx)
    pattern = r"(?<!\w)" + re.escape(target) + r"(?!\w)"
    hits = [m for m in re.finditer(pattern, text[lo:hi])]
    assert len(hits) > nth, f"{target!r} occurs {len(hits)} time(s); test wants #{nth}"
    return lo + hits[nth].start(), lo + hits[nth].end()


def covering(doc: Doc, res: ActorResolver, start: int, end: int) -> list[Mention]:
    """Mentions covering the syntactic head of the target phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root
    return [m for m in res.mentions if m.start <= root.idx < m.end]


def show(mentions: list[Mention]) -> str:
    return "; ".join(f"{m.text!r}->{m.code} {m.sector} [{m.rule}]" for m in mentions) or "nothing"


def case(cid: str, text: str, date: str | None, target: str, code: str | tuple[str, ...],
         sector: str | None, nth: int = 0, ctx: str | None = None) -> Any:
    return pytest.param(text, date, target, code, sector, nth, ctx, id=cid)


# ---------------------------------------------------------------- country names and acronyms
COUNTRIES = [
    case("chad-is-a-country", "Chad said it will pull its troops out of Mali.", D, "Chad",
         "TCD", "GOV"),
    case("iran", "Iran rejected the proposal on Monday.", None, "Iran", "IRN", "GOV"),
    case("possessive-taken-for-a-person", "Sri Lanka's president stepped down amid protests.",
         D, "Sri Lanka", "LKA", "GOV"),
    case("russia-actor", "Russia warned Finland against joining NATO.", "2022-04-10", "Russia",
         "RUS", "GOV"),
    case("finland-target", "Russia warned Finland against joining NATO.", "2022-04-10",
         "Finland", "FIN", "GOV"),
    case("US-acronym", "The US imposed new tariffs on steel imports.", D, "US", "USA", "GOV"),
    case("U.S.-dotted", "The U.S. sent a delegation to Geneva.", D, "U.S.", "USA", "GOV"),
    case("united-states", "The United States and Japan signed a trade pact.", D,
         "United States", "USA", "GOV"),
    case("japan-conjunct", "The United States and Japan signed a trade pact.", D, "Japan",
         "JPN", "GOV"),
    case("UK-acronym", "The UK expelled two diplomats on Friday.", D, "UK", "GBR", "GOV"),
    case("britain", "Britain summoned the Chinese ambassador.", D, "Britain", "GBR", "GOV"),
    case("south-korea", "South Korea and North Korea exchanged warning shots.", D,
         "South Korea", "KOR", "GOV"),
    case("north-korea", "South Korea and North Korea exchanged warning shots.", D,
         "North Korea", "PRK", "GOV"),
    case("drc-long-name", "The Democratic Republic of Congo accused Rwanda of backing rebels.",
         D, "Democratic Republic of Congo", "COD", "GOV"),
    case("rwanda", "The Democratic Republic of Congo accused Rwanda of backing rebels.", D,
         "Rwanda", "RWA", "GOV"),
    case("ivory-coast", "Ivory Coast recalled its ambassador to Mali.", D, "Ivory Coast", "CIV",
         "GOV"),
    case("cote-divoire", "Côte d'Ivoire hosted the regional summit.", D, "Côte d'Ivoire", "CIV",
         "GOV"),
    case("turkey-capitalised", "Turkey blocked the vote in Brussels.", "2021-05-01", "Turkey",
         "TUR", "GOV"),
    case("turkiye", "Türkiye criticised the decision.", "2023-05-01", "Türkiye", "TUR", "GOV"),
    case("netherlands", "The Netherlands summoned the Russian envoy.", D, "Netherlands", "NLD",
         "GOV"),
    case("UAE", "The UAE restored ties with Qatar.", D, "UAE", "ARE", "GOV"),
    case("qatar", "The UAE restored ties with Qatar.", D, "Qatar", "QAT", "GOV"),
    case("burma-old-name", "Burma released hundreds of prisoners.", D, "Burma", "MMR", "GOV"),
    case("papua-new-guinea", "Papua New Guinea signed a security deal with Australia.", D,
         "Papua New Guinea", "PNG", "GOV"),
    case("equatorial-guinea", "Equatorial Guinea expelled the Spanish envoy.", D,
         "Equatorial Guinea", "GNQ", "GOV"),
    case("south-sudan", "South Sudan accused Sudan of bombing its border towns.", D,
         "South Sudan", "SSD", "GOV"),
    case("sudan-after-south-sudan", "South Sudan accused Sudan of bombing its border towns.", D,
         "Sudan", "SDN", "GOV", ctx="accused Sudan"),
    case("niger-not-nigeria", "Niger closed its border with Nigeria.", D, "Niger", "NER",
         "GOV"),
    case("nigeria", "Niger closed its border with Nigeria.", D, "Nigeria", "NGA", "GOV"),
    case("conj-first-keeps-own-code", "Turkey and Russia held talks in Ankara.", D, "Turkey",
         "TUR", "GOV"),
    case("conj-second-keeps-own-code", "Turkey and Russia held talks in Ankara.", D, "Russia",
         "RUS", "GOV"),
    case("czech-republic", "The Czech Republic sent tanks to Ukraine.", D, "Czech Republic",
         "CZE", "GOV"),
    case("dominican-republic", "The Dominican Republic deported the migrants.", D,
         "Dominican Republic", "DOM", "GOV"),
    case("eswatini", "Eswatini banned the protests.", D, "Eswatini", "SWZ", "GOV"),
]

# ---------------------------------------------------------------- demonym + agent noun
DEMONYMS = [
    case("iranian-protesters", "Iranian protesters blocked the road.", D, "Iranian protesters",
         "IRN", "CVL"),
    case("russian-troops", "Russian troops shelled the city.", D, "Russian troops", "RUS",
         "MIL"),
    case("senior-american-official", "A senior American official criticised the plan.", D,
         "senior American official", "USA", "GOV"),
    case("israeli-police", "Israeli police arrested the suspects.", D, "Israeli police", "ISR",
         "COP"),
    case("ukrainian-soldiers", "Ukrainian soldiers retook the village.", D,
         "Ukrainian soldiers", "UKR", "MIL"),
    case("chinese-students", "Chinese students protested outside the embassy.", D,
         "Chinese students", "CHN", "EDU"),
    case("turkish-journalists", "Turkish journalists condemned the arrests.", D,
         "Turkish journalists", "TUR", "JRN"),
    case("sudanese-rebels", "Sudanese rebels attacked the convoy.", D, "Sudanese rebels", "SDN",
         "REB"),
    case("egyptian-judges", "Egyptian judges rejected the appeal.", D, "Egyptian judges", "EGY",
         "JUD"),
    case("kenyan-lawmakers", "Kenyan lawmakers approved the budget.", D, "Kenyan lawmakers",
         "KEN", "LEG"),
    case("british-diplomats", "British diplomats left the country.", D, "British diplomats",
         "GBR", "GOV"),
    case("emirati-officials", "Emirati officials welcomed the deal.", D, "Emirati officials",
         "ARE", "GOV"),
    case("ivorian-farmers", "Ivorian farmers demanded higher cocoa prices.", D,
         "Ivorian farmers", "CIV", "CVL"),
    case("french-companies", "French companies left the Russian market.", D,
         "French companies", "FRA", "BUS"),
    case("south-korean-prosecutors", "South Korean prosecutors indicted the former minister.",
         D, "South Korean prosecutors", "KOR", "JUD"),
    case("afghan-refugees", "Afghan refugees crossed into Iran.", D, "Afghan refugees", "AFG",
         "CVL"),
    case("venezuelan-opposition", "The Venezuelan opposition boycotted the election.", D,
         "Venezuelan opposition", "VEN", "OPP"),
    case("pakistani-militants", "Pakistani militants attacked a checkpoint.", D,
         "Pakistani militants", "PAK", "REB"),
    case("iranians-plural-demonym", "Thousands of Iranians marched in the capital.", D,
         "Iranians", "IRN", "CVL"),
    case("syrian-government-forces", "Syrian government forces shelled Idlib.", D,
         "Syrian government forces", "SYR", "MIL"),
    case("coordinated-demonyms", "Greek and Cypriot troops joined the exercise.", D,
         "Cypriot troops", ("GRC", "CYP"), "MIL"),
    case("nigerien-demonym", "Nigerien soldiers patrolled the border.", D, "Nigerien soldiers",
         "NER", "MIL"),
    case("indian-intelligence-officials", "Indian intelligence officials questioned him.", D,
         "Indian intelligence officials", "IND", "SPY"),
]

# ---------------------------------------------------------------- capitals and seats of power
METONYMS = [
    case("tehran-said", "Tehran said the talks had failed.", D, "Tehran", "IRN", "GOV"),
    case("moscow-denied", "Moscow denied the accusation.", D, "Moscow", "RUS", "GOV"),
    case("kremlin", "The Kremlin rejected the offer.", D, "Kremlin", "RUS", "GOV"),
    case("white-house", "The White House announced new sanctions.", D, "White House", "USA",
         "GOV"),
    case("downing-street", "Downing Street declined to comment.", D, "Downing Street", "GBR",
         "GOV"),
    case("pentagon", "The Pentagon deployed more troops to Poland.", D, "Pentagon", "USA",
         "MIL"),
    case("beijing", "Beijing protested the visit.", D, "Beijing", "CHN", "GOV"),
    case("washington", "Washington urged restraint.", D, "Washington", "USA", "GOV"),
    case("elysee", "The Elysee confirmed the call.", D, "Elysee", "FRA", "GOV"),
    case("zhongnanhai", "Zhongnanhai has not responded to the proposal.", D, "Zhongnanhai",
         "CHN", "GOV"),
    case("quai-dorsay", "The Quai d'Orsay summoned the ambassador.", D, "Quai d'Orsay", "FRA",
         "GOV"),
    case("kyiv", "Kyiv asked for more air defence systems.", D, "Kyiv", "UKR", "GOV"),
    case("ankara", "Ankara threatened a new offensive.", D, "Ankara", "TUR", "GOV"),
    case("riyadh", "Riyadh restored ties with Tehran.", D, "Riyadh", "SAU", "GOV"),
    case("tehran-as-object", "Riyadh restored ties with Tehran.", D, "Tehran", "IRN", "GOV"),
    case("pyongyang", "Pyongyang fired two ballistic missiles.", D, "Pyongyang", "PRK", "GOV"),
    case("seoul", "Seoul condemned the launch.", D, "Seoul", "KOR", "GOV"),
    case("new-delhi", "New Delhi rejected the criticism.", D, "New Delhi", "IND", "GOV"),
    case("islamabad", "Islamabad blamed Kabul for the attacks.", D, "Islamabad", "PAK", "GOV"),
    case("kabul", "Islamabad blamed Kabul for the attacks.", D, "Kabul", "AFG", "GOV"),
    case("canberra", "Canberra cancelled the submarine contract.", D, "Canberra", "AUS", "GOV"),
    case("berlin", "Berlin agreed to send tanks.", D, "Berlin", "DEU", "GOV"),
    case("cairo-possessive", "Addis Ababa rejected Cairo's demands over the dam.", D, "Cairo",
         "EGY", "GOV"),
]

# ---------------------------------------------------------------- institutions
INSTITUTIONS = [
    case("state-duma", "The State Duma passed the law.", D, "State Duma", "RUS", "LEG"),
    case("knesset", "The Knesset voted to dissolve itself.", D, "Knesset", "ISR", "LEG"),
    case("bundestag", "The Bundestag approved the budget.", D, "Bundestag", "DEU", "LEG"),
    case("congress", "Congress passed the aid bill.", D, "Congress", "USA", "LEG"),
    case("us-senate", "The US Senate confirmed the nominee.", D, "US Senate", "USA", "LEG"),
    case("house-of-commons", "The House of Commons debated the motion.", D, "House of Commons",
         "GBR", "LEG"),
    case("majlis", "The Majlis approved the bill.", D, "Majlis", "IRN", "LEG"),
    case("verkhovna-rada", "The Verkhovna Rada extended martial law.", D, "Verkhovna Rada",
         "UKR", "LEG"),
    case("federation-council", "The Federation Council approved the use of force.", D,
         "Federation Council", "RUS", "LEG"),
    case("lok-sabha", "The Lok Sabha passed the farm bills.", D, "Lok Sabha", "IND", "LEG"),
    case("iranian-parliament", "The Iranian parliament rejected the deal.", D,
         "Iranian parliament", "IRN", "LEG"),
    case("us-supreme-court", "The US Supreme Court blocked the order.", D, "US Supreme Court",
         "USA", "JUD"),
    case("irgc-full", "The Islamic Revolutionary Guard Corps seized a tanker.", D,
         "Islamic Revolutionary Guard Corps", "IRN", "MIL"),
    case("irgc-acronym", "The IRGC seized a tanker in the Gulf.", D, "IRGC", "IRN", "MIL"),
    case("idf-full", "The Israel Defense Forces struck targets in Gaza.", D,
         "Israel Defense Forces", "ISR", "MIL"),
    case("idf-acronym", "The IDF struck targets in Gaza.", D, "IDF", "ISR", "MIL"),
    case("pla", "The People's Liberation Army held drills near Taiwan.", D,
         "People's Liberation Army", "CHN", "MIL"),
    case("bundeswehr", "The Bundeswehr sent troops to Lithuania.", D, "Bundeswehr", "DEU", "MIL"),
    case("cia", "The CIA warned of an imminent attack.", D, "CIA", "USA", "SPY"),
    case("mossad", "Mossad foiled the plot.", D, "Mossad", "ISR", "SPY"),
    case("fsb", "The FSB detained a US journalist.", D, "FSB", "RUS", "SPY"),
    case("mi6", "MI6 recruited the officer.", D, "MI6", "GBR", "SPY"),
    case("scotland-yard", "Scotland Yard opened an investigation.", D, "Scotland Yard", "GBR",
         "COP"),
    case("russian-defence-ministry", "The Russian Defence Ministry said the drills had ended.",
         D, "Russian Defence Ministry", "RUS", "MIL"),
    case("turkish-parliament", "The Turkish parliament ratified Finland's accession.", D,
         "Turkish parliament", "TUR", "LEG"),
]

# ---------------------------------------------------------------- international organisations
IGOS = [
    case("united-nations", "The United Nations condemned the attack.", D, "United Nations",
         "UNO", "IGO"),
    case("UN", "The UN called for a ceasefire.", D, "UN", "UNO", "IGO"),
    case("european-community", "The European Community gave Chad aid.", "1989-05-01",
         "European Community", "EUR", "IGO"),
    case("security-council", "The Security Council met on Friday.", D, "Security Council",
         "UNO", "IGO"),
    case("un-security-council", "The UN Security Council extended the mission.", D,
         "UN Security Council", "UNO", "IGO"),
    case("un-general-assembly", "The UN General Assembly adopted the resolution.", D,
         "UN General Assembly", "UNO", "IGO"),
    case("unicef", "UNICEF delivered vaccines to Yemen.", D, "UNICEF", "UNO", "IGO"),
    case("un-refugee-agency", "The UN refugee agency warned of a new exodus.", D,
         "UN refugee agency", "UNO", "IGO"),
    case("european-union", "The European Union imposed sanctions on Belarus.", D,
         "European Union", "EUR", "IGO"),
    case("EU", "The EU imposed sanctions on Belarus.", D, "EU", "EUR", "IGO"),
    case("european-commission", "The European Commission fined the company.", D,
         "European Commission", "EUR", "IGO"),
    case("nato", "NATO increased its presence in the Baltics.", D, "NATO", "NATO", "IGO"),
    case("african-union", "The African Union suspended Mali.", D, "African Union", "AU", "IGO"),
    case("AU", "The AU suspended Guinea after the coup.", D, "AU", "AU", "IGO"),
    case("iaea", "The IAEA inspected the site.", D, "IAEA", "IAEA", "IGO"),
    case("iaea-full", "The International Atomic Energy Agency inspected the site.", D,
         "International Atomic Energy Agency", "IAEA", "IGO"),
    case("WHO-acronym", "The WHO declared a global emergency.", D, "WHO", "WHO", "IGO"),
    case("world-health-organization", "The World Health Organization declared an emergency.",
         D, "World Health Organization", "WHO", "IGO"),
    case("imf", "The IMF approved a loan for Pakistan.", D, "IMF", "IMF", "IGO"),
    case("world-bank", "The World Bank cut its growth forecast.", D, "World Bank", "WBK", "IGO"),
    # International courts: IGO and JUD are both defensible sectors, so only the code is checked.
    case("icc", "The ICC issued an arrest warrant.", D, "ICC", "ICC", None),
    case("icc-full", "The International Criminal Court issued an arrest warrant.", D,
         "International Criminal Court", "ICC", None),
    case("icj", "The ICJ ordered Russia to halt its offensive.", D, "ICJ", "ICJ", None),
    case("arab-league", "The Arab League readmitted Syria.", D, "Arab League", "ARL", "IGO"),
    case("asean", "ASEAN barred the junta's leader from the summit.", D, "ASEAN", "ASN", "IGO"),
    case("opec", "OPEC agreed to cut output.", D, "OPEC", "OPEC", "IGO"),
    case("osce", "The OSCE sent election observers.", D, "OSCE", "OSCE", "IGO"),
    case("ecowas", "ECOWAS imposed sanctions on Niger.", "2023-08-10", "ECOWAS", "ECOWAS",
         "IGO"),
]

# ---------------------------------------------------------------- non-state groups
GROUPS = [
    case("hamas", "Hamas fired rockets at Israel.", D, "Hamas", "PSE", "REB"),
    case("hezbollah", "Hezbollah fired anti-tank missiles.", D, "Hezbollah", "LBN", "REB"),
    case("houthis", "The Houthis attacked a ship in the Red Sea.", "2024-01-10", "Houthis",
         "YEM", "REB"),
    case("ansar-allah", "Ansar Allah claimed the attack.", "2024-01-10", "Ansar Allah", "YEM",
         "REB"),
    case("taliban-2019", "The Taliban attacked a police post in Kunduz.", "2019-06-01",
         "Taliban", "AFG", "REB"),
    case("taliban-2023-in-power", "The Taliban banned women from universities.", "2023-01-10",
         "Taliban", "AFG", None),
    case("al-shabaab", "Al-Shabaab attacked a hotel in Mogadishu.", D, "Al-Shabaab", "SOM",
         "REB"),
    case("sdf", "The SDF detained Islamic State suspects.", D, "SDF", "SYR", "REB"),
    case("islamic-state", "The SDF detained Islamic State suspects.", D, "Islamic State suspects",
         "IMG", "REB"),
    case("wagner", "The Wagner Group withdrew from Bakhmut.", "2023-06-01", "Wagner Group", "RUS",
         None),
    case("rsf-acronym", "The RSF shelled El Fasher.", "2024-06-01", "RSF", "SDN", "REB"),
    case("rapid-support-forces", "The Rapid Support Forces seized the airport.", "2023-04-20",
         "Rapid Support Forces", "SDN", "REB"),
    case("m23", "M23 rebels captured Goma.", "2025-01-28", "M23 rebels", "COD", "REB"),
    case("boko-haram", "Boko Haram abducted schoolgirls.", D, "Boko Haram", "NGA", "REB"),
    case("hts", "HTS controls most of Idlib.", D, "HTS", "SYR", "REB"),
    case("pkk", "The PKK claimed the bombing.", D, "PKK", "TUR", "REB"),
    case("islamic-jihad", "Islamic Jihad fired rockets at Sderot.", D, "Islamic Jihad", "PSE",
         "REB"),
    case("fatah", "Fatah rejected the plan.", D, "Fatah", "PSE", "PTY"),
    case("likud", "Likud won the most seats.", D, "Likud", "ISR", "PTY"),
    case("united-russia", "United Russia won the Duma election.", "2021-09-21", "United Russia",
         "RUS", "PTY"),
    case("gazprom", "Gazprom halted gas supplies to Poland.", D, "Gazprom", "RUS", "BUS"),
    case("al-jazeera", "Al Jazeera broadcast the video.", D, "Al Jazeera", "QAT", "JRN"),
    case("kcna", "KCNA reported the launch.", D, "KCNA", "PRK", "JRN"),
    case("xinhua", "Xinhua criticised the report.", D, "Xinhua", "CHN", "JRN"),
    case("hezbollah-fighters", "Hezbollah fighters crossed the border.", D, "Hezbollah fighters",
         "LBN", "REB"),
    case("houthi-rebels", "Yemen's Houthi rebels seized the ship.", "2023-11-20", "Houthi rebels",
         "YEM", "REB"),
]

# ---------------------------------------------------------------- titles, possessives, of-phrases
TITLES = [
    case("sympathizers-of-group", "Sympathizers of Hezbollah blocked the road.", D,
         "Sympathizers", "LBN", "REB"),
    case("weapon-head", "Syrian army helicopters dropped barrel bombs.", D,
         "Syrian army helicopters", "SYR", "MIL"),
    case("counted-people", "Thousands of Chilean Mapuche marched in Temuco.", D,
         "Thousands", "CHL", "CVL"),
    case("counted-people-placed", "Tens of thousands of students throughout Kenya marched.",
         D, "thousands", "KEN", "EDU"),
    case("people-by-demonym", "Syrian Christians fled to Lebanon.", D, "Syrian Christians",
         "SYR", "CVL"),
    case("opponents-of-a-body", "Opponents of Kenya's parliament marched in Mombasa.", D,
         "Opponents", "KEN", "OPP"),
    case("state-agents", "Russian agents poisoned the defector.", D, "Russian agents", "RUS",
         "SPY"),
    case("prison-guards", "Turkish prison guards beat the detainees.", D,
         "Turkish prison guards", "TUR", "COP"),
    case("guerilla-spelling", "Colombian guerillas attacked the outpost.", D,
         "Colombian guerillas", "COL", "REB"),
    case("spokesman-for-government", "A spokesman for the Japanese government said so.", D,
         "spokesman", "JPN", "GOV"),
    case("demonym-statement", "A Saudi statement rejected the claims.", D,
         "Saudi statement", "SAU", "GOV"),
    case("possessive-statement", "Egypt's statement welcomed the truce.", D,
         "Egypt's statement", "EGY", "GOV"),
    case("country-embassy", "Protesters gathered outside the French Embassy in Niamey.", D,
         "French Embassy", "FRA", "GOV"),
    case("country-name-embassy", "The US Embassy in Baghdad was evacuated.", D,
         "US Embassy", "USA", "GOV"),
    case("appos-top-diplomat", "Sergei Lavrov, Russia's top diplomat, arrived in Delhi.", D,
         "Russia's top diplomat", "RUS", "GOV"),
    case("title-saudi-fm", "Saudi Foreign Minister Faisal bin Farhan met his Iraqi host.",
         "2022-06-01", "Saudi Foreign Minister Faisal bin Farhan", "SAU", "GOV"),
    case("title-macron", "French President Emmanuel Macron called Putin.", D,
         "French President Emmanuel Macron", "FRA", "GOV"),
    case("title-scholz", "German Chancellor Olaf Scholz visited Kyiv.", "2022-06-16",
         "German Chancellor Olaf Scholz", "DEU", "GOV"),
    case("countrys-president",
         "Kenya's election board declared the results. The country's president welcomed them.",
         "2022-08-20", "country's president", "KEN", "GOV"),
    case("russias-military", "Russia's military launched a new offensive.", D,
         "Russia's military", "RUS", "MIL"),
    case("chinas-foreign-ministry", "China's foreign ministry summoned the envoy.", D,
         "China's foreign ministry", "CHN", "GOV"),
    case("israels-army", "Israel's army raided the camp.", D, "Israel's army", "ISR", "MIL"),
    case("turkeys-parliament", "Turkey's parliament approved Sweden's bid.", "2024-01-24",
         "Turkey's parliament", "TUR", "LEG"),
    case("ukraines-armed-forces", "Ukraine's armed forces repelled the attack.", D,
         "Ukraine's armed forces", "UKR", "MIL"),
    case("egypts-top-court", "Egypt's top court upheld the sentence.", D, "Egypt's top court",
         "EGY", "JUD"),
    case("nigerias-police", "Nigeria's police arrested the gunmen.", D, "Nigeria's police", "NGA",
         "COP"),
    case("irans-supreme-leader", "Iran's supreme leader pardoned the prisoners.", D,
         "Iran's supreme leader", "IRN", "GOV"),
    case("north-korean-leader", "The North Korean leader oversaw the test.", D,
         "North Korean leader", "PRK", "GOV"),
    case("japans-defence-ministry", "Japan's defence ministry tracked the missile.", D,
         "Japan's defence ministry", "JPN", "MIL"),
    case("president-of-france", "The president of France called for calm.", D, "president",
         "FRA", "GOV"),
    case("prime-minister-of-india", "The prime minister of India visited Moscow.", "2024-07-08",
         "prime minister", "IND", "GOV"),
    case("members-of-state-duma", "Members of the State Duma approved the annexation.", D,
         "Members", "RUS", "LEG"),
    case("army-of-myanmar", "The army of Myanmar seized power.", "2021-02-01", "army", "MMR",
         "MIL"),
    case("government-of-sudan", "The government of Sudan expelled the envoy.", D, "government",
         "SDN", "GOV"),
    case("foreign-minister-of-qatar", "The foreign minister of Qatar mediated the talks.", D,
         "foreign minister", "QAT", "GOV"),
    case("spokesman-for-pentagon", "A spokesman for the Pentagon confirmed the strike.", D,
         "spokesman", "USA", "MIL"),
    case("spokeswoman-for-commission",
         "A spokeswoman for the European Commission welcomed the vote.", D, "spokeswoman",
         "EUR", "IGO"),
    case("hamas-officials", "Hamas officials rejected the proposal.", D, "Hamas officials", "PSE",
         "REB"),
    case("head-of-iaea", "The head of the IAEA visited the plant.", D, "head", "IAEA", "IGO"),
    case("leader-of-hezbollah", "The leader of Hezbollah threatened Israel.", D, "leader", "LBN",
         "REB"),
]

# ---------------------------------------------------------------- dated offices
DATED = [
    case("johnson-2017-foreign-sec", "Boris Johnson met Rex Tillerson.", "2017-06-01",
         "Boris Johnson", "GBR", "GOV"),
    case("johnson-2020-pm", "Boris Johnson announced a lockdown.", "2020-03-23", "Boris Johnson",
         "GBR", "GOV"),
    case("johnson-2023-ex-pm", "Boris Johnson resigned as an MP.", "2023-06-10", "Boris Johnson",
         "GBR", None),
    case("pompeo-2017-cia", "Mike Pompeo travelled to Seoul.", "2017-06-01", "Mike Pompeo", "USA",
         "SPY"),
    case("pompeo-2019-secstate", "Mike Pompeo travelled to Seoul.", "2019-06-01", "Mike Pompeo",
         "USA", "GOV"),
    case("pompeo-2022-ex", "Mike Pompeo criticised the deal.", "2022-06-01", "Mike Pompeo", "USA",
         None),
    case("raisi-2020-judiciary", "Ebrahim Raisi ordered the retrial.", "2020-01-10",
         "Ebrahim Raisi", "IRN", "JUD"),
    case("raisi-2022-president", "Ebrahim Raisi visited Moscow.", "2022-01-19", "Ebrahim Raisi",
         "IRN", "GOV"),
    case("stoltenberg-2020-nato", "Jens Stoltenberg warned Russia.", "2020-06-01",
         "Jens Stoltenberg", "NATO", "IGO"),
    case("stoltenberg-2025-norway", "Jens Stoltenberg presented the Norwegian budget.",
         "2025-10-06", "Jens Stoltenberg", "NOR", "GOV"),
    case("rutte-2022-dutch-pm", "Mark Rutte visited Kyiv.", "2022-07-11", "Mark Rutte", "NLD",
         "GOV"),
    case("rutte-2025-nato", "Mark Rutte visited Kyiv.", "2025-03-01", "Mark Rutte", "NATO",
         "IGO"),
    case("kallas-2023-estonia", "Kaja Kallas called for more sanctions.", "2023-05-01",
         "Kaja Kallas", "EST", "GOV"),
    case("kallas-2025-eu", "Kaja Kallas called for more sanctions.", "2025-03-01", "Kaja Kallas",
         "EUR", "IGO"),
    case("vdl-2021-commission", "Ursula von der Leyen proposed a ban.", "2021-06-01",
         "Ursula von der Leyen", "EUR", "IGO"),
    case("vdl-2018-germany", "Ursula von der Leyen visited the troops in Mali.", "2018-04-05",
         "Ursula von der Leyen", "DEU", None),
    case("borrell-2019-spain", "Josep Borrell met his Moroccan counterpart.", "2019-05-01",
         "Josep Borrell", "ESP", "GOV"),
    case("borrell-2021-eu", "Josep Borrell met Sergei Lavrov.", "2021-02-05", "Josep Borrell",
         "EUR", "IGO"),
    case("georgieva-2018-world-bank", "Kristalina Georgieva visited Jakarta.", "2018-06-01",
         "Kristalina Georgieva", "WBK", "IGO"),
    case("georgieva-2021-imf", "Kristalina Georgieva visited Jakarta.", "2021-06-01",
         "Kristalina Georgieva", "IMF", "IGO"),
    case("sharaa-2025-president", "Ahmed al-Sharaa met the Saudi crown prince.", "2025-03-01",
         "Ahmed al-Sharaa", "SYR", "GOV"),
    case("jolani-2023-hts", "Abu Mohammed al-Jolani visited the quake zone.", "2023-02-10",
         "Abu Mohammed al-Jolani", "SYR", "REB"),
    case("netanyahu-2020-pm", "Benjamin Netanyahu met the Emirati envoy.", "2020-09-15",
         "Benjamin Netanyahu", "ISR", "GOV"),
    case("netanyahu-2022-opposition", "Benjamin Netanyahu attacked the coalition.", "2022-03-01",
         "Benjamin Netanyahu", "ISR", "OPP"),
    case("scholz-2019-finance", "Olaf Scholz presented the budget.", "2019-06-26",
         "Olaf Scholz", "DEU", "GOV"),
    case("sunak-2023-pm", "Rishi Sunak met Joe Biden in Belfast.", "2023-04-12", "Rishi Sunak",
         "GBR", "GOV"),
    case("biden-2023", "Rishi Sunak met Joe Biden in Belfast.", "2023-04-12", "Joe Biden", "USA",
         "GOV"),
    case("zelensky-2018-not-yet", "Volodymyr Zelensky announced his candidacy.", "2018-12-31",
         "Volodymyr Zelensky", "UKR", None),
    case("zelensky-2022-president", "Volodymyr Zelensky addressed Congress.", "2022-03-16",
         "Volodymyr Zelensky", "UKR", "GOV"),
    case("trump-2019-president", "Donald Trump met Kim Jong Un.", "2019-06-30", "Donald Trump",
         "USA", "GOV"),
    case("trump-2023-candidate", "Donald Trump attacked the prosecutor.", "2023-06-10",
         "Donald Trump", "USA", None),
    case("trump-2025-president", "Donald Trump imposed tariffs on Canada.", "2025-03-04",
         "Donald Trump", "USA", "GOV"),
    case("shoigu-2025-security-council", "Sergei Shoigu visited Pyongyang.", "2025-06-04",
         "Sergei Shoigu", "RUS", "GOV"),
    case("lavrov-2016", "Sergei Lavrov met John Kerry in Geneva.", "2016-09-09", "Sergei Lavrov",
         "RUS", "GOV"),
    case("lavrov-no-date", "Sergei Lavrov criticised the sanctions.", None, "Sergei Lavrov",
         "RUS", "GOV"),
    case("tedros-2020-who", "Tedros Adhanom Ghebreyesus declared a pandemic.", "2020-03-11",
         "Tedros Adhanom Ghebreyesus", "WHO", "IGO"),
    case("grossi-2021-iaea", "Rafael Grossi flew to Tehran.", "2021-02-20", "Rafael Grossi",
         "IAEA", "IGO"),
    case("us-president-2016", "The US president met the Pope.", "2016-06-01", "US president",
         "USA", "GOV"),
    case("us-president-2019", "The US president met the Pope.", "2019-06-01", "US president",
         "USA", "GOV"),
    case("us-president-2023", "The US president met the Pope.", "2023-06-01", "US president",
         "USA", "GOV"),
    case("british-pm-2017", "The British prime minister flew to Brussels.", "2017-06-01",
         "British prime minister", "GBR", "GOV"),
    case("british-pm-2023", "The British prime minister flew to Brussels.", "2023-06-01",
         "British prime minister", "GBR", "GOV"),
    case("un-secretary-general-2020", "The UN secretary-general urged a truce.", "2020-03-23",
         "UN secretary-general", "UNO", "IGO"),
]

# ---------------------------------------------------------------- unknown people, role given
UNKNOWN = [
    case("conjunct-person-of-country",
         "Presidents Cyril Ramaphosa of South Africa and Hakainde Hichilema of Zambia met.",
         "2022-06-01", "Hakainde Hichilema of Zambia", "ZMB", None),
    case("fm-of-nigeria", "Foreign Minister Jane Okoro of Nigeria arrived in Accra.", D,
         "Jane Okoro", "NGA", "GOV"),
    case("appos-nigerias-fm", "Jane Okoro, Nigeria's foreign minister, arrived in Accra.", D,
         "Jane Okoro", "NGA", "GOV"),
    case("kenyan-lawmaker", "Kenyan lawmaker Peter Mwangi opposed the bill.", D, "Peter Mwangi",
         "KEN", "LEG"),
    case("colombian-police-chief", "Colombian police chief Juan Perez resigned.", D, "Juan Perez",
         "COL", "COP"),
    case("ghanaian-opposition-leader", "Ghanaian opposition leader Kwame Asante led the march.",
         D, "Kwame Asante", "GHA", "OPP"),
    case("peruvian-judge", "Peruvian judge Maria Quispe ordered his arrest.", D, "Maria Quispe",
         "PER", "JUD"),
    case("nigerian-journalist", "Nigerian journalist Ada Obi was detained.", D, "Ada Obi", "NGA",
         "JRN"),
    case("brazilian-senator", "Brazilian senator Joao Silva criticised the decree.", D,
         "Joao Silva", "BRA", "LEG"),
    case("appos-mexico-interior", "Maria Lopez, Mexico's interior minister, met the governors.",
         D, "Maria Lopez", "MEX", "GOV"),
    case("indonesian-general", "Indonesian army general Budi Santoso denied the report.", D,
         "Budi Santoso", "IDN", "MIL"),
    case("spokesman-ghana-ministry",
         "John Mensah, a spokesman for Ghana's foreign ministry, denied the report.", D,
         "John Mensah", "GHA", "GOV"),
    case("hamas-spokesman", "Hamas spokesman Hazem Qassem rejected the offer.", D, "Hazem Qassem",
         "PSE", "REB"),
    case("chilean-student-leader", "Chilean student leader Camila Rojas called a strike.", D,
         "Camila Rojas", "CHL", "EDU"),
]

# ---------------------------------------------------------------- within-document coreference
COREF = [
    case("it-is-the-teller-1",
         "Hezbollah fired rockets at northern Israel, and the Israeli army said it struck "
         "Hezbollah positions.", D, "it", "ISR", "MIL"),
    case("it-is-the-teller-2",
         "Houthi rebels attacked a ship, and the US Navy said it shot down two drones.", D,
         "it", "USA", "MIL"),
    case("it-is-the-teller-3",
         "Rebels shelled Goma, and Rwanda's government said it would close the border.", D,
         "it", "RWA", "GOV"),
    case("it-takes-its-own-sentence-subject-1",
         "Ukraine's air force said Ukraine shot down 45 missiles. Hungary, which has blocked an "
         "EU aid package for Ukraine, said it would not send weapons.", D, "it", "HUN", "GOV"),
    case("it-takes-its-own-sentence-subject-2",
         "Kenya's army said Kenya had lost two soldiers in Somalia. Ethiopia, which has troops "
         "in Somalia, said it would keep them there.", D, "it", "ETH", "GOV"),
    case("it-takes-its-own-sentence-subject-3",
         "Iran's navy said Iran had seized a tanker. Oman, which mediates between Iran and the "
         "West, said it was in contact with both sides.", D, "it", "OMN", "GOV"),
    case("story-country-for-the-police",
         "Georgians rallied in Tbilisi on Sunday. President Salome Zourabichvili spoke. "
         "Later the police detained several activists.", "2024-12-01", "police", "GEO", "COP"),
    case("story-country-for-bare-plural-protesters",
         "Serbia's parliament passed the law on Monday. Protesters clashed with riot police "
         "outside the building.", "2024-12-01", "Protesters", "SRB", "CVL"),
    case("plural-description-skips-subjects-group",
         "Greece and Cyprus protested. Turkey and Libya signed a deal. "
         "Turkey then invited the countries to talks.", D, "countries", ("GRC", "CYP"), None),
    case("he-after-titled-name",
         "Egyptian Foreign Minister Sameh Shoukry arrived in Moscow on Tuesday. "
         "He met Sergei Lavrov on Wednesday.", "2022-06-01", "He", "EGY", "GOV"),
    case("surname-after-full-name",
         "German Chancellor Olaf Scholz visited Kyiv on Monday. Scholz promised more weapons.",
         "2022-06-16", "Scholz", "DEU", "GOV", nth=1),
    case("surname-of-unknown-person",
         "Foreign Minister Jane Okoro of Nigeria arrived in Accra on Monday. "
         "Okoro said the talks were useful.", D, "Okoro", "NGA", "GOV", nth=1),
    case("she-unknown-person",
         "Foreign Minister Jane Okoro of Nigeria arrived in Accra on Monday. "
         "She said the talks were useful.", D, "She", "NGA", "GOV"),
    case("the-minister",
         "Egyptian Foreign Minister Sameh Shoukry met reporters in Cairo. "
         "The minister said Egypt would defend its water rights.", "2022-06-01", "The minister",
         "EGY", "GOV"),
    case("the-president",
         "Kenyan President William Ruto arrived in Addis Ababa. "
         "The president said the region needed peace.", "2023-06-01", "The president", "KEN",
         "GOV"),
    case("top-egyptian-diplomat",
         "Sameh Shoukry met Antony Blinken in Washington. "
         "The top Egyptian diplomat said the talks were positive.", "2022-06-01",
         "top Egyptian diplomat", "EGY", "GOV"),
    case("the-russian-side",
         "Turkey and Russia held talks in Ankara. "
         "The Russian side said the talks were constructive.", D, "Russian side", "RUS", "GOV"),
    case("the-two-countries",
         "Japan and South Korea signed the agreement in Seoul. "
         "The two countries agreed to share intelligence.", D, "two countries", ("JPN", "KOR"),
         "GOV"),
    case("both-sides",
         "Armenia and Azerbaijan held talks in Brussels. Both sides agreed to meet again.", D,
         "Both sides", ("ARM", "AZE"), "GOV"),
    case("they-two-states",
         "Iran and Saudi Arabia restored ties in March. They agreed to reopen embassies.",
         "2023-04-01", "They", ("IRN", "SAU"), "GOV"),
    case("it-for-a-state",
         "China criticised the decision. It said the move was provocative.", D, "It", "CHN",
         "GOV"),
    case("they-for-troops",
         "Ukrainian troops advanced near Kharkiv. They captured three villages.", D, "They",
         "UKR", "MIL"),
    case("he-quote-speaker",
         'Sergei Lavrov spoke to reporters in Moscow. "We will not back down," he underlined.',
         D, "he", "RUS", "GOV"),
    case("the-countrys-army",
         "Pakistan held elections last week. The country's army denied interfering.",
         "2024-02-15", "country's army", "PAK", "MIL"),
    case("his-government",
         "Recep Tayyip Erdogan met Vladimir Putin in Sochi. "
         "Erdogan said his government wanted peace.", "2022-08-05", "his government", "TUR",
         "GOV"),
    case("the-kingdom",
         "Saudi Arabia cut its oil output. The kingdom said the move was precautionary.", D,
         "kingdom", "SAU", "GOV"),
    case("the-group",
         "Hamas launched rockets at Israel. The group said the attack was retaliation.", D,
         "group", "PSE", "REB"),
    case("the-militants",
         "Al-Shabaab attacked a military base in Somalia. The militants killed ten soldiers.", D,
         "militants", "SOM", "REB"),
    case("the-bloc",
         "The European Union adopted new sanctions. The bloc also banned Russian coal.", D,
         "bloc", "EUR", "IGO"),
    case("the-alliance",
         "NATO leaders met in Vilnius. The alliance promised Ukraine eventual membership.",
         "2023-07-12", "alliance", "NATO", "IGO"),
    case("the-agency",
         "The IAEA inspected the Fordow site. The agency said it found enriched uranium.", D,
         "agency", "IAEA", "IGO"),
    case("it-for-an-igo",
         "The IAEA inspected the Fordow site. The agency said it found enriched uranium.", D,
         "it", "IAEA", "IGO"),
    case("the-ministry",
         "Russia's Defence Ministry reported heavy fighting. The ministry said two drones fell.",
         D, "The ministry", "RUS", "MIL"),
    case("the-rebels",
         "The Houthis seized a cargo ship. The rebels said it was linked to Israel.",
         "2023-11-20", "rebels", "YEM", "REB"),
    case("she-by-gender",
         "German Foreign Minister Annalena Baerbock met Chinese Foreign Minister Wang Yi in "
         "Berlin. She urged him to press Moscow.", "2023-05-09", "She", "DEU", "GOV"),
    case("him-by-gender",
         "German Foreign Minister Annalena Baerbock met Chinese Foreign Minister Wang Yi in "
         "Berlin. She urged him to press Moscow.", "2023-05-09", "him", "CHN", "GOV"),
    case("the-two-leaders",
         "Joe Biden met Xi Jinping in San Francisco. "
         "The two leaders agreed to resume military talks.", "2023-11-15", "two leaders",
         ("USA", "CHN"), "GOV"),
    case("lavrov-shortened",
         "Sergei Lavrov met Antony Blinken in Geneva. Lavrov said the talks were frank.",
         "2022-01-21", "Lavrov", "RUS", "GOV", nth=1),
    case("abiy-first-name",
         "Ethiopian Prime Minister Abiy Ahmed rejected the proposal. "
         "Abiy said Ethiopia would fill the dam.", "2022-06-01", "Abiy", "ETH", "GOV", nth=1),
]

# ---------------------------------------------------------------- near misses: must not resolve
NEAR_MISSES = [
    case("its-of-the-thing-just-seized",
         "Iran's navy seized a tanker in the Gulf, accusing its crew of smuggling fuel.", D,
         "its", "IRN", None),
    case("its-of-the-thing-just-attacked",
         "Houthi rebels attacked a cargo ship in the Red Sea, damaging its hull.", D, "its",
         "YEM", None),
    case("its-of-the-thing-just-downed",
         "Russia shot down a drone over Crimea and displayed its wreckage.", D, "its", "RUS",
         None),
    case("relative-subject-binds-its-noun-1",
         "Ethiopian rebels let 40 soldiers go, according to the Red Cross, which helped "
         "transport them to Mekele.", D, "them", "NGO", None),
    case("relative-subject-binds-its-noun-2",
         "The rebels released 12 Malian soldiers, according to Human Rights Watch, which "
         "visited them in custody.", D, "them", "NGO", None),
    case("relative-subject-binds-its-noun-3",
         "The junta released Niger's ministers, said the African Union, which welcomed them "
         "in Addis Ababa.", D, "them", "AU", None),
    case("no-story-country-for-indefinite-police",
         "Georgia said it would respond. Police in Paris detained several activists.", D,
         "Police", "GEO", None),
    case("refugees-are-not-the-story-countrys",
         "Bangladesh appealed for help. Refugees crossed the border on Monday.", D,
         "Refugees", "BGD", None),
    case("counted-people-are-not-the-story-countrys",
         "Kenya said the floods were severe. Heavy rains killed twenty people.", D,
         "people", "KEN", None),
    case("bank-in-a-place-name", "Settlers moved into the West Bank.", D, "West Bank", "PSE",
         "BUS"),
    case("plural-description-is-never-one-state",
         "Iran issued a warning on Monday. The countries were told to leave.", D, "countries",
         "IRN", None),
    case("turkey-the-bird", "She roasted a turkey for the holiday.", D, "turkey", None, None),
    case("us-pronoun", "They told us the road was closed.", D, "us", None, None),
    case("who-relative-pronoun", "The man who called the police left.", D, "who", None, None),
    case("Who-question", "Who will pay for the damage?", D, "Who", None, None),
    case("china-porcelain", "She collects fine china and silver.", D, "china", None, None),
    case("may-modal-verb", "The talks may resume next week.", "2018-06-01", "may", None, None),
    case("trump-card", "He played his trump card.", "2019-06-01", "trump", None, None),
    case("bush-fire", "A bush fire spread near the town.", "2005-06-01", "bush", None, None),
    case("is-verb", "The situation is tense.", D, "is", None, None),
    case("au-pair", "She worked as an au pair in Lyon.", D, "au", None, None),
    case("pentagon-shape", "The shape is a regular pentagon.", D, "pentagon", None, None),
    case("it-not-a-state", "China's coast was hit by a typhoon on Monday. "
         "It destroyed thousands of homes.", D, "It", None, None),
    case("May-the-month", "The summit is planned for May.", "2018-01-10", "May", "GBR", None),
    case("michael-jordan", "Michael Jordan scored 40 points.", D, "Jordan", "JOR", None),
    case("jordan-first-name", "Jordan Henderson joined Ajax.", D, "Jordan", "JOR", None),
    case("chad-first-name", "Chad Johnson signed with the Bengals.", D, "Chad", "TCD", None),
    case("atlanta-georgia", "The company moved its headquarters to Atlanta, Georgia.", D,
         "Georgia", "GEO", None),
    case("georgia-okeeffe", "Georgia O'Keeffe painted the desert.", D, "Georgia", "GEO", None),
    case("paris-hilton", "Paris Hilton launched a new perfume.", D, "Paris", "FRA", None),
    case("new-mexico", "New Mexico officials declared a drought emergency.", D, "New Mexico",
         "MEX", None),
    case("new-jersey", "New Jersey lawmakers passed the bill.", D, "New Jersey", "JEY", None),
    case("guinea-pigs", "Guinea pigs were used in the study.", D, "Guinea", "GIN", None),
    case("lebanon-pennsylvania", "Lebanon, Pennsylvania, hosted the state fair.", D, "Lebanon",
         "LBN", None),
    case("cuba-gooding", "Cuba Gooding Jr. won an Oscar.", D, "Cuba", "CUB", None),
    case("latin-america", "Latin America faces slower growth.", D, "Latin America", "USA", None),
    case("indian-ocean", "The storm moved across the Indian Ocean.", D, "Indian Ocean", "IND",
         None),
    case("french-fries", "He ordered French fries and a soda.", D, "French fries", "FRA", None),
    case("washington-post", "The Washington Post published the leak.", D, "Washington Post",
         "USA", "GOV"),
    case("denzel-washington", "Denzel Washington won the award.", D, "Washington", "USA", "GOV"),
]

# ---------------------------------------------------------------- the seed article of the issue
SEED = [
    case("seed-fm-full-title", "", D, "Iranian Foreign Minister Hossein Amir Abdollahian",
         "IRN", "GOV"),
    case("seed-shortened-name", "", D, "Amir Abdollahian", "IRN", "GOV",
         ctx="Moscow, Amir Abdollahian had"),
    case("seed-top-diplomat-before-name", "", D, "the top Iranian diplomat", "IRN", "GOV"),
    case("seed-top-diplomat-stated", "", D, "the top Iranian diplomat", "IRN", "GOV",
         ctx="the top Iranian diplomat stated"),
    case("seed-He-went-on", "", D, "He", "IRN", "GOV", ctx="He went on"),
    case("seed-he-stressed", "", D, "he", "IRN", "GOV", ctx="he stressed"),
    case("seed-he-underlined", "", D, "he", "IRN", "GOV", ctx="he underlined"),
    case("seed-iranian-foreign-minister", "", D, "The Iranian foreign minister", "IRN", "GOV"),
    case("seed-counterpart-lavrov", "", D, "his Russian counterpart Sergei Lavrov", "RUS", "GOV"),
    case("seed-lavrov-shortened", "", D, "Lavrov", "RUS", "GOV", ctx="discuss with Lavrov"),
    case("seed-duma-committee-members", "", D,
         "the members of The Committee on International Affairs of the State Duma", "RUS", "LEG"),
    case("seed-senior-american-official", "", D, "a senior American official", "USA", "GOV"),
    case("seed-tehran-assesses", "", D, "Tehran", "IRN", "GOV", ctx="Tehran assesses"),
    case("seed-moscow-relations", "", D, "Moscow", "RUS", "GOV", ctx="relations with Moscow"),
    case("seed-tehran-used", "", D, "Tehran", "IRN", "GOV", ctx="Tehran used"),
    case("seed-two-countries", "", D, "the two countries", ("IRN", "RUS"), "GOV"),
]


def check(resolved, text: str, date: str | None, target: str, code: str | tuple[str, ...],
          sector: str | None, nth: int, ctx: str | None) -> None:
    """The coded mentions at the target's head carry exactly the expected code(s) and sector."""
    doc, res = resolved(text, date)
    start, end = locate(text, target, nth, ctx)
    got = [m for m in covering(doc, res, start, end) if m.code]
    want = {code} if isinstance(code, str) else set(code)
    assert {m.code for m in got} == want, f"{target!r} ({date}): want {want}, got {show(got)}"
    if sector is not None:
        assert {m.sector for m in got} == {sector}, \
            f"{target!r} ({date}): want sector {sector}, got {show(got)}"


ARGS = "text,date,target,code,sector,nth,ctx"


@pytest.mark.parametrize(ARGS, COUNTRIES)
def test_country_names(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, DEMONYMS)
def test_demonym_and_agent(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, METONYMS)
def test_capitals_and_seats(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, INSTITUTIONS)
def test_institutions(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, IGOS)
def test_international_organisations(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, GROUPS)
def test_non_state_groups(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, TITLES)
def test_titles_possessives_of_phrases(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, DATED)
def test_dated_offices(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, UNKNOWN)
def test_unknown_people_with_role(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, COREF)
def test_coreference(resolved, text, date, target, code, sector, nth, ctx):
    check(resolved, text, date, target, code, sector, nth, ctx)


@pytest.mark.parametrize(ARGS, NEAR_MISSES)
def test_near_miss_does_not_resolve(resolved, text, date, target, code, sector, nth, ctx):
    """code None: no actor code at all; else that code (with that sector, if given) is wrong."""
    doc, res = resolved(text, date)
    start, end = locate(text, target, nth, ctx)
    over = [m for m in res.mentions if m.code and m.start < end and start < m.end]
    if code is None:
        bad = over
    else:
        bad = [m for m in over if m.code == code and (sector is None or m.sector == sector)]
    assert not bad, f"{target!r} must not resolve to {code or 'an actor'}: got {show(bad)}"


@pytest.fixture(scope="session")
def seed_text(shared) -> str:
    """The seed article's body: title on line 1, leading blank lines stripped."""
    path = shared / "seed" / "seed-iran-russia.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[1:]).lstrip()


@pytest.mark.parametrize(ARGS, SEED)
def test_seed_article(resolved, seed_text, text, date, target, code, sector, nth, ctx):
    check(resolved, seed_text, date, target, code, sector, nth, ctx)


def test_case_count():
    """Issue #3 asks for at least 150 resolution cases."""
    tables = [COUNTRIES, DEMONYMS, METONYMS, INSTITUTIONS, IGOS, GROUPS, TITLES, DATED, UNKNOWN,
              COREF, NEAR_MISSES, SEED]
    assert sum(len(t) for t in tables) >= 150
