/**
 * A config that knows what must not run in production. loadConfig asks it when NODE_ENV is
 * `production` and refuses to start, naming each problem, if it answers any.
 */
export interface ProductionChecked {
  productionProblems(): string[];
}

export const isProductionChecked = (config: object): config is ProductionChecked =>
  typeof (config as Partial<ProductionChecked>).productionProblems === 'function';
