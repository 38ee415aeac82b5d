// The classroom's messages: what a teacher's console and the students' devices send to the class server, and
// what it sends back. The server is the only authority: clients send intentions (a plan, an answer, a
// teacher's control), never state; every message is checked against these schemas (and a size limit) before
// it is read. Each resolved turn goes out as the engine's human turn, and every client replays the match with
// the engine to show it (the scenario is identified by its hash, so all replay the same rules).
import * as z from 'zod'
import { DIFFICULTIES } from '../engine/ai/policy.ts'

/** The largest message a client may send, in bytes of JSON. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024
/** Messages a client may send per second before it is disconnected. */
export const MAX_CLIENT_MESSAGES_PER_SECOND = 20
export const MAX_RATIONALE_CHARS = 600
export const MAX_TEAMS = 8
export const MAX_DEVICES_PER_TEAM = 6

/** A class's join code: 6 letters and digits without look-alikes (no 0/O, 1/I/L). */
export const CLASS_CODE = /^[2-9A-HJKMNP-Z]{6}$/
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

const ActorId = z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/)
const ClassCode = z.string().regex(CLASS_CODE, 'a class code is 6 letters and digits')
const TeamName = z
  .string()
  .trim()
  .min(1, 'a team needs a name')
  .max(40, 'a team name has at most 40 characters')
  .regex(/^[^\u0000-\u001f\u007f<>]*$/, 'a team name cannot hold control characters or < >')

export const ChoiceMessage = z.strictObject({
  actor: ActorId,
  action: z.string().max(64),
  targets: z.array(ActorId).max(12).optional(),
  partners: z.array(ActorId).max(12).optional(),
})

export const RationaleMessage = z.strictObject({
  text: z.string().max(MAX_RATIONALE_CHARS),
  paragraph: z.number().int().min(1).max(100000).optional(),
})

/** Options a client passes when it joins: a student by class code and team, a teacher by the class's key. */
export const JoinOptions = z.union([
  z.strictObject({
    as: z.literal('student'),
    code: ClassCode,
    /** A team by its name (the teacher created it), or the team's rejoin code from another device. */
    team: TeamName.optional(),
    rejoin: z
      .string()
      .regex(/^[2-9A-HJKMNP-Z]{8}$/)
      .optional(),
  }),
  z.strictObject({ as: z.literal('teacher'), code: ClassCode, key: z.string().min(16).max(128) }),
  z.strictObject({ as: z.literal('projector'), code: ClassCode }),
])
export type JoinOptions = z.infer<typeof JoinOptions>

export const TeamSetup = z.strictObject({ name: TeamName, actor: ActorId })

/** What a teacher chooses when creating a class. */
export const ClassSetup = z.strictObject({
  /** A shipped scenario's folder (or a lens of it). */
  scenario: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(64),
  seed: z.number().int().min(0).max(0xffffffff),
  turnLimit: z.number().int().min(1).max(100),
  difficulty: z.enum(DIFFICULTIES),
  teams: z.array(TeamSetup).min(1).max(MAX_TEAMS),
  /** Seconds each turn's planning may take (null: no timer; the teacher ends the turn). */
  turnSeconds: z.number().int().min(30).max(3600).nullable(),
  /** Seconds partners have to answer joint proposals before an unanswered one counts as declined. */
  answerSeconds: z.number().int().min(10).max(600).default(60),
})
export type ClassSetup = z.infer<typeof ClassSetup>

/** Student → server. */
export const StudentMessage = z.discriminatedUnion('type', [
  /** The team's plan for `turn`: replaces the previous one (last word wins); `ready` submits it. */
  z.strictObject({
    type: z.literal('plan'),
    turn: z.number().int().min(1).max(100),
    choices: z.array(ChoiceMessage).max(20),
    rationale: RationaleMessage.optional(),
    ready: z.boolean(),
  }),
  /** An answer to a joint action proposed to the team. */
  z.strictObject({
    type: z.literal('answer'),
    turn: z.number().int().min(1).max(100),
    key: z.string().max(400),
    agree: z.boolean(),
  }),
])
export type StudentMessage = z.infer<typeof StudentMessage>

/** Teacher → server. */
export const TeacherMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('extend'), seconds: z.number().int().min(10).max(1800) }),
  /** Ends the planning (or answering) now: teams that did not submit pass. */
  z.strictObject({ type: z.literal('end-timer') }),
  /** An event from the scenario's injects, applied at the start of the next turn resolved. */
  z.strictObject({ type: z.literal('inject'), id: z.string().max(64) }),
  z.strictObject({ type: z.literal('cancel-inject'), id: z.string().max(64) }),
  /** Shows every team's plans and rationales of the last resolved turn to everyone. */
  z.strictObject({ type: z.literal('reveal') }),
  /** Undoes the last resolved turn; the teams plan it again. */
  z.strictObject({ type: z.literal('rollback') }),
  z.strictObject({ type: z.literal('difficulty'), level: z.enum(DIFFICULTIES) }),
])
export type TeacherMessage = z.infer<typeof TeacherMessage>

export const PHASES = ['lobby', 'planning', 'answering', 'over'] as const
export type Phase = (typeof PHASES)[number]

/** One resolved turn as everyone sees it: the human turn (rationales only once revealed) and its check. */
export interface PublicTurn {
  turn: number
  choices: z.infer<typeof ChoiceMessage>[]
  agreed: string[]
  injects?: string[]
  difficulty?: (typeof DIFFICULTIES)[number]
  /** Present once the teacher revealed the turn, and for every turn once the game is over (the debrief). */
  rationales?: { actor: string; text: string; paragraph?: number }[]
  /** Teams that did not submit a plan in time (they passed). */
  passed: string[]
  /** SHA-256 of the engine state after the turn: a client that replays to another state says so. */
  stateHash: string
}

export interface TeamView {
  name: string
  actor: string
  /** Devices of the team connected now. */
  devices: number
  /** Whether the team has submitted its plan for the current turn. */
  ready: boolean
}

/** Server → everyone in the class: the class as it stands (no team's plan in it). */
export interface ClassView {
  code: string
  scenario: { folder: string; id: string; version: string; hash: string; title: string }
  setup: { seed: number; turnLimit: number; difficulty: (typeof DIFFICULTIES)[number]; humans: string[] }
  teams: TeamView[]
  phase: Phase
  paused: boolean
  /** The turn being planned (1-based). */
  turn: number
  /** When the current phase's timer ends (ms since the epoch, server clock), or null. */
  deadline: number | null
  /** Milliseconds left when paused (the timer stands still). */
  remainingMs: number | null
  difficulty: (typeof DIFFICULTIES)[number]
  /** Injects queued by the teacher for the next turn. */
  injects: string[]
  /** Every resolved turn, in order: replaying them on the scenario gives the match. */
  turns: PublicTurn[]
  /** The server's clock when it sent this view (ms since the epoch), so devices can read `deadline` right. */
  now?: number
}

/** Server → one team's devices: its seat, its plan as the server holds it, and the questions put to it. */
export interface SeatView {
  team: string
  actor: string
  /** Another device of the team joins with this. */
  rejoin: string
  turn: number
  plan: { choices: z.infer<typeof ChoiceMessage>[]; rationale?: z.infer<typeof RationaleMessage>; ready: boolean }
  questions: { key: string; proposer: string; choice: z.infer<typeof ChoiceMessage>; answer: boolean | null }[]
}

/** Server → a teacher: the class key is never sent again; the join address for the students. */
export interface TeacherView {
  joinUrl: string
  /** Whether the server listens beyond this machine (the teacher asked for the local network). */
  network: 'loopback' | 'lan'
  /** Every team's plan of the current turn (the teacher sees all). */
  plans: Record<string, SeatView['plan']>
}

/** Message types the server sends. */
export const SERVER_MESSAGES = {
  class: 'class',
  seat: 'seat',
  teacher: 'teacher',
  error: 'error',
} as const

/** A refusal the server sends a client (the connection stays open unless the code says otherwise). */
export interface ServerError {
  code: 'bad-message' | 'not-your-seat' | 'wrong-turn' | 'wrong-phase' | 'paused' | 'refused' | 'rate-limit' | 'too-large'
  message: string
}

/** Join errors a client gets from the server (the Colyseus error code and a sentence). */
export const JOIN_ERRORS = {
  unknownClass: { code: 4404, message: 'There is no class with that code. Check the code on the teacher’s screen.' },
  unknownTeam: { code: 4405, message: 'That class has no team of that name. Check the spelling, or ask the teacher.' },
  wrongRejoin: { code: 4406, message: 'That rejoin code is not right for this class.' },
  wrongKey: { code: 4403, message: 'This is not the teacher’s key for that class.' },
  teamFull: { code: 4409, message: 'That team already has as many devices as it may.' },
} as const
