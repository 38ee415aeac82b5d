// Step 8: blocs, rigidity, the ladder, the detectors (rigid blocs, impasse, quasi-alliance) and scores.
import type { Cause } from '../compiled.ts'
import { balancedTriadShare, bestSplit, blocRigidity, blocStats, ladderRung } from '../indices.ts'
import { quantize } from '../quantize.ts'
import { roleScore } from '../scoring.ts'
import type { TurnContext } from './context.ts'
import { recordDerived } from './context.ts'
import { pairIndex } from '../compiled.ts'

const LADDER_CAUSE_ID = 'escalation-ladder'
const RIGIDITY_INDEX_CAUSE: Cause = { id: 'bloc-rigidity', kind: 'index', name: 'Bloc rigidity', citations: [] }

export function applyIndices(ctx: TurnContext): void {
  const { alignmentAtStart } = ctx
  ctx.step = 'indices'
  const { scn, state } = ctx
  const { params, structural } = scn

  const split = bestSplit(scn, state.alignment)
  const blocs: [string[], string[]] = [[], []]
  split.side.forEach((side, i) => blocs[side].push(scn.actorIds[i]))
  const sameMembers = sameList(blocs[0], state.blocs[0]) && sameList(blocs[1], state.blocs[1])
  const stats = blocStats(scn, split.side, state.alignment, state.tension)
  const balancedShare = balancedTriadShare(scn, state.alignment)
  const rigidity = quantize(blocRigidity(stats, balancedShare, blocs[1].length > 0))

  const rigidRule = structural['rigid-blocs']
  recordDerived(ctx, rigidRule?.cause ?? RIGIDITY_INDEX_CAUSE, 'rigidity', [], state.rigidity, rigidity)
  state.blocs = blocs
  state.frustration = split.frustration
  state.balancedShare = balancedShare
  state.rigidity = rigidity

  let movement = 0
  for (let p = 0; p < alignmentAtStart.length; p++) movement += Math.abs(state.alignment[p] - alignmentAtStart[p])
  state.movement = movement

  const isRigid = rigidity >= params.rigidityThreshold
  state.rigidStreak = isRigid ? (sameMembers ? state.rigidStreak + 1 : 1) : 0
  state.rigidBlocs = Boolean(rigidRule) && state.rigidStreak >= params.rigidTurns

  const stalemate = state.rigidBlocs && stats.crossTension >= params.impasseTension && movement <= params.impasseMovement
  state.impasseStreak = stalemate ? state.impasseStreak + 1 : 0
  const wasImpasse = state.impasse
  state.impasse = Boolean(structural.impasse) && state.impasseStreak >= params.impasseTurns

  // The ladder resists coming down during an impasse: at most one rung a turn.
  const ladder = scn.file.ladder
  const rung = ladderRung(ladder, state.rung, stats.hottestCrossTension, wasImpasse ? 1 : ladder.length)
  if (ctx.ledger) {
    const rungData = ladder[rung]
    const ladderCause: Cause = {
      id: LADDER_CAUSE_ID,
      kind: 'index',
      name: `Escalation ladder: ${rungData.name}`,
      citations: rungData.citations ?? [],
      ...(rungData.assumption !== undefined ? { assumption: rungData.assumption } : {}),
    }
    recordDerived(ctx, ladderCause, 'rung', [], state.rung, rung)
  }
  state.rung = rung

  const quasi = structural['quasi-alliance']
  if (quasi && quasi.data.kind === 'quasi-alliance') {
    const [a, b] = quasi.data.pair
    state.quasiAlliance = state.alignment[pairIndex(scn, a, b)] >= params.quasiAllianceThreshold
  }

  const scoreCause: Cause | null = ctx.ledger ? { id: 'objectives', kind: 'index', name: 'Role objectives', citations: [] } : null
  const byMean = scn.file.turns.scoring === 'mean'
  // Turn 0 (the start) is shown but not counted: a game's score is over the turns it played.
  const counted = ctx.turn > 0 && byMean
  const clashed = state.clash !== null
  for (const role of scn.roles) {
    const turnScore = quantize(roleScore(scn, state, role))
    state.turnScores[role.id] = turnScore
    let score = turnScore
    if (counted) {
      const total = (state.scoreTotals[role.id] ?? 0) + turnScore
      state.scoreTotals[role.id] = total
      // An armed clash scores 0 for every turn it cuts off.
      score = quantize(total / (clashed ? state.turnLimit : ctx.turn))
    }
    if (scoreCause) recordDerived(ctx, scoreCause, 'score', [role.actor], state.scores[role.id] ?? 0, score)
    state.scores[role.id] = score
  }
}

/** Whether two lists of actor ids are equal (ids hold no commas, so as their joined text compares). */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false
  return true
}
