import { ZProblem } from '../../contracts/cases.js';

/** Documents the problem+json answers every authenticated route can give. */
export const errorResponses = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
} as const;
