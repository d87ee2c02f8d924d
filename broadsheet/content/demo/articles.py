"""The demo's articles: invented but plausible news, written for this project.

Times are relative to the moment the demo is loaded, so the front page always looks current.
"""

from __future__ import annotations

from datetime import timedelta

from .schema import (
    ArticleSpec,
    BlockQuote,
    Byline,
    Clip,
    Figure,
    Paragraph,
    Picture,
    PullQuote,
    Subheading,
)


def ago(*, days: int = 0, hours: int = 0, minutes: int = 0) -> timedelta:
    return timedelta(days=days, hours=hours, minutes=minutes)


# --- Politics -----------------------------------------------------------------------------

COUNCIL_TRAM_VOTE = ArticleSpec(
    slug="council-backs-riverside-line",
    section="politics",
    concept="riverside-line",
    headline="Council backs Riverside tram line by 31 votes to 24",
    standfirst=(
        "After a six-hour debate, Calder Bay's council approved the first stage of a tram line "
        "from the harbour to the northern suburbs, less than two weeks before the city elects "
        "a new mayor."
    ),
    bylines=(Byline(author="daniel-ashcroft"),),
    published_ago=ago(hours=2, minutes=40),
    updated_ago=ago(minutes=35),
    lead=Picture(
        key="riverside-line-tram-dusk",
        scene="street-tram",
        palette="dusk",
        alt="A red tram at a city street stop at dusk, with lit office windows behind it",
        caption="A test tram on the harbour spur, the only stretch of track already laid",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "Calder Bay's council voted on {day-1} night to build the first stage of the "
            "Riverside Line, a 9.4km tram route from the harbour to the northern suburbs of "
            "Millbrook and Eastfield, ending a decade of studies, consultations and false starts."
        ),
        Paragraph(
            "The motion passed by 31 votes to 24 after a debate that ran past midnight. Four "
            "members of the opposition Civic Party broke ranks to support it, and two "
            "Progressive Alliance councillors from the western wards voted against."
        ),
        Paragraph(
            "The approval lets the city sign contracts for the track, the depot at Eastfield and "
            "the first 14 trams. Officials say passenger services could start in 2030 if the "
            "regional government confirms its share of the money, which is set out in our "
            "[guide to what the line will cost](article:riverside-line-costs-explained)."
        ),
        BlockQuote(
            "Every mayor for twenty years has promised this line. Tonight the council stopped "
            "promising and started building.",
            "Councillor Abena Mensah, chair of the transport committee",
        ),
        Paragraph(
            "Opponents argued that the city cannot afford the project while bus services are "
            "being cut, and that the route favours new flats on the waterfront over older "
            "estates further inland. Councillor Peter Lowry said the budget assumed "
            "'the most optimistic construction prices anyone has seen since 2019'."
        ),
        Subheading("What happens to the election"),
        Paragraph(
            "The vote lands in the final fortnight of the [race for mayor](topic:election-2026). "
            "Grace Okafor, the Progressive Alliance candidate, has made the line the centre of "
            "her campaign; Martin Hale of the Civic Party has said he would 'pause and review' "
            "it. A [poll published this week](article:mayoral-poll-dead-heat) puts the two "
            "within a point of each other."
        ),
        Paragraph(
            "Council lawyers told members that a new mayor could delay the second stage but "
            "would find it costly to cancel contracts signed on the strength of the vote. Hale's "
            "campaign said on {day} that he would 'respect the decision of the "
            "chamber' while looking for savings."
        ),
        Paragraph(
            "Construction of the harbour section is due to start in the spring, with lane "
            "closures on Quay Street expected from April. The city says it will publish a "
            "traffic plan before the end of January."
        ),
        Paragraph("This article was updated to include the response of Martin Hale's campaign."),
    ),
)

MAYORAL_POLL = ArticleSpec(
    slug="mayoral-poll-dead-heat",
    section="politics",
    concept="election-2026",
    headline="Race for mayor tightens to a dead heat, poll finds",
    standfirst=(
        "Grace Okafor and Martin Hale are separated by a single point with less than a "
        "fortnight to go, "
        "and almost one voter in five has yet to decide."
    ),
    bylines=(Byline(author="ruth-abernethy"), Byline(author="daniel-ashcroft")),
    published_ago=ago(hours=4),
    lead=Picture(
        key="calder-bay-skyline-dusk",
        scene="city",
        palette="dusk",
        alt="The towers of a city centre silhouetted against an orange evening sky",
        caption="The city centre at dusk; both leading candidates need votes from its new flats",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "The contest to become Calder Bay's next mayor is too close to call, according to a "
            "poll of 1,204 residents carried out for the Meridian Post between {day-5} and "
            "{day-2}."
        ),
        Paragraph(
            "Grace Okafor of the Progressive Alliance has the support of 38% of those who say "
            "they will vote, against 37% for the Civic Party's Martin Hale. Sofia Brandt of the "
            "Greens is on 11%, and 14% are undecided. The margin of error is three points either "
            "way."
        ),
        Paragraph(
            "A month ago Hale led by six points. The shift has come mostly among voters under "
            "35, who now favour Okafor by almost two to one, and in the northern wards that "
            "the [Riverside tram line](article:council-backs-riverside-line) would serve."
        ),
        Subheading("Housing first, then transport"),
        Paragraph(
            "Asked to name the issue that matters most to their vote, 41% chose housing costs, "
            "22% public transport and 15% crime and safety. Hale leads among voters who chose "
            "safety; Okafor leads among the other two groups."
        ),
        PullQuote(
            "Neither campaign can count on turnout; this will be decided by who bothers to "
            "post a ballot.",
            "Dr Lena Sato, the pollster",
        ),
        Paragraph(
            "Turnout in the last mayoral election was 34%. Both campaigns are spending their "
            "final fortnight on postal voters, and applications for postal ballots have "
            "[already reached a record](article:postal-vote-applications-record)."
        ),
        Paragraph(
            "Brandt's supporters could decide the result under the city's second-preference "
            "system. Of those who named a second choice, 61% picked Okafor and 24% Hale."
        ),
        Paragraph(
            "The full tables, including the questions as they were asked, are published on the "
            "pollster's site, as the [ESOMAR](https://esomar.org/) code for published polls "
            "requires."
        ),
    ),
)

OKAFOR_LAUNCH = ArticleSpec(
    slug="okafor-launches-mayoral-bid",
    section="politics",
    concept="election-2026",
    headline="Okafor launches bid for mayor with promise of all-night buses",
    standfirst=(
        "The Progressive Alliance candidate told a crowd at the old fish market that she would "
        "run buses through the night on six routes within a year of taking office."
    ),
    bylines=(Byline(author="ruth-abernethy"),),
    published_ago=ago(days=23, hours=3),
    lead=Picture(
        key="okafor-rally-fish-market",
        scene="protest",
        palette="noon",
        alt="A crowd holding placards in a city square, office buildings behind",
        caption="Supporters at the campaign launch in the old fish market square",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "Grace Okafor opened her campaign to be mayor of Calder Bay on {day} with a "
            "promise to run buses through the night on six of the city's busiest routes, "
            "paid for by a levy on hotel stays."
        ),
        Paragraph(
            "Speaking to several hundred supporters in the square of the old fish market, the "
            "former head of the city's housing association said that shift workers, cleaners "
            "and hospital staff were 'paying for a city that closes its doors on them at "
            "midnight'."
        ),
        BlockQuote(
            "A nurse finishing at two in the morning should not have to choose between a "
            "taxi she can't afford and a walk she doesn't feel safe taking.",
            "Grace Okafor",
        ),
        Paragraph(
            "Okafor, 46, also pledged to finish the first stage of the Riverside tram line, to "
            "build 4,000 homes for social rent on council land, and to publish every contract "
            "the city signs worth more than $100,000."
        ),
        Paragraph(
            "Her main rival, Martin Hale of the Civic Party, called the bus plan 'a tax on "
            "visitors dressed up as a gift to residents'. Hale launches his own campaign next "
            "week."
        ),
        Paragraph(
            "The election is on 6 December. The current mayor, Alan Mercer, is standing down "
            "after two terms. Follow all our coverage on the "
            "[Election 2026 page](topic:election-2026)."
        ),
    ),
)

FIRST_DEBATE = ArticleSpec(
    slug="first-mayoral-debate-housing",
    section="politics",
    concept="election-2026",
    headline="Rivals clash over housing and the harbour in first mayoral debate",
    standfirst=(
        "Martin Hale accused Grace Okafor of promising homes the city cannot build; she said "
        "his plan would hand the waterfront to developers."
    ),
    bylines=(Byline(author="ruth-abernethy"),),
    published_ago=ago(days=9, hours=1),
    updated_ago=ago(days=8, hours=20),
    lead=Picture(
        key="harbour-front-night",
        scene="city-night",
        palette="night",
        alt="Lit apartment towers along a waterfront at night, reflected in the water",
        caption="New flats on the harbour front, at the heart of the argument over housing",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "The two leading candidates for mayor of Calder Bay traded their sharpest blows of "
            "the campaign on {day-1} night, in an hour-long debate dominated by the price of "
            "housing and the future of the old harbour."
        ),
        Paragraph(
            "Martin Hale said Grace Okafor's pledge of 4,000 homes for social rent was "
            "'a number in search of a budget', and that the city had completed fewer than 300 "
            "such homes in the last five years."
        ),
        Paragraph(
            "Okafor replied that Hale's plan to sell the former container yards at Pier 9 "
            "would 'give away the last big piece of public land on the water' and that the "
            "homes built there would be 'for people who don't live here yet'."
        ),
        PullQuote(
            "You cannot build a city's future by selling the ground it stands on.",
            "Grace Okafor",
        ),
        Subheading("Agreement on one thing"),
        Paragraph(
            "The candidates agreed that the city's planning department was too slow, and both "
            "promised to decide ordinary applications within eight weeks. Sofia Brandt of the "
            "Greens, who joined for the final twenty minutes, said neither had explained how "
            "they would pay for more planning officers."
        ),
        Paragraph(
            "An instant survey of 600 viewers found 44% thought Okafor had performed better and "
            "39% Hale. The next debate, on crime and policing, is on the 30th."
        ),
        Paragraph(
            "Correction: an earlier version of this article said the Pier 9 site covered 40 "
            "hectares. It covers 14 hectares."
        ),
    ),
)

POSTAL_VOTES = ArticleSpec(
    slug="postal-vote-applications-record",
    section="politics",
    concept="election-2026",
    headline="Postal vote applications reach a record ahead of polling day",
    standfirst=(
        "More than 61,000 residents have asked to vote by post, a third more than at the last "
        "mayoral election, and the deadline is still three days away."
    ),
    bylines=(Byline(author="daniel-ashcroft"),),
    published_ago=ago(days=1, hours=3),
    lead=Picture(
        key="city-centre-morning",
        scene="city",
        palette="noon",
        alt="Office blocks and flats of a city centre under a clear blue sky",
        caption="The electoral office expects the busiest count in its history",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "Applications to vote by post in Calder Bay's mayoral election have passed 61,000, "
            "the city's electoral office said on {day}, the highest number since postal voting "
            "on demand was introduced."
        ),
        Paragraph(
            "The deadline for applications is 5pm on {day+3}. Ballot papers for those already "
            "registered will be sent from {day+4} and must arrive back by 10pm on polling day, "
            "6 December."
        ),
        Paragraph(
            "Both leading campaigns have made postal voting a priority after a "
            "[poll showing a dead heat](article:mayoral-poll-dead-heat), and both have sent "
            "application forms to every household in their target wards."
        ),
        Paragraph(
            "The city's returning officer, Margaret Doyle, said her staff had hired 120 extra "
            "counters and would begin verifying postal ballots, though not counting them, "
            "before polling day."
        ),
        BlockQuote(
            "We will not know the result any sooner because more people vote by post. We "
            "will know it just as accurately.",
            "Margaret Doyle, returning officer",
        ),
        Paragraph(
            "Residents can check whether they are registered, and apply, at any library or on "
            "the city's website. Ballot papers are printed in six languages this year, and a "
            "large-print version is available on request."
        ),
    ),
)

TRAM_COSTS = ArticleSpec(
    slug="riverside-line-costs-explained",
    section="politics",
    concept="riverside-line",
    headline="What the Riverside Line will cost, and who will pay for it",
    standfirst=(
        "The tram line's first stage is budgeted at $1.9bn. Here is where the money is meant "
        "to come from, and where the risks are."
    ),
    bylines=(Byline(author="daniel-ashcroft"),),
    published_ago=ago(days=5, hours=6),
    lead=Picture(
        key="riverside-line-quay-street",
        scene="street-tram",
        palette="noon",
        alt="A red tram on a city street under a blue sky",
        caption="An artist's impression of a tram on Quay Street, from the council's business case",
        credit="Handout/Calder Bay City Council",
        licence="handout",
    ),
    body=(
        Paragraph(
            "Calder Bay's council votes next week on whether to build the first stage of the "
            "Riverside Line. The business case runs to 412 pages. These are the numbers that "
            "matter."
        ),
        Subheading("The bill"),
        Paragraph(
            "The first stage, from the harbour to Eastfield, is costed at $1.9bn, including a "
            "contingency of $310m. That covers 9.4km of track, 16 stops, a depot and 14 trams. "
            "A second stage to the airport would cost roughly another $1.1bn at today's prices."
        ),
        Subheading("Who pays"),
        Paragraph(
            "The regional government has offered $950m, half the total, on condition that the "
            "city signs construction contracts before the end of the year. The city would "
            "borrow $600m, repaid from fares and a levy on new commercial buildings near the "
            "stops. The remaining $350m would come from selling development rights above the "
            "Eastfield depot."
        ),
        PullQuote(
            "The risk is not the tram. The risk is the land sale that pays for a fifth of it."
        ),
        Subheading("What could go wrong"),
        Paragraph(
            "The council's own auditors flag two risks. Construction prices have risen faster "
            "than inflation for four years, and the contingency assumes they slow. And the "
            "depot land sale depends on a property market that has cooled since the plan was "
            "drawn up."
        ),
        Paragraph(
            "The line is expected to carry 48,000 passengers a day by its fifth year. The "
            "business case counts each one as saving an average of 11 minutes against the bus."
        ),
        Paragraph(
            "The council's papers are public, and the vote will be streamed. Follow the story "
            "on our [Riverside Line page](topic:riverside-line)."
        ),
    ),
)


# --- World --------------------------------------------------------------------------------

HERDERS_DROUGHT = ArticleSpec(
    slug="herders-sell-cattle-as-rains-fail",
    section="world",
    concept="east-africa-drought",
    headline="Herders sell cattle at a loss as a third rainy season fails in northern Kenya",
    standfirst=(
        "With grazing gone and water holes dry, families around Marsabit are selling animals "
        "for a fraction of last year's price to buy food and water."
    ),
    bylines=(Byline(author="wanjiru-kamau", location="Marsabit"),),
    published_ago=ago(days=2, hours=5),
    lead=Picture(
        key="marsabit-dry-plain",
        scene="farmland",
        palette="dry",
        alt="Cracked, dry earth stretching to low hills, with two flat-topped acacia trees",
        caption="Grazing land west of Marsabit, where the short rains failed for a third year",
        credit="Meridian Post/Kip Mwangi",
    ),
    body=(
        Paragraph(
            "At the livestock market on the edge of Marsabit, a grown cow that fetched 40,000 "
            "Kenyan shillings a year ago now sells for less than 9,000, if it sells at all. "
            "Most of the animals brought in on {day-1} were too thin for the traders from "
            "Nairobi to want them."
        ),
        Paragraph(
            "The short rains, which usually arrive in October, have failed across much of "
            "northern Kenya for the third year running. The county government says more than "
            "60% of the area's water points are dry or nearly dry."
        ),
        BlockQuote(
            "I had sixty goats at Easter. I have eleven now. I sold some, the rest I buried.",
            "Halima Galgalo, a herder from Kargi",
        ),
        Paragraph(
            "Families who depend on their herds are selling animals to buy maize flour and "
            "water, which is trucked in at prices that have tripled since June. Aid agencies "
            "warn that once the breeding stock is gone, recovery will take years even after "
            "the rains return."
        ),
        Figure(
            Picture(
                key="road-to-kargi",
                scene="farmland",
                palette="dry",
                alt="Flat-topped acacia trees on a dry plain under a pale blue sky",
                caption="The road to Kargi, where the last water point closed in September",
                credit="Meridian Post/Kip Mwangi",
            )
        ),
        Subheading("A slow emergency"),
        Paragraph(
            "The [UN Food and Agriculture Organization](https://www.fao.org/) has asked donors "
            "for money to buy animals from herders at fair prices before they die, and to "
            "provide feed for the breeding stock that remains. The appeal is less than a "
            "third funded."
        ),
        Paragraph(
            "The government has started [trucking water to the worst-hit villages]"
            "(article:water-trucks-reach-drought-villages), but officials in Marsabit say the "
            "tankers reach each settlement once a week at best."
        ),
        Paragraph(
            "Forecasters expect the long rains, due from March, to be closer to normal. For "
            "many families here, that is too far away."
        ),
    ),
)

WATER_TRUCKS = ArticleSpec(
    slug="water-trucks-reach-drought-villages",
    section="world",
    concept="east-africa-drought",
    headline="Water trucks reach remote villages as drought relief is stepped up",
    standfirst=(
        "Kenya and Somalia have doubled the number of tankers on the road, but aid agencies "
        "say the money for the response runs out in February."
    ),
    bylines=(
        Byline(author="wanjiru-kamau", location="Nairobi"),
        Byline(author="samuel-boateng", location="Accra"),
    ),
    published_ago=ago(hours=5, minutes=20),
    updated_ago=ago(hours=1, minutes=5),
    lead=Picture(
        key="northern-kenya-track-dusk",
        scene="farmland",
        palette="dusk",
        alt="A dry plain under a purple and orange evening sky, a lone acacia on the horizon",
        caption="Evening on the track between Marsabit and North Horr",
        credit="Meridian Post/Kip Mwangi",
    ),
    body=(
        Paragraph(
            "More than 300 water tankers are now running daily to villages in northern Kenya "
            "and southern Somalia, double the number a month ago, as governments and aid "
            "agencies respond to a drought that has left grazing land bare across the region."
        ),
        Paragraph(
            "Kenya's national drought authority said on {day} that it had reached 212 "
            "settlements in the past week, and that each would now receive water at least "
            "twice a week. In Somalia, the government and the World Food Programme have "
            "opened eight new distribution points."
        ),
        Paragraph(
            "The scale of the need is still growing. In Marsabit, where our correspondent "
            "[met herders selling cattle at a loss](article:herders-sell-cattle-as-rains-fail), "
            "the county says 410,000 people now rely on trucked water."
        ),
        PullQuote(
            "Water on a truck keeps people alive. It doesn't keep a way of life alive.",
            "A county drought officer in Marsabit",
        ),
        Paragraph(
            "Aid agencies say the response is funded only until February. A regional appeal "
            "has raised 28% of what it sought, and donors meeting in Geneva next week are "
            "being asked to close the gap."
        ),
        Paragraph(
            "West African governments, which faced a similar crisis in the Sahel two years "
            "ago, have offered to share the early-warning systems that helped them move food "
            "before prices peaked, officials in Accra said."
        ),
        Paragraph(
            "Update: this article was updated with figures from Somalia's disaster management "
            "agency, published this afternoon."
        ),
    ),
)

LISBON_RENTS = ArticleSpec(
    slug="lisbon-rent-march",
    section="world",
    headline="Tens of thousands march in Lisbon as rents outpace wages",
    standfirst=(
        "Tenants, students and pensioners filled the Avenida da Liberdade, demanding limits on "
        "short-term lets that they blame for pushing them out of the city."
    ),
    bylines=(Byline(author="ines-duarte", location="Lisbon"),),
    published_ago=ago(days=3, hours=2),
    lead=Picture(
        key="lisbon-march-banners",
        scene="protest",
        palette="dusk",
        alt="Marchers carrying banners along a wide avenue lined with buildings at sunset",
        caption="Marchers on the Avenida da Liberdade, which was closed to traffic for the day",
        credit="Meridian Post/Ines Duarte",
    ),
    body=(
        Paragraph(
            "Tens of thousands of people marched through central Lisbon on {day} to protest "
            "against rents that have risen far faster than wages, in the largest demonstration "
            "on housing the city has seen."
        ),
        Paragraph(
            "Organisers put the crowd at 80,000; police gave no figure. Marchers walked from "
            "the Marquês de Pombal roundabout to the river, many carrying keys on strings, a "
            "symbol of homes they say they have lost."
        ),
        BlockQuote(
            "My grandmother was born in this street. My landlord wants the flat for tourists, "
            "so I live forty minutes away and pay more.",
            "Catarina Sousa, a 29-year-old nurse",
        ),
        Paragraph(
            "Average rents for new contracts in Lisbon have risen by more than half in five "
            "years, while the minimum wage has risen by about a third. Tenants' groups blame "
            "the spread of short-term holiday lets, which make up one home in six in the "
            "historic centre."
        ),
        Paragraph(
            "The city council says it has frozen new holiday-let licences in the busiest "
            "districts and plans 2,000 affordable homes by 2030. The protesters want a cap on "
            "rent increases and a ban on new licences across the whole city."
        ),
        Paragraph(
            "Similar marches took place in Porto, Coimbra and Faro. The government said it "
            "would present a housing bill to parliament in the new year."
        ),
    ),
)

LIMA_EL_NINO = ArticleSpec(
    slug="lima-braces-for-el-nino-rains",
    section="world",
    headline="Lima braces for heavy rains as forecasters warn of a strong El Niño",
    standfirst=(
        "The capital is clearing riverbeds and moving families from ravines in the hills, "
        "where flash floods killed dozens in the last strong event."
    ),
    bylines=(Byline(author="mateo-quispe", location="Lima"),),
    published_ago=ago(days=16, hours=4),
    lead=Picture(
        key="lima-coast-evening",
        scene="coast",
        palette="dusk",
        alt="Sailing boats on a calm bay below hills at sunset",
        caption="The bay at Chorrillos; warmer sea water off the coast is an early sign of El Niño",
        credit="Meridian Post/Ana Castillo",
    ),
    body=(
        Paragraph(
            "Peru's authorities have begun clearing riverbeds and reinforcing embankments "
            "around Lima after the national weather service warned that a strong El Niño is "
            "likely to bring heavy rain to the normally dry coast from January."
        ),
        Paragraph(
            "Sea temperatures off northern Peru are already more than two degrees above "
            "normal. In strong El Niño years, warm water and moist air can turn the dry "
            "ravines above the capital into channels for flash floods and mudslides, known "
            "here as huaicos."
        ),
        Paragraph(
            "The city has identified 1,400 homes in high-risk ravines and is offering "
            "families temporary housing. Many are reluctant to leave homes they have built "
            "themselves over decades."
        ),
        BlockQuote(
            "They told us the same thing last time. We left, and when we came back the "
            "house was still there, but someone else was living in it.",
            "Rosa Huamán, a resident of Carabayllo",
        ),
        Paragraph(
            "Scientists say the global warming trend makes the effects of El Niño events "
            "harder to predict. The [World Meteorological Organization](https://wmo.int/) "
            "puts the chance of El Niño conditions lasting through the southern summer at "
            "about 70%."
        ),
        Paragraph(
            "Farmers in the north are planting early to harvest before the rains, and "
            "fishing fleets are preparing for anchovy to move south into cooler water."
        ),
    ),
)

AEGEAN_FERRIES = ArticleSpec(
    slug="aegean-ferries-resume-after-storm",
    section="world",
    headline="Ferry services resume in the Aegean after storm",
    standfirst=(
        "Ships sailed from Piraeus for the first time in three days as winds eased, with "
        "thousands of passengers waiting at the port."
    ),
    bylines=(Byline(author="atlas-press-agency", location="Athens"),),
    published_ago=ago(hours=1, minutes=10),
    copyright_holder="Atlas Press Agency",
    wire_uri="urn:atlas:news:2026:aegean-ferries-resume",
    lead=Picture(
        key="aegean-storm-sea",
        scene="storm-sea",
        palette="storm",
        alt="Small boats on a rough grey sea under heavy rain",
        caption="Boats sheltering off Piraeus at the height of the storm",
        credit="Atlas/Nikos Petrou",
        licence="agency",
    ),
    body=(
        Paragraph(
            "Ferry services between the Greek mainland and the Aegean islands resumed on "
            "{day} after a storm that had kept ships in port for three days, the "
            "coastguard said."
        ),
        Paragraph(
            "The first ships left Piraeus, Rafina and Lavrio shortly after dawn as wind speeds "
            "fell below the level at which sailing is banned. Operators added extra "
            "departures to clear a backlog of several thousand passengers."
        ),
        Paragraph(
            "The storm brought gusts of more than 100km/h to parts of the Cyclades and "
            "flooded streets on several islands. No injuries were reported."
        ),
        Paragraph(
            "The coastguard said conditions would be monitored through the weekend, when "
            "another band of strong wind is forecast to reach the northern Aegean."
        ),
        Paragraph("Passengers were advised to check with operators before travelling to the port."),
    ),
)

EUROPE_GAS = ArticleSpec(
    slug="europe-gas-stores-fuller-than-feared",
    section="world",
    concept="energy-crisis",
    headline="Europe enters winter with gas stores fuller than feared",
    standfirst=(
        "Storage sites are 94% full after a mild autumn and record deliveries of liquefied gas, "
        "easing fears of shortages but not of high bills."
    ),
    bylines=(
        Byline(author="freya-lindqvist", location="Oslo"),
        Byline(author="hannah-reuter", location="Frankfurt"),
        Byline(author="ines-duarte", location="Lisbon"),
    ),
    published_ago=ago(days=6, hours=2),
    lead=Picture(
        key="gas-terminal-harbour-dusk",
        scene="harbour",
        palette="dusk",
        alt="Cranes and stacked containers on a quay at dusk, the sun low over the water",
        caption="The liquefied gas terminal at Sines, one of the busiest in Europe this autumn",
        credit="Meridian Post/Ines Duarte",
    ),
    body=(
        Paragraph(
            "Europe's gas storage sites are 94% full as the heating season begins, well above "
            "the level governments feared in the summer, after a mild autumn and record "
            "imports of liquefied natural gas."
        ),
        Paragraph(
            "In Norway, now the continent's largest supplier of pipeline gas, fields in the "
            "North Sea ran at close to full capacity through October after maintenance was "
            "brought forward. Norwegian officials said output would stay high through the "
            "winter."
        ),
        Paragraph(
            "In Germany, the storage operator's association said the country could get "
            "through an average winter without rationing even if deliveries fell sharply. "
            "A cold winter would be tighter, it said, but manageable."
        ),
        Figure(
            Picture(
                key="north-sea-platform-weather",
                scene="ocean",
                palette="storm",
                alt="A grey sea with long swells under an overcast sky",
                caption="The North Sea in November: Norwegian fields ran near capacity this autumn",
                credit="Meridian Post/Freya Lindqvist",
            )
        ),
        Paragraph(
            "Iberia, with its large terminals for liquefied gas, has become a route into the "
            "rest of Europe. Ships unloaded at Sines in Portugal and at Spanish ports in "
            "record numbers this autumn."
        ),
        PullQuote(
            "Full tanks mean we will have gas. They do not mean it will be cheap.",
            "Kari Nordahl, energy analyst",
        ),
        Paragraph(
            "Wholesale prices remain about twice their level before 2021, and analysts at the "
            "[International Energy Agency](https://www.iea.org/) warn that a cold snap in Asia "
            "could pull cargoes away from Europe. For households, [bills are set to fall "
            "modestly](article:household-energy-bills-to-fall) from January."
        ),
    ),
)


# --- Business -----------------------------------------------------------------------------

HARBOUR_STRIKE = ArticleSpec(
    slug="harbour-workers-end-strike",
    section="business",
    headline="Harbour workers vote to end nine-day strike",
    standfirst=(
        "Dockers accepted a two-year pay deal worth 11% and a cap on night shifts, reopening "
        "the port to the ships that have been queueing in the bay."
    ),
    bylines=(Byline(author="marta-kowalczyk"),),
    published_ago=ago(hours=6, minutes=15),
    lead=Picture(
        key="container-port-dawn",
        scene="harbour",
        palette="dawn",
        alt="Container cranes and stacked containers on a quay at dawn, the sun rising over water",
        caption="The container terminal at first light, as the first crews returned",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "Workers at Calder Bay's container terminal voted on {day-1} night to end a "
            "nine-day strike, accepting a pay deal that the port's operator had described "
            "only a week ago as unaffordable."
        ),
        Paragraph(
            "Members of the dockworkers' union voted by 812 to 207 for a two-year agreement "
            "that raises pay by 6% now and 5% next year, limits night shifts to three a week "
            "and ends the use of agency staff for crane work."
        ),
        Paragraph(
            "Crews returned at 6am on {day}. Eleven ships have been waiting at anchor in "
            "the bay, and the operator, Harbourline, said it would take about a week to clear "
            "the backlog."
        ),
        BlockQuote(
            "Nobody wanted to be out for nine days. But nobody was willing to go back for "
            "what we were offered on day one.",
            "Terry Ndlovu, crane driver and union steward",
        ),
        Paragraph(
            "The strike has cost the city's importers an estimated $40m in delays. Retailers "
            "had warned of empty shelves before Christmas; supermarket groups said on "
            "{day} that most deliveries should arrive in time."
        ),
        Paragraph(
            "Harbourline said the deal would add about $9m a year to its costs and that it "
            "would seek to recover some of that through higher charges to shipping lines."
        ),
        Paragraph(
            "The strike became an issue in the [mayoral campaign](topic:election-2026), with "
            "both leading candidates calling for talks. The port is owned by the city but run "
            "under a 30-year concession."
        ),
    ),
)

DRESDEN_CHIP_PLANT = ArticleSpec(
    slug="dresden-chip-plant-opens",
    section="business",
    concept="semiconductors",
    headline="Chip plant opens in Dresden with 1,400 jobs and a promise of more",
    standfirst=(
        "Halvorsen Semiconductor's new factory will make chips for cars and industrial "
        "machines, the first of its size in Europe to open in a decade."
    ),
    bylines=(
        Byline(author="hannah-reuter", location="Dresden"),
        Byline(author="mei-lin-chen", location="Taipei"),
    ),
    published_ago=ago(days=3, hours=7),
    updated_ago=ago(days=2, hours=22),
    lead=Picture(
        key="dresden-chip-plant",
        scene="factory",
        palette="noon",
        alt="A long, low white factory building with rooftop plant, fields in front",
        caption="The Halvorsen plant north of Dresden, built in 31 months",
        credit="Meridian Post/Lukas Brandl",
    ),
    body=(
        Paragraph(
            "A new semiconductor factory opened north of Dresden on {day}, the largest to "
            "start production in Europe for ten years, as the continent tries to make more "
            "of the chips its carmakers and machine builders rely on."
        ),
        Paragraph(
            "The plant, built by the Norwegian-Taiwanese company Halvorsen Semiconductor, "
            "will employ 1,400 people when it reaches full output next year. It makes chips "
            "on older, cheaper processes, the kind that ran short during the pandemic and "
            "left car factories idle."
        ),
        Paragraph(
            "Public subsidies covered about a third of the $5.2bn cost. The company's chief "
            "executive, Ingrid Halvorsen, said a second building on the site could follow "
            "'if the order books say so'."
        ),
        PullQuote(
            "We are not trying to make the most advanced chip in the world. We are trying "
            "to make the one that stops a car factory when it runs out.",
            "Ingrid Halvorsen, chief executive",
        ),
        Subheading("The view from Taipei"),
        Paragraph(
            "In Taiwan, where the company's engineering team is based, suppliers see the "
            "plant as a sign that customers want factories on more than one continent. "
            "Several Taiwanese equipment makers have opened offices in Saxony to serve it."
        ),
        Paragraph(
            "Analysts in Taipei caution that European plants cost more to run, mainly "
            "because of energy prices, and that subsidies may be needed again for the "
            "second phase."
        ),
        Paragraph(
            "The factory will use about as much water as a town of 40,000 people, a question "
            "that [dominated the planning inquiry](article:chip-plant-water-question). The "
            "company says 70% will be recycled on site."
        ),
        Paragraph(
            "This article was updated to correct the share of the cost covered by subsidies."
        ),
    ),
)

CHIP_WATER = ArticleSpec(
    slug="chip-plant-water-question",
    section="business",
    concept="semiconductors",
    headline="A chip plant's thirst tests a region's water supply",
    standfirst=(
        "After two dry summers, farmers and residents near Dresden are asking whether a "
        "semiconductor factory should come first in the queue for water."
    ),
    bylines=(Byline(author="hannah-reuter", location="Dresden"),),
    published_ago=ago(days=25, hours=5),
    lead=Picture(
        key="saxony-fields-summer",
        scene="green-fields",
        palette="dry",
        alt="Pale, dry fields in rows running to low hills under a hazy sky",
        caption="Farmland north of Dresden after the second dry summer in a row",
        credit="Meridian Post/Lukas Brandl",
    ),
    body=(
        Paragraph(
            "Making chips takes water: to rinse the silicon wafers between each of hundreds of "
            "steps, it must be purer than anything that comes out of a tap. A large factory "
            "uses millions of litres a day."
        ),
        Paragraph(
            "The [Halvorsen plant](article:dresden-chip-plant-opens) north of Dresden has "
            "permission to draw up to 8 million litres a day from the Elbe and local "
            "groundwater. Objectors to the plan, mostly farmers, say that after two summers "
            "of low rainfall the region has none to spare."
        ),
        BlockQuote(
            "When the river is low, they will still have their water. We will be told to "
            "stop irrigating.",
            "Klaus Wendt, who farms 300 hectares near Radeburg",
        ),
        Paragraph(
            "The state's environment agency says the permit includes limits that apply when "
            "the river drops below set levels, and that the factory would have to cut its "
            "intake before farms did. The company says it will recycle 70% of what it uses."
        ),
        Paragraph(
            "Hydrologists say the dispute is a preview of arguments to come as Europe courts "
            "water-hungry industries, from chips to batteries to hydrogen, in regions where "
            "summers are getting drier."
        ),
        Paragraph(
            "A hearing on the second phase of the plant, which would raise the water permit "
            "by half, is due in the spring. Farmers' groups have said they will ask for the "
            "limits on low-river days to be tightened before anything else is approved."
        ),
    ),
)

ENERGY_BILLS = ArticleSpec(
    slug="household-energy-bills-to-fall",
    section="business",
    concept="energy-crisis",
    headline="Household energy bills to fall 6% from January",
    standfirst=(
        "The regulator's new price cap will save a typical home about $110 a year, but bills "
        "remain well above where they were before the energy crisis."
    ),
    bylines=(Byline(author="marta-kowalczyk"),),
    published_ago=ago(days=1, hours=1),
    lead=Picture(
        key="city-lights-winter-night",
        scene="city-night",
        palette="night",
        alt="Lit windows in apartment blocks across dark water at night",
        caption="Lower wholesale prices will reach households from 1 January",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "Energy bills for most households will fall by about 6% from January after the "
            "regulator lowered its cap on the price of gas and electricity, citing cheaper "
            "wholesale gas and [fuller storage across Europe]"
            "(article:europe-gas-stores-fuller-than-feared)."
        ),
        Paragraph(
            "A typical household using gas for heating will pay about $1,720 a year, down "
            "from $1,830. The cap limits the price per unit and the daily standing charge, "
            "not the total bill."
        ),
        Paragraph(
            "Consumer groups welcomed the cut but said bills were still about 45% higher "
            "than four years ago, and that 1 in 9 households was behind on payments."
        ),
        PullQuote(
            "A smaller bill is still a bill many families can't pay.",
            "Nadia Farouk, Calder Bay Citizens Advice",
        ),
        Paragraph(
            "The regulator also confirmed that standing charges, which make up a growing "
            "share of bills for people who use little energy, would be reviewed next year."
        ),
        Paragraph(
            "Suppliers must write to customers before the new prices take effect. Households "
            "on fixed deals will see no change until their contracts end."
        ),
    ),
)

COFFEE_PRICES = ArticleSpec(
    slug="coffee-prices-fourteen-year-high",
    section="business",
    headline="Coffee prices hit a 14-year high as Brazilian harvest falls short",
    standfirst=(
        "Dry weather in Minas Gerais cut the arabica crop, and roasters say the rise will reach "
        "shop prices in the new year."
    ),
    bylines=(Byline(author="marta-kowalczyk"),),
    published_ago=ago(days=11, hours=8),
    lead=Picture(
        key="coffee-hills-minas",
        scene="plantation",
        palette="noon",
        alt="Rows of round green bushes covering rolling hills under a blue sky",
        caption="Coffee bushes in rows on a hillside farm",
        credit="Elena Varga/CC BY",
        licence="cc-by",
    ),
    body=(
        Paragraph(
            "The price of arabica coffee beans rose to its highest level in 14 years on "
            "{day} after Brazil's crop agency cut its estimate of this year's harvest for "
            "the second time."
        ),
        Paragraph(
            "A long dry spell in Minas Gerais, Brazil's largest coffee state, came just as "
            "the bushes were flowering, reducing the number of cherries they set. Vietnam, "
            "the largest grower of the cheaper robusta variety, also expects a smaller crop."
        ),
        Paragraph(
            "Roasters buy months ahead, so shop prices move slowly. Several large roasters "
            "told the Meridian Post that they expected to raise their prices by 10% to 15% "
            "in the first half of next year."
        ),
        BlockQuote(
            "We have absorbed what we can. A flat white that costs $4.20 today will cost "
            "$4.60 by spring.",
            "Owen Pryce, who runs four cafés in Calder Bay",
        ),
        Paragraph(
            "The [International Coffee Organization](https://ico.org/) says growers have seen "
            "little of the rise, because many sold their crop in advance at lower prices."
        ),
        Paragraph(
            "Traders say prices could ease if Brazil's next flowering, due in September, goes "
            "well. Until then, they expect roasters to sell more blends that mix in cheaper "
            "robusta beans, and cafés to test how much their customers will pay."
        ),
    ),
)

BAKERY_FOUR_DAY_WEEK = ArticleSpec(
    slug="bakery-chain-four-day-week",
    section="business",
    headline="Bakery chain moves 900 staff to a four-day week",
    standfirst=(
        "Crumb & Co says a year-long trial cut sick days by a third without hurting sales, "
        "and will keep full pay for shorter hours."
    ),
    bylines=(Byline(author="marta-kowalczyk"),),
    published_ago=ago(days=14, hours=2),
    lead=Picture(
        key="city-morning-dawn",
        scene="city",
        palette="dawn",
        alt="City buildings in silhouette against a pink and blue morning sky",
        caption="Bakers start their shifts before dawn; the new rota ends the six-day week",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "Crumb & Co, which runs 64 bakeries across the region, will move all 900 of its "
            "staff to a four-day week from February, keeping their pay the same, after a "
            "trial in 12 shops."
        ),
        Paragraph(
            "Workers in the trial shops worked 32 hours over four days instead of 40 over "
            "five. Sick days fell by a third, staff turnover halved and sales were unchanged, "
            "the company said."
        ),
        Paragraph(
            "The chain's founder, Miriam Adler, said the hardest part had been the rota, not "
            "the cost. Bakeries open seven days a week, so the company hired 40 more bakers "
            "to cover the extra days off."
        ),
        BlockQuote(
            "Good bakers are hard to find and easy to lose. This is the cheapest way we "
            "have found to keep them.",
            "Miriam Adler, founder",
        ),
        Paragraph(
            "Economists caution that results from trials can fade once the novelty wears "
            "off, and that the model is harder to apply where staff are paid by the hour. "
            "Crumb & Co's staff are salaried."
        ),
        Paragraph(
            "The bakers' union said it would ask the city's other large food employers to "
            "look at the results. Two supermarket groups have said they are watching the "
            "trial but have no plans to follow it."
        ),
    ),
)


# --- Science ------------------------------------------------------------------------------

OCEAN_RECORD = ArticleSpec(
    slug="ocean-temperatures-november-record",
    section="science",
    concept="climate",
    headline="Ocean surface temperatures set a November record",
    standfirst=(
        "The world's seas have been warmer than any November on record, extending a run of "
        "marine heat that scientists say is reshaping fisheries and coral reefs."
    ),
    bylines=(Byline(author="priya-raman"),),
    published_ago=ago(minutes=35),
    lead=Picture(
        key="open-ocean-swell",
        scene="ocean",
        palette="ocean",
        alt="Open blue ocean with long swells under a bright sky with scattered clouds",
        caption="The average sea surface has been above its previous November record all month",
        credit="Meridian Post/Priya Raman",
    ),
    body=(
        Paragraph(
            "The average temperature of the world's ocean surface this month has been the "
            "highest for any November since satellite measurements began, according to "
            "preliminary figures from two independent datasets."
        ),
        Paragraph(
            "The average for the first 24 days was 0.18C above the previous November record. "
            "That may sound small, but over an area covering seven-tenths of the planet it "
            "represents an enormous amount of extra heat."
        ),
        Paragraph(
            "Most of the warmth is in the tropical Pacific and the North Atlantic. Scientists "
            "say a developing El Niño, which is already [worrying forecasters in Peru]"
            "(article:lima-braces-for-el-nino-rains), adds to a long-term warming trend "
            "driven by greenhouse gases."
        ),
        PullQuote(
            "Every year we say this is unusual. At some point unusual becomes the baseline.",
            "Dr Tomas Ekberg, oceanographer",
        ),
        Paragraph(
            "Marine heatwaves have bleached corals in the Caribbean and the western Indian "
            "Ocean this year and pushed some fish stocks towards the poles. The "
            "[European Space Agency](https://www.esa.int/) said its satellites had recorded "
            "unusually warm water off West Africa for six months."
        ),
        Paragraph(
            "Final figures for November will be published in the second week of December. "
            "Our [climate coverage](topic:climate) follows the year's records as they come in."
        ),
    ),
)

GLACIER_RETREAT = ArticleSpec(
    slug="andean-glacier-lost-a-third",
    section="science",
    concept="climate",
    headline="Andean glacier has lost a third of its ice in 20 years, survey finds",
    standfirst=(
        "A survey of the Pastoruri glacier in Peru's Cordillera Blanca found it thinning faster "
        "each decade, threatening water supplies for the towns below."
    ),
    bylines=(
        Byline(author="mateo-quispe", location="Huaraz"),
        Byline(author="priya-raman", location="Calder Bay"),
    ),
    published_ago=ago(days=19, hours=3),
    lead=Picture(
        key="cordillera-blanca-peaks",
        scene="mountains",
        palette="winter",
        alt="Snow-capped mountain peaks above blue-grey ridges under a pale sky",
        caption="The Cordillera Blanca above Huaraz, home to a quarter of the world's tropical ice",
        credit="Meridian Post/Ana Castillo",
    ),
    body=(
        Paragraph(
            "A glacier in Peru's Cordillera Blanca has lost a third of its volume since 2005, "
            "according to a survey that combined drone mapping with measurements drilled "
            "into the ice."
        ),
        Paragraph(
            "The research team, from Peruvian and European universities, found that the rate "
            "of thinning had roughly doubled in the past decade compared with the one before. "
            "Their study is published in a peer-reviewed glaciology journal this week."
        ),
        BlockQuote(
            "In the dry season, the river in Huaraz is glacier water. When the ice is gone, "
            "the dry season will be really dry.",
            "Dr Julia Mamani, glaciologist and co-author",
        ),
        Paragraph(
            "Tropical glaciers are especially sensitive to warming because they sit close to "
            "the freezing point all year round. Peru holds most of the world's tropical ice."
        ),
        Subheading("Water for the valley"),
        Paragraph(
            "In the Santa valley below the range, meltwater supplies farms, towns and "
            "hydroelectric dams during the months without rain. Regional officials are "
            "building small reservoirs to store wet-season rain, but say they cannot replace "
            "what the glaciers provide."
        ),
        Paragraph(
            "The findings fit a wider pattern recorded by the "
            "[World Glacier Monitoring Service](https://wgms.ch/), which reports that "
            "glaciers in almost every mountain range are shrinking."
        ),
    ),
)

SORGHUM_TRIAL = ArticleSpec(
    slug="drought-tolerant-sorghum-trial",
    section="science",
    concept="east-africa-drought",
    headline="Drought-tolerant sorghum doubles yields in dry-plot trial",
    standfirst=(
        "Varieties bred from Ethiopian landraces kept producing grain with half the usual "
        "rainfall in trials across Kenya and Ethiopia."
    ),
    bylines=(
        Byline(author="priya-raman"),
        Byline(author="wanjiru-kamau", location="Machakos"),
    ),
    published_ago=ago(days=6, hours=9),
    lead=Picture(
        key="machakos-trial-plots",
        scene="green-fields",
        palette="dry",
        alt="Rows of crops in pale dry fields running towards low hills",
        caption="Trial plots at Machakos, east of Nairobi, after a season with half the usual rain",
        credit="Meridian Post/Kip Mwangi",
    ),
    body=(
        Paragraph(
            "New varieties of sorghum bred from traditional Ethiopian strains produced about "
            "twice as much grain as commonly grown varieties in plots given half the normal "
            "rainfall, according to three years of field trials."
        ),
        Paragraph(
            "The work, led by plant breeders in Kenya and Ethiopia, selected plants that stay "
            "green and keep filling their grain heads when water runs short late in the "
            "season, a trait known as 'stay-green'."
        ),
        Paragraph(
            "At the trial site in Machakos, farmers who grew the new varieties alongside "
            "their usual crop said the difference was obvious from the road by the end of "
            "the [failed short rains](topic:east-africa-drought)."
        ),
        BlockQuote(
            "My maize dried out in the field. The sorghum stood there green like it had "
            "not noticed.",
            "Esther Mutua, farmer",
        ),
        Paragraph(
            "Sorghum is less popular than maize in much of Kenya, and the researchers say "
            "seed supply and markets for the grain matter as much as the plant itself. Seed "
            "of two varieties will be sold through cooperatives from March."
        ),
        Paragraph(
            "The team is now testing whether the same traits hold in Ethiopia's highlands, "
            "where nights are colder, and is crossing the varieties with local strains that "
            "farmers prefer for flour and for brewing."
        ),
    ),
)

COMET = ArticleSpec(
    slug="comet-visible-next-week",
    section="science",
    headline="A comet will be visible to the naked eye next week, astronomers say",
    standfirst=(
        "Comet C/2026 K3 should be bright enough to see without binoculars low in the "
        "western sky after sunset from {day+6}, if the weather allows."
    ),
    bylines=(Byline(author="priya-raman"),),
    published_ago=ago(hours=9, minutes=30),
    lead=Picture(
        key="comet-over-treeline",
        scene="night-sky",
        palette="night",
        alt="A comet with a long faint tail in a star-filled night sky above dark trees",
        caption="How the comet may look from a dark site; from the city it will be fainter",
        credit="Meridian Post/Graphics",
    ),
    body=(
        Paragraph(
            "A comet discovered only in May is brightening faster than expected and should be "
            "visible to the naked eye from {day+6}, astronomers say, giving the best view "
            "of a comet from the northern hemisphere in several years."
        ),
        Paragraph(
            "Comet C/2026 K3 will pass closest to the Sun on {day+3} and then swing back "
            "into the evening sky. It should be easiest to see about 45 minutes after "
            "sunset, low in the west-south-west."
        ),
        Subheading("How to see it"),
        Paragraph(
            "Find a place with a clear view of the western horizon and as little street "
            "lighting as possible. Give your eyes ten minutes to adjust to the dark, and "
            "look for a fuzzy star with a faint tail pointing up and away from where the "
            "Sun has set."
        ),
        Paragraph(
            "Binoculars will help, especially from towns. A phone camera on a tripod with a "
            "night mode of a few seconds will often show the tail better than the eye can."
        ),
        Paragraph(
            "Comets are unpredictable: this one could brighten further or break apart as it "
            "passes the Sun. The city's observatory on Signal Hill will open its grounds on "
            "{day+6} and {day+7} evenings, cloud permitting."
        ),
    ),
)

HEAT_PUMPS = ArticleSpec(
    slug="heat-pumps-arctic-trial",
    section="science",
    concept="energy-crisis",
    headline="Heat pumps kept homes warm at minus 30C in Arctic trial",
    standfirst=(
        "A winter-long trial in northern Norway found modern air-source heat pumps used a "
        "third of the electricity of direct heating even in the coldest weeks."
    ),
    bylines=(Byline(author="freya-lindqvist", location="Tromsø"),),
    published_ago=ago(days=29, hours=6),
    lead=Picture(
        key="arctic-winter-snowfield",
        scene="snowfield",
        palette="winter",
        alt="A snow-covered plain with dark trees and mountains under a pale winter sun",
        caption="The trial ran through last winter in homes around Tromsø and Alta",
        credit="Meridian Post/Freya Lindqvist",
    ),
    body=(
        Paragraph(
            "Air-source heat pumps kept 60 homes in northern Norway warm through a winter in "
            "which temperatures fell to minus 30C, using about a third of the electricity that "
            "electric radiators would have needed, according to a study published on {day}."
        ),
        Paragraph(
            "The trial, run by a Norwegian research institute with the local grid company, "
            "monitored homes in Tromsø and Alta from October to April. Efficiency fell in the "
            "coldest spells, but the pumps never fell back to the level of direct heating."
        ),
        BlockQuote(
            "The old rule was that heat pumps give up when it gets really cold. Our data "
            "says that rule is about fifteen years out of date.",
            "Sigrid Aune, lead researcher",
        ),
        Paragraph(
            "Heat pumps move heat from outside air into a building, working like a "
            "refrigerator in reverse. Newer models use refrigerants and compressors designed "
            "for very low temperatures."
        ),
        Paragraph(
            "The findings matter beyond Norway. Governments across Europe are paying "
            "households to swap gas boilers for heat pumps as part of their response to the "
            "[energy crisis](topic:energy-crisis), and doubts about cold-weather performance "
            "are among the most common reasons people give for holding back."
        ),
        Paragraph(
            "The researchers say the weak point is not the pump but the building. Homes in "
            "the trial that had been insulated to modern standards used half as much "
            "electricity as older homes with the same equipment."
        ),
    ),
)


# --- Culture ------------------------------------------------------------------------------

MUSEUM_RESTITUTION = ArticleSpec(
    slug="museum-returns-carved-panels-to-ghana",
    section="culture",
    concept="restitution",
    headline="Museum agrees to return 14 carved panels to Ghana",
    standfirst=(
        "The Calder Bay Museum of World Cultures will hand back doors and panels taken from a "
        "royal palace in 1874, after a three-year review of how they were acquired."
    ),
    bylines=(
        Byline(author="lucia-ferreyra", location="Calder Bay"),
        Byline(author="samuel-boateng", location="Accra"),
    ),
    published_ago=ago(days=2, hours=4),
    updated_ago=ago(days=1, hours=20),
    lead=Picture(
        key="museum-of-world-cultures",
        scene="museum",
        palette="noon",
        alt="The columned stone front of a museum at the top of wide steps, under a blue sky",
        caption="The Museum of World Cultures, which has held the panels since 1911",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "The Calder Bay Museum of World Cultures will return 14 carved wooden panels and "
            "two doors to Ghana, its trustees announced on {day}, after concluding that they "
            "were taken by force from a royal palace during a British military campaign in "
            "1874."
        ),
        Paragraph(
            "The objects came to the museum in 1911 as a gift from the estate of a retired "
            "army officer. A review that began three years ago traced them through letters, "
            "auction records and the officer's own diary, which describes the palace being "
            "emptied before it was burned."
        ),
        BlockQuote(
            "We can write a better label, or we can do the right thing. The evidence left "
            "us only one honest choice.",
            "Dr Helen Marsh, the museum's director",
        ),
        Subheading("A welcome in Accra"),
        Paragraph(
            "In Accra, the decision was welcomed by the culture ministry and by "
            "representatives of the royal family, who have asked for the panels' return "
            "since the 1970s. They will go on display in a new gallery at the palace in "
            "Kumasi, which is due to open in 2028."
        ),
        Paragraph(
            "Ghanaian officials said they would press other museums holding objects from "
            "the same campaign. Several institutions in Europe and North America have "
            "returned items in recent years; others say their laws forbid it."
        ),
        PullQuote(
            "These are not artworks that travelled. They are the doors of a house that was looted.",
            "Kwame Asante, a historian at the University of Ghana",
        ),
        Paragraph(
            "The handover will take place in Kumasi in the spring. Until then the panels "
            "remain on view in Calder Bay, with new labels explaining how they were taken. "
            "[UNESCO](https://www.unesco.org/) has encouraged such reviews since 1978, and "
            "our [restitution coverage](topic:restitution) follows similar cases."
        ),
        Paragraph("This article was updated to add comments from the University of Ghana."),
    ),
)

OPERA_REOPENS = ArticleSpec(
    slug="restored-opera-house-reopens",
    section="culture",
    headline="Restored opera house reopens after six years and $210m",
    standfirst=(
        "The Grand Theatre's dome has been repaired, its seats widened and its acoustics "
        "rebuilt. On opening night, the audience mostly wanted to look at the ceiling."
    ),
    bylines=(Byline(author="lucia-ferreyra"),),
    published_ago=ago(days=4, hours=1),
    lead=Picture(
        key="grand-theatre-dome-dusk",
        scene="opera",
        palette="dusk",
        alt="A domed theatre with lit arched windows against an orange evening sky",
        caption="The Grand Theatre on its reopening night",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "Six years, $210m and one cracked dome later, Calder Bay's Grand Theatre reopened "
            "on {day-1} with a new production of Verdi's Falstaff, a choice its director said "
            "was meant to be 'a comedy, because we have had enough drama'."
        ),
        Paragraph(
            "The restoration repaired the copper dome, which had leaked since the 1990s, "
            "replaced the 1960s seating with wider seats, and removed false walls that had "
            "dulled the hall's sound for half a century."
        ),
        PullQuote(
            "For the first time in my career I could hear the back desks of the strings "
            "from the stage.",
            "Marisol Vega, who sang Alice Ford",
        ),
        Paragraph(
            "The project ran two years late and $60m over budget, mostly because of what "
            "builders found behind the walls: asbestos, a forgotten second staircase and "
            "the original painted ceiling of 1887, hidden under plaster."
        ),
        Figure(
            Picture(
                key="grand-theatre-from-harbour",
                scene="city-night",
                palette="dusk",
                alt="City buildings with lit windows beside calm water at dusk",
                caption="The theatre district seen from the harbour",
                credit="Meridian Post/Joao Almeida",
            )
        ),
        Paragraph(
            "That ceiling, now restored, drew most of the attention at the interval. Many in "
            "the audience spent it looking upwards."
        ),
        Paragraph(
            "The theatre will open its doors for free tours on Sundays until the end of "
            "January. Tickets for the rest of the season go on sale next week, with 200 seats "
            "a night held at $15 for under-30s."
        ),
    ),
)

PRIZE_SHORTLIST = ArticleSpec(
    slug="debut-novels-dominate-prize-shortlist",
    section="culture",
    headline="First novels dominate this year's fiction prize shortlist",
    standfirst=(
        "Four of the six books on the Harbour Prize shortlist are debuts, including a novel "
        "set entirely on a night bus."
    ),
    bylines=(Byline(author="lucia-ferreyra"),),
    published_ago=ago(days=15, hours=5),
    lead=Picture(
        key="reading-by-the-water",
        scene="coast",
        palette="noon",
        alt="Sailing boats on a bright blue bay with hills behind",
        caption="The prize is named for the harbour where its founder kept a boat",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "First-time novelists have taken four of the six places on the shortlist for "
            "this year's Harbour Prize for fiction, the most debuts in the award's 31 years."
        ),
        Paragraph(
            "Among them is Last Stop Eastfield by Nadia Crowe, which follows the passengers "
            "of a single night bus over one winter, and which the judges called 'a whole city "
            "in ninety pages'. It is published by a small press with two employees."
        ),
        Paragraph(
            "The other debuts are a family saga set in a Lisbon pastry shop, a thriller about "
            "a missing container ship, and a collection of linked stories about a marathon. "
            "Two established writers complete the list."
        ),
        BlockQuote(
            "We did not set out to choose new voices. We set out to choose the best books, "
            "and kept finding that they were written by people we had never heard of.",
            "Harriet Osei, chair of the judges",
        ),
        Paragraph(
            "The winner, who receives $25,000, will be announced on 12 January. Each "
            "shortlisted author receives $2,500."
        ),
        Paragraph(
            "Small publishers account for five of the six books, which booksellers say "
            "reflects how much of the most interesting new fiction now starts outside the "
            "large houses. Sales of the shortlisted titles usually triple in the week after "
            "the announcement."
        ),
    ),
)

LIMA_FILM_FESTIVAL = ArticleSpec(
    slug="peruvian-drama-wins-film-festival",
    section="culture",
    headline="Quiet Peruvian drama takes top prize at the film festival",
    standfirst=(
        "Agua de Mayo, about a family waiting for water in the hills above Lima, won the jury "
        "prize ahead of several bigger productions."
    ),
    bylines=(Byline(author="mateo-quispe", location="Lima"),),
    published_ago=ago(days=33, hours=2),
    lead=Picture(
        key="lima-night-skyline",
        scene="city-night",
        palette="night",
        alt="A city skyline with scattered lit windows reflected in dark water",
        caption="Lima at night; the film was shot over one dry season in the hills above the city",
        credit="Meridian Post/Ana Castillo",
    ),
    body=(
        Paragraph(
            "A small Peruvian film about a family waiting for the weekly water truck won the "
            "main prize at the Calder Bay International Film Festival on {day}, beating "
            "productions with many times its budget."
        ),
        Paragraph(
            "Agua de Mayo, directed by Lucía Paredes and shot with non-professional actors in "
            "the hills above Lima, follows a grandmother and two grandchildren over a single "
            "dry season. There is almost no music, and the camera rarely moves."
        ),
        PullQuote(
            "I wanted people to feel how long a week is when you are waiting for water.",
            "Lucía Paredes, director",
        ),
        Paragraph(
            "Paredes, 34, made the film over three years with money from a national fund and "
            "a crowdfunding campaign. In Lima, where she held a free screening for the "
            "families who appear in it, the audience applauded for ten minutes."
        ),
        Paragraph(
            "The jury also gave a special mention to the Kenyan documentary Dry Season, "
            "filmed among herders in the north of the country during the current drought."
        ),
        Paragraph(
            "The festival said attendance rose by 12% this year, to 48,000, helped by free "
            "outdoor screenings on the harbour front. Agua de Mayo will open in cinemas in "
            "Peru next month, and has been bought for distribution in six countries."
        ),
    ),
)

WATERFRONT_PHOTOGRAPHS = ArticleSpec(
    slug="vanishing-waterfront-photographs",
    section="culture",
    headline="Photographs of a vanishing waterfront go on show",
    standfirst=(
        "For forty years Rosa Lindgren photographed the old harbour at dawn. As the last "
        "warehouses come down, the city's gallery is showing 120 of her pictures."
    ),
    bylines=(Byline(author="lucia-ferreyra"),),
    published_ago=ago(days=8, hours=6),
    lead=Picture(
        key="old-harbour-at-dusk",
        scene="harbour",
        palette="dusk",
        alt="Cranes and warehouses on a harbour front at dusk, boats moored on the water",
        caption="The old harbour, a subject Lindgren returned to for four decades",
        credit="Meridian Post/Joao Almeida",
    ),
    body=(
        Paragraph(
            "Rosa Lindgren started photographing Calder Bay's harbour in 1984, when she "
            "worked night shifts at the ferry terminal and walked home along the quays at "
            "dawn. She has not stopped since."
        ),
        Paragraph(
            "An exhibition of 120 of her photographs opens at the City Gallery on {day+3}. "
            "It arrives as the last of the old warehouses at Pier 9 are demolished, and as "
            "the future of that land has become [an argument in the mayoral race]"
            "(article:first-mayoral-debate-housing)."
        ),
        BlockQuote(
            "I never meant to make a record of anything. I just liked the light, and the "
            "light kept falling on things that were about to disappear.",
            "Rosa Lindgren",
        ),
        Paragraph(
            "The early pictures are black and white, of dockers, fish crates and the steam "
            "of the morning ferries. Later ones, in colour, show the cranes arriving, then "
            "the containers, then the first glass towers rising behind them."
        ),
        Paragraph(
            "The exhibition runs until the end of March. Entry is free, and the gallery is "
            "asking visitors who recognise anyone in the photographs to leave a note."
        ),
        Paragraph(
            "Lindgren, now 71, still walks the quays most mornings. She says she has no plans "
            "to stop, though these days she photographs the new towers too. 'They will be "
            "old one day,' she said, 'and someone should remember what they looked like new.'"
        ),
    ),
)


# --- Sport --------------------------------------------------------------------------------

MARATHON_RECORD = ArticleSpec(
    slug="kiptoo-breaks-marathon-course-record",
    section="sport",
    concept="calder-bay-marathon",
    headline="Kiptoo breaks course record as 21,000 run the Calder Bay Marathon",
    standfirst=(
        "Daniel Kiptoo won in 2hr 5min 41sec, taking almost a minute off the record, while "
        "Ana Oliveira held off a late charge to win the women's race."
    ),
    bylines=(Byline(author="tom-okoro"),),
    published_ago=ago(days=1, hours=2),
    updated_ago=ago(hours=20),
    lead=Picture(
        key="marathon-finish-quay-street",
        scene="protest",
        palette="dawn",
        alt="A crowd beneath banners in a city street at dawn, towers behind",
        caption="Spectators at the finish on Quay Street, three and four deep by 8am",
        credit="Meridian Post/Tom Okoro",
    ),
    body=(
        Paragraph(
            "Daniel Kiptoo of Kenya broke the Calder Bay Marathon course record on {day}, "
            "winning in 2hr 5min 41sec on a cold, still morning that he called 'a gift from "
            "the weather'."
        ),
        Paragraph(
            "Kiptoo, 27, broke away from a pack of five on the Harbour Bridge at 30km and ran "
            "the last 12km alone, finishing 52 seconds inside the record set in 2019. His "
            "compatriot Joseph Rono was second and Ethiopia's Haile Gebru third."
        ),
        Paragraph(
            "The women's race was closer. Ana Oliveira of Portugal led from halfway but was "
            "caught by Mercy Chebet with 3km to go, and only pulled clear again on the final "
            "climb up Quay Street to win by nine seconds in 2hr 21min 17sec."
        ),
        Clip("marathon-harbour-bridge"),
        Paragraph(
            "Race organisers said 21,340 runners started and 20,912 finished, both records. "
            "The field included 160 wheelchair racers, whose course was extended this year to "
            "the full distance for the first time."
        ),
        BlockQuote(
            "On the bridge there was no wind at all. I looked at my watch and thought: if "
            "not today, then never.",
            "Daniel Kiptoo",
        ),
        Subheading("Fundraising record too"),
        Paragraph(
            "Runners raised more than $6m for charity, the organisers said, led by a team of "
            "40 nurses from the city hospital who ran in their uniforms. The oldest finisher "
            "was 84."
        ),
        Paragraph(
            "The roads reopened by 3pm, as planned in the [closures published last week]"
            "(article:marathon-road-closures-guide). Entries for next year's race open in "
            "December; results for every finisher are on the "
            "[World Athletics](https://worldathletics.org/) calendar page for the event."
        ),
        Paragraph("This report was updated with the final number of finishers."),
    ),
)

MARATHON_CLOSURES = ArticleSpec(
    slug="marathon-road-closures-guide",
    section="sport",
    concept="calder-bay-marathon",
    headline="Marathon day: road closures and how to get around",
    standfirst=(
        "The Harbour Bridge closes at 5am on {day+3} and reopens by 3pm. Here is what runners, "
        "spectators and everyone else need to know."
    ),
    bylines=(Byline(author="tom-okoro"), Byline(author="daniel-ashcroft")),
    published_ago=ago(days=4, hours=3),
    lead=Picture(
        key="city-before-the-race",
        scene="city",
        palette="dawn",
        alt="City towers in silhouette under a pink morning sky",
        caption="The city centre will be closed to traffic from early on race morning",
        credit="Meridian Post/Ruth Obi",
    ),
    body=(
        Paragraph(
            "More than 21,000 runners are expected on {day+3} for the Calder Bay Marathon, "
            "and much of the city centre and the Harbour Bridge will be closed to traffic "
            "for most of the day."
        ),
        Subheading("Road closures"),
        Paragraph(
            "The Harbour Bridge closes in both directions from 5am to 3pm. Quay Street, "
            "Market Road and the Esplanade close from 6am and reopen in stages from 1pm, "
            "starting with the northern end."
        ),
        Subheading("Public transport"),
        Paragraph(
            "Trains start an hour earlier than usual on {day+3} and run every ten minutes "
            "until 8pm. Buses that normally cross the bridge will turn at Millbrook, and the "
            "harbour ferry will run a free shuttle every 15 minutes."
        ),
        Subheading("Where to watch"),
        Paragraph(
            "The organisers suggest the Esplanade near the 40km marker, where the course runs "
            "beside the water, and the foot of the bridge at Eastfield. The finish area on "
            "Quay Street will be crowded; screens will show the race in the Market Square."
        ),
        Paragraph(
            "Residents on the course who need to travel on {day+3} morning can call the "
            "marathon's helpline, which will arrange escorted crossings at set times."
        ),
    ),
)

CUP_UPSET = ArticleSpec(
    slug="harbour-rovers-knock-out-holders",
    section="sport",
    headline="Third-tier Harbour Rovers knock the holders out of the cup",
    standfirst=(
        "A header from a 19-year-old substitute in the 88th minute gave Rovers a 2-1 win over "
        "Northgate City, three divisions above them."
    ),
    bylines=(Byline(author="tom-okoro"),),
    published_ago=ago(days=2, hours=1),
    lead=Picture(
        key="rovers-ground-floodlights",
        scene="stadium",
        palette="noon",
        alt="Floodlight towers over the stands and running track of a small stadium",
        caption="Dock Road, where Rovers have played since 1921, was sold out for the first time",
        credit="Meridian Post/Tom Okoro",
    ),
    body=(
        Paragraph(
            "Harbour Rovers, who play three divisions below their opponents and train two "
            "evenings a week, knocked the cup holders Northgate City out of the competition "
            "on {day} with a goal two minutes from the end."
        ),
        Paragraph(
            "Northgate led through a first-half penalty, and for an hour the gap in class "
            "showed. Rovers equalised against the run of play when Callum Reid's free-kick "
            "deflected in off the wall."
        ),
        Paragraph(
            "The winner came from Jayden Osei, a 19-year-old apprentice electrician who had "
            "been on the pitch for six minutes. He met a corner at the near post and headed "
            "it in off the underside of the bar."
        ),
        BlockQuote(
            "I don't really remember it. I remember running, and then everybody was on top of me.",
            "Jayden Osei",
        ),
        Paragraph(
            "Rovers' manager, Sandra Pike, said the club's share of the gate receipts would "
            "pay for new floodlights. The draw for the next round is on {day+2} evening."
        ),
        Paragraph(
            "Northgate's manager declined to blame his players' fatigue after a European "
            "match in midweek. 'They wanted it more and they deserved it,' he said. 'We will "
            "watch the next round on television like everyone else.'"
        ),
    ),
)

REGATTA_STORM = ArticleSpec(
    slug="storm-halts-regatta-off-cascais",
    section="sport",
    headline="Storm sends regatta crews running for shelter off Cascais",
    standfirst=(
        "A squall with gusts of 45 knots forced officials to abandon the final day of the "
        "Atlantic series, with 60 boats still on the course."
    ),
    bylines=(
        Byline(author="tom-okoro", location="Calder Bay"),
        Byline(author="ines-duarte", location="Cascais"),
    ),
    published_ago=ago(hours=20, minutes=30),
    lead_clip="regatta-storm",
    body=(
        Paragraph(
            "The final day of the Atlantic sailing series off Cascais was abandoned on "
            "{day} afternoon when a squall line swept across the course, bringing gusts of "
            "45 knots and driving rain."
        ),
        Paragraph(
            "Sixty boats were racing when the race committee signalled the abandonment just "
            "after 2pm. Rescue boats escorted the smaller dinghies into the marina; two crews "
            "capsized and were taken aboard safety boats, unhurt."
        ),
        BlockQuote(
            "We saw the line of cloud coming across the bay and it looked like a wall. "
            "Ten minutes later you could not see the next boat.",
            "Marta Silva, skipper of the Portuguese entry",
        ),
        Paragraph(
            "Forecasters had warned of unsettled weather, but the squall arrived about two "
            "hours earlier than expected. Officials defended their decision to start racing, "
            "saying conditions at the start were within the limits."
        ),
        Paragraph(
            "With the last day lost, the overall results stand as they were after {day-1}. "
            "The Calder Bay crew of the yacht Meridian, who lay second, keep their place on "
            "the podium."
        ),
        Paragraph(
            "The series moves to the Canary Islands in February. The organisers said they "
            "would review how quickly weather warnings reached the race committee, and "
            "whether future events should finish earlier in the day in the winter months."
        ),
    ),
)

VELODROME = ArticleSpec(
    slug="velodrome-to-host-world-track-round",
    section="sport",
    headline="New velodrome to host a round of the world track cycling series",
    standfirst=(
        "The Eastfield velodrome, which opened in the spring, will host 300 riders from 40 "
        "countries next October."
    ),
    bylines=(Byline(author="tom-okoro"),),
    published_ago=ago(days=21, hours=4),
    lead=Picture(
        key="eastfield-velodrome-dusk",
        scene="stadium",
        palette="dusk",
        alt="A stadium with floodlights and a curved track under an evening sky",
        caption="The Eastfield velodrome, built on the site of a former rail yard",
        credit="Meridian Post/Tom Okoro",
    ),
    body=(
        Paragraph(
            "Calder Bay will host a round of the world track cycling series next October, "
            "the sport's governing body announced on {day}, less than a year after the "
            "city's new velodrome opened."
        ),
        Paragraph(
            "The three-day event will bring about 300 riders from 40 countries to the "
            "Eastfield velodrome, whose 250-metre wooden track was laid by the same team "
            "that built the tracks for the last two Olympic Games."
        ),
        Paragraph(
            "The city paid $38m towards the velodrome, which was opposed by some councillors "
            "as too expensive for a sport with few local clubs. Membership of the city's "
            "cycling clubs has since tripled, according to the venue."
        ),
        Paragraph(
            "Local riders will get their own chance on the track during the event: the "
            "organisers have set aside the opening morning for a race open to club members "
            "from the region, with places drawn by ballot."
        ),
        PullQuote(
            "A year ago people asked what the building was for. Now they ask how to get on "
            "the waiting list.",
            "Lorna Birch, the velodrome's director",
        ),
        Paragraph(
            "Tickets go on sale in the spring. The [UCI](https://www.uci.org/), cycling's "
            "governing body, will publish the full calendar for the series in January."
        ),
    ),
)


ARTICLES: tuple[ArticleSpec, ...] = (
    COUNCIL_TRAM_VOTE,
    MAYORAL_POLL,
    OKAFOR_LAUNCH,
    FIRST_DEBATE,
    POSTAL_VOTES,
    TRAM_COSTS,
    HERDERS_DROUGHT,
    WATER_TRUCKS,
    LISBON_RENTS,
    LIMA_EL_NINO,
    AEGEAN_FERRIES,
    EUROPE_GAS,
    HARBOUR_STRIKE,
    DRESDEN_CHIP_PLANT,
    CHIP_WATER,
    ENERGY_BILLS,
    COFFEE_PRICES,
    BAKERY_FOUR_DAY_WEEK,
    OCEAN_RECORD,
    GLACIER_RETREAT,
    SORGHUM_TRIAL,
    COMET,
    HEAT_PUMPS,
    MUSEUM_RESTITUTION,
    OPERA_REOPENS,
    PRIZE_SHORTLIST,
    LIMA_FILM_FESTIVAL,
    WATERFRONT_PHOTOGRAPHS,
    MARATHON_RECORD,
    MARATHON_CLOSURES,
    CUP_UPSET,
    REGATTA_STORM,
    VELODROME,
)
"""Every demo article, in the order the loader creates them."""

LEAD_STORY = COUNCIL_TRAM_VOTE.slug
TOP_STORIES = (
    MAYORAL_POLL.slug,
    HARBOUR_STRIKE.slug,
    WATER_TRUCKS.slug,
    OCEAN_RECORD.slug,
)
"""The front page: its lead story and the top stories under it, by slug."""
