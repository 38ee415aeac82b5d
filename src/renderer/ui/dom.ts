// A tiny DOM builder. Scenario text (names, quotes, descriptions) only ever becomes text nodes, never HTML.

type Child = Node | string | number | null | undefined | false
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value)
    } else if (name === 'className') {
      element.className = String(value)
    } else if (value === true) {
      element.setAttribute(name, '')
    } else {
      element.setAttribute(name, String(value))
    }
  }
  append(element, children)
  return element
}

function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child)
  }
}

export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** A button; an async handler's promise is let go (handlers report their own failures on the page). */
export function button(label: string, onClick: () => void | Promise<void>, attributes: Attributes = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attributes, onclick: () => void onClick() }, label)
}

let pendingAnnouncement: ReturnType<typeof setTimeout> | undefined

/**
 * Says something to screen-reader users through the page's live region, and shows it on the screen's visible
 * status line when it has one (`data-status-line`; not a live region itself, so nothing is read twice).
 */
export function announce(text: string): void {
  for (const line of document.querySelectorAll('[data-status-line]')) line.textContent = text
  const region = document.getElementById('announcer')
  if (!region) return
  region.textContent = ''
  clearTimeout(pendingAnnouncement)
  // A new text node in a fresh task makes screen readers announce a repeated message too.
  pendingAnnouncement = setTimeout(() => (region.textContent = text), 30)
}

/** Empties the live region, and drops an announcement still on its way (hot seat: the last player's words). */
export function clearAnnouncements(): void {
  clearTimeout(pendingAnnouncement)
  const region = document.getElementById('announcer')
  if (region) region.textContent = ''
}

/** Moves focus to the first heading or focusable element of a freshly shown screen. */
export function focusFirst(container: Element): void {
  const target =
    container.querySelector<HTMLElement>('[data-autofocus]') ??
    container.querySelector<HTMLElement>('h1, h2, button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')
  if (!target) return
  if (/^H[1-6]$/.test(target.tagName) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus()
}

/**
 * Shows a modal dialog (the native <dialog> with showModal: the page behind is inert, Tab stays inside,
 * focus returns where it was); resolves with the value of the button pressed (Escape gives `cancelValue`).
 */
export function modal<T>(
  title: string,
  body: (Child | Child[])[],
  choices: { label: string; value: T; primary?: boolean }[],
  cancelValue: T,
): Promise<T> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null
    const titleId = `dialog-title-${Math.floor(performance.now())}`
    const close = (value: T) => {
      dialog.close()
      dialog.remove()
      previous?.focus()
      resolve(value)
    }
    const dialog = h(
      'dialog',
      { className: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('div', { className: 'dialog-body' }, ...body),
      h(
        'div',
        { className: 'dialog-actions' },
        ...choices.map((choice) =>
          button(choice.label, () => close(choice.value), {
            className: choice.primary ? 'primary' : '',
            'data-autofocus': choice.primary ? true : null,
          }),
        ),
      ),
    )
    // Escape: the browser's cancel event, answered with the cancel value (never left open without an answer).
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      close(cancelValue)
    })
    document.body.appendChild(dialog)
    dialog.showModal()
    focusFirst(dialog)
  })
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}

export function signed(value: number, digits = 0): string {
  const rounded = Number(value.toFixed(digits))
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(digits)}`
}
