package facts

import "testing"

func TestLearnFromText(t *testing.T) {
	p := NewProfile(&Known{Entity: Entity{ID: "org:nlf", Name: "NLF", Type: EntityOrganization}, Aliases: []string{"Northern Lights Front"}}, nil)
	text := "The Northern Lights Front, also known as the Polar Brigades (PB), trained at Camp Borealis in Norway. Lena Dahl in Oslo spoke.\n"
	got := map[string]string{}
	for _, l := range p.Learn("a", Lessons(Segment(text))) {
		got[l.Name] = l.What
	}
	p.Complete()
	want := map[string]string{"Polar Brigades": "alias of NLF", "PB": "alias of NLF", "Camp Borealis": "place in Norway"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("learned %q as %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("learned more than the text says: %v", got)
	}
	if pl, ok := p.Place("Camp Borealis"); !ok || pl.Country != "Norway" {
		t.Errorf("Camp Borealis is not known as a place in Norway: %v", pl)
	}
	if k, ok := p.Org("Polar Brigades"); !ok || k.Name != "NLF" {
		t.Errorf("Polar Brigades is not known as the NLF")
	}
}
