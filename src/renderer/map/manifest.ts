// String keys for the map's scenes and textures, and the files the Preload scene loads. The map
// is drawn from bundled data, so there are no files yet; the chain is kept for later assets.

export const SCENE_KEYS = {
  boot: 'MapBoot',
  preload: 'MapPreload',
  map: 'MapMain',
} as const

export const TEXTURE_KEYS = {
  /** The static picture: base map (traced on resize) with blocs, links, markers and labels (on update). */
  map: 'map-picture',
} as const

export interface AssetEntry {
  type: 'image'
  key: string
  /** Bundled URL (from a vite `?url` import), never a remote address. */
  url: string
}

export const ASSETS: readonly AssetEntry[] = []
