// Which land belongs to an actor. Actors are keyed by ISO 3166-1 alpha-3 codes in the shipped
// scenario; Natural Earth keys countries by the numeric code. Unknown ids fall back to an exact
// name match, and actors with neither (a non-state actor, a fictional power) have no territory:
// the map then outlines their bloc around the capitals instead.

import type { Feature, Geometry } from 'geojson'
import { geoData, type CountryProps } from './geo-data.ts'

/** ISO 3166-1 alpha-3 → numeric, for the powers a scenario in this region plausibly uses. */
export const ISO_NUMERIC: Readonly<Record<string, string>> = {
  AUS: '036',
  BGD: '050',
  BRN: '096',
  BTN: '064',
  CAN: '124',
  CHN: '156',
  DEU: '276',
  FRA: '250',
  GBR: '826',
  IDN: '360',
  IND: '356',
  IRN: '364',
  JPN: '392',
  KAZ: '398',
  KHM: '116',
  KOR: '410',
  LAO: '418',
  LKA: '144',
  MMR: '104',
  MNG: '496',
  MYS: '458',
  NPL: '524',
  NZL: '554',
  PAK: '586',
  PHL: '608',
  PNG: '598',
  PRK: '408',
  RUS: '643',
  SGP: '702',
  THA: '764',
  TLS: '626',
  TWN: '158',
  USA: '840',
  VNM: '704',
}

export function territoryOf(actor: { id: string; name: string }): Feature<Geometry, CountryProps>[] {
  const { countriesByCode, countriesByName } = geoData()
  const code = ISO_NUMERIC[actor.id.toUpperCase()]
  const byCode = code ? countriesByCode.get(code) : undefined
  if (byCode && byCode.length) {
    // Keep the country itself, not small dependencies filed under the same code.
    const main = byCode.filter((f) => f.properties.name.toLowerCase() !== 'ashmore and cartier is.')
    return main.length ? main : byCode
  }
  return countriesByName.get(actor.name.toLowerCase()) ?? []
}

/**
 * Where a scenario is drawn: on the world map when at least one of its powers is a country the map
 * knows (by ISO code or name), otherwise, with every power invented, on its own schematic canvas.
 */
export function geographyOf(actors: readonly { id: string; name: string }[]): 'world' | 'schematic' {
  return actors.some((actor) => territoryOf(actor).length > 0) ? 'world' : 'schematic'
}
