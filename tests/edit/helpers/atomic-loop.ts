// A child process for the crash test: replaces one file with two large texts in turn through writeFileAtomic, for
// ever, printing one line per write, until it is killed. Large texts make each write last long enough that a kill
// at a random moment often lands inside one, so a writer that is not atomic is caught.
import { writeFileAtomic } from "../../../src/edit/atomic-write";

const [file] = process.argv.slice(2) as [string];
const texts = ["a", "b"].map((letter) => `${letter.repeat(79)}\n`.repeat(50_000));
for (let n = 1; ; n++) {
  await writeFileAtomic(file, texts[n % 2]!);
  process.stdout.write(`${n}\n`);
}
