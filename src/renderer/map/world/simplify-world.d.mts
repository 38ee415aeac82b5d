// Types of simplify-world.mjs, for the tests.
import type { Topology } from 'topojson-specification'

export const MIN_AREA: number
export const QUANTIZATION: number
/** The simplified, quantized topology of a world-atlas countries topology. */
export function simplifyWorld(source: Topology, minArea?: number, quantization?: number): Topology
/** The file's text (world-50m.json). */
export function worldText(topology: Topology): string
/** world-atlas's countries-50m.json. */
export function readSource(): Topology
