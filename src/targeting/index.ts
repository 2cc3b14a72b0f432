/** What other domains may use of targeting: the screening subject extension point. */
export type {
  FlightDirectory,
  FlightSummary,
  MemberName,
  PeriodPage,
  PersonQuery,
  ReferenceCandidate,
  SubjectMember,
  SubjectProvider,
  SubjectRecord,
  SubjectSummary,
} from './subject-provider.js';
export { SubjectProviders } from './subject-provider.js';
