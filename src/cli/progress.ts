// Progress on stderr: a bar on a terminal, a few plain lines otherwise (logs, CI).
import { SingleBar, Presets } from 'cli-progress';

/** Without a terminal, work this small is not worth a progress line. */
const QUIET_BELOW = 5000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let lastTenth = -1;
    return {
      update(done, total) {
        if (total < QUIET_BELOW) return;
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (tenth !== lastTenth && (tenth === 0 || tenth === 10)) stream.write(`${label}: ${done}/${total}\n`);
        lastTenth = tenth;
      },
      stop() {},
    };
  }
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`, stream, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function note(message: string, stream: NodeJS.WriteStream = process.stderr): void {
  stream.write(`${message}\n`);
}
