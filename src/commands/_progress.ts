import type { CommandIo } from './_command.ts';

/**
 * A one-line progress bar on stderr when it is a terminal; silent in pipes and CI so logs stay
 * clean. `clear()` before printing an error line so the bar does not garble it.
 */
export function progressBar(io: CommandIo, total: number, label: string) {
  const enabled = io.isTTY && !io.env.CI && total > 1;
  let done = 0;
  let last = 0;
  const draw = (item = '') => {
    if (!enabled) return;
    const now = Date.now();
    if (now - last < 80 && done < total) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const name = item.length > 40 ? `…${item.slice(-39)}` : item;
    io.stderr(`\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
  };
  return {
    tick(item?: string) {
      done++;
      draw(item);
    },
    clear() {
      if (enabled) io.stderr('\r\x1b[K');
    },
    done() {
      if (enabled) io.stderr('\r\x1b[K');
    },
  };
}
