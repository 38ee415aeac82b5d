// A build step of the browser edition: a brotli (.br) and a gzip (.gz) copy beside every text file of the
// build, compressed as hard as they go, for the server of `npm run web` to send to browsers that accept them
// (src/launch/web-server.mjs). A copy that would not be smaller is not written.
//
// Brotli's best quality (11) takes seconds for the largest chunks (~4 s for 1.3 MB) for ~2% less than 10.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const TEXT = /\.(html|js|css|json|svg|txt)$/
const LARGE = 256 * 1024
const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** Writes a copy; none when its folder is gone (another build emptied the shared out/web meanwhile). */
async function copy(path: string, bytes: Buffer): Promise<void> {
  await writeFile(path, bytes).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
}

export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'red-lines:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async writeBundle(_options, bundle) {
      const files = Object.values(bundle).filter((file) => TEXT.test(file.fileName))
      await Promise.all(
        files.map(async (file) => {
          const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source)
          const path = join(outDir, file.fileName)
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: bytes.length > LARGE ? 10 : constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            }),
            gzipped(bytes, { level: 9 }),
          ])
          await Promise.all([br.length < bytes.length && copy(`${path}.br`, br), gz.length < bytes.length && copy(`${path}.gz`, gz)])
        }),
      )
    },
  }
}
