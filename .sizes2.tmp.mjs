import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const ext = (process.argv[3] ?? '').split(',').filter(Boolean)
const lazy = { name: 'lazy', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' || ext.some((e) => a.path.endsWith(e)) ? { external: true } : undefined)) }
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, external: ['react', 'react-dom', 'react/*'], plugins: [lazy], jsx: 'automatic' })
const out = r.outputFiles[0].contents
console.log('min', out.length, 'gz', gzipSync(out).length)
