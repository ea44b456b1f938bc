const SERVER = '/lessons/dockerfile-for-a-model-server/';
const VERSIONS = '/lessons/image-versions-and-rollback/';

/** Lesson sections the lint findings link to; each lesson must keep these anchors. */
export const LESSON_LINKS = {
  syntax: `${SERVER}#dockerfile-syntax`,
  layerOrder: `${SERVER}#layer-order`,
  dockerignore: `${SERVER}#dockerignore`,
  execForm: `${SERVER}#exec-form`,
  nonRootUser: `${SERVER}#non-root-user`,
  workdir: `${SERVER}#workdir`,
  buildArgs: `${SERVER}#build-args`,
  secrets: `${SERVER}#secrets`,
  pinPackages: `${SERVER}#pin-packages`,
  packageCaches: `${SERVER}#package-caches`,
  layersOnlyAdd: `${SERVER}#layers-only-add`,
  exposeDocuments: `${SERVER}#expose-documents-ports`,
  shellPitfalls: `${SERVER}#shell-pitfalls`,
  lineEndings: `${SERVER}#line-endings`,
  multiStage: `${SERVER}#multi-stage-builds`,
  copyAndAdd: `${SERVER}#copy-and-add`,
  baseImageTags: `${VERSIONS}#pin-base-image-tags`,
  platforms: `${VERSIONS}#platforms`,
} as const;

/** Returns the page BuildKit links for a check, such as `.../rule/from-as-casing/`. */
export function buildkitRuleUrl(rule: string): string {
  const kebab = rule
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
  return `https://docs.docker.com/go/dockerfile/rule/${kebab}/`;
}
