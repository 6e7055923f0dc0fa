/** The benchmarks' step settings, read from the environment: what load each measured step puts on. */

/** One step of a room's load: who publishes, and how many only receive. */
export interface Step {
  publishers: number;
  subscribers: number;
}

/** Steps written `PUBLISHERSxSUBSCRIBERS`, comma-separated (`1x10,2x25`), as `setting` reads them. */
export function parseSteps(text: string, setting: string): Step[] {
  return text.split(',').map((step) => {
    const match = /^\s*(\d+)\s*x\s*(\d+)\s*$/.exec(step);
    if (!match || Number(match[1]) < 1) throw new Error(`${setting}: "${step}" is not PUBLISHERSxSUBSCRIBERS`);
    return { publishers: Number(match[1]), subscribers: Number(match[2]) };
  });
}

/** Whole counts of at least `minimum`, comma-separated (`25,50,100`); `what` names them in the error. */
export function parseCounts(text: string, setting: string, what: string, minimum = 1): number[] {
  return text.split(',').map((step) => {
    const value = Number(step.trim());
    if (step.trim() === '' || !Number.isInteger(value) || value < minimum) throw new Error(`${setting}: "${step}" is not a number of ${what} (at least ${minimum})`);
    return value;
  });
}
