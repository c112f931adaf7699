import cliProgress from 'cli-progress';

/** A progress bar on stderr (so stdout stays clean for --json); silent when stderr is not a terminal. */
export function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} {detail}`, stream: process.stderr, hideCursor: true, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, detail = '') {
      if (!started) {
        bar.start(Math.max(total, 1), 0, { detail });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { detail });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
