// Size budgets, min+gzip, React external. The root entry loads the session schema (zod/mini) with a
// dynamic import when the button mounts, so the first check is what a page with a button loads
// before it is interactive; the second is that lazily loaded chunk.
const lazy = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'lazy',
      setup: (build) => build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { external: true } : undefined)),
    },
  ],
})

export default [
  {
    name: 'react-connect-hub: everything in the root entry, loaded with the page',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    modifyEsbuildConfig: lazy,
    limit: '7.8 KB',
  },
  {
    name: 'react-connect-hub/session: the schema (zod/mini included), which the button loads on first prefetch or open',
    path: 'dist/session.js',
    import: '*',
    gzip: true,
    limit: '9.8 KB',
  },
  {
    name: 'react-connect-hub/stackone, the adapter (@stackone/hub itself is a dynamic import, not counted)',
    path: 'dist/stackone.js',
    import: '{ stackOneHub }',
    ignore: ['react', 'react-dom', '@stackone/hub'],
    gzip: true,
    limit: '2.5 KB',
  },
]
