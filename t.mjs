import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
let t=Date.now();
const a = new PGlite("/tmp/cli1/pglite"); await a.waitReady; console.log("open dir", Date.now()-t);
t=Date.now(); const dump = await a.dumpDataDir("none"); console.log("dump", Date.now()-t, dump.size); await a.close();
t=Date.now(); const b = new PGlite({ loadDataDir: dump }); await b.waitReady; console.log("load mem", Date.now()-t);
console.log((await b.query('select count(*) from "User"')).rows);
t=Date.now(); const c = new PGlite(); await c.waitReady; console.log("fresh mem", Date.now()-t);
t=Date.now(); fs.cpSync("/tmp/cli1/pglite","/tmp/cli2",{recursive:true}); const d = new PGlite("/tmp/cli2"); await d.waitReady; console.log("copy+open", Date.now()-t);
