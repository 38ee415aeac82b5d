// What changes a class: the intentions the server accepted (a team's plan or answer, a teacher's control) and
// the server's own (a timer that ran out, a restart). A class is its identity plus the list of these, applied
// in order at the times recorded; the durable log holds exactly that.
import * as z from 'zod'
import { ClassSetup, StudentMessage, TeacherMessage } from '../shared/classroom-protocol.ts'

export const ServerMessage = z.discriminatedUnion('type', [
  /** The current phase's timer ran out. */
  z.strictObject({ type: z.literal('timer') }),
  /** The server came back after a stop: a timer about to run out (or already out) gets a short grace. */
  z.strictObject({ type: z.literal('restarted') }),
])
export type ServerMessage = z.infer<typeof ServerMessage>

export const ClassEvent = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('team'), team: z.string().min(1).max(40), message: StudentMessage }),
  z.strictObject({ by: z.literal('teacher'), message: TeacherMessage }),
  z.strictObject({ by: z.literal('server'), message: ServerMessage }),
])
export type ClassEvent = z.infer<typeof ClassEvent>

export const ClassTeam = z.strictObject({
  name: z.string().min(1).max(40),
  actor: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/),
  rejoin: z.string().regex(/^[2-9A-HJKMNP-Z]{8}$/),
})
export type ClassTeam = z.infer<typeof ClassTeam>

export const ScenarioIdentity = z.strictObject({
  folder: z.string(),
  id: z.string(),
  version: z.string(),
  hash: z.string(),
  title: z.string(),
})

/** Who the class is: what the teacher chose, the scenario it runs and the teams' seats and rejoin codes. */
export const ClassIdentity = z.strictObject({
  code: z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/),
  setup: ClassSetup,
  scenario: ScenarioIdentity,
  teams: z.array(ClassTeam).min(1),
})
export type ClassIdentity = z.infer<typeof ClassIdentity>
