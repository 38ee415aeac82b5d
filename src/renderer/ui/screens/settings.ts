// Settings that persist: text size, colour-blind-safe palette, reduced motion, animation speed, single-key shortcuts,
// scenario writer tools.
import { TEXT_SIZES, applySettings, saveSettings } from '../../session/settings.ts'
import type { Settings } from '../../session/settings.ts'
import type { App, Screen } from '../app.ts'
import { announce, button, h } from '../dom.ts'

const TEXT_SIZE_NAMES: Record<(typeof TEXT_SIZES)[number], string> = {
  small: 'Small',
  normal: 'Normal',
  large: 'Large',
  'x-large': 'Extra large',
}

export function settingsScreen(onBack: () => void): Screen {
  return {
    name: 'settings',
    title: 'Settings',
    render(app: App) {
      const update = async (change: Partial<Settings>) => {
        app.settings = { ...app.settings, ...change }
        applySettings(app.settings)
        announce((await saveSettings(app.host, app.settings)) ? 'Settings saved.' : 'Settings could not be saved.')
      }
      const s = app.settings
      const textSize = h(
        'select',
        { id: 'text-size' },
        TEXT_SIZES.map((size) => h('option', { value: size, selected: size === s.textSize }, TEXT_SIZE_NAMES[size])),
      )
      textSize.addEventListener('change', () => void update({ textSize: textSize.value as Settings['textSize'] }))
      const palette = h('input', { id: 'palette', type: 'checkbox', checked: s.colourBlindSafe })
      palette.addEventListener('change', () => void update({ colourBlindSafe: palette.checked }))
      const motion = h('input', { id: 'motion', type: 'checkbox', checked: s.reducedMotion })
      motion.addEventListener('change', () => void update({ reducedMotion: motion.checked }))
      const shortcuts = h('input', { id: 'shortcuts', type: 'checkbox', checked: s.singleKeyShortcuts })
      shortcuts.addEventListener('change', () => void update({ singleKeyShortcuts: shortcuts.checked }))
      const writer = h('input', { id: 'writer-tools', type: 'checkbox', checked: s.writerTools, 'aria-describedby': 'writer-tools-note' })
      writer.addEventListener('change', () => void update({ writerTools: writer.checked }))
      const speed = h('input', { id: 'speed', type: 'range', min: 0.5, max: 2, step: 0.25, value: s.animationSpeed })
      const speedValue = h('output', { for: 'speed' }, `${s.animationSpeed}×`)
      speed.addEventListener('change', () => {
        speedValue.textContent = `${speed.value}×`
        void update({ animationSpeed: Number(speed.value) })
      })
      return h(
        'main',
        { className: 'settings' },
        h('h1', {}, 'Settings'),
        h('div', { className: 'field' }, h('label', { for: 'text-size' }, 'Text size'), textSize),
        h('div', { className: 'field' }, palette, h('label', { for: 'palette' }, ' Colour-blind-safe palette (Okabe–Ito)')),
        h('div', { className: 'field' }, motion, h('label', { for: 'motion' }, ' Reduce motion')),
        h('div', { className: 'field' }, h('label', { for: 'speed' }, 'Animation speed '), speed, ' ', speedValue),
        h('div', { className: 'field' }, writer, h('label', { for: 'writer-tools' }, ' Scenario writer tools')),
        h(
          'p',
          { className: 'note', id: 'writer-tools-note' },
          'For writing scenarios: a Playtest button (and the key P) that plays the game again from turn 1 on the scenario files as they are now, and a notice when those files change.',
        ),
        h('div', { className: 'field' }, shortcuts, h('label', { for: 'shortcuts' }, ' Single-key shortcut: P for Playtest')),
        h('p', { className: 'note' }, 'Settings are saved as you change them.'),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
      )
    },
  }
}
