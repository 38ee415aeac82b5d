// What players should know around the model, written by the scenario's author: the "model, not history"
// note with what the scenario leaves out, the errata of a source's copy, and the glossary. None of it is
// read by the rules; all of it is optional, so older scenarios load unchanged.
import * as z from 'zod'

const MonthOrDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a date YYYY-MM or YYYY-MM-DD')

export const Erratum = z
  .strictObject({
    paragraph: z.number().int().min(1).describe('1-based paragraph number of the source, as in citations.'),
    text: z
      .string()
      .min(1)
      .max(300)
      .describe(
        'The erroneous words, copied exactly as they stand in that paragraph (character for character: quotes and spaces count). The first occurrence is marked.',
      ),
    note: z.string().min(3).max(400).describe('What is wrong, shown with the mark ("a date stamp scraped into the text").'),
    correction: z.string().min(1).max(300).optional().describe('What the original most likely says, if known.'),
  })
  .describe(
    'An evident error in this copy of the source (scraping, translation). The reader marks it; the text itself, which quotes are checked against, is not changed.',
  )

export const SourceNotes = {
  note: z
    .string()
    .min(3)
    .max(600)
    .optional()
    .describe(
      'About this copy of the text: how it was obtained, how it differs from the original. Shown under its reference in the reader.',
    ),
  errata: z.array(Erratum).min(1).max(100).optional().describe('Evident errors of this copy, marked in the reader.'),
}

export const LeftOut = z
  .strictObject({
    event: z
      .string()
      .min(3)
      .max(300)
      .describe('What happened that the model does not contain ("Russia\'s full-scale invasion of Ukraine").'),
    date: MonthOrDay.optional().describe('When, YYYY-MM or YYYY-MM-DD: the game says which turn it falls before or in.'),
    note: z.string().min(3).max(600).optional().describe('What this means for the game, in a sentence or two.'),
  })
  .describe('An event of the period the scenario covers that its model leaves out.')

export const Context = z
  .strictObject({
    note: z
      .string()
      .min(10)
      .max(800)
      .describe(
        'What the scenario is and is not — a model of one reading of its sources, not a forecast or a history — shown on New game and in the source reader.',
      ),
    leavesOut: z.array(LeftOut).min(1).max(20).optional().describe('Events of the period that the model does not contain.'),
  })
  .describe('The context players (students especially) need: shown with the start date on New game and in the source reader.')

/** The terms the game explains where they appear (turn screen, report, charts). */
export const GLOSSARY_TERMS = ['rigidity', 'quasi-alliance', 'pin-prick', 'readiness', 'interdependence', 'grievance'] as const
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number]

const Definition = z.string().min(10).max(400)

export const Glossary = z
  .strictObject(
    Object.fromEntries(
      GLOSSARY_TERMS.map((term) => [
        term,
        Definition.optional().describe(`What "${term === 'pin-prick' ? 'pin prick' : term}" means in this scenario.`),
      ]),
    ) as Record<GlossaryTerm, z.ZodOptional<typeof Definition>>,
  )
  .describe("Definitions of the game's terms in this scenario's words; a term left out keeps the game's own definition.")

export type ContextData = z.infer<typeof Context>
export type ErratumData = z.infer<typeof Erratum>
export type GlossaryData = z.infer<typeof Glossary>
