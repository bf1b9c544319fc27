import { runCli } from './run-cli';

// The exit code is set, not forced, so that stdout is flushed when it is a pipe.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
