// Size budgets, min+gzip, React external. The root entry loads the rest of the launcher with dynamic imports when
// a button mounts (the session schema, the token request, the error texts, the iframe hub), so the first check is what
// a page with a button loads before it is interactive; the next four are those lazily loaded chunks, which a click
// finds loaded.
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
    // 6.51 kB before the launcher spoke six languages and followed the host's appearance; those added ~210 B (the run's
    // look, loaded with the rest, and the CSS hooks the look sets under the host's --rch-*).
    limit: '6.75 kB',
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
    name: "what a button loads when it mounts: its words' loader, the looks (appearance checks) and the error box",
    path: 'dist/chunks/look-*.js',
    import: '*',
    gzip: true,
    modifyEsbuildConfig: lazy,
    // The appearance checks (~0.6 kB) are a chunk shared with the iframe hub's: counted in both, loaded once.
    limit: '2 kB',
  },
  // Each language's words, a chunk of its own: a button loads the one it speaks when it mounts.
  ...['en', 'fr', 'de', 'es', 'ja', 'ar'].map((language) => ({
    name: `what a button speaking ${language} loads when it mounts: its words`,
    path: `dist/chunks/${language}-*.js`,
    import: '*',
    gzip: true,
    limit: '1 kB',
  })),
  {
    name: 'what a button with a hubUrl loads when it mounts: the iframe hub and the protocol parser',
    path: 'dist/chunks/frameHub-*.js',
    import: '*',
    gzip: true,
    // The appearance checks for the hub URL's look parameters, shared with the look chunk, take it past 2.5 kB.
    limit: '3 kB',
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
    modifyEsbuildConfig: lazy,
    limit: '2.5 kB',
  },
  {
    name: "react-connect-hub/testing: the test hub's words besides English, loaded by a test hub given another locale",
    path: 'dist/chunks/translations-*.js',
    import: '*',
    gzip: true,
    limit: '1.5 kB',
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
