// Which red lines the game tested, held or crossed, read from the engine's own quantities. Paragraph 36:
// the powers end up "testing each other's 'red lines' with dangerous local confrontations resembling pin
// pricks". In the model a pin prick adds to the incident hazard of a pair for one turn, and an incident is
// the confrontation going wrong. So, pair by pair and turn by turn:
//   tested  — the pair had at least one pin prick this turn (an action marked as a pin prick by one of them
//             aimed at the other, or an injected event that counts as one);
//   held    — it was tested and no incident followed between them this turn;
//   crossed — an incident happened between them this turn (tested or not: an incident nobody chose is a
//             crossing by chance alone); a severe incident on the top rung may become an armed clash.
// A pair's line over the game is crossed if it was ever crossed, held if it was only ever tested.
// The escalation ladder is the shared line: every climb and fall is listed with the rung's passages.
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import type { RedLinePair, RedLineTurn, RedLines } from './types.ts'
import { incidentChance, pinPricksOf } from './timeline.ts'
import { passagesOf, rungRef, stateAfter } from './words.ts'

export const RED_LINE_DEFINITION = [
  'A red line between two powers is tested in a turn when one of them makes a pin prick against the other (an action marked as a pin prick aimed at it, or an injected event that counts as one): the model raises the chance of a dangerous incident between them for that turn.',
  'It held if no incident followed between them that turn.',
  'It was crossed if an incident happened between them — the confrontation went wrong, and nobody chose it. An incident in a turn without a pin prick is a crossing by chance alone. On the top rung of the ladder a severe incident can become an armed clash, which every side loses.',
  'The escalation ladder is the line everyone shares: its rungs are read from the tension of the hottest pair across the blocs.',
]

export function redLinesOf(scn: CompiledScenario, match: Match): RedLines {
  const byPair = new Map<number, RedLineTurn[]>()
  const note = (pair: number, entry: RedLineTurn) => {
    const list = byPair.get(pair)
    if (list) list.push(entry)
    else byPair.set(pair, [entry])
  }
  const ladder: RedLines['ladder'] = []
  let highest = { ...rungRef(scn, match.start.rung), turn: 0 }
  match.turns.forEach(({ result }, index) => {
    const previous = stateAfter(match.start, match.turns, index)
    const pricks = pinPricksOf(scn, result)
    const incidentByPair = new Map(result.incidents.map((incident) => [pairIndexOf(scn, incident.actors), incident]))
    const pairs = [...new Set([...pricks.keys(), ...incidentByPair.keys()])].sort((a, b) => a - b)
    for (const pair of pairs) {
      const pricked = pricks.get(pair)
      const incident = incidentByPair.get(pair)
      note(pair, {
        turn: result.turn,
        pinPricks: pricked?.count ?? 0,
        by: pricked?.by ?? [],
        chance: incident ? incident.probability : incidentChance(scn, previous, result, pair, pricked?.count ?? 0),
        verdict: incident ? 'crossed' : 'held',
        incident: incident ? { severity: incident.severity, theatre: incident.theatre } : null,
      })
    }
    const rung = result.state.rung
    if (rung !== previous.rung) {
      ladder.push({
        turn: result.turn,
        from: rungRef(scn, previous.rung),
        to: rungRef(scn, rung),
        passages: passagesOf(scn, scn.file.ladder[rung]),
      })
    }
    if (rung > highest.index) highest = { ...rungRef(scn, rung), turn: result.turn }
  })
  const pairs: RedLinePair[] = [...byPair.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pair, turns]) => {
      const [i, j] = scn.pairActors[pair]
      const crossed = turns.filter((turn) => turn.verdict === 'crossed')
      return {
        pair: [scn.actorIds[i], scn.actorIds[j]],
        tested: turns.filter((turn) => turn.pinPricks > 0).length,
        held: turns.filter((turn) => turn.verdict === 'held').length,
        crossed: crossed.length,
        firstCrossed: crossed[0]?.turn ?? null,
        status: crossed.length > 0 ? 'crossed' : 'held',
        turns,
      }
    })
  return { definition: RED_LINE_DEFINITION, pairs, ladder, highest, clash: match.state.clash }
}

function pairIndexOf(scn: CompiledScenario, [a, b]: readonly [string, string]): number {
  return scn.pairOf[scn.actorIndex[a] * scn.n + scn.actorIndex[b]]
}
