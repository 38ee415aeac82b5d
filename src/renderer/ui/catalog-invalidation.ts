// Forgetting the loaded scenarios, without loading the catalogue (and the engine with it) to do so: the title
// screen's router forgets them when the user's scenarios change, and there is nothing to forget until
// catalog.ts has loaded and subscribed here.
const forgetters = new Set<() => void>()

/** Forgets the loaded scenarios, so that changed or new ones are read again. */
export function invalidateCatalog(): void {
  for (const forget of forgetters) forget()
}

/** Calls `forget` whenever the catalogue is invalidated. */
export function onCatalogInvalidated(forget: () => void): void {
  forgetters.add(forget)
}
