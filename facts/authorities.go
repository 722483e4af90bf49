package facts

import (
	"regexp"
	"strings"
)

// authorityTable is general knowledge about who lists organizations as terrorist:
// the bodies that act for a state or a union, under the names sources use for them.
// Each line is the authority, then the names that stand for it. A country's own
// name stands for its government and needs no line.
const authorityTable = `
European Union|EU|E.U.|European Council|Council of the European Union|Council of the EU|European Commission|Court of Justice of the European Union
United States|State Department|Department of State|US State Department|U.S. State Department|U.S. Department of State|US Department of State|Secretary of State|U.S. Secretary of State|US government|U.S. government|American government
United Kingdom|Home Office|British government|UK government|U.K. government|Home Secretary|Court of Appeal
United Nations|UN|U.N.|UN Security Council|Security Council
Canada|Public Safety Canada|Canadian government
`

var authorityNames = func() map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(authorityTable), "\n") {
		parts := strings.Split(line, "|")
		for _, p := range parts {
			out[nameKey(p)] = parts[0]
		}
	}
	return out
}()

// Authority resolves who lists or delists: a known authority of the profile, a body
// of the table above, or a country (its government).
func (p *Profile) Authority(text string) (string, bool) {
	// The shape of a place may take in words after the name ("U.S. Foreign
	// Terrorist Organization list"): the longest leading words that name one count.
	words := strings.Fields(text)
	for n := len(words); n >= 1; n-- {
		if a, ok := p.authority(strings.Join(words[:n], " ")); ok {
			return a, true
		}
	}
	return "", false
}

func (p *Profile) authority(text string) (string, bool) {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "'"))
	if k := p.Lookup(text); k != nil && k.Type == EntityAuthority {
		return k.Name, true
	}
	if a, ok := authorityNames[nameKey(text)]; ok {
		return a, true
	}
	// "the U.S. State Department": a country's name before a body's.
	for _, prefix := range []string{"U.S. ", "US ", "U.K. ", "UK "} {
		if rest, ok := strings.CutPrefix(strings.TrimPrefix(text, "the "), prefix); ok {
			if a, ok := authorityNames[nameKey(rest)]; ok {
				return a, true
			}
		}
	}
	if pl, ok := p.Place(text); ok && pl.Name == pl.Country {
		return pl.Country, true
	}
	return "", false
}

// AuthorityPattern is the expression rules embed as {authority}: the names in the
// table and the profile's authorities, or a place shaped like a country's name,
// resolved by Authority afterwards.
func (p *Profile) AuthorityPattern() string {
	return `(?:(?-i:(?:[Tt]he )?(?:` + p.alternations().authority + `))|` + p.PlacePattern() + `)`
}

// authorityNames are the names AuthorityPattern spells: the table's bodies and
// countries, and the authorities the profile lists.
func (p *Profile) authorityNames() []string {
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(authorityTable), "\n") {
		names = append(names, strings.Split(line, "|")...)
	}
	return append(names, p.namesOf(EntityAuthority)...)
}

var authorityFindRE = regexp.MustCompile(`\b(?:European Union|EU|United States|U\.S\.|US|United Kingdom|U\.K\.|UK|Canada|Japan|Iran|United Nations)\b`)
