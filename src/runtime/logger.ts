/** A plain line logger. Log ids and counts, never message texts, names or phone numbers (promise 7). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ORDER = { debug: 0, info: 1, warn: 2, error: 3 } as const;

export function createLogger(level: keyof typeof ORDER = 'info', write: (line: string) => void = (l) => console.log(l)): Logger {
  const at = (name: keyof typeof ORDER) => (message: string) => {
    if (ORDER[name] >= ORDER[level]) write(name === 'info' ? message : `[${name}] ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
