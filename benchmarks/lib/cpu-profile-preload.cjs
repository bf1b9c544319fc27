// Preloaded with NODE_OPTIONS=--require=<this file>: Node 20 refuses --cpu-prof in NODE_OPTIONS,
// so each process starts V8's sampling profiler itself and writes a .cpuprofile when it ends, with
// its command line beside it (which process is which matters: Nx forks workers).
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.HARNESS_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // same-thread sessions answer synchronously, so this works inside an 'exit' handler
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const base = path.join(dir, `CPU.${Date.now()}.${process.pid}.0.0`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${base}.cpuprofile`, JSON.stringify(result.profile));
      fs.writeFileSync(`${base}.argv.json`, JSON.stringify({ pid: process.pid, ppid: process.ppid, argv: process.argv, execArgv: process.execArgv }));
    });
  };
  process.on('exit', write);
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      write();
      process.kill(process.pid, signal);
    });
  }
}
