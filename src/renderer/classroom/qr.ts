// The join address as a QR code, drawn as SVG from lean-qr's matrix (no HTML strings: one path of squares).
import { generate } from 'lean-qr'

const SVG = 'http://www.w3.org/2000/svg'

/** The QR modules of `text`: rows of booleans (true is dark). */
export function qrMatrix(text: string): boolean[][] {
  const code = generate(text)
  return Array.from({ length: code.size }, (_, y) => Array.from({ length: code.size }, (_, x) => code.get(x, y)))
}

/** An SVG path of the dark modules, one unit square each, offset by the quiet zone. */
export function qrPath(matrix: readonly (readonly boolean[])[], quiet = 4): string {
  const parts: string[] = []
  matrix.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`)))
  return parts.join('')
}

/** The dark modules an SVG path of qrPath draws, read back (to check what a drawn code encodes). */
export function matrixOfPath(path: string, size: number, quiet = 4): boolean[][] {
  const matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) matrix[Number(y) - quiet][Number(x) - quiet] = true
  return matrix
}

export function qrSvg(text: string, label: string): SVGSVGElement {
  const matrix = qrMatrix(text)
  const quiet = 4
  const extent = matrix.length + 2 * quiet
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${extent} ${extent}`)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('class', 'qr')
  svg.dataset.size = String(matrix.length)
  svg.dataset.text = text
  const background = document.createElementNS(SVG, 'rect')
  background.setAttribute('width', String(extent))
  background.setAttribute('height', String(extent))
  background.setAttribute('fill', '#ffffff')
  const modules = document.createElementNS(SVG, 'path')
  modules.setAttribute('d', qrPath(matrix, quiet))
  modules.setAttribute('fill', '#000000')
  modules.setAttribute('shape-rendering', 'crispEdges')
  svg.append(background, modules)
  return svg
}
