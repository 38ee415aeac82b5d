import * as Phaser from 'phaser'
import { ASSETS, SCENE_KEYS } from '../manifest.ts'

/** Loads the manifest's assets, then starts the map. */
export class PreloadScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENE_KEYS.preload })
  }

  preload(): void {
    for (const asset of ASSETS) this.load.image(asset.key, asset.url)
  }

  create(): void {
    this.scene.start(SCENE_KEYS.map)
  }
}
