/**
 * The one command-line shell every script in scripts/ runs in: parse the arguments (printing the
 * usage on --help or a mistake), run the command, and set the exit code, never exiting mid-run.
 * A command returns its exit code; an unexpected error is printed as a message, not a stack.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function runCommand<O extends Options>(spec: CommandSpec<O>, command: (args: Parsed) => Promise<number> | number): Promise<void> {
  const run = async (): Promise<number> => {
    let args: Parsed;
    try {
      args = parseArgs({
        args: process.argv.slice(2),
        options: { ...spec.options, help: { type: 'boolean' } },
        allowPositionals: spec.allowPositionals ?? false,
      });
    } catch (error) {
      console.error(`${(error as Error).message}\n${spec.usage}`);
      return 1;
    }
    if (args.values.help) {
      console.log(spec.usage);
      return 0;
    }
    return command(args);
  };
  return run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
