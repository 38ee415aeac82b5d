// Exports: the user picks where in a save dialog (defaulting to <userData>/exports), and the text is written
// with the same durable write as saves. The renderer only suggests a file name, never a folder.
import * as fsp from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { HostResult } from '../shared/host.ts'
import type { DurableWriter } from './durable-write.ts'
import { fail, fileFailure, ok } from './host-result.ts'

export const MAX_EXPORT_BYTES = 16 * 1024 * 1024
export const MAX_EXPORT_NAME_LENGTH = 120
const FALLBACK_NAME = 'red-lines-export.txt'

/** A plain file name: separators, reserved and control characters replaced; never empty, a dot name or a device. */
export function safeExportName(suggested: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_EXPORT_NAME_LENGTH)
  if (cleaned === '') return FALLBACK_NAME
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned) ? `_${cleaned}` : cleaned
}

export interface SaveDialogAnswer {
  canceled: boolean
  filePath?: string
}

export interface SaveDialogRequest {
  title: string
  defaultPath: string
  filters?: { name: string; extensions: string[] }[]
  properties?: ('createDirectory' | 'showOverwriteConfirmation')[]
}

export interface ExportDeps {
  exportsDir: string
  writer: DurableWriter
  showSaveDialog(request: SaveDialogRequest): Promise<SaveDialogAnswer>
}

export async function exportFile(deps: ExportDeps, suggestedName: string, text: string): Promise<HostResult<null>> {
  if (typeof suggestedName !== 'string' || typeof text !== 'string') return fail('invalid-argument', 'Nothing to export.')
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length > MAX_EXPORT_BYTES) return fail('too-large', `The export is larger than ${MAX_EXPORT_BYTES} bytes.`)
  const name = safeExportName(suggestedName)
  await fsp.mkdir(deps.exportsDir, { recursive: true }).catch(() => undefined)
  const extension = extname(name).slice(1).toLowerCase()
  const answer = await deps.showSaveDialog({
    title: 'Export',
    defaultPath: join(deps.exportsDir, name),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: /^[a-z0-9]{1,8}$/.test(extension)
      ? [
          { name: `${extension.toUpperCase()} files`, extensions: [extension] },
          { name: 'All files', extensions: ['*'] },
        ]
      : undefined,
  })
  if (answer.canceled || !answer.filePath) return fail('cancelled', 'The export was cancelled.')
  try {
    await deps.writer.write(answer.filePath, bytes)
    return ok(null)
  } catch (error) {
    return fileFailure(error, 'write', 'the export')
  }
}
