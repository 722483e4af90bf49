package facts

import (
	"strings"
	"sync"
)

// countryTable is general geography, not knowledge about any subject: each line is a
// country, then its other names, then the adjectives that point to it ("Iraqi soil").
// A corpus names its own finer places (cities, camps) in its profile.
const countryTable = `
Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Andorra||Andorran
Angola||Angolan
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani
Bahamas|The Bahamas|Bahamian
Bahrain||Bahraini
Bangladesh||Bangladeshi
Barbados||Barbadian
Belarus||Belarusian
Belgium||Belgian
Belize||Belizean
Benin||Beninese
Bhutan||Bhutanese
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Botswana||Botswanan
Brazil||Brazilian
Brunei||Bruneian
Bulgaria||Bulgarian
Burkina Faso||Burkinabe
Burundi||Burundian
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Central African Republic||
Chad||Chadian
Chile||Chilean
China|People's Republic of China,PRC|Chinese
Colombia||Colombian
Comoros||Comorian
Congo|Republic of the Congo,Democratic Republic of the Congo,DRC|Congolese
Costa Rica||Costa Rican
Croatia||Croatian
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish
Djibouti||Djiboutian
Dominican Republic||Dominican
Ecuador||Ecuadorian
Egypt||Egyptian
El Salvador||Salvadoran
Eritrea||Eritrean
Estonia||Estonian
Eswatini|Swaziland|Swazi
Ethiopia||Ethiopian
Fiji||Fijian
Finland||Finnish
France||French
Gabon||Gabonese
Gambia|The Gambia|Gambian
Georgia||Georgian
Germany|West Germany,East Germany|German
Ghana||Ghanaian
Greece||Greek
Guatemala||Guatemalan
Guinea||Guinean
Guyana||Guyanese
Haiti||Haitian
Honduras||Honduran
Hungary||Hungarian
Iceland||Icelandic
India||Indian
Indonesia||Indonesian
Iran|Islamic Republic of Iran,Persia|Iranian,Persian
Iraq|Republic of Iraq|Iraqi
Ireland|Republic of Ireland|Irish
Israel||Israeli
Italy||Italian
Ivory Coast|Cote d'Ivoire|Ivorian
Jamaica||Jamaican
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh
Kenya||Kenyan
Kosovo||Kosovar
Kuwait||Kuwaiti
Kyrgyzstan||Kyrgyz
Laos||Lao,Laotian
Latvia||Latvian
Lebanon||Lebanese
Lesotho||Basotho
Liberia||Liberian
Libya||Libyan
Liechtenstein||
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Madagascar||Malagasy
Malawi||Malawian
Malaysia||Malaysian
Maldives||Maldivian
Mali||Malian
Malta||Maltese
Mauritania||Mauritanian
Mauritius||Mauritian
Mexico||Mexican
Moldova||Moldovan
Monaco||Monegasque
Mongolia||Mongolian
Montenegro||Montenegrin
Morocco||Moroccan
Mozambique||Mozambican
Myanmar|Burma|Burmese
Namibia||Namibian
Nepal||Nepalese,Nepali
Netherlands|The Netherlands,Holland|Dutch
New Zealand||
Nicaragua||Nicaraguan
Niger||Nigerien
Nigeria||Nigerian
North Korea|DPRK|North Korean
North Macedonia|Macedonia|Macedonian
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine|Palestinian territories|Palestinian
Panama||Panamanian
Papua New Guinea||
Paraguay||Paraguayan
Peru||Peruvian
Philippines|The Philippines|Filipino,Philippine
Poland||Polish
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Rwanda||Rwandan
Saudi Arabia||Saudi
Senegal||Senegalese
Serbia||Serbian
Sierra Leone||Sierra Leonean
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian
Somalia||Somali
South Africa||South African
South Korea|Republic of Korea|South Korean
South Sudan||South Sudanese
Soviet Union|USSR|Soviet
Spain||Spanish
Sri Lanka||Sri Lankan
Sudan||Sudanese
Suriname||Surinamese
Sweden||Swedish
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Togo||Togolese
Trinidad and Tobago||
Tunisia||Tunisian
Turkey|Turkiye|Turkish
Turkmenistan||Turkmen
Uganda||Ugandan
Ukraine||Ukrainian
United Arab Emirates|UAE,U.A.E.|Emirati
United Kingdom|UK,U.K.,Britain,Great Britain|British
United States|US,U.S.,USA,U.S.A.,America,United States of America|American,U.S.
Uruguay||Uruguayan
Uzbekistan||Uzbek
Venezuela||Venezuelan
Vietnam||Vietnamese
Yemen|South Yemen,North Yemen|Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean
`

// country is one row of countryTable.
type country struct {
	Name       string
	Aliases    []string
	Adjectives []string
}

var countries = func() []country {
	var out []country
	for _, line := range strings.Split(strings.TrimSpace(countryTable), "\n") {
		parts := strings.Split(line, "|")
		c := country{Name: parts[0]}
		if len(parts) > 1 && parts[1] != "" {
			c.Aliases = strings.Split(parts[1], ",")
		}
		if len(parts) > 2 && parts[2] != "" {
			c.Adjectives = strings.Split(parts[2], ",")
		}
		out = append(out, c)
	}
	return out
}()

// CountryNamed returns the canonical name of a country given one of its names, or "".
func CountryNamed(name string) string {
	return countryByKey()[nameKey(name)]
}

// countryByKey maps the key (nameKey) of every name and alias of a country to
// the country's canonical name, the first country in the list where two share
// a key. Made when first asked for: reading a manifest asks once per entity, and
// reading the list every time made a profile of 4,000 people take 50 ms to read.
var countryByKey = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, c := range countries {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if k := nameKey(n); m[k] == "" {
				m[k] = c.Name
			}
		}
	}
	return m
})
