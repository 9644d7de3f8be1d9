// Preloaded into the CLI by the benchmark (node --require): writes the process's peak RSS (KiB) to the file
// named by BENCH_RSS_FILE when it exits, process.exit included.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
