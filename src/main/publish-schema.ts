// Modders' editors resolve a scenario's "$schema": "../scenario.schema.json" against the folder holding the
// scenario's folder. The shipped scenarios have the schema beside them; this puts the same file in the user's
// scenarios folder, so a shipped scenario copied there (or one written from MODDING.md) still resolves it.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const SCHEMA_FILE = 'scenario.schema.json'

/** Copies the shipped schema into the user's scenarios folder when it is missing or differs; true when written. */
export async function publishSchema(shippedScenariosDir: string, userScenariosDir: string): Promise<boolean> {
  const shipped = await readFile(join(shippedScenariosDir, SCHEMA_FILE), 'utf8')
  const target = join(userScenariosDir, SCHEMA_FILE)
  const current = await readFile(target, 'utf8').catch(() => null)
  if (current === shipped) return false
  await mkdir(userScenariosDir, { recursive: true })
  // Written beside and renamed over, so an editor never reads half a schema.
  const temporary = `${target}.${process.pid}.tmp`
  await writeFile(temporary, shipped)
  await rename(temporary, target)
  return true
}
