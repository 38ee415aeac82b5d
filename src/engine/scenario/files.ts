// The files handed to the loader: lookup by normalised path, size cap and strict UTF-8 decoding.
import { Sha256 } from '../hash.ts'
import { decodeUtf8, encodeUtf8, findLoneSurrogate, utf8Length } from '../ingest/utf8.ts'
import type { Diagnostic } from './diagnostics.ts'

export type ScenarioFiles = Readonly<Record<string, string | Uint8Array>>

/** "a/./b//c.txt" → "a/b/c.txt". */
export function normalizePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/')
}

export function folderOf(path: string): string {
  const normalized = normalizePath(path)
  const slash = normalized.lastIndexOf('/')
  return slash < 0 ? '' : normalized.slice(0, slash)
}

/** `folder/file`, or `file` when the folder is "". */
export function joinPath(folder: string, file: string): string {
  return folder === '' ? file : `${folder}/${file}`
}

export class FileSet {
  private readonly byPath = new Map<string, string>()

  constructor(private readonly files: ScenarioFiles) {
    for (const key of Object.keys(files)) {
      const normalized = normalizePath(key)
      if (!this.byPath.has(normalized)) this.byPath.set(normalized, key)
    }
  }

  /** The key under which a path was given, if it was. */
  keyOf(path: string): string | undefined {
    return this.byPath.get(normalizePath(path))
  }

  content(key: string): string | Uint8Array {
    return this.files[key]
  }
}

/** Reads one file as text, or reports why it cannot be read (at `pointer` of the scenario file). */
export function readText(
  content: string | Uint8Array,
  file: string,
  pointer: string,
  maxBytes: number,
  sink: Diagnostic[],
): string | undefined {
  const report = (code: string, message: string, line = 1, column = 1, hint?: string) =>
    sink.push({ severity: 'error', code, file, line, column, pointer, message, ...(hint ? { hint } : {}) })
  const size = typeof content === 'string' ? (content.length > maxBytes ? content.length : utf8Length(content)) : content.length
  if (size > maxBytes) {
    report('file-too-large', `the file has ${size} bytes, more than the limit of ${maxBytes}`)
    return undefined
  }
  if (typeof content === 'string') {
    const lone = findLoneSurrogate(content)
    if (lone) {
      report('invalid-encoding', lone.message, lone.line, lone.column)
      return undefined
    }
    return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  }
  const decoded = decodeUtf8(content)
  if (!decoded.ok) {
    const { message, line, column } = decoded.error
    report('invalid-encoding', message, line, column, 'save the file as UTF-8')
    return undefined
  }
  return decoded.text
}

/**
 * SHA-256 over `path\0content\0` of each file, in sorted path order; paths are relative to the scenario
 * folder and strings count as their UTF-8 bytes.
 */
export function hashScenarioFiles(
  files: ReadonlyArray<readonly [path: string, content: string | Uint8Array]>,
  newHasher: () => Sha256Hasher = () => new Sha256(),
): string {
  const hash = newHasher()
  const separator = new Uint8Array([0])
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [path, content] of sorted) {
    hash.update(encodeUtf8(path))
    hash.update(separator)
    hash.update(typeof content === 'string' ? encodeUtf8(content) : content)
    hash.update(separator)
  }
  return hash.digestHex()
}

/** A SHA-256 in progress: the engine's own (Sha256), or one a host gives (see LoadOptions.sha256). */
export interface Sha256Hasher {
  update(bytes: Uint8Array): unknown
  digestHex(): string
}
