package facts

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Learned is a name the texts themselves teach: a place and the country it lies in
// ("Camp Ashraf in Iraq"), or another name of a known organization ("also known as
// Mojahedin-e-Khalq (MEK)"). It records where the text says so.
type Learned struct {
	Name   string
	What   string // "place in Iraq", "alias of MEK"
	Source SourceID
	Line   int
}

var (
	// learnPlaceRE: a place named with the kind of place it is, then the country it
	// lies in: "Camp Ashraf in Iraq", "Diyala Province of Iraq".
	learnPlaceRE = regexp.MustCompile(`\b((?:Camp|Fort|Port|Mount|Lake|Base) [A-Z][\w-]+(?: [A-Z0-9][\w-]*)?|[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:Province|County|District|Governorate|Region|Prison|Camp|Base))(?: \([^)]*\))?,? (?:in|of|near|outside) (?:the )?([A-Z][\w.]+(?: [A-Z][\w.]+){0,3})`)
	// learnAliasRE: "X (ACR), also known as Y (ACR2) or Z (ACR3)".
	learnAliasRE  = regexp.MustCompile(`(?i:also|more commonly|popularly|better|formerly|otherwise) known (?:as|by its [a-z ]+,) ((?:the )?[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|e|the))*)(?: \(([^)]{2,40})\))?(?: or ((?:the )?[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|e|the))*)(?: \(([A-Z]{2,6})\))?)?`)
	acronymOnlyRE = regexp.MustCompile(`^[A-Z]{2,6}$`)
	// acronymAfterRE: an acronym in brackets right after a name.
	acronymAfterRE = regexp.MustCompile(` \(([A-Z]{2,6})\)`)
)

// Learn reads the sources for names the profile lacks: places with their country,
// and aliases of the organizations it knows. Only what the profile does not already
// know is added; what is added is returned, with where the text says it.
func (p *Profile) Learn(sources []*Source) []Learned {
	var out []Learned
	for _, src := range sources {
		if src.Doc == nil {
			continue
		}
		for i := range src.Doc.Sentences {
			s := &src.Doc.Sentences[i]
			if s.Kind != Prose && s.Kind != ListItem || !mayTeach(s.Text) {
				continue
			}
			text := s.Folded().Text
			for _, m := range learnPlaceRE.FindAllStringSubmatch(text, -1) {
				name, where := m[1], m[2]
				country := ""
				for n := len(strings.Fields(where)); n > 0 && country == ""; n-- {
					country = CountryNamed(strings.Join(strings.Fields(where)[:n], " "))
				}
				if country == "" || p.Lookup(name) != nil || CountryNamed(name) != "" {
					continue
				}
				p.add(&Known{Entity: Entity{ID: EntityID("place:" + slug(name)), Name: name, Type: EntityPlace}, Country: country})
				out = append(out, Learned{Name: name, What: "place in " + country, Source: src.ID, Line: s.Line})
			}
			// "Northern Lights Front (NLF)": an acronym whose letters are the
			// initials of a known organization's name is another name for it.
			for _, m := range acronymAfterRE.FindAllStringSubmatchIndex(text, -1) {
				acr := text[m[2]:m[3]]
				if p.Lookup(acr) != nil {
					continue
				}
				org := p.orgBefore(text[:m[0]])
				if org == nil || !endsWithNameSpelling(org, text[:m[0]], acr) {
					continue
				}
				org.Aliases = append(org.Aliases, acr)
				p.byKey[nameKey(acr)] = org
				out = append(out, Learned{Name: acr, What: "alias of " + org.Name, Source: src.ID, Line: s.Line})
			}
			for _, m := range learnAliasRE.FindAllStringSubmatchIndex(text, -1) {
				org := p.orgBefore(text[:m[0]])
				if org == nil {
					continue
				}
				for _, g := range []int{2, 4, 6, 8} {
					if m[g] < 0 {
						continue
					}
					name := strings.TrimPrefix(text[m[g]:m[g+1]], "the ")
					if g == 4 && !acronymOnlyRE.MatchString(name) {
						continue // a gloss in brackets, not an acronym
					}
					if k := p.Lookup(name); k != nil || len(name) < 2 {
						continue
					}
					org.Aliases = append(org.Aliases, name)
					p.byKey[nameKey(name)] = org
					out = append(out, Learned{Name: name, What: "alias of " + org.Name, Source: src.ID, Line: s.Line})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	p.complete()
	return out
}

// placeWords are the words of which learnPlaceRE needs one.
var placeWords = []string{"Camp", "Fort", "Port", "Mount", "Lake", "Base", "Province", "County", "District", "Governorate", "Region", "Prison"}

// mayTeach is a quick test before the learning expressions run: each needs a word
// of a place, "known" or an acronym in brackets, and most sentences hold none.
func mayTeach(text string) bool {
	if strings.Contains(text, " (") || strings.Contains(text, "known") {
		return true
	}
	for _, w := range placeWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// endsWithNameSpelling reports whether text ends with a name of org whose initials
// are the acronym.
func endsWithNameSpelling(org *Known, text, acronym string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, n := range org.Names() {
		if Initials(n) == acronym && strings.HasSuffix(t, strings.ToLower(FoldString(n))) {
			return true
		}
	}
	return false
}

// orgBefore finds the known organization named last before "also known as".
func (p *Profile) orgBefore(text string) *Known {
	var best *Known
	bestAt := -1
	for _, k := range p.known {
		if k.Type != EntityOrganization {
			continue
		}
		for _, n := range k.Names() {
			if at := strings.LastIndex(strings.ToLower(text), strings.ToLower(FoldString(n))); at > bestAt {
				best, bestAt = k, at
			}
		}
	}
	return best
}

func (l Learned) String() string {
	return fmt.Sprintf("%s (%s), %s line %d", l.Name, l.What, l.Source, l.Line)
}
