// What a device remembers of its place in a class, per class code: a student's team and rejoin code (in this
// browser's localStorage, so that a closed page comes back to the same seat) and the teacher's key (in this
// tab's sessionStorage only, for that code only).
const SEAT_KEY = (code: string) => `red-lines.class.${code}.seat`
const TEACHER_KEY = (code: string) => `red-lines.class.${code}.teacher-key`

export interface RememberedSeat {
  team: string
  rejoin: string
}

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(storage: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key)
    else storage?.setItem(key, value)
  } catch {
    // Storage may be off (private mode): the device then joins by team name again.
  }
}

export function rememberedSeat(code: string): RememberedSeat | null {
  const text = read(globalThis.localStorage, SEAT_KEY(code))
  if (!text) return null
  try {
    const seat = JSON.parse(text) as Partial<RememberedSeat>
    return typeof seat.team === 'string' && typeof seat.rejoin === 'string' && /^[2-9A-HJKMNP-Z]{8}$/.test(seat.rejoin)
      ? { team: seat.team, rejoin: seat.rejoin }
      : null
  } catch {
    return null
  }
}

export function rememberSeat(code: string, seat: RememberedSeat | null): void {
  write(globalThis.localStorage, SEAT_KEY(code), seat ? JSON.stringify(seat) : null)
}

export function teacherKey(code: string): string | null {
  return read(globalThis.sessionStorage, TEACHER_KEY(code))
}

export function rememberTeacherKey(code: string, key: string): void {
  write(globalThis.sessionStorage, TEACHER_KEY(code), key)
}
