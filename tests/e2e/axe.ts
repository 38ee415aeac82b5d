// One WCAG 2.2 AA scan for every spec: zero violations (each listed with its nodes), and proof it ran.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'
import type { Page } from './fixtures.ts'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Scans the page as it is now; violations are a soft failure, so one scan's findings do not hide the next. */
export async function scanA11y(page: Page, screen: string): Promise<void> {
  await test.step(`axe: ${screen}`, async () => {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
    const violations = results.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'),
    )
    expect.soft(violations, `axe violations on the ${screen} screen`).toEqual([])
    // A scan that checked nothing would pass too: make sure it looked at the screen.
    expect(results.passes.length, `axe ran checks on the ${screen} screen`).toBeGreaterThan(5)
  })
}
