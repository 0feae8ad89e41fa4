import { bundleContents } from './coldstart-contents.js';
const all = await bundleContents();
for (const [id, c] of all) {
  const total = [...c.bytesByPackage.values()].reduce((a, b) => a + b, 0);
  if (total < 500 * 1024) continue;
  console.log(`\n${id} total ${(total / 1024).toFixed(1)} KB`);
  for (const [name, b] of [...c.bytesByPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(b / 1024).toFixed(1).padStart(7)}  ${name}`);
}
