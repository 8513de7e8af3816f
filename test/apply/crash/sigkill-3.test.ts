/** Crash safety, part 3 of 4: see crash-suite.ts for what is killed where and what is checked. */
import { crashSuite } from './crash-suite.js';

crashSuite(3);
