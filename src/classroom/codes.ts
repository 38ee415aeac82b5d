// The secrets of a class: its join code, each team's rejoin code and the teacher's key. All are drawn with
// node:crypto; the key is kept only as a salted SHA-256.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { CODE_ALPHABET } from '../shared/classroom-protocol.ts'

function codeOf(length: number): string {
  let code = ''
  for (let k = 0; k < length; k++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

export const newClassCode = (): string => codeOf(6)
export const newRejoinCode = (): string => codeOf(8)

/** Rejoin codes for `count` teams, all different. */
export function newRejoinCodes(count: number): string[] {
  const codes = new Set<string>()
  while (codes.size < count) codes.add(newRejoinCode())
  return [...codes]
}

/** A teacher's key: 24 URL-safe characters (144 random bits). */
export const newTeacherKey = (): string => randomBytes(18).toString('base64url')

export interface KeyHash {
  salt: string
  sha256: string
}

const digest = (salt: string, key: string) => createHash('sha256').update(salt).update(key, 'utf8').digest()

export function hashKey(key: string): KeyHash {
  const salt = randomBytes(16).toString('hex')
  return { salt, sha256: digest(salt, key).toString('hex') }
}

export function keyMatches(hash: KeyHash, key: string): boolean {
  const expected = Buffer.from(hash.sha256, 'hex')
  const given = digest(hash.salt, key)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
