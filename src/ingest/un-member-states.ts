// The 193 UN member states and the two observer states, with their ISO 3166-1 alpha-3 codes (the ids of state
// nodes: state:prk) and the names reports use for them. One line per state: code|name|other names.
const STATES = `AFG|Afghanistan
ALB|Albania
DZA|Algeria
AND|Andorra
AGO|Angola
ATG|Antigua and Barbuda
ARG|Argentina
ARM|Armenia
AUS|Australia
AUT|Austria
AZE|Azerbaijan
BHS|Bahamas|The Bahamas
BHR|Bahrain
BGD|Bangladesh
BRB|Barbados
BLR|Belarus
BEL|Belgium
BLZ|Belize
BEN|Benin
BTN|Bhutan
BOL|Bolivia|Plurinational State of Bolivia
BIH|Bosnia and Herzegovina
BWA|Botswana
BRA|Brazil
BRN|Brunei Darussalam|Brunei
BGR|Bulgaria
BFA|Burkina Faso
BDI|Burundi
CPV|Cabo Verde|Cape Verde
KHM|Cambodia
CMR|Cameroon
CAN|Canada
CAF|Central African Republic
TCD|Chad
CHL|Chile
CHN|China|People's Republic of China|PRC
COL|Colombia
COM|Comoros
COG|Congo|Republic of the Congo
CRI|Costa Rica
CIV|Côte d'Ivoire|Ivory Coast
HRV|Croatia
CUB|Cuba
CYP|Cyprus
CZE|Czechia|Czech Republic
PRK|Democratic People's Republic of Korea|North Korea|DPRK
COD|Democratic Republic of the Congo|DRC|DR Congo
DNK|Denmark
DJI|Djibouti
DMA|Dominica
DOM|Dominican Republic
ECU|Ecuador
EGY|Egypt
SLV|El Salvador
GNQ|Equatorial Guinea
ERI|Eritrea
EST|Estonia
SWZ|Eswatini|Swaziland
ETH|Ethiopia
FJI|Fiji
FIN|Finland
FRA|France
GAB|Gabon
GMB|Gambia|The Gambia
GEO|Georgia
DEU|Germany
GHA|Ghana
GRC|Greece
GRD|Grenada
GTM|Guatemala
GIN|Guinea
GNB|Guinea-Bissau
GUY|Guyana
HTI|Haiti
HND|Honduras
HUN|Hungary
ISL|Iceland
IND|India
IDN|Indonesia
IRN|Iran|Islamic Republic of Iran
IRQ|Iraq
IRL|Ireland
ISR|Israel
ITA|Italy
JAM|Jamaica
JPN|Japan
JOR|Jordan
KAZ|Kazakhstan
KEN|Kenya
KIR|Kiribati
KWT|Kuwait
KGZ|Kyrgyzstan
LAO|Lao People's Democratic Republic|Laos
LVA|Latvia
LBN|Lebanon
LSO|Lesotho
LBR|Liberia
LBY|Libya
LIE|Liechtenstein
LTU|Lithuania
LUX|Luxembourg
MDG|Madagascar
MWI|Malawi
MYS|Malaysia
MDV|Maldives
MLI|Mali
MLT|Malta
MHL|Marshall Islands
MRT|Mauritania
MUS|Mauritius
MEX|Mexico
FSM|Micronesia|Federated States of Micronesia
MCO|Monaco
MNG|Mongolia
MNE|Montenegro
MAR|Morocco
MOZ|Mozambique
MMR|Myanmar|Burma
NAM|Namibia
NRU|Nauru
NPL|Nepal
NLD|Netherlands|Kingdom of the Netherlands
NZL|New Zealand
NIC|Nicaragua
NER|Niger
NGA|Nigeria
MKD|North Macedonia
NOR|Norway
OMN|Oman
PAK|Pakistan
PLW|Palau
PAN|Panama
PNG|Papua New Guinea
PRY|Paraguay
PER|Peru
PHL|Philippines
POL|Poland
PRT|Portugal
QAT|Qatar
KOR|Republic of Korea|South Korea|ROK
MDA|Republic of Moldova|Moldova
ROU|Romania
RUS|Russian Federation|Russia
RWA|Rwanda
KNA|Saint Kitts and Nevis
LCA|Saint Lucia
VCT|Saint Vincent and the Grenadines
WSM|Samoa
SMR|San Marino
STP|Sao Tome and Principe
SAU|Saudi Arabia
SEN|Senegal
SRB|Serbia
SYC|Seychelles
SLE|Sierra Leone
SGP|Singapore
SVK|Slovakia
SVN|Slovenia
SLB|Solomon Islands
SOM|Somalia
ZAF|South Africa
SSD|South Sudan
ESP|Spain
LKA|Sri Lanka
SDN|Sudan
SUR|Suriname
SWE|Sweden
CHE|Switzerland
SYR|Syrian Arab Republic|Syria
TJK|Tajikistan
THA|Thailand
TLS|Timor-Leste|East Timor
TGO|Togo
TON|Tonga
TTO|Trinidad and Tobago
TUN|Tunisia
TUR|Türkiye|Turkey
TKM|Turkmenistan
TUV|Tuvalu
UGA|Uganda
UKR|Ukraine
ARE|United Arab Emirates|UAE
GBR|United Kingdom of Great Britain and Northern Ireland|United Kingdom|UK|Britain
TZA|United Republic of Tanzania|Tanzania
USA|United States of America|United States|US|U.S.|USA
URY|Uruguay
UZB|Uzbekistan
VUT|Vanuatu
VEN|Venezuela|Bolivarian Republic of Venezuela
VNM|Viet Nam|Vietnam
YEM|Yemen
ZMB|Zambia
ZWE|Zimbabwe
VAT|Holy See
PSE|State of Palestine|Palestine`;

export interface MemberState {
  /** ISO 3166-1 alpha-3 code, upper case. */
  iso3: string;
  /** The name the UN lists it under. */
  name: string;
  /** Every name it goes by in reports, the UN name first. */
  names: string[];
}

/** The UN member and observer states, read once. */
export const UN_MEMBER_STATES: readonly MemberState[] = STATES.split("\n").map((line) => {
  const [iso3, ...names] = line.split("|");
  return { iso3: iso3!, name: names[0]!, names };
});
