/**
 * Sovereign states by their usual English short names, as name keys (lower case, `_` for spaces).
 * Kept as data: two different countries can never contain one another, so a place conflict between
 * two of them is a real one; other place names (cities, neighbourhoods, venues) may nest
 * ("Richmond Hill" is in "Queens", "Banstead" in "Surrey") and are never set against each other.
 */
const NAMES =
  'afghanistan albania algeria andorra angola antigua_and_barbuda argentina armenia australia austria azerbaijan bahamas bahrain ' +
  'bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia_and_herzegovina botswana brazil brunei bulgaria ' +
  'burkina_faso burundi cambodia cameroon canada cape_verde chad chile china colombia comoros congo costa_rica croatia cuba ' +
  'cyprus czech_republic czechia denmark djibouti dominica dominican_republic ecuador egypt el_salvador equatorial_guinea ' +
  'eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea ' +
  'guinea-bissau guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy ivory_coast jamaica ' +
  'japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein ' +
  'lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco ' +
  'mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands new_zealand nicaragua niger nigeria ' +
  'north_korea north_macedonia norway oman pakistan palau panama papua_new_guinea paraguay peru philippines poland portugal ' +
  'qatar romania russia rwanda samoa san_marino saudi_arabia senegal serbia seychelles sierra_leone singapore slovakia ' +
  'slovenia somalia south_africa south_korea south_sudan spain sri_lanka sudan suriname sweden switzerland syria taiwan ' +
  'tajikistan tanzania thailand togo tonga trinidad_and_tobago tunisia turkey turkiye turkmenistan tuvalu uganda ukraine ' +
  'united_arab_emirates united_kingdom united_states uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe';

const COUNTRIES = new Set(NAMES.split(' '));

/** `true` when a name key (see `entityKey`) is a country's name. */
export function isCountry(key: string): boolean {
  return COUNTRIES.has(key.replace(/^the_/u, ''));
}
