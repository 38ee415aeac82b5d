import * as Phaser from 'phaser'
import { SCENE_KEYS } from '../manifest.ts'

/** Loads only what the preloader itself would need (nothing yet) and hands over. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENE_KEYS.boot })
  }

  create(): void {
    this.scene.start(SCENE_KEYS.preload)
  }
}
