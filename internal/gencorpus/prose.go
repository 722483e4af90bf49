package gencorpus

import (
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"strings"
)

// Filler prose is analysis, context, quotation and opinion that states no fact the
// rules extract. It is drawn from a grammar: each rule has alternatives, and
// {name} in an alternative expands another rule. Upper-case slots ({ORG}, {CITY},
// {PERSON}) name things of the world and are filled by the source (see
// sourceWriter.slot).
//
// The words are chosen to stay clear of the rules' triggers: no digits, dates or
// number words; no founding, moving, expelling, killing, listing or leading verbs;
// no "list", "headquarters" or "members" next to a count. TestFillerStatesNoFacts
// holds the grammar to that.
var grammarText = map[string][]string{
	// Sentence starts, by topic.
	"gen": {
		"{open} {anygroup} {vt} {obj} {adjunct}.",
		"{outsiders} have long argued that {abstract} {vt} {obj}.",
		"Few accounts agree on how {abstract} {vt} {obj}, and {docs} offer only {thin} guidance.",
		"{Docs} suggest that {anygroup} {vt} {obj}, although the evidence is {thin} at best.",
		"What comes through in {docs} is a picture of {adj} {trait} and {adj2} {trait2}.",
		"{Outsiders} describe {group} as {orgadj} and {orgadj2}, a judgement its spokespeople reject as {dismissal}.",
		"Much of the writing on {SHORT} dwells on {abstract} rather than on {abstract2}.",
		"Whether {abstract} {vtp} {obj} is a question that {docs} cannot settle on their own.",
		"This is not a minor point: {abstract} {vtp} {obj} {adjunct}.",
		"{group} rarely {vbp} {obj} in public, preferring {gerund}.",
		"Critics and sympathisers alike {vbase} {obj}, even when they disagree about {abstract}.",
		"{open} the story of {SHORT} is also a story about {abstract}.",
		"It would be a mistake to read {abstract} as {adj}; {outsiders} have watched it {vb} {obj} {adjunct}.",
		"{open} {abstract} mattered more than any single decision taken by {group}.",
		"The same pattern recurs {adjunct}: {anygroup} {vt} {obj}, and {outsiders} {vt2} {obj2}.",
		"{outsiders} tend to see {abstract} where {group} sees {abstract2}.",
		"Seen in this light, {abstract} looks less like an accident than a choice.",
		"Neither {abstract} nor {abstract2} explains on its own why {anygroup} {vt} {obj}.",
		"{Group} has always insisted that {abstract} is misunderstood, and {outsiders} have rarely tried to understand it.",
		"Both {outsiders} and {outsiders2} {vbase} {obj}, though rarely for the same reasons.",
		"If anything has stayed constant in the story of {SHORT}, it is {abstract}.",
		"The temptation is to explain everything by {abstract}; the record suggests something {adjcmp}.",
		"{open} {outsiders} {vt} {obj}, while {anygroup} {vt2} {obj2}.",
		"To understand {abstract}, one has to look at {abstract2}.",
		"Nobody who has read {docs} can doubt that {abstract} {vtp} {obj}.",
		"The movement's own explanation stresses {abstract}; its opponents stress {abstract2}.",
		"It is easy to forget how much {abstract} {vtp} {obj}.",
		"The point is not that {abstract} was {adj}, but that it was {adj2}.",
		"Over time, {abstract} became less a policy than a habit.",
		"Both {docs} and {docs2} tell broadly the same story, with different heroes.",
		"What changed was not {abstract} but {abstract2}.",
		"Among the less studied aspects of {SHORT} is {abstract}.",
		"For {outsiders}, the lesson was simple: {abstract} {vtp} {obj}.",
		"Each new crisis {vt} {obj}, and each recovery {vt2} {obj2}.",
		"{open} the distance between rhetoric and practice {vt} {obj}.",
		"The record is {thin}, but the broad outline is not in dispute: {abstract} {vt} {obj}.",
		"It is worth pausing on {abstract}, because it {vt} {obj} {adjunct}.",
		"Observers who expected {expectation} were disappointed.",
		"The movement never quite shook off {stigma}.",
		"In hindsight, {abstract} {vt} {obj} more than any outside pressure did.",
		"A recurring theme in {docs} is {abstract}.",
		"Part of the explanation lies in {abstract}, part in {abstract2}.",
		"This ambiguity {vt} {obj} {adjunct}.",
		"{open} it is {abstract}, more than anything its opponents did, that {vt} {obj}.",
		"Much depends on whom one asks, and on what they stand to gain from the answer.",
		"Outsiders who try to summarise {SHORT} in a sentence usually end up saying more about themselves.",
	},
	"ideology": {
		"{anygroup} borrowed freely from {ideas}, blending them with {ideas2} {adjunct}.",
		"Its programme joined {ideas} to {ideas2}, a mixture that {outsiders} found {adj}.",
		"The movement's pamphlets return again and again to {theme}.",
		"{open} the ideology of {SHORT} owes as much to {ideas} as to {ideas2}.",
		"Its writers spoke of {theme}, and of {theme2}, in a vocabulary that few outsiders shared.",
		"Doctrine was never fixed: {anygroup} {vt} {obj} whenever {abstract} demanded it.",
		"Admirers saw in this {praise}; detractors saw only {scorn}.",
		"The language of its songs and slogans is {adj}, full of {imagery} and {imagery2}.",
		"Its early manifestos read today as {adj} documents, earnest and full of {imagery}.",
		"Theorists inside the movement argued over {debate} for years.",
		"Later texts softened the tone but kept {theme}.",
		"{open} the movement's ideas travelled further than its cadres ever did.",
		"The programme promised {promise}, without saying how.",
		"Critics called the doctrine {adj}; its authors preferred to call it {selfdesc}.",
		"Few adherents read the theoretical texts, but almost everyone knew the songs.",
		"The ideology made room for {ideas} in one decade and for {ideas2} in the next.",
		"Its thinkers never settled {debate}, and perhaps never meant to.",
		"Ideas mattered, but {abstract} mattered more to the daily life of the movement.",
	},
	"exile": {
		"Life abroad meant {exilething}, and it also meant {exilething2}.",
		"{open} the years abroad {vt} {obj} {adjunct}.",
		"Former adherents describe {exilething} as the hardest part of those years.",
		"Visitors to its communities noticed {exilething} before they noticed anything else.",
		"The distance from home {vt} {obj}, and {abstract} filled the gap.",
		"Every account of those years mentions {exilething}, usually with {feeling}.",
		"Families on both sides of the border paid for {abstract} {adjunct}.",
		"The routines of the communities abroad were strict: {exilething}, {exilething2} and little else.",
		"Children raised in its communities speak of {exilething} with {feeling}.",
		"For many adherents, the years abroad were defined by {exilething}.",
		"Host towns tolerated the newcomers, though relations were {adj}.",
		"Some families never made peace with relatives who had chosen the movement.",
		"Letters home were read, copied and sometimes rewritten before they were sent.",
		"Routine was the glue: {exilething} gave shape to days that might otherwise have had none.",
		"{open} the communities abroad became small worlds with their own rules.",
		"Homesickness was treated as a weakness to be overcome, not a feeling to be shared.",
	},
	"finance": {
		"Money came from {money} and, in the view of {outsiders}, from {money2} as well.",
		"How the movement paid for itself {adjunct} is still {adj}.",
		"Auditors who examined its accounts found {finding}.",
		"{open} {money} mattered less than {money2}, which {vt} {obj}.",
		"The economics of the movement {vt} {obj} {adjunct}.",
		"Fundraising was a full-time occupation for many of its cadres, and {abstract} {vt} {obj}.",
		"Bank records seen by {outsiders} point to {finding}.",
		"The movement's accounts were {ledger}, and its treasurers were rarely questioned.",
		"Supporters gave generously, often more than they could spare.",
		"A network of small associations handled the money, each with its own board.",
		"{open} money was both a means and a measure of loyalty.",
		"Tax authorities in {COUNTRY} took an interest in its associations {adjunct}.",
		"Fundraisers were judged by what they brought in, not by how.",
	},
	"media": {
		"Its {outlet} {vt} {obj}, mixing {content} with {content2}.",
		"{open} the movement's {outlet} {vt} {obj} {adjunct}.",
		"Journalists who covered {SHORT} learned to read its {outlet} with {feeling}.",
		"The tone of its {outlet} shifted {adjunct}, from {content} to {content2}.",
		"Few movements of its size invested so much in its {outlet} and so little in {abstract}.",
		"A careful reader of its {outlet} will find {content} on almost every page.",
		"Editors of its {outlet} answered to the leadership rather than to readers.",
		"Photographs in its {outlet} were chosen with care: {content}, never doubt.",
		"Its {outlet} reached well beyond its own ranks, though few outsiders read it closely.",
		"The movement learned early that {abstract} could be managed through its {outlet}.",
		"Its press officers were polite, persistent and almost never on the record.",
		"{open} its {outlet} reads like a diary of {abstract}.",
	},
	"diplomacy": {
		"Its envoys cultivated {contacts}, {gerund} {adjunct}.",
		"{open} {contacts} proved more receptive than {contacts2}.",
		"The effort to win friends abroad {vt} {obj} {adjunct}.",
		"Officials in {COUNTRY} spoke of the movement with {feeling}, a tone that {vt} {obj}.",
		"Sympathetic lawmakers praised its discipline; officials in {COUNTRY} worried about {abstract}.",
		"Diplomats who dealt with {SHORT} describe {adj} negotiations and {adj2} promises.",
		"Lobbying took patience: {contacts} had to be courted over years.",
		"Its representatives were a familiar sight in the corridors of parliaments across the region.",
		"Officials who met its envoys came away {impressed}.",
		"Foreign ministries kept their contacts with the movement discreet.",
		"Support from {contacts} rarely turned into votes.",
		"The movement's friends abroad were loud; its enemies were patient.",
		"{open} governments in the region treated the movement as a problem to be managed rather than solved.",
	},
	"method": {
		"Any account of {SHORT} has to contend with {problem}.",
		"{open} {problem} makes every summary {adj}.",
		"Historians have learned to treat {docs} with caution, because of {problem}.",
		"This profile relies on {docs} and on {docs2}, each with its own blind spots.",
		"Where {docs} and {docs2} disagree, the safer course is to report both.",
		"The reader should keep in mind {problem}, which colours much of what follows.",
		"Nothing in {docs} resolves {abstract}, and it would be rash to pretend otherwise.",
		"Much of what is known comes from {docs}, which were written for other purposes.",
		"Independent verification is rarely possible, and claims on all sides should be read with care.",
		"Where possible, this account relies on {docs} rather than on the movement's own statements.",
		"Every source on {SHORT} has an axe to grind, including this one.",
		"The secondary literature is thin and often repeats itself.",
		"Translations of key documents vary, sometimes in ways that matter.",
		"Figures quoted by {outsiders} should be treated as estimates, not as counts.",
	},
	"news": {
		"Officials in {CITY} {declined} to discuss {abstract}.",
		"\"{quote},\" {speaker} {saidverb}.",
		"\"{quote},\" {speaker} {saidverb}, {quoteafter}.",
		"In interviews, {outsiders} described {abstract} as {adj}.",
		"A spokesperson for the {COUNCIL} {declined} to answer questions about {abstract}.",
		"{open} the mood in {CITY} has turned {adj} {adjunct}.",
		"Residents of {CITY} who spoke to this publication described {abstract} as {adj}.",
		"The question now facing {outsiders} is whether {abstract} {vtp} {obj}.",
		"{PERSON} did not respond to requests for comment.",
		"Neither {outsiders} nor {outsiders2} would comment on the record.",
		"{open} the authorities in {COUNTRY} have said little in public.",
		"A senior official in {CITY}, speaking privately, called {abstract} {adj}.",
		"Supporters gathered outside the town hall in {CITY} this week, holding banners and portraits.",
		"The timing is awkward for officials in {COUNTRY}, who have other worries.",
		"Asked about {abstract}, a spokesperson for the movement pointed to its website.",
		"It is not the first time {abstract} has surfaced in {COUNTRY}.",
		"Local officials say they are watching closely.",
		"The movement's opponents were quick to respond, calling the latest statements {adj}.",
		"Few in {CITY} expect a quick resolution.",
	},
	"opinion": {
		"Let us be honest about {abstract}.",
		"I have yet to see {outsiders} explain {obj}.",
		"Anyone who has spent time with {outsiders} knows that {abstract} {vtp} {obj}.",
		"Why do {outsiders} still {vb} {obj}?",
		"The answer, as so often with {SHORT}, lies in {abstract}.",
		"We should not pretend that {abstract} is {adj}; it is {adj2}, and everybody involved knows it.",
		"\"{quote},\" {speaker} {saidverb}, and I have not heard a better summary.",
		"If that sounds {adj}, consider {abstract}.",
		"It is time {outsiders} stopped treating {abstract} as somebody else's problem.",
		"Our correspondents keep asking the same question: who benefits from {abstract}?",
		"I do not write this lightly.",
		"Some readers will find this {adj}; I find it {adj2}.",
		"Enough of the polite fictions about {abstract}.",
		"The families we speak to have a single request: that someone finally listens.",
		"We asked for answers and received press releases.",
		"Call it what you like; the pattern is plain.",
		"It is not hard to see who profits from {abstract}.",
		"Our readers know this story better than most officials do.",
		"No serious person can look at {docs} and conclude that {abstract} is {adj}.",
		"We will keep asking until someone answers.",
	},
	"society": {
		"{open} the movement drew on {socialroot} and on {socialroot2}.",
		"Its appeal was strongest among {audience}, weakest among {audience2}.",
		"For {audience}, {abstract} offered {praise}.",
		"Local churches and unions kept their distance, wary of {abstract}.",
		"The towns of the coast remember {SHORT} with {feeling}.",
		"Teachers, clerks and fishermen filled its early meetings, drawn by {theme}.",
		"Friendships mattered more than formal ranks, and loyalty mattered more than friendships.",
		"Weddings and funerals became occasions for the movement to show its reach.",
		"In small towns, everybody knew who belonged and who did not.",
		"The movement offered what the declining ports no longer could: {praise}.",
		"Women played a larger role than outsiders assumed, especially in {womenrole}.",
		"{open} the coast's old sense of grievance gave the movement its first audience.",
		"Recruits were often the children or cousins of older adherents.",
	},

	// Phrases.
	"open": {"In practice,", "On balance,", "Seen from outside,", "For its critics,", "By most accounts,", "Even so,", "In retrospect,",
		"Above all,", "Taken together,", "Not surprisingly,", "For better or worse,", "At its core,", "In this respect,", "Put simply,",
		"Viewed from the capitals of the region,", "Whatever its origins,", "To a striking degree,", "In the eyes of its sympathisers,",
		"For most observers,", "Read closely,", "On this point,", "Perhaps inevitably,", "Tellingly,", "Here too,", "More than once,",
		"Over the decades,", "In quieter periods,", "As one scholar put it,", "Oddly enough,", "Time and again,", "In fairness,"},
	"group": {"{SHORT}", "{SHORT}", "the movement", "its leadership", "the inner circle", "the rank and file", "its political wing",
		"the community around it", "its youth section", "the women's committee", "its newsletter", "the {COUNCIL}", "the {ALIAS}"},
	"groups":   {"its cadres", "its supporters abroad", "its publicists", "its spokespeople", "its envoys", "its organisers"},
	"anygroup": {"{group}", "{group}", "{groups}"},
	"Group":    {"The movement", "Its leadership", "The inner circle", "The rank and file", "Its political wing", "Its youth section"},
	"outsiders": {"regional governments", "security services in the region", "human rights researchers", "former adherents", "local journalists",
		"diplomats in the region", "historians of the period", "diaspora newspapers", "its critics", "sympathetic lawmakers", "neighbouring states",
		"municipal officials in {CITY}", "academic specialists", "relatives of former recruits", "church groups", "trade unionists",
		"civil liberties lawyers", "parliamentary committees", "aid workers", "rival factions", "veteran reporters", "police analysts",
		"exile writers", "university researchers in {CITY}"},
	"outsiders2": {"{outsiders}"},
	"Outsiders": {"Regional governments", "Human rights researchers", "Former adherents", "Local journalists", "Historians of the period",
		"Its critics", "Sympathetic lawmakers", "Academic specialists", "Civil liberties lawyers", "Veteran reporters", "Police analysts"},
	"abstract": {"the question of legitimacy", "the record of violence", "the turn toward lobbying", "the rhetoric of national renewal",
		"the cult of sacrifice", "the language of self-determination", "the memory of the harbour strikes", "the tension between discipline and debate",
		"the gap between its stated aims and its conduct", "the economics of life abroad", "the politics of memory", "a culture of secrecy",
		"the appeal of a clear enemy", "the search for patrons", "the habit of public confession", "the demand for total loyalty",
		"the weight of its own mythology", "the role of family ties", "its uneasy relationship with the press", "the burden of old grievances",
		"the promise of autonomy", "the fear of infiltration", "the pull of charismatic authority", "the romance of the underground",
		"the slow work of persuasion", "the price of isolation", "the logic of escalation", "the quiet erosion of trust",
		"the rivalry between its wings", "the management of dissent", "its talent for staging", "the ritual of anniversaries",
		"the long shadow of the early years", "the question of succession", "the habit of secrecy", "its hunger for recognition"},
	"abstract2": {"{abstract}"},
	"docs": {"the surviving documents", "memoirs by former adherents", "court records", "the group's own publications", "interviews with defectors",
		"diplomatic cables", "local newspapers", "police files", "pamphlets handed out at rallies", "oral histories",
		"the archives of sympathetic parties", "parliamentary debates", "letters smuggled out of its communities", "academic surveys",
		"the minutes of its congresses", "internal circulars"},
	"Docs": {"The surviving documents", "Memoirs by former adherents", "Court records", "The group's own publications", "Diplomatic cables",
		"Local newspapers", "Oral histories", "Parliamentary debates", "Internal circulars"},
	"docs2": {"{docs}"},
	"vt": {"shaped", "reflected", "complicated", "undermined", "strengthened", "obscured", "reframed", "tested", "exposed", "sharpened",
		"softened", "overshadowed", "mirrored", "fed", "eroded", "sustained", "coloured", "blurred", "deepened", "hardened", "narrowed",
		"widened", "distorted", "clarified", "haunted", "unsettled", "energised", "isolated", "insulated", "burdened", "redefined",
		"weakened", "revived", "outweighed", "tempered", "poisoned"},
	"vt2": {"{vt}"},
	"vtp": {"shapes", "reflects", "complicates", "undermines", "strengthens", "obscures", "reframes", "tests", "exposes", "sharpens",
		"softens", "overshadows", "mirrors", "feeds", "erodes", "sustains", "colours", "blurs", "deepens", "hardens", "distorts", "haunts",
		"weakens", "tempers"},
	"vb":    {"shape", "reflect", "complicate", "underestimate", "overstate", "misread", "ignore", "question", "romanticise", "defend", "excuse", "revisit"},
	"vbase": {"discuss", "acknowledge", "question", "revisit", "defend", "explain", "concede", "mention", "underestimate"},
	"vbp":   {"discusses", "acknowledges", "questions", "revisits", "defends", "explains", "concedes", "mentions"},
	"obj": {"its public image", "the debate over its intentions", "relations with host governments", "the loyalty of its cadres",
		"every attempt at reform", "the memory of the early years", "its standing in the diaspora", "the way outsiders read its statements",
		"the room for internal dissent", "its appeal to younger recruits", "the credibility of its own accounts", "the patience of its hosts",
		"the willingness of donors to give", "any hope of reconciliation", "the balance between its wings", "the tone of its publications",
		"the trust of ordinary supporters", "its claims to speak for the coast", "the work of independent researchers", "its sense of mission",
		"the morale of its volunteers", "its ties to sympathetic parties", "the careers of its spokespeople", "the cohesion of its communities"},
	"obj2": {"{obj}"},
	"adjunct": {"in ways that few outside observers anticipated", "for much of its history", "well beyond the borders of the region",
		"at considerable cost", "with mixed results", "despite repeated warnings", "throughout the period", "more than anyone intended",
		"to a degree rarely acknowledged", "long after the original grievances had faded", "in almost every country it touched",
		"without ever quite resolving the contradiction", "at least as much as any policy decision", "in public and in private alike",
		"across a whole generation of activists", "with a persistence that surprised its opponents", "in the quiet years as well as the loud ones",
		"from one crisis to the next", "behind a show of unity"},
	"adj": {"uneven", "fragile", "opaque", "contested", "durable", "brittle", "improvised", "ambiguous", "persistent", "selective",
		"tightly controlled", "largely symbolic", "curiously resilient", "deeply personal", "often contradictory", "hard to verify",
		"strikingly modern", "oddly old-fashioned", "fiercely guarded", "poorly documented", "carefully staged", "surprisingly pragmatic"},
	"adj2":        {"{adj}"},
	"thin":        {"thin", "patchy", "circumstantial", "anecdotal", "indirect", "fragmentary", "partisan"},
	"orgadj":      {"secretive", "disciplined", "insular", "pragmatic", "dogmatic", "resourceful", "authoritarian", "resilient", "fractious", "inward-looking"},
	"orgadj2":     {"{orgadj}"},
	"ledger":      {"opaque", "incomplete", "carefully kept", "hard to follow", "never published"},
	"adjcmp":      {"messier", "more ordinary", "more calculated", "less flattering", "more human", "harder to admire"},
	"trait":       {"discipline", "secrecy", "improvisation", "devotion", "suspicion", "ambition", "caution", "pageantry", "self-reliance", "rivalry", "thrift", "zeal"},
	"trait2":      {"{trait}"},
	"dismissal":   {"propaganda", "a caricature", "the work of hostile services", "outdated", "a misunderstanding of its aims"},
	"expectation": {"a quick collapse", "a clean break with the past", "a public reckoning", "a new generation of voices", "open revolt in the ranks"},
	"stigma":      {"its reputation for secrecy", "the suspicion of its neighbours", "the shadow of its early years", "the charge of intolerance", "a name for intrigue"},
	"gerund": {"working through intermediaries", "speaking through its newsletter", "cultivating quiet allies", "letting its critics exhaust themselves",
		"staging carefully managed events", "publishing long rebuttals", "keeping its internal debates out of sight"},
	"ideas": {"regional folklore", "cooperative economics", "anti-colonial writing", "a romantic cult of the sea", "the vocabulary of the labour movement",
		"older agrarian protest", "the pamphlets of nineteenth-century reformers", "a stern moral code", "the idiom of national awakening",
		"radical pacifism", "the dream of a federal north"},
	"ideas2": {"{ideas}"},
	"theme": {"the dignity of work on the coast", "the betrayal of the north by distant capitals", "a return to self-governing harbours",
		"solidarity among the fishing towns", "the moral failure of the old parties", "sacrifice as a civic duty", "the right to the sea"},
	"theme2": {"{theme}"},
	"debate": {"the place of violence in politics", "the role of the church", "whether autonomy meant independence",
		"how far to trust parliamentary allies", "the meaning of solidarity", "the claims of family against the claims of the cause"},
	"promise":  {"self-governing harbours", "an end to absentee ownership", "a parliament of the coast", "schools in the local dialect", "a fair price for every catch"},
	"selfdesc": {"practical", "a living tradition", "a work in progress", "common sense"},
	"praise":   {"a sense of purpose", "a disciplined idealism", "courage in hard times", "a rare coherence", "a home for the restless"},
	"scorn":    {"a personality cult", "an elaborate fundraising machine", "nostalgia dressed up as politics", "a closed world with its own rules"},
	"imagery":  {"storms and lighthouses", "broken chains", "harvest and tide", "winter roads", "open doors", "old flags", "nets and anchors"},
	"imagery2": {"{imagery}"},
	"exilething": {"long hours of study and self-criticism", "strict rules on contact with outsiders", "communal kitchens and shared dormitories",
		"a calendar built around anniversaries", "constant fundraising", "separation from families", "endless meetings", "a steady diet of rumour",
		"night classes in the language of the host country", "work in the canneries and warehouses"},
	"exilething2": {"{exilething}"},
	"feeling": {"a mixture of respect and unease", "weary scepticism", "cautious sympathy", "open hostility", "real affection", "professional detachment",
		"grudging admiration", "barely hidden contempt"},
	"money": {"street collections", "charity fronts", "sympathetic businesses", "small donations from the diaspora", "the sale of publications",
		"rent from property held by supporters", "benefit concerts", "private patrons whose names were never published"},
	"money2": {"{money}"},
	"finding": {"careful bookkeeping and very little transparency", "gaps that nobody could explain", "a web of small associations",
		"donations that were larger than the donors could afford"},
	"outlet": {"newsletter", "radio programmes", "satellite broadcasts", "websites", "glossy magazines", "social media accounts", "annual yearbook"},
	"content": {"solemn commemorations", "polemics against rival groups", "appeals for money", "long theoretical essays", "photographs of rallies",
		"letters from supporters", "accounts of hardship"},
	"content2":  {"{content}"},
	"contacts":  {"backbench lawmakers", "retired officials", "municipal councillors", "think-tank researchers", "sympathetic journalists", "emigre associations"},
	"contacts2": {"{contacts}"},
	"impressed": {"impressed by their discipline", "uneasy about their answers", "unsure what they really wanted", "charmed and unconvinced"},
	"problem": {"the scarcity of independent sources", "the partisanship of most witnesses", "conflicting testimony from defectors",
		"the group's habit of rewriting its own past", "gaps in the official record", "the reluctance of officials to speak on the record"},
	"declined": {"declined", "refused", "did not wish"},
	"quote": {"We never asked anyone to choose this life", "The archive tells a more complicated story", "They confuse discipline with devotion",
		"Nobody joins a movement like this for the paperwork", "Every family here has paid a price", "Our critics have never read what we publish",
		"You cannot understand the movement without its songs", "It was a school, a church and a barracks at once",
		"The hardest thing was the silence afterwards", "I believed every word, and then a morning came when I did not",
		"Governments change their minds faster than we do", "Nobody drew us a map for the road we took",
		"People forget how young we were", "Loyalty was the only currency that mattered", "We were told the sea would wait for us",
		"I still dream in the songs we sang", "Doubt was the one thing you could not say out loud"},
	"speaker": {"a former adherent", "a retired diplomat", "a researcher in {CITY}", "a spokesperson for {SHORT}", "a lawyer for former recruits",
		"a veteran reporter", "a historian of the region", "a woman who spent her youth in the movement", "a councillor in {CITY}", "{PERSON}"},
	"saidverb":    {"said", "told this publication", "recalled", "insisted", "wrote in a memoir", "observed"},
	"quoteafter":  {"speaking on condition of anonymity", "choosing her words carefully", "in a rare interview", "after a long pause"},
	"socialroot":  {"the old harbour unions", "student reading circles", "parish youth clubs", "the cooperative dairies", "the fishing cooperatives"},
	"socialroot2": {"{socialroot}"},
	"audience":    {"young people in the coastal towns", "the children of striking dockers", "students from the north", "unemployed seamen", "the second generation abroad"},
	"audience2":   {"the urban middle class", "older voters", "the farming inland", "the clergy"},
	"womenrole":   {"its welfare work", "its publications", "its schools", "its fundraising"},
}

// grammar is the compiled form of grammarText: rules by index, each alternative a
// list of parts. A rule named like another with "2" after it ("adj2") is its twin:
// it draws from the same words but never repeats, within a sentence, what its
// original just wrote ("uneven and uneven").
type grammar struct {
	index map[string]int
	rules [][][]part
	twin  []int // for a twin, the rule it copies; -1 otherwise
}

// part is a literal or a rule to expand; slot is set for the world's names.
type part struct {
	lit  string
	rule int // -1 for a literal or a slot
	slot string
}

var (
	prose      = compileGrammar(grammarText)
	proseWords = vocabulary(grammarText) // every word the filler writes, lower case
)

func compileGrammar(text map[string][]string) *grammar {
	names := make([]string, 0, len(text))
	for n := range text {
		names = append(names, n)
	}
	sort.Strings(names)
	g := &grammar{index: map[string]int{}}
	for i, n := range names {
		g.index[n] = i
	}
	g.rules = make([][][]part, len(names))
	g.twin = make([]int, len(names))
	for i, n := range names {
		for _, alt := range text[n] {
			g.rules[i] = append(g.rules[i], g.parse(alt))
		}
		g.twin[i] = -1
		if base, ok := g.index[strings.TrimSuffix(n, "2")]; ok && base != i {
			g.twin[i] = base
		}
	}
	return g
}

func (g *grammar) parse(alt string) []part {
	var out []part
	for alt != "" {
		i := strings.IndexByte(alt, '{')
		if i < 0 {
			out = append(out, part{lit: alt, rule: -1})
			break
		}
		if i > 0 {
			out = append(out, part{lit: alt[:i], rule: -1})
		}
		j := strings.IndexByte(alt[i:], '}') + i
		name := alt[i+1 : j]
		if r, ok := g.index[name]; ok {
			out = append(out, part{rule: r})
		} else {
			out = append(out, part{rule: -1, slot: name})
		}
		alt = alt[j+1:]
	}
	return out
}

// vocabulary collects every word the grammar can write, so that no person is given
// a name close to an ordinary word of the filler.
func vocabulary(text map[string][]string) map[string]bool {
	out := map[string]bool{}
	for _, alts := range text {
		for _, a := range alts {
			for _, w := range strings.FieldsFunc(a, func(c rune) bool { return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') }) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// expander draws filler sentences for one source. It remembers which sentence
// patterns the source has used and how often, so that a long source spreads over
// the whole grammar instead of repeating its favourites.
type expander struct {
	g    *grammar
	r    *rand.Rand
	slot func(string) string // fills {ORG}, {CITY}, {PERSON} …
	used map[int]int         // how often each pattern opened a sentence, by rule<<16 | alternative
	said map[uint64]bool     // the sentences written so far, by hash: none is written twice
	from []int               // where each rule's latest expansion starts in buf, per sentence
	to   []int
}

func newExpander(g *grammar, r *rand.Rand, slot func(string) string) *expander {
	return &expander{g: g, r: r, slot: slot, used: map[int]int{}, said: map[uint64]bool{}, from: make([]int, len(g.rules)), to: make([]int, len(g.rules))}
}

// expand appends an expansion of rule to buf.
func (e *expander) expand(buf []byte, rule int) []byte {
	if base := e.g.twin[rule]; base >= 0 {
		start := len(buf)
		prev := buf[e.from[base]:e.to[base]]
		for try := 0; ; try++ {
			buf = e.expand(buf[:start], base)
			if try >= 4 || string(buf[start:]) != string(prev) {
				return buf
			}
		}
	}
	alts := e.g.rules[rule]
	return e.parts(buf, rule, alts[e.r.IntN(len(alts))])
}

func (e *expander) parts(buf []byte, rule int, parts []part) []byte {
	start := len(buf)
	for _, p := range parts {
		switch {
		case p.rule >= 0:
			buf = e.expand(buf, p.rule)
		case p.slot != "":
			buf = append(buf, e.slot(p.slot)...)
		default:
			buf = append(buf, p.lit...)
		}
	}
	e.from[rule], e.to[rule] = start, len(buf)
	return buf
}

// start expands a sentence pattern of rule: the least used of three drawn at
// random, which spreads a long source over the whole grammar.
func (e *expander) start(buf []byte, rule int) []byte {
	for i := range e.from {
		e.from[i], e.to[i] = 0, 0
	}
	alts := e.g.rules[rule]
	alt := e.r.IntN(len(alts))
	for range 2 {
		if a := e.r.IntN(len(alts)); e.used[rule<<16|a] < e.used[rule<<16|alt] {
			alt = a
		}
	}
	e.used[rule<<16|alt]++
	return e.parts(buf, rule, alts[alt])
}

// topics are the grammar's sentence starts; a paragraph mixes its topic with the
// general stock.
var topics = []string{"gen", "ideology", "exile", "finance", "media", "diplomacy", "method", "news", "opinion", "society"}

// sentence appends one filler sentence of 8 to 40 words on topic, never one the
// source has written before. Half are drawn from the general stock, so that a long
// section does not exhaust its topic.
func (e *expander) sentence(buf []byte, topic string) []byte {
	start := len(buf)
	for try := 0; ; try++ {
		rule := e.g.index[topic]
		if e.r.IntN(2) == 0 {
			rule = e.g.index["gen"]
		}
		buf = e.start(buf[:start], rule)
		n := words(buf[start:])
		h := fnv.New64a()
		h.Write(buf[start:])
		if sum := h.Sum64(); n >= 8 && n <= 40 && !e.said[sum] || try >= 12 {
			e.said[sum] = true
			break
		}
	}
	// Two short sentences are sometimes joined into one longer one.
	if words(buf[start:]) < 18 && e.r.IntN(6) == 0 && buf[len(buf)-1] == '.' {
		buf[len(buf)-1] = ';'
		buf = append(buf, ' ')
		at := len(buf)
		buf = e.start(buf, e.g.index["gen"])
		// The general stock never opens with a name, so the second clause takes a
		// small letter.
		if buf[at] >= 'A' && buf[at] <= 'Z' {
			buf[at] += 'a' - 'A'
		}
		if words(buf[start:]) > 40 {
			buf = append(buf[:at-2], '.')
		}
	}
	if buf[start] >= 'a' && buf[start] <= 'z' {
		buf[start] -= 'a' - 'A'
	}
	return buf
}

func words(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		if c == ' ' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
