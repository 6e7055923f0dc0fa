import fs from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '../recording/tool-run.js';
import { RECOGNIZER_PCM, type RecognitionListener, type RecognitionRun, type SpeechRecognizer } from './speech-recognizer.js';
import { ToolProcess } from './tool-process.js';

export interface PocketsphinxOptions {
  /** An ffmpeg built with Pocketsphinx (Debian's is), a name on the PATH or a path. */
  ffmpeg: string;
  /**
   * The model folder, laid out as Debian's `pocketsphinx-en-us` installs it: the acoustic model in
   * `en-us/`, the language model `en-us.lm.bin` and the dictionary `cmudict-en-us.dict`.
   */
  modelDir: string;
}

/** What ffmpeg prints for each utterance its `asr` filter recognised. */
const UTTERANCE_LINE = 'lavfi.asr.text=';

/**
 * CMU Pocketsphinx, offline, run through ffmpeg's `asr` filter (libpocketsphinx, which Debian's ffmpeg
 * is built with): raw audio in on stdin, and one line of recognised words per utterance out on stdout,
 * printed the moment the utterance ends (Pocketsphinx finds where utterances begin and end by itself:
 * it listens for pauses). Debian ships its US English model only.
 *
 * Not `pocketsphinx_continuous`: it reads audio only from a file (`-infile /dev/stdin`), which cannot
 * be opened when stdin is the socket Node gives a child process; ffmpeg reads its stdin as it is.
 */
export class PocketsphinxRecognizer implements SpeechRecognizer {
  readonly language = 'en-US';

  constructor(private readonly options: PocketsphinxOptions) {}

  async unavailableReason(): Promise<string | undefined> {
    for (const file of Object.values(this.modelFiles())) {
      try {
        await fs.access(file);
      } catch {
        return `the speech model file ${file} is missing: install pocketsphinx-en-us (make setup) or set PARLEY_POCKETSPHINX_MODEL`;
      }
    }
    const { ffmpeg } = this.options;
    try {
      const help = await runTool(ffmpeg, ['-hide_banner', '-h', 'filter=asr'], { timeoutMs: 10_000 });
      if (!help.includes('Automatic Speech Recognition')) return `${ffmpeg} is built without Pocketsphinx (it has no asr filter): use Debian's ffmpeg, or set PARLEY_FFMPEG to one that has it`;
    } catch (error) {
      return `${(error as Error).message}: install ffmpeg (make setup) or set PARLEY_FFMPEG`;
    }
    return undefined;
  }

  start(listener: RecognitionListener): RecognitionRun {
    const files = this.modelFiles();
    const asr = `asr=rate=${RECOGNIZER_PCM.sampleRate}:hmm=${quoted(files.acousticModel)}:lm=${quoted(files.languageModel)}:dict=${quoted(files.dictionary)}`;
    // Only the recognised text is printed, to stdout, each line as soon as it is known (`direct`).
    const print = `ametadata=mode=print:key=${UTTERANCE_LINE.slice(0, -1)}:file=-:direct=1`;
    let pending = '';
    const tool = new ToolProcess(
      this.options.ffmpeg,
      [
        '-hide_banner',
        '-loglevel', 'error',
        '-f', 's16le', '-ar', String(RECOGNIZER_PCM.sampleRate), '-ac', String(RECOGNIZER_PCM.channels), '-i', 'pipe:0',
        '-af', `${asr},${print}`,
        '-f', 'null', '-',
      ],
      {
        input: true,
        onOutput: (chunk) => {
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            const text = line.startsWith(UTTERANCE_LINE) ? line.slice(UTTERANCE_LINE.length).trim() : '';
            if (text) listener.utterance(text);
          }
        },
        onExit: (reason) => listener.failed(reason),
      },
    );
    return {
      write: (pcm) => tool.write(pcm),
      finish: () => tool.endInput(),
      abort: () => tool.stop(),
      processIds: () => (tool.pid === undefined ? [] : [tool.pid]),
    };
  }

  private modelFiles(): { acousticModel: string; languageModel: string; dictionary: string } {
    const { modelDir } = this.options;
    return {
      acousticModel: path.join(modelDir, 'en-us'),
      languageModel: path.join(modelDir, 'en-us.lm.bin'),
      dictionary: path.join(modelDir, 'cmudict-en-us.dict'),
    };
  }
}

/** A filter option's value as ffmpeg's filter graph syntax reads it whatever it holds (`:`, `,`, `'`). */
function quoted(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
