// Runs one command and measures it: wall time, the peak RSS of its largest process (GNU time -v)
// and the peak RSS summed over its whole process tree (polled from /proc).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const PAGE_KB = 4;
const POLL_MS = 150;

let gnuTimeUsable;

/** GNU time is needed for `-v`; busybox or a missing binary falls back to /proc polling alone. */
export function hasGnuTime() {
  if (gnuTimeUsable === undefined) {
    const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
    gnuTimeUsable = probe.status === 0 && /Maximum resident set size/.test(probe.stderr ?? '');
  }
  return gnuTimeUsable;
}

/**
 * Runs `command args` in `cwd` with stdout and stderr sent to files (so the parent's event loop
 * does not sit between the tool and its output), and returns what was measured.
 */
export async function measureCommand(command, args, { cwd, env, logDir, label, timeoutMs = 60 * 60 * 1000 }) {
  fs.mkdirSync(logDir, { recursive: true });
  const stdoutFile = path.join(logDir, `${label}.stdout.txt`);
  const stderrFile = path.join(logDir, `${label}.stderr.txt`);
  const timeFile = path.join(logDir, `${label}.time.txt`);
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const useTime = hasGnuTime();
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', out, err] });
  let treePeakKb = 0;
  const poll = () => {
    const kb = readTreeRssKb(child.pid);
    if (kb > treePeakKb) treePeakKb = kb;
  };
  const timer = setInterval(poll, POLL_MS);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: -1, signal: String(error.message) }));
    child.on('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(timer);
  clearTimeout(killer);
  fs.closeSync(out);
  fs.closeSync(err);
  let maxRssKb = null;
  let cpuMs = null;
  let exitCode = code;
  if (useTime && fs.existsSync(timeFile)) {
    const text = fs.readFileSync(timeFile, 'utf8');
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (rss) maxRssKb = Number(rss[1]);
    // user + system time of the command and every child it waited for: on a shared machine this
    // moves far less with the load than wall time does
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const system = /System time \(seconds\): ([\d.]+)/.exec(text);
    if (user && system) cpuMs = Math.round((Number(user[1]) + Number(system[1])) * 1000);
    // time -v exits with the command's status, and says so in the report when it was a signal
    const status = /Exit status: (\d+)/.exec(text);
    if (status) exitCode = Number(status[1]);
    if (/Command terminated by signal/.test(text)) exitCode = exitCode || 128;
  }
  return {
    wallMs,
    exitCode,
    signal,
    maxRssKb,
    cpuMs,
    treePeakKb: treePeakKb || null,
    stdoutFile,
    stderrFile,
  };
}

/** Sum of the RSS of `rootPid` and all its descendants, in kB; 0 when the tree is gone. */
export function readTreeRssKb(rootPid) {
  const parentOf = new Map();
  const rssOf = new Map();
  let names;
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // the command name may hold spaces and parentheses: fields start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parentOf.set(Number(name), Number(fields[1]));
    rssOf.set(Number(name), Number(fields[21]) * PAGE_KB);
  }
  const childrenOf = new Map();
  for (const [pid, ppid] of parentOf) {
    if (!childrenOf.has(ppid)) childrenOf.set(ppid, []);
    childrenOf.get(ppid).push(pid);
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rssOf.get(pid) ?? 0;
    stack.push(...(childrenOf.get(pid) ?? []));
  }
  return total;
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    peakRssSource: hasGnuTime() ? 'GNU time -v (largest process) and /proc polling (process tree sum)' : '/proc polling only (process tree sum); GNU time not found',
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
