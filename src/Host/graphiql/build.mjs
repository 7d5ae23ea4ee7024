// Bundles GraphiQL and its stylesheet into dist/ (embedded into MonBureau.Host by its csproj, served under /graphql/ide/).
import { build } from 'esbuild';

await build({
  entryPoints: { graphiql: 'src/index.jsx' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: 'dist',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
  legalComments: 'linked',
});
