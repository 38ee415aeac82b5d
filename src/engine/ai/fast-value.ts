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
import type { FlatLayout, ShockProgram, ViewerProgram } from './shock-program.ts'
import { compileShock, fillFlat, flatLayout, prunedProgram, runShock, undoShock } from './shock-program.ts'

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
  /** The state a caller vouches is not changed meanwhile (see withSteadyState): its scratch is not refilled. */
  steady: GameState | null
}

const models = new WeakMap<CompiledScenario, FastModel>()

function fastModel(scn: CompiledScenario): FastModel {
  let model = models.get(scn)
  if (!model) {
    const layout = flatLayout(scn)
    const roles = scn.actorIds.map((actor) => (scn.roleByActor[actor] ? compileRole(scn, layout, scn.roleByActor[actor]) : null))
    model = { layout, roles, byCandidate: new WeakMap(), byText: new Map(), byList: new WeakMap(), scratch: null, steady: null }
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
 * changes and puts back (`work`), the pairs whose tension sets the ladder's rung on its current blocs, and
 * what every try of the state shares (each objective's value before any shock, incident hazards), kept
 * until the next refill (`generation`).
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
  /** 1 for the pairs in ladderPairs. */
  onLadder: Uint8Array
  /** The hottest tension of those pairs, and the rung it gives (after a shock that leaves it so). */
  hottest: number
  calmRung: number
  generation: number
  /** Each actor's objectives met before any shock (as valid for `metGeneration`). */
  met: Float64Array[]
  metGeneration: Int32Array
  /** Per pair: incidentBase × e^(growth × tension), and the chance of an incident without pin pricks. */
  hazard: Float64Array
  calmChance: Float64Array
  hazardGeneration: Int32Array
}

/**
 * The scenario's scratch, refilled from `state`. There is one per scenario: it holds until the next call
 * (for any state), so take it, use it and drop it; never keep two.
 */
export function scratchFor(scn: CompiledScenario, state: GameState): Scratch {
  const model = fastModel(scn)
  const pairs = scn.pairActors.length
  let scratch = model.scratch
  // Filled from this very state, which nobody can have changed since (see withSteadyState): as good as new.
  if (scratch && scratch.state === state && model.steady === state) return scratch
  if (!scratch) {
    scratch = {
      scn,
      state,
      layout: model.layout,
      roles: model.roles,
      source: new Float64Array(model.layout.size),
      work: new Float64Array(model.layout.size),
      side: new Array<number>(scn.n).fill(0),
      ladderPairs: new Int32Array(pairs),
      ladderCount: 0,
      onLadder: new Uint8Array(pairs),
      hottest: 0,
      calmRung: 0,
      generation: 0,
      met: model.roles.map((role) => new Float64Array(role ? role.objectives.length : 0)),
      metGeneration: new Int32Array(scn.n).fill(-1),
      hazard: new Float64Array(pairs),
      calmChance: new Float64Array(pairs),
      hazardGeneration: new Int32Array(pairs).fill(-1),
    }
    model.scratch = scratch
  }
  scratch.state = state
  scratch.generation = (scratch.generation + 1) | 0
  fillFlat(model.layout, state, scratch.source)
  scratch.work.set(scratch.source)
  const side = scratch.side
  for (let i = 0; i < scn.n; i++) side[i] = state.blocs[1].includes(scn.actorIds[i]) ? 1 : 0
  let count = 0
  for (let p = 0; p < pairs; p++) if (side[scn.pairActors[p][0]] !== side[scn.pairActors[p][1]]) scratch.ladderPairs[count++] = p
  if (count === 0) for (; count < pairs; count++) scratch.ladderPairs[count] = count
  scratch.ladderCount = count
  scratch.onLadder.fill(0)
  for (let k = 0; k < count; k++) scratch.onLadder[scratch.ladderPairs[k]] = 1
  scratch.hottest = hottestOf(scratch, scratch.source)
  scratch.calmRung = ladderRung(scn.file.ladder, state.rung, scratch.hottest, scn.file.ladder.length)
  return scratch
}

/**
 * Runs `run` with the promise that `state` is not changed meanwhile, so the scratch filled from it is refilled
 * only after another state's use, not for each of the many tries of it (the computer's choices of a turn).
 */
export function withSteadyState<T>(scn: CompiledScenario, state: GameState, run: () => T): T {
  const model = fastModel(scn)
  const outer = model.steady
  model.steady = state
  try {
    return run()
  } finally {
    model.steady = outer
  }
}

/** The hottest tension of the ladder's pairs in `flat` (as blocStats finds it). */
function hottestOf(scratch: Scratch, flat: Float64Array): number {
  const { ladderPairs, ladderCount } = scratch
  const offset = scratch.layout.tension
  let hottest = 0
  for (let k = 0; k < ladderCount; k++) hottest = Math.max(hottest, flat[offset + ladderPairs[k]])
  return hottest
}

/**
 * The rung after the view's shock, as the indices step would read it on the same blocs. Only the pairs the
 * shock touched can change the hottest tension; the whole scan is needed only when one of them held it and cooled.
 */
function rungAfter(scratch: Scratch, view: ViewerProgram): number {
  const { tensionPairs } = view
  const offset = scratch.layout.tension
  let touchedHottest = 0
  let heldHottest = false
  for (let k = 0; k < tensionPairs.length; k++) {
    const p = tensionPairs[k]
    if (scratch.onLadder[p] === 0) continue
    touchedHottest = Math.max(touchedHottest, scratch.work[offset + p])
    if (scratch.source[offset + p] === scratch.hottest) heldHottest = true
  }
  const hottest = touchedHottest >= scratch.hottest ? touchedHottest : heldHottest ? hottestOf(scratch, scratch.work) : scratch.hottest
  if (hottest === scratch.hottest) return scratch.calmRung
  const ladder = scratch.scn.file.ladder
  return ladderRung(ladder, scratch.state.rung, hottest, ladder.length)
}

/** The viewer's objectives met in the scratch's state before any shock (the calm rung, the state's rigidity). */
function metBefore(scratch: Scratch, viewer: number, role: FlatRole): Float64Array {
  const met = scratch.met[viewer]
  if (scratch.metGeneration[viewer] !== scratch.generation) {
    for (let k = 0; k < role.objectives.length; k++) {
      met[k] = objectiveMet(role.objectives[k], scratch.source, scratch.calmRung, scratch.state.rigidity)
    }
    scratch.metGeneration[viewer] = scratch.generation
  }
  return met
}

/** The program as `viewer` needs it: only the changes its value can read, and the objectives they touch. */
function viewOf(scratch: Scratch, program: ShockProgram, viewer: number): ViewerProgram {
  const cached = program.views[viewer]
  if (cached) return cached
  const { layout } = scratch
  const role = scratch.roles[viewer]
  const read = new Set<number>()
  for (const objective of role?.objectives ?? []) for (const index of objective.inputs) read.add(index)
  const readsAlignment = role?.measuresRigidity ?? false
  // Tension is always read: the rung, and on the top rung the chance of a clash.
  const keep = (index: number) =>
    (index >= layout.tension && index < layout.commitment) || (readsAlignment && index < layout.tension) || read.has(index)
  const touched = new Set(program.touched)
  const affects = Uint8Array.from(role?.objectives ?? [], (objective) =>
    objective.readsRigidity || objective.inputs.some((index) => touched.has(index)) ? 1 : 0,
  )
  const view = prunedProgram(program, layout, keep, affects)
  program.views[viewer] = view
  return view
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

/** Fills the pair's hazard cache (see Scratch) and returns the pair's hazard before pin pricks. */
function hazardOf(scratch: Scratch, p: number): number {
  if (scratch.hazardGeneration[p] !== scratch.generation) {
    const { incidentBase, incidentGrowth, incidentPinPrick } = scratch.scn.params
    // As incidentProbability computes it, split where the pin pricks come in: the same operations in the same order.
    const hazard = incidentBase * Math.exp(incidentGrowth * scratch.state.tension[p])
    scratch.hazard[p] = hazard
    scratch.calmChance[p] = 1 - Math.exp(-(hazard * (1 + incidentPinPrick * 0)))
    scratch.hazardGeneration[p] = scratch.generation
  }
  return scratch.hazard[p]
}

/** The added chance of incidents on the viewer's pairs that the choice's pin pricks bring (on the state before it). */
function incidentRisk(scratch: Scratch, viewer: number, program: ShockProgram): number {
  if (program.pinPairs.length === 0) return 0
  const { scn } = scratch
  let expected = 0
  for (let j = 0; j < scn.n; j++) {
    if (j === viewer) continue
    const p = scn.pairOf[viewer * scn.n + j]
    const pins = pinsOn(program, p)
    if (!scn.contact[p] || pins === 0) continue
    const hazard = hazardOf(scratch, p)
    expected += 1 - Math.exp(-(hazard * (1 + scn.params.incidentPinPrick * pins))) - scratch.calmChance[p]
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

/** reciprocity (above) for a compiled choice, without building anything. */
function programReciprocity(scratch: Scratch, viewer: number, program: ShockProgram): number {
  const { scn, state } = scratch
  const { n, pairOf } = scn
  const targets = program.targets
  let bonus = 0
  for (let j = 0; j < n; j++) {
    const grievance = state.grievance[viewer * n + j]
    if (grievance <= 0) continue
    let hits = false
    for (let k = 0; k < targets.length && !hits; k++) {
      hits = targets[k] === j || state.alignment[pairOf[j * n + targets[k]]] >= scn.computer.allyAlignment
    }
    if (hits) bonus += grievance * scn.computer.reciprocity * program.jointFactor
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
export function programValue(scratch: Scratch, viewer: number, program: ShockProgram, baseline: number, parts?: ValueParts): number {
  const { scn, state, work } = scratch
  const role = scratch.roles[viewer]
  const view = program.views[viewer] ?? viewOf(scratch, program, viewer)
  runShock(view, scratch.layout, work)
  const rung = view.tensionPairs.length > 0 ? rungAfter(scratch, view) : scratch.calmRung
  let after = 0
  if (role && !state.clash) {
    // As flatRoleScore, but objectives the shock cannot have changed keep their value from before it.
    const met = metBefore(scratch, viewer, role)
    const rigidity = role.measuresRigidity ? rigidityOf(scratch, role, work) : state.rigidity
    const objectives = role.objectives
    let total = 0
    for (let k = 0; k < objectives.length; k++) {
      const objective = objectives[k]
      const changed = view.affects[k] === 1 || (objective.readsRung && rung !== scratch.calmRung)
      total += objective.weight * (changed ? objectiveMet(objective, work, rung, rigidity) : met[k])
    }
    after = role.weightSum > 0 ? (100 * total) / role.weightSum : 0
    if (parts) parts.objectives = objectiveShares(role, work, rung, rigidity)
  }
  const clash = clashRisk(scratch, rung, program)
  undoShock(view, scratch.source, work)
  const risk = incidentRisk(scratch, viewer, program)
  const bonus = program.hostile ? programReciprocity(scratch, viewer, program) : 0
  if (parts) Object.assign(parts, { after, incidentRisk: risk, clashRisk: clash, reciprocity: bonus })
  return after - baseline - scn.computer.incidentCost * risk - baseline * clash + bonus
}

/** The role score of the actor with this index in the scratch's state: roleScore's value, read from the flat copy. */
export function scratchRoleScore(scratch: Scratch, actorIndex: number): number {
  const role = scratch.roles[actorIndex]
  return role && !scratch.state.clash ? flatRoleScore(role, scratch.source, scratch.state.rung, scratch.state.rigidity) : 0
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
