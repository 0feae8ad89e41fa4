import { build } from 'esbuild';
import { esbuildOptions } from '../test/support/esbuild-options.js';
import { HubFunction } from '../lib/hub-function.js';
import { synthCommHub } from '../test/infra/synth-commhub.js';
const { stack } = synthCommHub();
const fns = stack.node.findAll().filter((c): c is HubFunction => c instanceof HubFunction);
const want = process.argv[2]!;
const fn = fns.find((f) => f.node.path.endsWith(want))!;
const r = await build({ ...esbuildOptions(fn.bundling), entryPoints: [fn.entry], outdir: '/x', write: false });
const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint)!;
const groups = new Map<string, number>();
for (const [p, i] of Object.entries(out.inputs)) {
  const m = /node_modules\/(?:\.cache\/commhub-slim-sdk\/)?((?:@[^/+]+[/+])?[^/@]+)(?:@[^/]+)?\/(?:dist-es\/)?(?:submodules\/)?([^/]+)?/.exec(p);
  const key = m ? `${m[1]}/${m[2] ?? ''}` : p.split('/').slice(0, 2).join('/');
  groups.set(key, (groups.get(key) ?? 0) + i.bytesInOutput);
}
console.log(out.bytes);
for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(String(v).padStart(7), k);
