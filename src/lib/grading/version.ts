/** Version of the grading logic; bump it whenever a grade for the same answer could change. */
export const GRADER_VERSION = 'grader-2';
