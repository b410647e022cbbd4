// Size budgets, min+gzip, React external. The launcher loads the session schema (zod/mini) with a
// dynamic import on first prefetch or open, so a page that shows a button loads only the first check.
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
    name: 'ConnectButton + useConnectHub, loaded with the page',
    path: 'dist/index.js',
    import: '{ ConnectButton, useConnectHub }',
    ignore: ['react', 'react-dom'],
    gzip: true,
    modifyEsbuildConfig: lazy,
    limit: '7.5 KB',
  },
  {
    name: 'the session schema (zod/mini included), loaded on first prefetch or open',
    path: 'dist/index.js',
    import: '{ parseConnectSessionOptions }',
    gzip: true,
    limit: '10.5 KB',
  },
  {
    name: 'everything in the root entry, zod/mini included',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '17.5 KB',
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
