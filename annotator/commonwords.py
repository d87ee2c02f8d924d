"""Everyday English words that are also names of things: such labels match only in their own case.

A label whose normalised form is one of these words (Apple, Turkey, Reform, Patriot, US, WHO)
or is made only of them (Home Office) matches only as written in the vocabulary, and a
capitalised single word at the start of a sentence needs support from the rest of the article.
The list is hand-made for this project: function words, the commoner nouns, verbs and
adjectives of news English, and words known to collide with names of places, companies,
parties and people.
"""

from __future__ import annotations

_WORDS_TEXT = """
a about above across act action actually add address after again against age agency ago agree
ahead aid aim air all allow almost alone along already also although always am among amount an
and animal announce another answer any anyone anything appeal appear apple apply approach april
area argue arm army around arrive art article as ask at attack attempt attention august authority
autumn available average avoid away baby back bad bag balance ball ban band bank bar base basic
basis bath battle be bear beat beautiful because become bed been before began begin behind being
believe below best better between beyond big bill bird birth bit black blood blow blue board boat
body book border born both bottom box boy brain branch bread break bridge brief bright bring
broad brother brown budget build building burn bush business busy but buy by call calm came camp
campaign can cancer candidate cap capital car card care career carry case cash cast cat catch
cause cell central centre century certain chain chair challenge chance change chapter charge
chase cheap check chief child children choice choose church circle citizen city civil claim class
clean clear climate close club coach coal coast cold collect college colour come command comment
common community company compare complete concern condition conference congress conservative
consider contact continue contract control cook cool copy corn corner cost could council count
country county couple course court cover crash create credit crew crime crisis critic cross crowd
crown cry cup current cut daily damage dance danger dark data date daughter day dead deal dear
death debate debt decade decide decision deep defence defend degree deliver demand democrat deny
department deputy describe design despite detail develop die difference different difficult
dinner direct director discuss disease district do doctor does dog dollar door double down draft
draw dream dress drink drive drop drug dry due during duty each early earth east easy eat economy
edge education effect effort eight either election else emergency empire employee end enemy
energy engine enjoy enough enter entire environment equal escape even evening event ever every
evidence exactly example exchange executive exist expect experience expert explain express eye
face fact factory fail fair faith fall family famous far farm fast father fear feature federal
feed feel few field fight figure file fill film final finance find fine finger finish fire firm
first fish five flat flight floor flow fly focus follow food foot for force ford foreign forest
form former forward four free freedom fresh friday friend from front fruit fuel full fund future
gain game gap garden gas gate gather general generation get gift girl give glass go goal god gold
golden good government grace grand grant great green ground group grow growth guard guardian
guess guest guide gun guy hair half hall hand hang happen happy hard harm have he head health
hear heart heat heavy held hell help her herald here hero high hill him his history hit hold hole
holiday home hope horse hospital host hot hotel hour house how however huge human hundred hunt
husband i ice idea if image imagine impact important improve in include income increase
independent indeed index industry information inside instead interest international into invest
iron is island issue it item its jacket jersey job join joint journey judge july jump june jury
just justice keep key kid kill kind king kitchen know labour lack lady land language large last
late later law lawyer lay lead leader league learn least leave left leg legal less let letter
level liberal lie life light like likely limit line list listen little live living local long look
lord lose loss lot love low luck machine mail main major make man manage manager many march mark
market marriage mass master match matter may maybe me meal mean measure media medical meet
meeting member memory mention mercury message metal method middle might mile military milk mind
minister minute mirror miss mission mobile model modern moment monday money month moon moral
more morning most mother motion mountain mouth move movement much murder music must my name
nation national natural nature near nearly need network never new news next nice night nine no
none nor north not note nothing notice now number nurse object observer occur ocean of off offer
office officer official often oil old on once one only open operation opinion or orange order
ordinary other our out outside over own owner page pain paint pair palace paper parent park
parliament part partner party pass past patient patriot pay peace people per perfect perhaps
period person phone pick picture piece place plan plant plate play player please plenty point
police policy political poll poor popular population port position post pound power practice
prepare present press pressure pretty prevent price pride prime prince prison private prize
probably problem process produce product professor programme project promise property protect
prove provide public pull purpose push put quality quarter queen question quick quiet quite race
radio rail rain raise range rate rather reach read reading ready real reason receive recent
record red reduce reform region release remain remember remove report republic republican
research reserve resource respect rest result return review rich ride right ring rise risk river
road rock role room root rose round rule run rush safe sale salt same save say scale scene
school science score sea season seat second secret secretary security see seek seem sell send
senate senior sense series serious serve service session set settle seven several shadow shake
shall shape share she shell shift ship shock shoot shop short shot should show side sign signal
silver simple since sing single sister sit site six size skill sky sleep slow small smith smoke
snow so social society soft soldier some someone something son song soon sort sound source
south space speak special speech speed spend spirit sport spring square staff stage stand
standard star start state statement station stay steel step still stock stone stop store storm
story street strike strong student study style subject success such sudden summer sun sunday
supply support supreme sure surface survey swift system table take talk target task tax teacher
team tear tell ten term test than thank that the their them then there these they thing think
third this those though thousand threat three through throw thursday thus ticket time times to
today together tomorrow tonight too top total touch tough tour toward town trade train travel
treat treasury tree trial trip trouble truck true trust truth try tuesday turkey turn twelve
twenty two type under union unit unity until up upon us use usual valley value victory view
village visa visit voice vote wait walk wall want war warm warn was watch water wave way we
weapon wear weather wednesday week weight welcome well wells west what when where whether which
while white who whole why wide wife will win wind window winter wish with within without woman
wonder wood word work worker world worry would write writer wrong yard year yes yesterday yet
you young your youth
ability absence academy accident account achieve acid actor admit adult advance advice affair
afford afraid agent alarm album alive alliance amber amid ancient angel anger angle ankle annual
anxiety apart appoint archer arena argument arrest arrow aspect assault asset assist atom attend
audience author award aware badge baker balloon banner barrier basket bean beard bell belt bench
bet bicycle bike bitter blade blame blank blast blind block bloom board bolt bomb bond bone bonus
boom boot boss bottle bowl brand brave breach breath breeze brick bride brush bubble bucket bug
bull bullet bunch burden bureau butler butter button cabin cabinet cable cage cake calendar
camera canal candle cannon canvas capacity captain carbon cargo carpet carter cattle ceiling
chamber champion channel chaos chapel charity charm chart cheese chef chemical chess chest chicken
chip chocolate chorus circuit clay cliff clock cloth cloud coin collar colony column comedy
commerce concert conduct cooper copper coral cord core cottage cotton couch cough crack craft
crane cream crest crop crow crystal cube curry curve custom cycle dairy damp dawn deck decline
deer delay delta demon depth desert desk diamond diet dish dividend dock domain dome dose dove
drake drama drawer drift drill drum duck dust eagle echo editor egg elbow elder elite ember
empty engineer envelope essay estate ethics exile fabric fan farmer feast feather fence ferry
fever fiber fiction finch fisher flag flame flesh flint flood flour flower fog folk fork fortune
forum fossil fountain fox frame fraud frost fur gale gallery gang garage gear gem ghost giant
glacier glory glove glue grain grape grass grave gravity grid grill grip guinea gulf habit hail
hammer harbour harvest hat hawk hay heaven hedge height helmet herb highway hint hip hollow honey
honour hook horn hunter hut ink inn insect jade jail jam jar jaw jet jewel joy judgement jungle
kettle kingdom kite knee knife knight knot label ladder lake lamb lamp lane laser lawn layer leaf
leather lemon lens lever lid lime lion lizard loan lobby lock lodge log loop lorry lung magnet
mall maple marble marsh mason mask mast meadow medal melon mercy mess mill miller mine mint
mirror mist moss moth motor mould mud muscle museum musk myth nail needle nest net noble noise
novel nut oak oath onion orbit orchard organ oven owl pace pack paddle palm pan panel parade
parcel pasta patch path patrol pearl pebble pen pepper pilot pine pipe pitch plain planet plaster
pocket poem poet pole pond pool porter pot potter powder prairie prey priest prism pulse pump
puzzle quarry quest rabbit rail ranch rank rat raven razor reef rice ridge rifle rival robin rod
rocket roof rope ruby rug ruin sail saint salad sand satellite sauce saw scarf scout screen
sculpture seal seed shark sheep shelf shelter shepherd shield shore shoulder shrine sign silk
sink skull slate sleeve slope smile snake soap sock soup spade spear spice spider spine splinter
split sponge spoon squad stable stadium stake stamp steam stem stew sting stool straw stream
stripe sugar suit sunrise swallow swan sword syrup tail tank tanner tape tent thorn thread throne
thunder tide tiger tile timber tin toast token tomb tongue tool tooth torch tower toy track
tractor trail trap tray treaty trench tribe trophy tube tunnel turner twin umbrella vault vessel
vine violin volcano wage wagon walker wallet ward warden wax weaver whale wheat wheel whip
whistle widow wing wire witch wolf worm wreck yacht yield zone
"""

COMMON_WORDS: frozenset[str] = frozenset(_WORDS_TEXT.split())
"""Lowercase everyday words; a label made only of these matches only in its own case."""

_CALENDAR_TEXT = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
CALENDAR_WORDS: frozenset[str] = frozenset(_CALENDAR_TEXT.split())
"""Months and weekdays: always capitalised, so a label spelt like one always needs support."""

TITLES: tuple[str, ...] = (
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice president",
    "prime minister",
    "premier",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "general",
    "gen",
    "mayor",
    "minister",
    "secretary",
    "judge",
    "justice",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "archbishop",
    "bishop",
    "coach",
    "captain",
    "colonel",
    "commissioner",
    "chairman",
    "chairwoman",
    "chief executive",
)
"""Normalised words that, written just before a surname, say that a person is meant."""


_VENUE_NOUNS = (
    "bakery bakeries shop shops store stores supermarket market cafe café restaurant pub "
    "hotel brewery farm firm firms company companies business businesses factory plant "
    "warehouse depot lab laboratory office school schools primary academy college nursery "
    "university campus surgery surgeries practice gp gps hospital hospitals clinic hospice "
    "pharmacy care home church mosque synagogue temple cathedral library museum gallery "
    "theatre cinema zoo prison station airport club charity startup start-up landlord "
    "man woman boy girl teenager pensioner couple family mother father resident residents "
    "driver nurse doctor teacher student students worker workers"
)
VENUE_NOUNS: frozenset[str] = frozenset(_VENUE_NOUNS.split())
"""Nouns of places of business, service or worship, and of people, that a town's name
qualifies as their setting ("Reading bakery", "Leeds GP surgery", "Bristol man")."""
