package gencorpus

// The word stocks the made-up world is drawn from. Every name here is invented or
// generic; none is meant to point at a real organization or person. Places are
// invented too, but lie in real countries, which the tool knows by name.

// Organization names are a region, an optional middle word and a kind of body.
var (
	orgRegions = []string{"Northern Lights", "Silver Lake", "Iron Ridge", "Grey Fjord", "White Birch",
		"Pale Harbour", "Granite Shore", "Long Lake", "Red Heath", "Frost Coast", "Black Pine",
		"Salt Marsh", "Stone Bay", "Copper Valley", "Cold Rivers", "High Moor", "Blue Dunes",
		"Ash Forest", "Wind Coast", "Birch Islands", "Juniper Coast", "Heather Hills"}
	orgMiddles = []string{"", "", "Liberation", "Popular", "People's", "Revolutionary", "Democratic"}
	orgKinds   = []string{"Front", "Movement", "League", "Union", "Alliance"}
	councils   = []string{"People's Council", "National Council", "Popular Assembly", "Civic Council"}
	armies     = []string{"Liberation Army", "Defence Army", "Partisan Army", "Volunteer Army"}

	aliasFirst  = []string{"Lantern", "Ember", "Beacon", "Anchor", "Compass", "Heron", "Raven", "Tide", "Lighthouse", "Kestrel"}
	aliasSecond = []string{"Brigades", "Circle", "Fellowship", "Companies", "Columns"}
)

// wrongWords give, for a word of an organization's name, words with the same
// initial that a careless source puts in its place: the acronym still fits, the
// name does not.
var wrongWords = map[string][]string{
	"Front":      {"Force", "Federation"},
	"Movement":   {"Militia", "Mission"},
	"League":     {"Legion", "Levy"},
	"Union":      {"Uprising", "Unity"},
	"Alliance":   {"Assembly", "Association"},
	"Liberation": {"Labour", "Legion"},
	"Popular":    {"Patriotic", "Provisional"},
	"People's":   {"Patriotic", "Provisional"},
	"Democratic": {"Defence", "Dissident"},
	"National":   {"Northern", "Nationalist"},
	"Council":    {"Congress", "Committee"},
	"Assembly":   {"Alliance", "Association"},
	"Army":       {"Alliance", "Association"},
	"Defence":    {"Democratic", "Dissident"},
	"Partisan":   {"Patriotic", "Provisional"},
	"Volunteer":  {"Vanguard", "Victory"},
	"Civic":      {"Central", "Coastal"},
}

// People's names: given names by gender, and surnames.
var (
	givenFemale = []string{"Ilse", "Petra", "Maja", "Liisa", "Kaja", "Agnieszka", "Ruta", "Ingrid", "Sanna",
		"Helga", "Marta", "Dagny", "Aino", "Elina", "Signe", "Greta", "Birgit", "Laima", "Kristiina",
		"Annika", "Jolanta", "Solveig", "Dorota", "Veera", "Hedvig", "Ausra"}
	givenMale = []string{"Tomas", "Jonas", "Erik", "Mikael", "Aleksi", "Andrzej", "Janis", "Lauri", "Oskar",
		"Henrik", "Toivo", "Gunnar", "Piotr", "Arvid", "Valdis", "Kalle", "Rainer", "Leif", "Matti",
		"Tobias", "Darius", "Edvin", "Ragnar", "Urmas", "Bogdan", "Fredrik"}
	surnames = []string{"Lindqvist", "Aaltonen", "Kask", "Ozolins", "Sorensen", "Nowacki", "Halvorsen",
		"Rautio", "Tammsaar", "Jansons", "Mielke", "Brandvold", "Holmberg", "Ekdahl", "Virtanen",
		"Kalnins", "Petrauskas", "Dahlgren", "Wieczorek", "Moberg", "Kivisto", "Reinholt", "Haugen",
		"Ostrowski", "Vainio", "Liepins", "Urbonas", "Hartwig", "Kessler", "Auerbach", "Grauds",
		"Soderlund", "Nyqvist", "Pajari", "Sepponen", "Valk", "Rimkus", "Zielinski", "Bergstrand"}
)

// countrySyllables build invented town names that sound as if they belonged to
// the country they lie in.
var countrySyllables = []struct {
	country  string
	pre, suf []string
}{
	{"Sweden", []string{"Halm", "Tors", "Lind", "Sol", "Ask", "Vall", "Nord", "Hag", "Ulv"}, []string{"vik", "holm", "stad", "torp", "hamn", "sund", "ared"}},
	{"Finland", []string{"Rau", "Kivi", "Vaara", "Mets", "Salmi", "Haapa", "Kuusi", "Lepp", "Ilo"}, []string{"la", "niemi", "lahti", "joki", "salo", "koski"}},
	{"Estonia", []string{"Kure", "Vil", "Paju", "Tammi", "Kase", "Rava", "Meri", "Sauga"}, []string{"vere", "maa", "kula", "pea", "saare", "jarve"}},
	{"Norway", []string{"Hals", "Brek", "Tys", "Sand", "Mos", "Fjell", "Lang", "Skog"}, []string{"vik", "dal", "nes", "heim", "stad", "oy"}},
	{"Denmark", []string{"Hol", "Ny", "Skov", "Bro", "Lille", "Vester", "Ring"}, []string{"rup", "sted", "lev", "ager", "by"}},
	{"Poland", []string{"Gor", "Wol", "Brze", "Rado", "Lubo", "Zale", "Debo"}, []string{"owo", "ice", "no", "wa", "sk", "in"}},
	{"Latvia", []string{"Liep", "Sal", "Krast", "Vec", "Dun", "Priede", "Ozol"}, []string{"ciems", "pils", "muiza", "kalns", "upe"}},
	{"Lithuania", []string{"Ker", "Pan", "Vilk", "Rud", "Zal", "Bir", "Ged"}, []string{"iai", "ava", "ena", "uva", "ynas"}},
	{"Germany", []string{"Alt", "Weiden", "Hohen", "Linden", "Mar", "Eich", "Buch"}, []string{"dorf", "heim", "burg", "feld", "hausen"}},
	{"Austria", []string{"Ober", "Unter", "Hall", "Stein", "Wald", "Rosen"}, []string{"kirchen", "berg", "hof", "eck", "bach"}},
}

// campWords name camps: "Camp Halla".
var campWords = []string{"Halla", "Kuura", "Lumi", "Sarastus", "Fyrlys", "Havbris", "Skymning", "Dagrenning",
	"Saule", "Ausma", "Kaste", "Tuisku", "Virvatuli", "Morgenrot", "Nordstjerna", "Ilmari"}

// landmarks name the scenes of bombings: "the Halmvik Harbour bombing".
var landmarks = []string{"Harbour", "Market", "Ferry", "Square", "Bridge", "Depot", "Courthouse", "Tram"}

// Sources: publishers by kind, and the words of their titles.
var (
	publishers = map[string][]string{
		"encyclopedia": {"Open Reference Wiki", "The Northern Encyclopedia Project", "Commons Encyclopedia",
			"Baltic Knowledge Base", "Free Atlas of Movements"},
		"research-profile": {"Nordic Security Almanac", "Institute for Conflict Records", "Centre for the Study of Political Violence",
			"Eastmark University Terrorism Archive", "Harbour Institute for Security Studies", "Observatory of Armed Movements"},
		"news-analysis": {"Baltic Review", "The Harbour Gazette", "Northern Affairs Weekly", "The Coastal Observer",
			"Evening Ledger", "The Fjord Times", "Continental Monitor"},
		"advocacy-blog": {"Voices for Exiles", "Open Letters from the North", "Watchtower Notes", "The Dissident Desk",
			"Families Against Silence", "Free Coast Journal"},
	}
	sourceKinds = []string{"encyclopedia", "research-profile", "news-analysis", "advocacy-blog"}

	refAuthors = []string{"K. Lund", "M. Aho", "S. Brekke", "J. Tamsalu", "A. Wisniewska", "L. Ozola", "P. Norgaard",
		"E. Falkenberg", "T. Rask", "H. Mattila", "R. Kairys", "G. Stenius", "D. Holm", "V. Purina", "O. Lerche"}
	refTitleA = []string{"Ports", "Exile", "Ashes", "Banners", "Shadows", "Oaths", "Borders", "Lanterns", "Winters", "Ledgers"}
	refTitleB = []string{"Protest", "Power", "Memory", "Loyalty", "Silence", "Patronage", "Discipline", "Belief", "Hunger", "Law"}
	refPubs   = []string{"Nordic Review", "Helsinki Papers", "Baltic Studies Quarterly", "Eastmark University Press",
		"Journal of Regional Conflict", "Harbour Institute", "Security Yearbook", "Riverside Books", "Council Records Office"}
)
