// Phaser as the map uses it, from Phaser's own sources, for the builds (src/renderer/phaser-subset-plugin.ts
// puts this module in place of 'phaser'): the game loop, scenes, the Canvas and WebGL renderers, textures, and
// the Graphics, Image and Text objects, with the scene plugins they need. No physics, tweens, tilemaps,
// particles, sound, loader, input plugins or the rest, which the full package (~355 kB gzip) carries and the
// map never touches. Everything the map's code names as `Phaser.…` must be exported here: the test
// tests/unit/phaser-subset.test.ts checks that. The types still come from the package ('phaser').
import CONST from 'phaser-source/const.js'
// First, as in Phaser's own entry: the WebGL batch handlers and the renderer index require each other, and
// entered anywhere else that cycle leaves a class extending a module not yet defined.
import Renderer from 'phaser-source/renderer/index.js'
import CoreEvents from 'phaser-source/core/events/index.js'
import Game from 'phaser-source/core/Game.js'
import Scale from 'phaser-source/scale/index.js'
import Scene from 'phaser-source/scene/Scene.js'
import Scenes from 'phaser-source/scene/index.js'
import CanvasTexture from 'phaser-source/textures/CanvasTexture.js'
import Graphics from 'phaser-source/gameobjects/graphics/Graphics.js'
import Image from 'phaser-source/gameobjects/image/Image.js'
import Text from 'phaser-source/gameobjects/text/Text.js'
// Scene plugins register themselves when loaded; a scene has only those that are.
import 'phaser-source/events/EventEmitter.js'
import 'phaser-source/cameras/2d/CameraManager.js'
import 'phaser-source/gameobjects/DisplayList.js'
import 'phaser-source/gameobjects/UpdateList.js'
import 'phaser-source/gameobjects/GameObjectCreator.js'
import 'phaser-source/gameobjects/GameObjectFactory.js'
// So do the factories behind this.add.graphics(), .image() and .text().
import 'phaser-source/gameobjects/graphics/GraphicsFactory.js'
import 'phaser-source/gameobjects/image/ImageFactory.js'
import 'phaser-source/gameobjects/text/TextFactory.js'

export const { AUTO, CANVAS, WEBGL, HEADLESS, VERSION } = CONST
export const Core = { Events: CoreEvents }
export const GameObjects = { Graphics, Image, Text }
export const Textures = { CanvasTexture }
export { Game, Renderer, Scale, Scene, Scenes }
