/** The publisher bots' camera. */
export interface CameraSettings {
  width: number;
  height: number;
  fps: number;
}

/** A camera written `WIDTHxHEIGHT@FPS` (`640x480@20`), as the benchmarks' `setting` reads it. */
export function parseCamera(text: string, setting: string): CameraSettings {
  const match = /^(\d+)x(\d+)@(\d+)$/.exec(text);
  if (!match) throw new Error(`${setting}: "${text}" is not WIDTHxHEIGHT@FPS`);
  return { width: Number(match[1]), height: Number(match[2]), fps: Number(match[3]) };
}

