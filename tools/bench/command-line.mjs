// The benches' `--name=value` options; a bare `--name` reads as 'true'.

/** @param {string[]} argv @returns {Record<string, string>} */
export function commandLineOptions(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((argument) => {
      const [name, ...value] = argument.replace(/^--/, '').split('=');
      return [name, value.length > 0 ? value.join('=') : 'true'];
    }),
  );
}
