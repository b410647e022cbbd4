import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const lazy = { name: 'lazy', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { external: true } : undefined)) }
const entry = process.argv[2] ?? 'src/index.ts'
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true, external: ['react', 'react-dom', 'react/*', 'zod', 'zod/*'], plugins: [lazy], jsx: 'automatic', loader: { '.ts': 'ts', '.tsx': 'tsx' } })
const out = r.outputFiles[0].contents
console.log('total min', out.length, 'gz', gzipSync(out).length)
const inputs = Object.values(r.metafile.outputs)[0].inputs
for (const [k, v] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) console.log(String(v.bytesInOutput).padStart(6), k)
import { writeFileSync } from 'node:fs'
writeFileSync('/tmp/sz/out.js', out)
