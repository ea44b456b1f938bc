import BenefitCard from './BenefitCard.astro';
import BenefitCards from './BenefitCards.astro';
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import DecisionTree from './DecisionTree.astro';
import DeploymentOptionsTable from './DeploymentOptionsTable.astro';
import Figure from './Figure.astro';
import Checkpoint from './checkpoint/Checkpoint.astro';
import LabCard from './lab/LabCard.astro';

/**
 * Components every lesson can use without an import line. The lesson page
 * passes this map to the rendered MDX; an explicit import in a lesson wins.
 */
export const lessonComponents = {
  BenefitCard,
  BenefitCards,
  Callout,
  Checkpoint,
  Cite,
  DecisionTree,
  DeploymentOptionsTable,
  Figure,
  LabCard,
};
