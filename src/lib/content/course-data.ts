import courseYaml from '../../data/course.yaml?raw';
import { parseCourse } from './course.ts';

/**
 * The course outline, bundled into the build through Vite's `?raw` import, so
 * pages rendered on demand do not read src/data/course.yaml from disk at
 * runtime. Node scripts use loadCourse() from load.ts instead.
 */
export const course = parseCourse(courseYaml);
