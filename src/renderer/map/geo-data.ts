// Natural Earth 1:50m (world-atlas), simplified for the scale the map is drawn at (world/world-50m.json,
// made by world/simplify-world.mjs: a quarter of the points and of the bytes) and bundled with the
// app: decoded once, on first use, into the GeoJSON the layers draw. Immutable geography, not game state.

import countries50m from './world/world-50m.json'
import { feature, mesh } from 'topojson-client'
import { geoGraticule10 } from 'd3-geo'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson'

export interface CountryProps {
  name: string
}

export interface GeoData {
  land: Feature | FeatureCollection
  borders: MultiLineString
  graticule: MultiLineString
  /** Countries keyed by ISO 3166-1 numeric code ('156'); some codes have several parts. */
  countriesByCode: Map<string, Feature<Geometry, CountryProps>[]>
  /** The same, keyed by lower-case Natural Earth name. */
  countriesByName: Map<string, Feature<Geometry, CountryProps>[]>
}

type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProps>; land: GeometryCollection }>

let data: GeoData | null = null

export function geoData(): GeoData {
  if (!data) {
    const topo = countries50m as unknown as CountriesTopology
    const countries = feature(topo, topo.objects.countries)
    const byCode = new Map<string, Feature<Geometry, CountryProps>[]>()
    const byName = new Map<string, Feature<Geometry, CountryProps>[]>()
    for (const f of countries.features) {
      const add = (m: Map<string, Feature<Geometry, CountryProps>[]>, key: string | undefined): void => {
        if (!key) return
        const list = m.get(key) ?? []
        list.push(f)
        m.set(key, list)
      }
      add(byCode, f.id === undefined ? undefined : String(f.id))
      add(byName, f.properties?.name?.toLowerCase())
    }
    data = {
      land: feature(topo, topo.objects.land),
      borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
      graticule: geoGraticule10(),
      countriesByCode: byCode,
      countriesByName: byName,
    }
  }
  return data
}
