// A small in-memory IndexedDB: the part the browser host uses (open with an upgrade, object stores with or
// without a key path, get, getKey, getAll, getAllKeys, count, put, delete). Values are stored as structured
// clones; every request completes on a later task, as in a browser.

type Key = string | number

interface FakeStore {
  keyPath: string | null
  records: Map<Key, unknown>
}

interface FakeRequest<T> {
  result: T | undefined
  error: unknown
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}

function request<T>(run: () => T): FakeRequest<T> {
  const req: FakeRequest<T> = { result: undefined, error: null, onsuccess: null, onerror: null }
  setTimeout(() => {
    try {
      req.result = run()
      req.onsuccess?.()
    } catch (error) {
      req.error = error
      req.onerror?.()
    }
  }, 0)
  return req
}

function objectStore(store: FakeStore) {
  const sorted = () => [...store.records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    get: (key: Key) => request(() => structuredClone(store.records.get(key))),
    getKey: (key: Key) => request(() => (store.records.has(key) ? key : undefined)),
    getAll: () => request(() => sorted().map(([, value]) => structuredClone(value))),
    getAllKeys: () => request(() => sorted().map(([key]) => key)),
    count: () => request(() => store.records.size),
    put: (value: unknown, key?: Key) =>
      request(() => {
        const id = store.keyPath ? (value as Record<string, Key>)[store.keyPath] : key!
        store.records.set(id, structuredClone(value))
        return id
      }),
    delete: (key: Key) => request(() => void store.records.delete(key)),
  }
}

/** A fresh, empty IndexedDB as `globalThis.indexedDB`; returns the function that removes it. */
export function installFakeIndexedDB(): () => void {
  const databases = new Map<string, Map<string, FakeStore>>()
  const fake = {
    open(name: string) {
      const isNew = !databases.has(name)
      const stores = databases.get(name) ?? new Map<string, FakeStore>()
      databases.set(name, stores)
      const db = {
        objectStoreNames: { contains: (store: string) => stores.has(store) },
        createObjectStore: (store: string, options?: { keyPath?: string }) => {
          stores.set(store, { keyPath: options?.keyPath ?? null, records: new Map() })
        },
        transaction: (store: string) => ({
          objectStore: () => {
            const found = stores.get(store)
            if (!found) throw new Error(`no object store "${store}"`)
            return objectStore(found)
          },
        }),
      }
      const req = {
        result: db,
        error: null,
        onupgradeneeded: null as (() => void) | null,
        onsuccess: null as (() => void) | null,
        onerror: null as (() => void) | null,
      }
      // A new database is upgraded before it opens, as in a browser.
      setTimeout(() => {
        if (isNew) req.onupgradeneeded?.()
        req.onsuccess?.()
      }, 0)
      return req
    },
  }
  const previous = (globalThis as { indexedDB?: unknown }).indexedDB
  ;(globalThis as { indexedDB?: unknown }).indexedDB = fake
  return () => {
    ;(globalThis as { indexedDB?: unknown }).indexedDB = previous
  }
}
