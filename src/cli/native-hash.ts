// Node's SHA-256 for the loader's scenario hash (LoadOptions.sha256): the same digest as the engine's own,
// which in a command that loads one scenario and exits runs mostly unoptimised.
import { createHash } from 'node:crypto'
import type { Sha256Hasher } from '../engine/scenario/index.ts'

export function nativeSha256(): Sha256Hasher {
  const hash = createHash('sha256')
  return {
    update: (bytes) => hash.update(bytes),
    digestHex: () => hash.digest('hex'),
  }
}
