/** One task as the lab page receives it; `check` is passed to the checks module untouched. */
export type LabPageTask = {
  id: string;
  title: string;
  description: string;
  hint: string;
  check: unknown;
};

/** The lab definition embedded in the lab page as JSON. */
export type LabPageData = {
  id: string;
  title: string;
  summary: string;
  lesson: string | null;
  tasks: LabPageTask[];
  /** Starter files, by path relative to the lab folder. */
  files: Record<string, string>;
  /** Solution files, by path relative to the lab folder. */
  solution: Record<string, string>;
  solutionCommands: string[];
};


/** Read the lab definition the server embedded in `<script id="lab-data">`. */
export function readLabPageData(document: Document): LabPageData {
  const element = document.getElementById('lab-data');
  if (element === null) throw new Error('The lab page has no #lab-data element; render it with LabWorkspace.astro.');
  return JSON.parse(element.textContent ?? '') as LabPageData;
}
