import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/**
 * Min+gzip bytes of each package entry in `dist/`, measured as size-limit does: esbuild bundles everything the entry
 * imports statically (zod included) except the peer dependencies (React, `@stackone/hub`, …), minifies, and the result
 * is gzipped at level 9. What an entry loads with `import()` is its own chunk, loaded later, and is not counted: the
 * root entry's lazily loaded session schema is the `react-connect-hub/session` figure.
 */
export async function entrySizes(root: string): Promise<Record<string, number>> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { default?: string }>
    peerDependencies?: Record<string, string>
  }
  const external = Object.keys(pkg.peerDependencies ?? { react: '', 'react-dom': '' }).flatMap((name) => [name, `${name}/*`])
  const sizes: Record<string, number> = {}
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default
    if (!file?.endsWith('.js')) continue
    const name = subpath === '.' ? 'react-connect-hub' : `react-connect-hub${subpath.slice(1)}`
    const result = await build({
      stdin: { contents: `export * from ${JSON.stringify(join(root, file))}`, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      // The browser entries ship to browsers; the server and dev entries run on Node and keep its built-ins external.
      platform: subpath === './server' || subpath === './dev' ? 'node' : 'browser',
      external,
      plugins: [
        {
          name: 'lazy',
          setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { external: true } : undefined)),
        },
      ],
      write: false,
      logLevel: 'silent',
    })
    sizes[name] = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length
  }
  return sizes
}
