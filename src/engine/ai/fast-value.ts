// The value of one choice's shock to a viewer, on the fast path (see shock-program.ts): the change of its
// role's score after the shock (on the current blocs, the ladder read again), less the added risk of
// incidents, less the chance of a clash times what it would lose, plus the pull of reciprocity
// (paragraphs 33-34: answer hostile acts). The weights beyond the objectives are the scenario's (`computer`).
// HAZARD: equal, operation for operation, to what the engine's own steps and scoring would give (the
// fast-path test checks it against a copy of the original slow code); keep them in step.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { balancedTriadShare, blocRigidity, blocStats, ladderRung } from '../indices.ts'
import type { GameState } from '../state.ts'
import { incidentProbability } from '../steps/incidents.ts'
import type { Candidate } from './candidates.ts'
import type { FlatRole } from './flat-score.ts'
import { compileRole, flatRoleScore, objectiveMet } from './flat-score.ts'
import type { FlatLayout, ShockProgram } from './shock-program.ts'
import { compileShock, fillFlat, flatLayout, runShock, undoShock } from './shock-program.ts'

interface FastModel {
  layout: FlatLayout
  /** Each actor's role, compiled (by actor index), or null. */
  roles: (FlatRole | null)[]
  /** Programs of the cached candidates (by their choice object), and of other choices by their text. */
  byCandidate: WeakMap<Choice, ShockProgram>
  byText: Map<string, ShockProgram>
  byList: WeakMap<readonly Candidate[], ShockProgram[]>
  /** The one scratch of this scenario, refilled for each state (see scratchFor). */
  scratch: Scratch | null
}

const models = new WeakMap<CompiledScenario, FastModel>()

function fastModel(scn: CompiledScenario): FastModel {
  let model = models.get(scn)
  if (!model) {
    const layout = flatLayout(scn)
    const roles = scn.actorIds.map((actor) => (scn.roleByActor[actor] ? compileRole(scn, layout, scn.roleByActor[actor]) : null))
    model = { layout, roles, byCandidate: new WeakMap(), byText: new Map(), byList: new WeakMap(), scratch: null }
    models.set(scn, model)
  }
  return model
}

/** Bounds the programs kept for choices that are not candidates (people's proposals). */
const MAX_TEXT_PROGRAMS = 4096

/** The program of any choice (compiled once; a candidate's from the candidate cache). */
export function programOf(scn: CompiledScenario, choice: Choice): ShockProgram {
  const model = fastModel(scn)
  let program = model.byCandidate.get(choice)
  if (program) return program
  const text = `${choice.actor}|${choice.action}|${(choice.targets ?? []).join(',')}|${(choice.partners ?? []).join(',')}`
  program = model.byText.get(text)
  if (!program) {
    if (model.byText.size >= MAX_TEXT_PROGRAMS) model.byText.clear()
    program = compileShock(scn, model.layout, choice)
    model.byText.set(text, program)
  }
  return program
}

/** The programs of a cached candidate list (see candidates.ts keyedCandidates), compiled once. */
export function programsOf(scn: CompiledScenario, candidates: readonly Candidate[]): ShockProgram[] {
  const model = fastModel(scn)
  let programs = model.byList.get(candidates)
  if (!programs) {
    programs = candidates.map(({ choice }) => {
      let program = model.byCandidate.get(choice)
      if (!program) model.byCandidate.set(choice, (program = compileShock(scn, model.layout, choice)))
      return program
    })
    model.byList.set(candidates, programs)
  }
  return programs
}

/** The compiled role of the actor with this index, or null. */
export function flatRoleOf(scn: CompiledScenario, actorIndex: number): FlatRole | null {
  return fastModel(scn).roles[actorIndex]
}

/**
 * A state made ready for trying choices on: its variables laid out flat (`source`), a working copy each try
 * changes and puts back (`work`), and the pairs whose tension sets the ladder's rung on its current blocs.
 */
export interface Scratch {
  scn: CompiledScenario
  state: GameState
  layout: FlatLayout
  roles: readonly (FlatRole | null)[]
  source: Float64Array
  work: Float64Array
  /** Bloc side of each actor in the state. */
  side: number[]
  /** The first `ladderCount` entries: the cross-bloc pairs (every pair when one bloc holds everyone). */
  ladderPairs: Int32Array
  ladderCount: number
  /** The rung after a shock that leaves every tension as it was. */
  calmRung: number
}

/**
 * The scenario's scratch, refilled from `state`. There is one per scenario: it holds until the next call
 * (for any state), so take it, use it and drop it; never keep two.
 */
export function scratchFor(scn: CompiledScenario, state: GameState): Scratch {
  const model = fastModel(scn)
  let scratch = model.scratch
  if (!scratch) {
    const source = new Float64Array(model.layout.size)
    scratch = {
      scn,
      state,
      layout: model.layout,
      roles: model.roles,
      source,
      work: new Float64Array(model.layout.size),
      side: new Array<number>(scn.n).fill(0),
      ladderPairs: new Int32Array(scn.pairActors.length),
      ladderCount: 0,
      calmRung: 0,
    }
    model.scratch = scratch
  }
  scratch.state = state
  fillFlat(model.layout, state, scratch.source)
  scratch.work.set(scratch.source)
  const side = scratch.side
  for (let i = 0; i < scn.n; i++) side[i] = state.blocs[1].includes(scn.actorIds[i]) ? 1 : 0
  let count = 0
  for (let p = 0; p < scn.pairActors.length; p++)
    if (side[scn.pairActors[p][0]] !== side[scn.pairActors[p][1]]) scratch.ladderPairs[count++] = p
  if (count === 0) for (; count < scn.pairActors.length; count++) scratch.ladderPairs[count] = count
  scratch.ladderCount = count
  scratch.calmRung = rungOf(scratch, scratch.source)
  return scratch
}

/** The rung the ladder shows for the tensions in `flat`, from the state's rung (as the indices step would, on the same blocs). */
function rungOf(scratch: Scratch, flat: Float64Array): number {
  const { ladderPairs, ladderCount } = scratch
  const offset = scratch.layout.tension
  let hottest = 0
  for (let k = 0; k < ladderCount; k++) hottest = Math.max(hottest, flat[offset + ladderPairs[k]])
  const ladder = scratch.scn.file.ladder
  return ladderRung(ladder, scratch.state.rung, hottest, ladder.length)
}

/** Rigidity of the flat state on the current blocs, for roles that measure it; otherwise the state's. */
function rigidityOf(scratch: Scratch, role: FlatRole, flat: Float64Array): number {
  const { scn, state, layout } = scratch
  if (!role.measuresRigidity) return state.rigidity
  const pairs = scn.pairActors.length
  const alignment = Array.from(flat.subarray(layout.alignment, layout.alignment + pairs))
  const tension = Array.from(flat.subarray(layout.tension, layout.tension + pairs))
  return blocRigidity(blocStats(scn, scratch.side, alignment, tension), balancedTriadShare(scn, alignment), state.blocs[1].length > 0)
}

function pinsOn(program: ShockProgram, pair: number): number {
  const pairs = program.pinPairs
  for (let k = 0; k < pairs.length; k++) if (pairs[k] === pair) return program.pinCounts[k]
  return 0
}

/** The added chance of incidents on the viewer's pairs that the choice's pin pricks bring (on the state before it). */
function incidentRisk(scn: CompiledScenario, state: GameState, viewer: number, program: ShockProgram): number {
  if (program.pinPairs.length === 0) return 0
  let expected = 0
  for (let j = 0; j < scn.n; j++) {
    if (j === viewer) continue
    const p = scn.pairOf[viewer * scn.n + j]
    const pins = pinsOn(program, p)
    if (!scn.contact[p] || pins === 0) continue
    expected += incidentProbability({ scn }, state.tension[p], pins) - incidentProbability({ scn }, state.tension[p], 0)
  }
  return expected
}

/**
 * The chance that this turn ends in an armed clash after the shock: only on the top rung, a severe incident
 * (chance: the pair's tension) may become a clash. Everyone loses a clash.
 */
function clashRisk(scratch: Scratch, rung: number, program: ShockProgram): number {
  const { scn, work } = scratch
  if (rung < scn.file.ladder.length - 1) return 0
  const offset = scratch.layout.tension
  let calm = 1
  for (let p = 0; p < scn.pairActors.length; p++) {
    if (!scn.contact[p]) continue
    const tension = work[offset + p]
    calm *= 1 - incidentProbability({ scn }, tension, pinsOn(program, p)) * tension * scn.params.clashChance
  }
  return 1 - calm
}

/** Bonus for answering those who provoked the actor, directly or through their allies. */
export function reciprocity(scn: CompiledScenario, state: GameState, actor: string, choice: Choice): number {
  const action = scn.actionById[choice.action]
  if (!action.tagSet.has('hostile')) return 0
  const a = scn.actorIndex[actor]
  let bonus = 0
  for (let j = 0; j < scn.n; j++) {
    const grievance = state.grievance[a * scn.n + j]
    if (grievance <= 0) continue
    const provoker = scn.actorIds[j]
    const hits = (choice.targets ?? []).some(
      (target) => target === provoker || state.alignment[scn.pairOf[j * scn.n + scn.actorIndex[target]]] >= scn.computer.allyAlignment,
    )
    if (hits) bonus += grievance * scn.computer.reciprocity * (choice.partners && choice.partners.length > 0 ? 1.5 : 1)
  }
  return bonus
}

/** The parts of a choice's value (see programValue); `objectives` holds each objective's weighted share after the shock. */
export interface ValueParts {
  after: number
  incidentRisk: number
  clashRisk: number
  reciprocity: number
  objectives: number[]
}

/**
 * The value of a choice's shock to the actor with index `viewer` (see evaluateChoice), from its program and
 * the state's role score `baseline`; the scratch's working copy is left as it was. `parts`, when given, is
 * filled with what the value is made of.
 */
export function programValue(
  scratch: Scratch,
  viewer: number,
  program: ShockProgram,
  choice: Choice,
  baseline: number,
  parts?: ValueParts,
): number {
  const { scn, state, work } = scratch
  const role = scratch.roles[viewer]
  runShock(program, scratch.layout, work)
  const rung = program.touchesTension ? rungOf(scratch, work) : scratch.calmRung
  let after = 0
  if (role && !state.clash) {
    const rigidity = rigidityOf(scratch, role, work)
    after = flatRoleScore(role, work, rung, rigidity)
    if (parts) parts.objectives = objectiveShares(role, work, rung, rigidity)
  }
  const clash = clashRisk(scratch, rung, program)
  undoShock(program, scratch.source, work)
  const risk = incidentRisk(scn, state, viewer, program)
  const bonus = program.hostile ? reciprocity(scn, state, scn.actorIds[viewer], choice) : 0
  if (parts) Object.assign(parts, { after, incidentRisk: risk, clashRisk: clash, reciprocity: bonus })
  return after - baseline - scn.computer.incidentCost * risk - baseline * clash + bonus
}

/** Each objective's weighted share of the role's score, in score points (they sum to the score). */
export function objectiveShares(role: FlatRole, flat: Float64Array, rung: number, rigidity: number): number[] {
  const weights = role.objectives.reduce((sum, objective) => sum + objective.weight, 0)
  return role.objectives.map((objective) =>
    weights > 0 ? (100 * objective.weight * objectiveMet(objective, flat, rung, rigidity)) / weights : 0,
  )
}

/** Each objective's weighted share of the role's score in the scratch's own state. */
export function stateShares(scratch: Scratch, role: FlatRole): number[] {
  return objectiveShares(role, scratch.source, scratch.state.rung, scratch.state.rigidity)
}
