import type { LineSink } from "@tiffin/aws/child-processes";

const colours = [36, 35, 33, 32, 34, 91, 96, 95];
let next = 0;

/**
 * Prefixes every line with a padded, coloured name, so many processes can share one terminal. (Starting,
 * watching and restarting them is @tiffin/aws/child-processes.)
 */
export const prefixer = (name: string): LineSink => {
  const colour = colours[next++ % colours.length];
  const tag = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(11)}\x1b[0m│` : `${name.padEnd(11)}│`;
  return (line) => process.stdout.write(`${tag} ${line}\n`);
};
