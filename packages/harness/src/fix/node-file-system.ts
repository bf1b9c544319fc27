import * as fs from 'node:fs';
import type { FixFileSystem } from './types';

/** The real file system behind `--fix`. */
export const NODE_FILE_SYSTEM: FixFileSystem = {
  readFile(absolutePath) {
    try {
      return fs.readFileSync(absolutePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  writeFile: (absolutePath, data) => fs.writeFileSync(absolutePath, data),
  renameFile: (from, to) => fs.renameSync(from, to),
  removeFile: (absolutePath) => fs.unlinkSync(absolutePath),
  makeDirectory: (absolutePath) => fs.mkdirSync(absolutePath),
  removeDirectory: (absolutePath) => fs.rmdirSync(absolutePath),
  exists: (absolutePath) => fs.existsSync(absolutePath),
  resolveRealPath: (absolutePath) => fs.realpathSync(absolutePath),
};
