/** Home folder of the lab user; the prompt shows it as `~`. */
export const LAB_HOME = '/home/learner';

/** Folder the lab's files live in, and the shell's starting folder. */
export const LAB_ROOT = '/home/learner/lab';

/** Folder where the simulated Docker engine keeps its images and build log. */
export const DOCKER_STATE_DIR = '/var/lib/docker';

/** User and host names shown in the prompt. */
export const LAB_USER = 'learner';
export const LAB_HOST = 'slipway';
