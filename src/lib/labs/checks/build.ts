import type { BuildStepRecord } from '../../docker/index.ts';
import type { LeafCheck } from '../definition/schema.ts';
import { familiarReference } from './image-names.ts';
import { fail, pass, type Evaluator } from './types.ts';

type BuildCheck = Extract<LeafCheck, { type: 'build' }>;

const installPattern = /\bpip3?\s+install\b|\bpython3?\s+-m\s+pip\s+install\b|\buv\s+(pip\s+install|sync)\b|\bpoetry\s+install\b/;
const dependencyFilePattern = /(^|\/)(requirements[^/]*\.txt|constraints[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.cfg)$/;

/** Tell whether a build step's instruction copies application source (any COPY or ADD source that is not a dependency file). */
function copiesSource(instruction: string): boolean {
  const match = /^(COPY|ADD)\s+(.*)$/is.exec(instruction.trim());
  if (match === null) return false;
  const words = (match[2] ?? '').split(/\s+/).filter((word) => word !== '');
  if (words.some((word) => word.startsWith('--from'))) return false;
  const sources = words.filter((word) => !word.startsWith('--')).slice(0, -1);
  return sources.some((source) => !dependencyFilePattern.test(source.replace(/^["[,\]]+|["[,\]]+$/g, '')));
}

/** Return the instruction as the build output shows it: the step title without its `[3/6]` counter. */
function stepText(step: BuildStepRecord): string {
  return step.title.replace(/^\[[^\]]*\]\s*/, '');
}

/**
 * Judge the build log: the latest successful build must have reused the
 * dependency install from the cache while copying changed source again.
 */
export const evaluateBuildCheck: Evaluator<BuildCheck> = async (check, state) => {
  const expectedName = check.tag === undefined ? null : familiarReference(check.tag);
  const builds = (await state.engine.store.builds()).filter(
    (build) => build.imageId !== null && (expectedName === null || build.tags.some((tag) => familiarReference(tag) === expectedName)),
  );
  const subject = check.tag ?? 'the image';
  const latest = builds[builds.length - 1];
  if (latest === undefined) return fail(`No successful build of ${subject} yet. Run docker build -t ${check.tag ?? 'NAME:TAG'} .`);
  if (builds.length < 2) return fail(`There is only one build of ${subject}. Edit app.py, then build again to see which steps are CACHED.`);

  const install = latest.steps.find((step) => installPattern.test(step.instruction));
  if (install === undefined) return fail('The latest build has no pip install step. Install the dependencies from requirements.txt in a RUN step.');
  if (!install.cached) {
    return fail(`The latest build ran "${stepText(install)}" again instead of using the cache. Copy only requirements.txt before the install, and the source after it.`);
  }
  const source = latest.steps.find((step) => copiesSource(stepText(step)));
  if (source === undefined) return fail('The latest build never copies the application source.');
  if (source.cached) {
    return fail(`"${stepText(source)}" was CACHED in the latest build, so the source did not change since the build before. Edit app.py and build again.`);
  }
  return pass(`The latest build reused the cached "${stepText(install)}" and copied the edited source again ("${stepText(source)}").`);
};
