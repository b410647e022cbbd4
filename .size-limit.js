// Size budgets, min+gzip, React external. The root entry loads the rest of the launcher with dynamic imports when
// a button mounts (the run with its dialog, the session schema, the token request, the error texts, the iframe hub),
// so the first check is what a page with a button loads before it is interactive; the second, everything a button with
// a hubUrl has loaded once mounted (one bundle, as a page that preloads it would get); the next five are those lazily
// loaded chunks, which a click finds loaded.
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
    limit: '6 kB',
  },
  {
    name: 'what a button with a hubUrl loads when it mounts: the root entry, the run, the schema, the token request, the words, the iframe hub',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '19.5 kB',
  },
  {
    name: 'what a button loads when it mounts: the run, its dialog and the hub callbacks',
    path: 'dist/chunks/run-*.js',
    import: '*',
    gzip: true,
    limit: '5 kB',
  },
  {
    name: 'what a button loads when it mounts: the session schema (zod/mini included)',
    path: 'dist/chunks/schema-*.js',
    import: '*',
    gzip: true,
    limit: '10 kB',
  },
  {
    name: 'what a button loads when it mounts: the token request and its checks',
    path: 'dist/chunks/requestToken-*.js',
    import: '*',
    gzip: true,
    limit: '1.5 kB',
  },
  {
    name: "what a button loads when it mounts: the end user's words for each error",
    path: 'dist/chunks/errorText-*.js',
    import: '*',
    gzip: true,
    limit: '0.6 kB',
  },
  {
    name: 'what a button with a hubUrl loads when it mounts: the iframe hub and the protocol parser',
    path: 'dist/chunks/frameHub-*.js',
    import: '*',
    gzip: true,
    limit: '2.5 kB',
  },
  {
    name: 'react-connect-hub/session: the schemas and parsers (zod/mini included)',
    path: 'dist/session.js',
    import: '*',
    gzip: true,
    limit: '9.8 kB',
  },
  {
    name: 'react-connect-hub/protocol: the protocol builders and parsers, for hub authors',
    path: 'dist/protocol.js',
    import: '*',
    gzip: true,
    limit: '2 kB',
  },
  {
    name: "react-connect-hub/testing: the in-process test hub and its provider, for host apps' tests and stories",
    path: 'dist/testing.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '2.5 kB',
  },
  {
    name: 'react-connect-hub/stackone, the adapter (@stackone/hub itself is a dynamic import, not counted)',
    path: 'dist/stackone.js',
    import: '{ stackOneHub }',
    ignore: ['react', 'react-dom', '@stackone/hub'],
    gzip: true,
    limit: '2.5 kB',
  },
]
