// The baseline of the renderer's size in `npm run bench`: the smallest page that starts a Phaser game (the
// whole package, as an app that imports 'phaser' gets it), built like the browser edition.
import * as Phaser from 'phaser'

new Phaser.Game({ type: Phaser.AUTO, width: 320, height: 200, scene: { create() {} } })
