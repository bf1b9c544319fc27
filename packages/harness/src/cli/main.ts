import { runCli } from './run-cli';

/**
 * Exits as soon as what the command wrote has reached stdout and stderr: waiting for Node's own
 * teardown (a last garbage collection, the heap's disposal) cost a one-file check ~10 ms. The
 * empty writes call back after every earlier write on their stream, so a pipe gets all of it.
 */
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  let pending = 2;
  const exitWhenFlushed = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', exitWhenFlushed);
  process.stderr.write('', exitWhenFlushed);
});
