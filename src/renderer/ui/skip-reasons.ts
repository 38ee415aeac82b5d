// Why a scenario file was left out, in words a modder can act on.
import type { SkipReason, SkippedFile } from '../../shared/host.ts'

const REASONS: Record<SkipReason, string> = {
  symlink: 'it is a link; only plain files inside the scenario folder are read',
  'not-a-regular-file': 'it is not a plain file',
  'outside-folder': 'it resolves to a place outside the scenario folder',
  'changed-while-reading': 'it changed while it was being read; save it again',
  'too-large': 'it is too large (at most 5 MiB a file, 32 MiB a scenario)',
  'too-many-files': 'the scenario has too many files (at most 256)',
  'too-deep': 'it is nested too deeply under sources/ (at most 4 folders)',
  'not-utf8': 'it is not UTF-8 text; save it as UTF-8',
  unreadable: 'it could not be read',
  'not-a-scenario-file': 'only scenario.json and .txt source files belong to a scenario',
  duplicate: 'another file of the same name was chosen',
}

export const skipReasonText = (reason: SkipReason): string => REASONS[reason] ?? 'it was left out'

/** One warning line in the form of the loader's diagnostics: `folder/file: warning: skipped: why`. */
export function skipLine(folder: string, skipped: SkippedFile): string {
  return `${folder}/${skipped.file}: warning: skipped: ${skipReasonText(skipped.reason)}`
}
