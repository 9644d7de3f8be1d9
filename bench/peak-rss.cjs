// Preloaded into the CLI by the benchmark (node --require): writes the process's peak RSS (KiB) and CPU time
// (user + system, seconds) to the file named by BENCH_RSS_FILE when it exits, process.exit included, in the
// form GNU time writes them for the anchor's programs (-f '%M %U %S').
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  const seconds = (us) => (us / 1e6).toFixed(3);
  writeFileSync(
    process.env.BENCH_RSS_FILE,
    `${usage.maxRSS} ${seconds(usage.userCPUTime)} ${seconds(usage.systemCPUTime)}`,
  );
});
